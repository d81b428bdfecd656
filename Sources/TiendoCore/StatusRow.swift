/// What a unit reported on a task, as the office recorded it.
public enum ReportState: String, Sendable, Hashable, CaseIterable, Codable {
    case notStarted = "not-started"
    case inProgress = "in-progress"
    case done

    public var label: String {
        switch self {
        case .notStarted: "Chưa thực hiện"
        case .inProgress: "Đang thực hiện"
        case .done: "Đã hoàn thành"
        }
    }

    /// The state as a verb phrase reads it: "chuyển sang hoàn thành", "vẫn đang thực hiện".
    public var word: String {
        switch self {
        case .notStarted: "chưa thực hiện"
        case .inProgress: "đang thực hiện"
        case .done: "hoàn thành"
        }
    }

    /// Reads a state word as clerks type it: Vietnamese with or without
    /// diacritics, or English.
    public init?(word: String) {
        let key = VietnameseText.collapseSpaces(VietnameseText.fold(word)).replacingOccurrences(of: "_", with: " ")
            .replacingOccurrences(of: "-", with: " ")
        switch key {
        case "chua thuc hien", "chua trien khai", "chua bat dau", "chua lam", "not started", "todo", "to do", "new":
            self = .notStarted
        case "dang thuc hien", "dang trien khai", "dang lam", "dang xu ly", "in progress", "ongoing", "started":
            self = .inProgress
        case "hoan thanh", "da hoan thanh", "xong", "da xong", "done", "completed", "complete", "finished":
            self = .done
        default:
            return nil
        }
    }
}

/// One row of the status file.
public struct StatusRow: Sendable, Hashable {
    public static func == (a: StatusRow, b: StatusRow) -> Bool {
        a.line == b.line && a.saysTheSame(as: b)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(directiveID)
        hasher.combine(taskID)
        hasher.combine(unitCode)
        hasher.combine(updated)
        hasher.combine(line)
    }

    public var directiveID: String
    public var taskID: String
    /// Register unit code (the reader resolves names to codes).
    public var unitCode: String
    // The state's byte sits in the padding after the completion date: a row
    // stays 128 bytes with its origin, and millions are held at once.
    public var completed: CivilDate?
    public var state: ReportState
    /// Số ký hiệu of the unit's report.
    public var report: String
    public var updated: CivilDate?
    /// Markdown.
    public var note: String
    /// Line (or record) in the status file, for diagnostics and ordering;
    /// for a workbook, the spreadsheet row.
    public var line: Int
    /// The file the row was read from: its origin, not part of what it says
    /// (two rows read the same from two files are equal).
    public var source: StatusSource

    public init(directiveID: String, taskID: String, unitCode: String, state: ReportState, completed: CivilDate? = nil,
                report: String = "", updated: CivilDate? = nil, note: String = "", line: Int = 0,
                source: StatusSource = .unnamed) {
        self.directiveID = directiveID
        self.taskID = taskID
        self.unitCode = unitCode
        self.state = state
        self.completed = completed
        self.report = report
        self.updated = updated
        self.note = note
        self.line = line
        self.source = source
    }

    /// Where the row is, as a clerk finds it ("status.csv:7", "x.xlsx!Sheet1!A7").
    public var place: String { source.place(line: line) }

    /// Whether two rows report the same thing: same pair, same day, same
    /// state, dates, report and note, wherever each was read from.
    public func saysTheSame(as other: StatusRow) -> Bool {
        directiveID == other.directiveID && taskID == other.taskID && unitCode == other.unitCode && state == other.state
            && completed == other.completed && report == other.report && updated == other.updated && note == other.note
    }

    /// The order of a pair's history: by the date it was updated; a row with
    /// no date comes before every dated one.
    public func isBefore(_ other: StatusRow) -> Bool {
        switch (updated, other.updated) {
        case (nil, nil): false
        case (nil, _): true
        case (_, nil): false
        case let (a?, b?): a < b
        }
    }

    public var taskKey: TaskKey { TaskKey(directiveID: directiveID, taskID: taskID) }
}
