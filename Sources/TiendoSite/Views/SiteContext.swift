import TiendoCore
import TiendoMarkdown

/// What every page view needs: the classified model, where pages live, and
/// small lookups computed once per build.
struct SiteContext: Sendable {
    let tracker: Tracker
    let paths: SitePaths
    let typeLabels: [String: UnitType]
    let directivesByID: [String: Directive]
    let order: UnitOrder
    /// What every row about a task shows, computed once per build rather
    /// than once per (task, unit) row.
    let taskFacts: [TaskKey: TaskFacts]
    /// Notes already rendered to HTML, shared by the threads of one build.
    private let notes = Memo<String, String>()

    struct TaskFacts: Sendable {
        let page: String
        /// The task's text as one plain line: many pages show excerpts of it.
        let plain: String
        /// The excerpt of a unit page's table row.
        let rowExcerpt: String
        /// The same as HTML, document numbers and dates kept whole.
        let rowExcerptHTML: String
        let deadline: DeadlineView
    }

    static let rowExcerptLimit = 220

    init(tracker: Tracker, threads: Int = SiteBuilder.defaultThreads) {
        self.tracker = tracker
        paths = SitePaths(register: tracker.register)
        typeLabels = Dictionary(tracker.register.types.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        directivesByID = Dictionary(tracker.directives.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        order = UnitOrder(tracker.register.units)
        let paths = self.paths
        let perDirective = Workers.map(tracker.directives, threads: threads) { directive in
            directive.tasks.map { task -> (TaskKey, TaskFacts) in
                let line = Format.plainLine(task.text)
                let excerpt = Format.cut(line, limit: Self.rowExcerptLimit)
                return (task.key, TaskFacts(page: paths.task(task.key), plain: line, rowExcerpt: excerpt,
                                            rowExcerptHTML: WholeCodes.html(excerpt), deadline: DeadlineView(task.deadline)))
            }
        }
        var facts: [TaskKey: TaskFacts] = [:]
        for (key, fact) in perDirective.joined() { facts[key] = fact }
        taskFacts = facts
    }

    /// Where a task's page is.
    func taskPage(_ key: TaskKey) -> String { taskFacts[key]?.page ?? paths.task(key) }

    /// An excerpt of a task's text, cut at a word before `limit` characters.
    func excerpt(_ task: Task, limit: Int) -> String {
        if limit == Self.rowExcerptLimit, let facts = taskFacts[task.key] { return facts.rowExcerpt }
        return Format.cut(taskFacts[task.key]?.plain ?? Format.plainLine(task.text), limit: limit)
    }

    var asOf: CivilDate { tracker.asOf }

    func link(_ page: String, _ target: String) -> String { SitePaths.link(from: page, to: target) }

    func unitName(_ code: String) -> String { tracker.register.unit(code: code)?.name ?? code }

    func directiveTitle(_ id: String) -> String { directivesByID[id]?.title ?? id }

    /// A short label for a directive in tables: its kind and number, or the
    /// `short` name of its front matter (see `DirectiveMetadata.shortName`).
    func directiveShortTitle(_ id: String) -> String {
        directivesByID[id]?.shortName ?? id
    }

    /// A note as HTML. The same note often stands on many rows (and each row
    /// on two pages): each distinct note goes through cmark once per build.
    func noteHTML(_ note: String) -> String {
        note.isEmpty ? "" : notes.value(for: note, Markdown.inlineHTML)
    }
}

/// A link to a unit, as lists of units show it.
struct UnitLinkView: ViewModel {
    let name: String
    let href: String
}

/// An assignee as written, with a link when the register knows it.
struct AssigneeView: ViewModel {
    let name: String
    let href: String
    let hasPage: Bool
    let role: String
    let isGroup: Bool
    let memberCount: Int
}

extension SiteContext {
    func assigneeViews(_ task: Task, from page: String) -> [AssigneeView] {
        task.assignees.map { assignee in
            let role = assignee.role == .lead ? "Chủ trì" : "Phối hợp"
            if let code = assignee.code, tracker.register.unit(code: code) != nil {
                return AssigneeView(name: unitName(code), href: link(page, paths.unit(code)), hasPage: true, role: role,
                                    isGroup: false, memberCount: 1)
            }
            if let code = assignee.code, let group = tracker.register.group(code: code) {
                return AssigneeView(name: group.name, href: link(page, SitePaths.units), hasPage: true, role: role,
                                    isGroup: true, memberCount: tracker.register.members(of: .group(group)).count)
            }
            return AssigneeView(name: assignee.name, href: "", hasPage: false, role: role, isGroup: false, memberCount: 0)
        }
    }
}

/// Units in Vietnamese alphabetical order, computed once per build: sort
/// keys are costly (Unicode decomposition), comparisons of ranks are not.
struct UnitOrder: Sendable {
    private let rank: [String: Int]

    init(_ units: [Unit]) {
        let keyed = units.map { (key: VietnameseText.sortKey($0.name), name: $0.name, code: $0.code) }
        let sorted = keyed.sorted { a, b in
            if a.key != b.key { return a.key.lexicographicallyPrecedes(b.key) }
            if a.name != b.name { return a.name.unicodeScalars.lexicographicallyPrecedes(b.name.unicodeScalars) }
            return a.code < b.code
        }
        rank = Dictionary(sorted.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
    }

    func sorted(_ units: [Unit]) -> [Unit] {
        units.sorted { (rank[$0.code] ?? .max, $0.code) < (rank[$1.code] ?? .max, $1.code) }
    }

    func precedes(_ a: Unit, _ b: Unit) -> Bool { precedes(code: a.code, code: b.code) }

    func precedes(code a: String, code b: String) -> Bool { (rank[a] ?? .max, a) < (rank[b] ?? .max, b) }

    /// A unit's place in Vietnamese order; codes not in the register last.
    func rank(of code: String) -> Int { rank[code] ?? .max }

    /// Assignments by severity (whom to chase first), then by Vietnamese name:
    /// each unit's rank looked up once, not at every comparison of the sort.
    func bySeverity<C: Collection>(_ assignments: C) -> [Tracker.Assignment] where C.Element == Tracker.Assignment {
        let all = Array(assignments)
        let keys = all.map { (severity: $0.severity, rank: rank(of: $0.unitCode)) }
        return all.indices.sorted { a, b in
            keys[a] != keys[b] ? keys[a] < keys[b] : all[a].unitCode < all[b].unitCode
        }.map { all[$0] }
    }
}
