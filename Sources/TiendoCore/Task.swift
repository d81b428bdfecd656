/// One duty in a directive, with an id like "1.3" (section 1, item 3).
public struct Task: Sendable, Hashable, Codable {
    public var directiveID: String
    public var id: String
    /// The section heading as written ("1. Ủy ban nhân dân xã, phường, đặc khu").
    public var section: String
    /// The task's text as Markdown, exactly as the directive has it.
    public var text: String
    public var assignees: [Assignee]
    /// Register unit codes the task falls on, groups expanded, in register order.
    public var units: [String]
    public var deadline: Deadline?
    public var consolidator: Consolidator?
    /// Documents cited in the text ("406-TB/TU", "192/KH-UBND").
    public var references: [String]
    /// Line of the directive file where the task starts.
    public var line: Int
    /// Start line of the Markdown block the task lives in (in the body, after
    /// front matter), so the directive page can mark it in place.
    public var blockLine: Int
    /// How the reader found the task's assignees, shown in the review.
    public var reading: Reading = .heading

    /// Where a task's assignees come from, in the words of the review.
    public enum Reading: String, Sendable, Hashable, Codable {
        case heading = "theo tên đơn vị ở đầu mục"
        case sentence = "theo câu giao việc (Giao/Đề nghị/Yêu cầu ...)"
        case subject = "theo tên đơn vị mở đầu đoạn"
        case fields = "theo các trường ghi nhãn (chủ trì, phối hợp, thời gian)"
        case table = "theo dòng của bảng nhiệm vụ"
        case leadIn = "theo câu dẫn trước danh sách"
        case correction = "theo khai báo sửa ở phần đầu tệp"
    }

    public init(directiveID: String, id: String, section: String, text: String, assignees: [Assignee] = [],
                units: [String] = [], deadline: Deadline? = nil, consolidator: Consolidator? = nil,
                references: [String] = [], line: Int = 0, blockLine: Int = 0) {
        self.directiveID = directiveID
        self.id = id
        self.section = section
        self.text = text
        self.assignees = assignees
        self.units = units
        self.deadline = deadline
        self.consolidator = consolidator
        self.references = references
        self.line = line
        self.blockLine = blockLine
    }

    /// A stable key across directives.
    public var key: TaskKey { TaskKey(directiveID: directiveID, taskID: id) }
}

public struct TaskKey: Sendable, Hashable, Comparable {
    public var directiveID: String
    public var taskID: String

    public init(directiveID: String, taskID: String) {
        self.directiveID = directiveID
        self.taskID = taskID
    }

    public static func < (lhs: TaskKey, rhs: TaskKey) -> Bool {
        if lhs.directiveID != rhs.directiveID { return lhs.directiveID < rhs.directiveID }
        return TaskID.precedes(lhs.taskID, rhs.taskID)
    }
}

/// Task ids compare number by number: "1.10" comes after "1.9".
public enum TaskID {
    public static func precedes(_ a: String, _ b: String) -> Bool {
        let pa = a.split(separator: "."), pb = b.split(separator: ".")
        for (x, y) in zip(pa, pb) where x != y {
            if let nx = Int(x), let ny = Int(y) { return nx < ny }
            return x < y
        }
        return pa.count < pb.count
    }
}

/// Who a task names, as the document wrote it, and what the register says it is.
public struct Assignee: Sendable, Hashable, Codable {
    public enum Role: String, Sendable, Hashable, Codable {
        case lead, partner
    }

    public var name: String
    /// A register unit or group code; nil when the register does not know the name.
    public var code: String?
    public var role: Role

    public init(name: String, code: String?, role: Role) {
        self.name = name
        self.code = code
        self.role = role
    }
}

/// Who collects the reports ("qua Sở Nội vụ để tổng hợp").
public struct Consolidator: Sendable, Hashable, Codable {
    public var name: String
    public var code: String?

    public init(name: String, code: String?) {
        self.name = name
        self.code = code
    }
}
