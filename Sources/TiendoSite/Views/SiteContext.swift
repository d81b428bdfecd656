import TiendoCore
import TiendoMarkdown

/// What every page view needs: the classified model, where pages live, and
/// small lookups computed once per build.
struct SiteContext: Sendable {
    let tracker: Tracker
    let paths: SitePaths
    let typeLabels: [String: UnitType]
    let directivesByID: [String: Directive]

    init(tracker: Tracker) {
        self.tracker = tracker
        paths = SitePaths(register: tracker.register)
        typeLabels = Dictionary(tracker.register.types.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        directivesByID = Dictionary(tracker.directives.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    var asOf: CivilDate { tracker.asOf }

    func link(_ page: String, _ target: String) -> String { SitePaths.link(from: page, to: target) }

    func unitName(_ code: String) -> String { tracker.register.unit(code: code)?.name ?? code }

    func directiveTitle(_ id: String) -> String { directivesByID[id]?.title ?? id }

    /// A short label for a directive in tables: its number, or its id for a draft.
    func directiveShortTitle(_ id: String) -> String {
        guard let directive = directivesByID[id] else { return id }
        if let number = directive.metadata.number, !directive.metadata.isNumberBlank { return number }
        return directive.id
    }

    func noteHTML(_ note: String) -> String {
        note.isEmpty ? "" : Markdown.inlineHTML(note)
    }
}

/// A link to a unit, as lists of units show it.
struct UnitLinkView {
    let name: String
    let href: String
}

/// An assignee as written, with a link when the register knows it.
struct AssigneeView {
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
