import TiendoCore

/// A unit's page: every task assigned to it, its status on each, its next
/// deadlines, its calendar feed, and — for a consolidator — who has reported.
struct UnitPageView: ViewModel {
    let name: String
    let code: String
    let typeLabel: String
    let aliases: String
    let hasAliases: Bool
    let feedHref: String
    let workbookHref: String
    /// The unit's own report sheet, prefilled, to fill in and send back.
    let reportSheetHref: String
    let progress: ProgressView
    let tasks: [UnitTaskRow]
    /// The same rows in the order of a reminder letter's appendix: overdue,
    /// then falling due soon, then the rest in the order of the documents.
    let taskGroups: [TaskGroup]
    let hasTasks: Bool
    let hasNotes: Bool
    let soonDays: Int
    let upcoming: [UnitTaskRow]
    let hasUpcoming: Bool
    let upcomingDays: Int
    let consolidated: [ConsolidatedTask]
    let isConsolidator: Bool

    struct UnitTaskRow: ViewModel {
        let directive: String
        let directiveHref: String
        let taskID: String
        let href: String
        let excerpt: String
        let excerptHTML: String
        let role: String
        /// Only a partner's role is shown: lead is what a unit usually is.
        let isPartner: Bool
        let deadline: DeadlineView
        let badge: BadgeView
        let state: String
        let hasRow: Bool
        /// "còn N ngày" / "hôm nay là hạn cuối", for the "Sắp đến hạn" cards.
        let daysLeft: String
        let completed: String
        let report: String
        /// Flags, not the strings: an empty string still opens a Mustache section.
        let hasCompleted: Bool
        let hasReport: Bool
        let noteHTML: String
        /// Every report of the unit on the task, oldest first, when it has sent more than one.
        let reports: [ReportEntry]
        let hasHistory: Bool
    }

    /// One report in a pair's history.
    struct ReportEntry: ViewModel {
        let date: String
        let state: String
        let report: String
        let hasReport: Bool
        /// Sent after the task's last day.
        let late: Bool
    }

    struct TaskGroup: ViewModel {
        let title: String
        let count: Int
        let rows: [UnitTaskRow]
    }

    struct ConsolidatedTask: ViewModel {
        let taskID: String
        let href: String
        let directive: String
        let excerpt: String
        let due: String
        let hasDue: Bool
        let reported: [UnitLinkView]
        let notReported: [UnitLinkView]
        let reportedCount: Int
        let notReportedCount: Int
        let total: Int
        let hasNotReported: Bool
        let hasReported: Bool
    }

    /// The window of "Sắp đến hạn", as on the home page.
    static let upcomingDays = HomeView.upcomingDays

    /// A unit's tasks not yet done whose last day falls from the date of
    /// the figures to `upcomingDays` after it, soonest first.
    static func upcoming(_ assignments: Tracker.UnitAssignments, asOf: CivilDate) -> [Tracker.Assignment] {
        let last = asOf.adding(days: upcomingDays)
        return assignments
            .filter { $0.row?.state != .done && ($0.due.map { $0 >= asOf && $0 <= last } ?? false) }
            .sorted { ($0.due!, $0.task) < ($1.due!, $1.task) }
    }

    init(_ context: SiteContext, unit: Unit) {
        let page = context.paths.unit(unit.code)
        name = unit.name
        code = unit.code
        typeLabel = context.typeLabels[unit.type]?.label ?? unit.type
        aliases = unit.aliases.joined(separator: "; ")
        hasAliases = !unit.aliases.isEmpty
        feedHref = context.link(page, context.paths.unitFeed(unit.code))
        workbookHref = context.link(page, SitePaths.progressWorkbook)
        reportSheetHref = context.link(page, context.paths.unitWorkbook(unit.code))
        let assignments = context.tracker.assignments(forUnit: unit.code)
        progress = ProgressView(context.tracker.progress(unit: unit.code))
        // A unit's tasks come from few directives: link each one once per page.
        var directiveLinks: [String: (title: String, href: String)] = [:]
        func row(_ assignment: Tracker.Assignment, daysLeft: String) -> UnitTaskRow {
            let task = context.tracker.task(assignment.task)!
            let facts = context.taskFacts[task.key]!
            let directive: (title: String, href: String)
            if let known = directiveLinks[task.directiveID] {
                directive = known
            } else {
                directive = (context.directiveShortTitle(task.directiveID), context.link(page, context.paths.directive(task.directiveID)))
                directiveLinks[task.directiveID] = directive
            }
            let history = context.tracker.history(assignment)
            let reports = history.count < 2 ? [] : history.map { row in
                ReportEntry(date: Format.date(row.updated), state: row.state.label, report: row.report, hasReport: !row.report.isEmpty,
                            late: StatusHistory.isLate(row, due: assignment.due))
            }
            return UnitTaskRow(
                directive: directive.title, directiveHref: directive.href,
                taskID: task.id, href: context.link(page, facts.page),
                excerpt: facts.rowExcerpt, excerptHTML: facts.rowExcerptHTML, role: assignment.role == .lead ? "Chủ trì" : "Phối hợp",
                isPartner: assignment.role == .partner, deadline: facts.deadline, badge: BadgeView.of(assignment),
                state: assignment.row?.state.label ?? "Chưa báo cáo", hasRow: assignment.row != nil, daysLeft: daysLeft,
                completed: Format.date(assignment.row?.completed),
                report: assignment.row?.report ?? "", hasCompleted: assignment.row?.completed != nil,
                hasReport: !(assignment.row?.report ?? "").isEmpty, noteHTML: context.noteHTML(assignment.row?.note ?? ""),
                reports: reports, hasHistory: !reports.isEmpty)
        }
        tasks = assignments.map { row($0, daysLeft: "") }
        hasTasks = !assignments.isEmpty
        hasNotes = tasks.contains { !$0.noteHTML.isEmpty }
        let asOf = context.asOf
        soonDays = Self.upcomingDays
        // A reminder letter's appendix: overdue first, then what falls due in
        // the coming days (the same tasks as the "Sắp đến hạn" cards), then the rest.
        let soonTasks = Set(Self.upcoming(assignments, asOf: asOf).map(\.task))
        var overdue: [UnitTaskRow] = [], soon: [UnitTaskRow] = [], rest: [UnitTaskRow] = []
        for (assignment, taskRow) in zip(assignments, tasks) {
            if assignment.statusClass == .overdue {
                overdue.append(taskRow)
            } else if soonTasks.contains(assignment.task) {
                soon.append(taskRow)
            } else {
                rest.append(taskRow)
            }
        }
        taskGroups = [
            TaskGroup(title: "Quá hạn chưa hoàn thành", count: overdue.count, rows: overdue),
            TaskGroup(title: "Sắp đến hạn (\(Self.upcomingDays) ngày tới)", count: soon.count, rows: soon),
            TaskGroup(title: overdue.isEmpty && soon.isEmpty ? "Các nhiệm vụ" : "Các nhiệm vụ khác", count: rest.count, rows: rest),
        ].filter { $0.count > 0 }
        upcoming = Self.upcoming(assignments, asOf: asOf).map { assignment in
            let days = assignment.due!.dayNumber - asOf.dayNumber
            return row(assignment, daysLeft: days == 0 ? "hôm nay là hạn cuối" : "còn \(days) ngày")
        }
        hasUpcoming = !upcoming.isEmpty
        upcomingDays = Self.upcomingDays

        var consolidated: [ConsolidatedTask] = []
        for directive in context.tracker.directives {
            for task in directive.tasks where task.consolidator?.code == unit.code {
                // Vietnamese alphabetical order: a clerk looks a name up in the list.
                let all = context.tracker.assignments(for: task.key).sorted { context.order.precedes(code: $0.unitCode, code: $1.unitCode) }
                let reported = all.filter { $0.row != nil }.map {
                    UnitLinkView(name: context.unitName($0.unitCode), href: context.link(page, context.paths.unit($0.unitCode)))
                }
                let missing = all.filter { $0.row == nil }.map {
                    UnitLinkView(name: context.unitName($0.unitCode), href: context.link(page, context.paths.unit($0.unitCode)))
                }
                consolidated.append(ConsolidatedTask(
                    taskID: task.id, href: context.link(page, context.taskPage(task.key)),
                    directive: context.directiveShortTitle(directive.id), excerpt: context.excerpt(task, limit: 160),
                    due: Format.date(task.deadline?.due), hasDue: task.deadline?.due != nil, reported: reported, notReported: missing,
                    reportedCount: reported.count, notReportedCount: missing.count, total: all.count,
                    hasNotReported: !missing.isEmpty, hasReported: !reported.isEmpty))
            }
        }
        self.consolidated = consolidated
        isConsolidator = !consolidated.isEmpty
    }
}

/// The browse index: units grouped by type, in Vietnamese alphabetical order.
struct UnitsView: ViewModel {
    let groups: [Group]
    let unitCount: Int

    struct Group: ViewModel {
        let heading: String
        let anchor: String
        let count: Int
        let units: [Row]
    }

    struct Row: ViewModel {
        let name: String
        let href: String
        /// Aliases and code, which the filter box also matches.
        let search: String
        let code: String
        let taskCount: Int
        let overdue: Int
        let hasOverdue: Bool
        /// How many of the overdue tasks the unit has not reported on.
        let overdueSilent: Int
        let hasOverdueSilent: Bool
        let progress: ProgressView
    }

    init(_ context: SiteContext) {
        let page = SitePaths.units
        let register = context.tracker.register
        unitCount = register.units.count
        groups = register.types.compactMap { type in
            let units = register.units.filter { $0.type == type.code }
                .sorted(by: context.order.precedes)
            guard !units.isEmpty else { return nil }
            return Group(heading: type.heading, anchor: "loai-\(type.code)", count: units.count, units: units.map { unit in
                let progress = context.tracker.progress(unit: unit.code)
                let search = (unit.aliases + [unit.code]).joined(separator: " | ")
                return Row(name: unit.name, href: context.link(page, context.paths.unit(unit.code)), search: search,
                           code: unit.code, taskCount: progress.total, overdue: progress.count(.overdue),
                           hasOverdue: progress.count(.overdue) > 0, overdueSilent: progress.silent(.overdue),
                           hasOverdueSilent: progress.silent(.overdue) > 0, progress: ProgressView(progress))
            })
        }
    }
}
