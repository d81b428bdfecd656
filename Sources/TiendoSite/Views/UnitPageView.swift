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
    let progress: ProgressView
    let tasks: [UnitTaskRow]
    let hasTasks: Bool
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
        let role: String
        let deadline: DeadlineView
        let badge: BadgeView
        let state: String
        let hasRow: Bool
        /// "còn N ngày" / "hôm nay là hạn cuối", for the "Sắp đến hạn" cards.
        let daysLeft: String
        let completed: String
        let report: String
        let noteHTML: String
    }

    struct ConsolidatedTask: ViewModel {
        let taskID: String
        let href: String
        let directive: String
        let excerpt: String
        let due: String
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
            return UnitTaskRow(
                directive: directive.title, directiveHref: directive.href,
                taskID: task.id, href: context.link(page, facts.page),
                excerpt: facts.rowExcerpt, role: assignment.role == .lead ? "Chủ trì" : "Phối hợp",
                deadline: facts.deadline, badge: BadgeView.of(assignment),
                state: assignment.row?.state.label ?? "Chưa báo cáo", hasRow: assignment.row != nil, daysLeft: daysLeft,
                completed: Format.date(assignment.row?.completed),
                report: assignment.row?.report ?? "", noteHTML: context.noteHTML(assignment.row?.note ?? ""))
        }
        tasks = assignments.map { row($0, daysLeft: "") }
        hasTasks = !assignments.isEmpty
        let asOf = context.asOf
        upcoming = Self.upcoming(assignments, asOf: asOf).map { assignment in
            let days = assignment.due!.dayNumber - asOf.dayNumber
            return row(assignment, daysLeft: days == 0 ? "hôm nay là hạn cuối" : "còn \(days) ngày")
        }
        hasUpcoming = !upcoming.isEmpty
        upcomingDays = Self.upcomingDays

        var consolidated: [ConsolidatedTask] = []
        for directive in context.tracker.directives {
            for task in directive.tasks where task.consolidator?.code == unit.code {
                let all = context.tracker.assignments(for: task.key)
                let reported = all.filter { $0.row != nil }.map {
                    UnitLinkView(name: context.unitName($0.unitCode), href: context.link(page, context.paths.unit($0.unitCode)))
                }
                let missing = all.filter { $0.row == nil }.map {
                    UnitLinkView(name: context.unitName($0.unitCode), href: context.link(page, context.paths.unit($0.unitCode)))
                }
                consolidated.append(ConsolidatedTask(
                    taskID: task.id, href: context.link(page, context.taskPage(task.key)),
                    directive: context.directiveShortTitle(directive.id), excerpt: context.excerpt(task, limit: 160),
                    due: Format.date(task.deadline?.due), reported: reported, notReported: missing,
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
