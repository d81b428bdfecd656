import TiendoCore

/// What moved in the N days up to the date of the figures, derived from the
/// inputs only (each pair's history of rows, the deadlines and the date of
/// the figures), so any machine rebuilds the same page. A change is a real
/// one between consecutive rows of a pair: a first report, a completion (a
/// late one marked late), a state that changed, a new report number, a
/// correction of the same report; a row that only repeats the one before
/// it is none. Tasks whose units turned overdue the day after their last
/// day are listed too. Classes and counts are the tracker's, as on every
/// other page. Newest first.
struct RecentChanges: Sendable {
    enum Kind: String, Sendable {
        case completed, reported, changed, corrected, overdue
    }

    /// The change `row` makes after `previous` (the pair's row before it,
    /// nil for its first report), or nil when it says nothing new.
    static func kind(_ row: StatusRow, after previous: StatusRow?) -> Kind? {
        guard let previous else { return row.state == .done ? .completed : .reported }
        if row.state == .done, previous.state != .done { return .completed }
        if row.state != previous.state { return .changed }
        if row.report != previous.report { return .reported }
        if row.completed != previous.completed || row.note != previous.note { return .corrected }
        return nil
    }

    struct Change: Sendable {
        let date: CivilDate
        let kind: Kind
        let task: TaskKey
        /// The unit, or nil for a deadline that passed (then `count` units).
        let unitCode: String?
        let count: Int
        /// For an overdue change, how many of the `count` units have not reported.
        let silent: Int
        /// For a completion: whether it came after the last day (✓!).
        let late: Bool
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
        for assignment in tracker.assignments where assignment.reported {
            let history = tracker.history(assignment)
            for (index, row) in history.enumerated() {
                guard var kind = Self.kind(row, after: index == 0 ? nil : history[index - 1]) else { continue }
                // A completion is dated by the day the work was done, any
                // other change by its report; a completion with no date, or
                // done before the window, is listed as the report that said so.
                var date = row.updated
                if kind == .completed {
                    if inWindow(row.completed) { date = row.completed } else { kind = .reported }
                }
                guard let date, inWindow(date) else { continue }
                // Late as the pages count it: against the date of the figures when the row gives no completion date.
                let late = kind == .completed && StatusClass.classify(due: assignment.due, row: row, asOf: tracker.asOf) == .doneLate
                changes.append(Change(date: date, kind: kind, task: assignment.task, unitCode: assignment.unitCode,
                                      count: 1, silent: 0, late: late, state: row.state, report: row.report, note: row.note))
            }
        }
        for directive in tracker.directives {
            for task in directive.tasks {
                // The day after the last day, the pairs still not done turn
                // overdue; the count is the tracker's, the same as every page's.
                guard let due = task.deadline?.due, inWindow(due.adding(days: 1)) else { continue }
                let progress = tracker.progress(task: task.key)
                if progress.count(.overdue) > 0 {
                    changes.append(Change(date: due.adding(days: 1), kind: .overdue, task: task.key, unitCode: nil,
                                          count: progress.count(.overdue), silent: progress.silent(.overdue), late: false,
                                          state: nil, report: "", note: ""))
                }
            }
        }
        let order: [Kind: Int] = [.overdue: 0, .completed: 1, .changed: 2, .reported: 3, .corrected: 4]
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
            let late = change.late ? context.tracker.task(change.task)?.deadline?.due.map { " — quá hạn (hạn cuối \($0.vietnamese))" } ?? " — quá hạn" : ""
            return "\(context.unitName(change.unitCode!)) đã hoàn thành \(taskName)\(late)" + (change.report.isEmpty ? "" : ", báo cáo số \(change.report)")
        case .reported:
            return "\(context.unitName(change.unitCode!)) cập nhật \(taskName): \(change.state?.label.lowercased() ?? "")"
                + (change.report.isEmpty ? "" : ", báo cáo số \(change.report)")
        case .changed:
            return "\(context.unitName(change.unitCode!)) chuyển \(taskName) sang \(change.state?.label.lowercased() ?? "")"
                + (change.report.isEmpty ? "" : ", báo cáo số \(change.report)")
        case .corrected:
            return "\(context.unitName(change.unitCode!)) sửa lại báo cáo về \(taskName): \(change.state?.label.lowercased() ?? "")"
                + (change.report.isEmpty ? "" : ", báo cáo số \(change.report)")
        case .overdue:
            return "\(change.count) đơn vị quá hạn \(taskName)" + (change.silent > 0 ? ", trong đó \(change.silent) chưa báo cáo," : "")
                + " từ ngày \(change.date.vietnamese) (hạn cuối \(change.date.adding(days: -1).vietnamese))"
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
            xml += "<entry>\n<title>\(XML.escape(Self.mark(change).symbol + " " + sentence(change, context)))</title>\n<id>\(XML.escape(id))</id>\n"
            xml += "<updated>\(change.date.iso)T00:00:00Z</updated>\n"
            xml += "<link rel=\"alternate\" type=\"text/html\" href=\"\(XML.escape(SitePaths.link(from: page, to: target)))\"/>\n"
            if !change.note.isEmpty { xml += "<summary>\(XML.escape(change.note))</summary>\n" }
            xml += "</entry>\n"
        }
        return xml + "</feed>\n"
    }

    static let feedLimit = 200

    /// The class mark of a change, the same on the page and in the feed.
    static func mark(_ change: Change) -> (css: String, symbol: String) {
        switch change.kind {
        case .completed: change.late ? ("st-done-late", StatusClass.doneLate.symbol) : ("st-done-on-time", StatusClass.doneOnTime.symbol)
        case .reported, .changed, .corrected: ("st-in-progress", StatusClass.inProgress.symbol)
        case .overdue: ("st-overdue", StatusClass.overdue.symbol)
        }
    }
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
                // XML 1.0 forbids most control characters and U+FFFE/U+FFFF, even escaped.
                if ControlCharacters.isDropped(scalar) || scalar == "\r" { continue }
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
        /// For tests and scripts: what kind of change, on which task, and for
        /// an overdue change the same counts as the other pages.
        let kind: String
        let task: String
        let count: Int
        let silent: Int
    }

    init(_ context: SiteContext, changes: RecentChanges, page: String = SitePaths.recent, limit: Int = RecentView.pageLimit) {
        days = changes.days
        asOf = changes.asOf.vietnamese
        feedHref = SitePaths.link(from: page, to: SitePaths.recentFeed)
        var groups: [Day] = []
        for change in changes.changes.prefix(limit) {
            let target = change.unitCode.map { context.paths.unit($0) } ?? context.taskPage(change.task)
            let (css, symbol) = RecentChanges.mark(change)
            let item = Item(sentence: changes.sentence(change, context), href: SitePaths.link(from: page, to: target),
                            css: css, symbol: symbol, noteHTML: context.noteHTML(change.note), hasNote: !change.note.isEmpty,
                            kind: change.kind == .completed && change.late ? "completed-late" : change.kind.rawValue,
                            task: change.task.directiveID + "/" + change.task.taskID, count: change.count, silent: change.silent)
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
