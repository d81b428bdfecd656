/// What one status file changes against the rest of the status data, pair
/// by pair, so the office sees what a sheet sent back by a unit does before
/// it publishes: "Phường Hải An: nhiệm vụ 1.4 chuyển sang hoàn thành (ngày
/// 22/06/2026, báo cáo số 157/BC-UBND); 1.5 vẫn đang thực hiện".
public struct StatusChanges: Sendable {
    public enum Effect: Sendable, Hashable {
        /// The pair had no row elsewhere: its first report.
        case firstReport
        /// The state moved (`before` has another state).
        case stateChanged
        /// Same state, with a new report number, note or completion date.
        case corrected
        /// Says what the data already said.
        case unchanged
        /// Older than a row already in the data: the current state stays that row's.
        case older
    }

    public struct Change: Sendable, Hashable {
        public var task: TaskKey
        public var unitCode: String
        public var effect: Effect
        /// The pair's current row without this file; nil when there was none.
        public var before: StatusRow?
        /// The file's latest row for the pair.
        public var row: StatusRow
        /// The pair's current row with this file.
        public var after: StatusRow
    }

    /// The file's pairs, in the order of the file's rows.
    public let changes: [Change]

    /// `rows`: all the status data, this file's rows among them (the merged
    /// list the loader gives, or any list: each pair's rows are ordered
    /// here by their update date, as the tracker orders them).
    public init(file source: StatusSource, rows: [StatusRow]) {
        struct Pair: Hashable { let directiveID: String, taskID: String, unitCode: String }
        func latest(_ a: StatusRow?, _ b: StatusRow) -> StatusRow {
            guard let a else { return b }
            return a.isBefore(b) || !b.isBefore(a) ? b : a
        }
        var mine: [Pair: StatusRow] = [:], order: [Pair] = []
        for row in rows where row.source == source {
            let pair = Pair(directiveID: row.directiveID, taskID: row.taskID, unitCode: row.unitCode)
            if mine[pair] == nil { order.append(pair) }
            mine[pair] = latest(mine[pair], row)
        }
        var others: [Pair: StatusRow] = [:]
        for row in rows where row.source != source {
            let pair = Pair(directiveID: row.directiveID, taskID: row.taskID, unitCode: row.unitCode)
            if mine[pair] != nil { others[pair] = latest(others[pair], row) }
        }
        changes = order.map { pair in
            let row = mine[pair]!, before = others[pair]
            let effect: Effect
            let after: StatusRow
            if let before, row.isBefore(before) {
                effect = .older
                after = before
            } else {
                after = row
                if let before {
                    effect = before.state != row.state ? .stateChanged
                        : before.report != row.report || before.note != row.note || before.completed != row.completed ? .corrected : .unchanged
                } else {
                    effect = .firstReport
                }
            }
            return Change(task: TaskKey(directiveID: pair.directiveID, taskID: pair.taskID), unitCode: pair.unitCode,
                          effect: effect, before: before, row: row, after: after)
        }
    }

    /// One line per unit, in the order the units first appear in the file:
    /// the unit's name, then each of its tasks. `nameOfUnit` gives a code's
    /// name; the directive is named only when the file spans several.
    public func sentences(nameOfUnit: (String) -> String) -> [String] {
        let directives = Set(changes.map(\.task.directiveID))
        return byUnit.map { code, changes in
            let clauses = changes.sorted { TaskID.precedes($0.task.taskID, $1.task.taskID) || $0.task.taskID == $1.task.taskID && $0.task.directiveID < $1.task.directiveID }
                .enumerated().map { index, change in
                    let task = (index == 0 ? "nhiệm vụ " : "") + change.task.taskID
                        + (directives.count > 1 ? " (\(change.task.directiveID))" : "")
                    return task + " " + Self.clause(change)
                }
            return nameOfUnit(code) + ": " + clauses.joined(separator: "; ")
        }
    }

    /// Whether no pair of the file is reported anywhere else: the file is
    /// the only source of its pairs (a unit's own file in a status folder),
    /// and a line per pair saying "báo cáo lần đầu" tells the reader nothing
    /// the file does not (at 1,000 pairs a unit, a wall of text).
    public var isOnlySource: Bool {
        !changes.isEmpty && changes.allSatisfy { $0.effect == .firstReport }
    }

    /// For a file that is the only source of its pairs: one line per unit,
    /// in the order the units first appear, with how many tasks and their
    /// states: "Phường Hải An: 16 nhiệm vụ, chỉ có trong tệp này: 9 hoàn
    /// thành, 5 đang thực hiện, 2 chưa thực hiện".
    public func tally(nameOfUnit: (String) -> String) -> [String] {
        byUnit.map { code, changes in
            let counts = Dictionary(grouping: changes, by: \.row.state).mapValues(\.count)
            let total = changes.count
            let states = [ReportState.done, .inProgress, .notStarted].compactMap { state in
                counts[state].map { "\($0) \(state.word)" }
            }
            return nameOfUnit(code) + ": \(total) nhiệm vụ, chỉ có trong tệp này: " + states.joined(separator: ", ")
        }
    }

    /// The changes unit by unit, in the order the units first appear in the file.
    var byUnit: [(code: String, changes: [Change])] {
        var units: [String] = [], changesOf: [String: [Change]] = [:]
        for change in changes {
            if changesOf[change.unitCode] == nil { units.append(change.unitCode) }
            changesOf[change.unitCode, default: []].append(change)
        }
        return units.map { ($0, changesOf[$0]!) }
    }

    /// What happens to one pair, after its task number.
    static func clause(_ change: Change) -> String {
        let row = change.row
        switch change.effect {
        case .firstReport: return "báo cáo lần đầu: \(row.state.word)" + details(row)
        case .stateChanged: return "chuyển sang \(row.state.word)" + details(row)
        case .corrected:
            let what = StatusHistory.differences(row, change.before!).joined(separator: ", ")
            return "vẫn \(row.state.word), sửa \(what)" + details(row)
        case .unchanged: return "vẫn \(row.state.word)"
        case .older:
            let day = row.updated.map { "ngày \($0.vietnamese)" } ?? "không ghi ngày"
            let current = change.after.updated.map { " (ngày \($0.vietnamese), \(change.after.place))" } ?? " (\(change.after.place))"
            return "không thay đổi: báo cáo này (\(day)) cũ hơn số liệu đã có\(current), vẫn \(change.after.state.word)"
        }
    }

    /// "(ngày 22/06/2026, báo cáo số 157/BC-UBND)": the completion date and the report number, when given.
    static func details(_ row: StatusRow) -> String {
        var parts: [String] = []
        if row.state == .done, let completed = row.completed { parts.append("ngày \(completed.vietnamese)") }
        if !row.report.isEmpty { parts.append("báo cáo số \(row.report)") }
        return parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")"
    }
}
