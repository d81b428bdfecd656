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
    public var directiveID: String
    public var taskID: String
    /// Register unit code (the reader resolves names to codes).
    public var unitCode: String
    public var state: ReportState
    public var completed: CivilDate?
    /// Số ký hiệu of the unit's report.
    public var report: String
    public var updated: CivilDate?
    /// Markdown.
    public var note: String
    /// Line (or record) in the status file, for diagnostics and ordering.
    public var line: Int

    public init(directiveID: String, taskID: String, unitCode: String, state: ReportState, completed: CivilDate? = nil,
                report: String = "", updated: CivilDate? = nil, note: String = "", line: Int = 0) {
        self.directiveID = directiveID
        self.taskID = taskID
        self.unitCode = unitCode
        self.state = state
        self.completed = completed
        self.report = report
        self.updated = updated
        self.note = note
        self.line = line
    }

    public var taskKey: TaskKey { TaskKey(directiveID: directiveID, taskID: taskID) }
}
