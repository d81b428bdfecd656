import TiendoCore

/// What moved in the N days up to the as-of date, derived from the inputs
/// only (the `updated` and `completed` columns and the deadlines), so any
/// machine rebuilds the same page: completions, new reports, and units that
/// turned overdue when a deadline passed. Newest first.
struct RecentChanges: Sendable {
    enum Kind: String, Sendable {
        case completed, reported, overdue
    }

    struct Change: Sendable {
        let date: CivilDate
        let kind: Kind
        let task: TaskKey
        /// The unit, or nil for a deadline that passed (then `count` units).
        let unitCode: String?
        let count: Int
        let state: ReportState?
        let report: String
        let note: String
    }

    let asOf: CivilDate
    let days: Int
    let changes: [Change]

    init(tracker: Tracker, days: Int) {
        asOf = tracker.asOf
        self.days = days
        let first = tracker.asOf.adding(days: -(days - 1))
        func inWindow(_ date: CivilDate?) -> Bool { date.map { $0 >= first && $0 <= tracker.asOf } ?? false }
        var changes: [Change] = []
        for assignment in tracker.assignments {
            guard let row = assignment.row else { continue }
            if row.state == .done, inWindow(row.completed) {
                changes.append(Change(date: row.completed!, kind: .completed, task: assignment.task, unitCode: assignment.unitCode,
                                      count: 1, state: row.state, report: row.report, note: row.note))
            } else if inWindow(row.updated) {
                changes.append(Change(date: row.updated!, kind: .reported, task: assignment.task, unitCode: assignment.unitCode,
                                      count: 1, state: row.state, report: row.report, note: row.note))
            }
        }
        for directive in tracker.directives {
            for task in directive.tasks {
                guard let due = task.deadline?.due, inWindow(due.adding(days: 1)) else { continue }
                let late = tracker.assignments(for: task.key).filter { assignment in
                    guard let row = assignment.row, row.state == .done, let completed = row.completed else { return true }
                    return completed > due
                }.count
                if late > 0 {
                    changes.append(Change(date: due.adding(days: 1), kind: .overdue, task: task.key, unitCode: nil,
                                          count: late, state: nil, report: "", note: ""))
                }
            }
        }
        let order: [Kind: Int] = [.overdue: 0, .completed: 1, .reported: 2]
        self.changes = changes.sorted { a, b in
            if a.date != b.date { return a.date > b.date }
            if a.kind != b.kind { return order[a.kind]! < order[b.kind]! }
            if a.task != b.task { return a.task < b.task }
            return (a.unitCode ?? "") < (b.unitCode ?? "")
        }
    }

    func sentence(_ change: Change, _ context: SiteContext) -> String {
        let taskName = "nhiệm vụ \(change.task.taskID) (\(context.directiveShortTitle(change.task.directiveID)))"
        switch change.kind {
        case .completed:
            return "\(context.unitName(change.unitCode!)) đã hoàn thành \(taskName)" + (change.report.isEmpty ? "" : ", báo cáo số \(change.report)")
        case .reported:
            return "\(context.unitName(change.unitCode!)) cập nhật \(taskName): \(change.state?.label.lowercased() ?? "")"
                + (change.report.isEmpty ? "" : ", báo cáo số \(change.report)")
        case .overdue:
            return "\(change.count) đơn vị quá hạn \(taskName) từ ngày \(change.date.vietnamese) (hạn cuối \(change.date.adding(days: -1).vietnamese))"
        }
    }

    /// The Atom feed of the same changes (RFC 4287).
    func atom(_ context: SiteContext, identity: SiteIdentity = SiteIdentity()) -> String {
        let page = SitePaths.recentFeed
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"vi\">\n"
        xml += "<title>\(XML.escape("Cập nhật gần đây — " + identity.title))</title>\n"
        xml += "<id>tag:tiendo.invalid,2026:cap-nhat</id>\n"
        xml += "<updated>\(asOf.iso)T00:00:00Z</updated>\n"
        xml += "<link rel=\"alternate\" type=\"text/html\" href=\"\(SitePaths.link(from: page, to: SitePaths.recent))\"/>\n"
        xml += "<author><name>\(XML.escape(identity.agency.isEmpty ? "tiendo" : identity.agency))</name></author>\n"
        for change in changes.prefix(Self.feedLimit) {
            let id = ["tag:tiendo.invalid,2026:\(change.kind.rawValue)", change.task.directiveID, change.task.taskID,
                      change.unitCode ?? "all", change.date.iso].joined(separator: "/")
            let target = change.unitCode.map { context.paths.unit($0) } ?? context.taskPage(change.task)
            xml += "<entry>\n<title>\(XML.escape(sentence(change, context)))</title>\n<id>\(XML.escape(id))</id>\n"
            xml += "<updated>\(change.date.iso)T00:00:00Z</updated>\n"
            xml += "<link rel=\"alternate\" type=\"text/html\" href=\"\(XML.escape(SitePaths.link(from: page, to: target)))\"/>\n"
            if !change.note.isEmpty { xml += "<summary>\(XML.escape(change.note))</summary>\n" }
            xml += "</entry>\n"
        }
        return xml + "</feed>\n"
    }

    static let feedLimit = 200
}

enum XML {
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default:
                // XML 1.0 forbids most control characters, even escaped.
                if scalar.value < 0x20, scalar != "\n", scalar != "\t" { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// The "Cập nhật gần đây" page: changes grouped by day, newest first.
struct RecentView: ViewModel {
    static let pageLimit = 500

    let days: Int
    let asOf: String
    let groups: [Day]
    let hasChanges: Bool
    let more: Int
    let hasMore: Bool
    let feedHref: String

    struct Day: ViewModel {
        let date: String
        let items: [Item]
    }

    struct Item: ViewModel {
        let sentence: String
        let href: String
        let css: String
        let symbol: String
        let noteHTML: String
        let hasNote: Bool
    }

    init(_ context: SiteContext, changes: RecentChanges, page: String = SitePaths.recent, limit: Int = RecentView.pageLimit) {
        days = changes.days
        asOf = changes.asOf.vietnamese
        feedHref = SitePaths.link(from: page, to: SitePaths.recentFeed)
        var groups: [Day] = []
        for change in changes.changes.prefix(limit) {
            let target = change.unitCode.map { context.paths.unit($0) } ?? context.taskPage(change.task)
            let (css, symbol): (String, String) = switch change.kind {
            case .completed: ("st-done-on-time", "✓")
            case .reported: ("st-in-progress", "…")
            case .overdue: ("st-overdue", "✗")
            }
            let item = Item(sentence: changes.sentence(change, context), href: SitePaths.link(from: page, to: target),
                            css: css, symbol: symbol, noteHTML: context.noteHTML(change.note), hasNote: !change.note.isEmpty)
            let label = Format.longDate(change.date)
            if groups.last?.date == label {
                groups[groups.count - 1] = Day(date: label, items: groups[groups.count - 1].items + [item])
            } else {
                groups.append(Day(date: label, items: [item]))
            }
        }
        self.groups = groups
        hasChanges = !changes.changes.isEmpty
        more = max(0, changes.changes.count - limit)
        hasMore = more > 0
    }
}
