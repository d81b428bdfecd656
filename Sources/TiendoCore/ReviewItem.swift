/// A piece of a directive that reads like a duty but names nobody to do it:
/// a plan's impersonal aim ("Đẩy mạnh chuyển đổi số ..."), or an item the
/// reader cannot tie to a unit. It is listed for review as "nội dung chưa
/// giao cho đơn vị nào", never counted as a task: a task without an assignee
/// would have nobody to be late.
public struct ReviewItem: Sendable, Hashable, Codable {
    /// The id it would have as a task, so a correction can make it one.
    public var id: String
    public var section: String
    /// The item's Markdown as written.
    public var text: String
    /// Why it is left for review, in words a clerk reads.
    public var reason: String
    public var deadline: Deadline?
    public var line: Int
    public var blockLine: Int

    public init(id: String, section: String, text: String, reason: String, deadline: Deadline? = nil,
                line: Int = 0, blockLine: Int = 0) {
        self.id = id
        self.section = section
        self.text = text
        self.reason = reason
        self.deadline = deadline
        self.line = line
        self.blockLine = blockLine
    }

    public static let unassignedReason = "nội dung chưa giao cho đơn vị nào"
}
