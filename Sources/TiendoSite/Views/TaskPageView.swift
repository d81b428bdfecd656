import TiendoCore
import TiendoMarkdown

/// A task's page: text, deadline, consolidator and every assigned unit.
struct TaskPageView: ViewModel {
    let id: String
    let directiveTitle: String
    let directiveHref: String
    let inTextHref: String
    let section: String
    let hasSection: Bool
    let textHTML: String
    let deadline: DeadlineView
    let consolidator: String
    let consolidatorHref: String
    let hasConsolidator: Bool
    let consolidatorHasPage: Bool
    let assignees: [AssigneeView]
    let references: String
    let referencesHTML: String
    let hasReferences: Bool
    let progress: ProgressView
    /// Progress over time, from the directive's date.
    let timeline: TimelineView
    let rows: [UnitStatusRow]
    let unitCount: Int
    /// A role column only when some unit is a partner: "Chủ trì" on every
    /// row says nothing.
    let hasPartners: Bool
    let hasNotes: Bool
    /// Only when every assignee is a lead does the text say so, once.
    let allLead: Bool
    /// The choices of the filter by class and report state.
    let classChoices: [Choice]

    struct Choice: ViewModel {
        let value: String
        let label: String
        let count: Int
    }

    struct UnitStatusRow: ViewModel {
        let name: String
        let href: String
        let role: String
        let badge: BadgeView
        let state: String
        /// Whether the unit has a row: the class's badge already says when it has not.
        let hasState: Bool
        let completed: String
        let report: String
        /// Flags, not the strings: an empty string still opens a Mustache section.
        let hasCompleted: Bool
        let hasReport: Bool
        let updated: String
        let noteHTML: String
        /// When the unit first reported on the task, and when it finished it (from its history).
        let firstReported: String
        let finished: String
        /// Flags, not the strings: an empty string still opens a Mustache section.
        let hasFirstReported: Bool
        let hasFinished: Bool
    }

    init(_ context: SiteContext, directive: Directive, task: Task) {
        let page = context.taskPage(task.key)
        id = task.id
        directiveTitle = directive.title
        directiveHref = context.link(page, context.paths.directive(directive.id))
        inTextHref = directiveHref + "#" + SitePaths.taskAnchor(task.id)
        section = task.section
        hasSection = !task.section.isEmpty
        textHTML = Markdown.html(task.text)
        deadline = context.taskFacts[task.key]?.deadline ?? DeadlineView(task.deadline)
        consolidator = task.consolidator.map { c in c.code.flatMap { context.tracker.register.unit(code: $0)?.name } ?? c.name } ?? ""
        hasConsolidator = task.consolidator != nil
        if let code = task.consolidator?.code, context.tracker.register.unit(code: code) != nil {
            consolidatorHref = context.link(page, context.paths.unit(code))
            consolidatorHasPage = true
        } else {
            consolidatorHref = ""
            consolidatorHasPage = false
        }
        assignees = context.assigneeViews(task, from: page)
        references = task.references.joined(separator: ", ")
        referencesHTML = task.references.map(WholeCodes.html).joined(separator: ", ")
        hasReferences = !task.references.isEmpty
        let assignments = context.tracker.assignments(for: task.key)
        let figures = context.tracker.progress(task: task.key)
        progress = ProgressView(figures)
        let series = ProgressTimeline.series(Array(context.tracker.assignments(for: task.key)), tracker: context.tracker,
                                             from: directive.metadata.date)
        timeline = TimelineView(caption: "Tiến độ theo thời gian của nhiệm vụ \(task.id)", dates: series.dates, counts: series.counts,
                                asOf: context.asOf)
        unitCount = assignments.count
        classChoices = statusOrder.reversed().filter { figures.count($0) > 0 }.map {
            Choice(value: $0.rawValue, label: $0.label, count: figures.count($0))
        }
        // Whom to chase first: overdue and silent, overdue and reported, in
        // time, standing, done late, done on time; then by Vietnamese name.
        let ordered = context.order.bySeverity(assignments)
        rows = ordered.map { assignment in
            let history = context.tracker.history(assignment)
            return UnitStatusRow(
                name: context.unitName(assignment.unitCode), href: context.link(page, context.paths.unit(assignment.unitCode)),
                role: assignment.role == .lead ? "Chủ trì" : "Phối hợp", badge: BadgeView.of(assignment),
                state: assignment.row?.state.label ?? "", hasState: assignment.reported, completed: Format.date(assignment.row?.completed),
                report: assignment.row?.report ?? "", hasCompleted: assignment.row?.completed != nil,
                hasReport: !(assignment.row?.report ?? "").isEmpty, updated: Format.date(assignment.row?.updated),
                noteHTML: context.noteHTML(assignment.row?.note ?? ""),
                firstReported: Format.date(StatusHistory.firstReported(history)), finished: Format.date(StatusHistory.finished(history)),
                hasFirstReported: StatusHistory.firstReported(history) != nil, hasFinished: StatusHistory.finished(history) != nil)
        }
        hasPartners = assignments.contains { $0.role == .partner }
        allLead = !assignments.isEmpty && !hasPartners
        hasNotes = rows.contains { !$0.noteHTML.isEmpty }
    }
}
