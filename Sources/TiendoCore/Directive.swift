import TiendoMarkdown

/// One source document, read: its metadata, its tasks, and its body blocks
/// (with safe HTML) for the directive page.
public struct Directive: Sendable, Codable {
    public var id: String
    /// Path of the file, relative to the content folder.
    public var file: String
    public var title: String
    public var metadata: DirectiveMetadata
    public var tasks: [Task]
    /// Items that read like duties but name nobody: listed for review, not tracked.
    public var unassigned: [ReviewItem] = []
    /// The Markdown body (front matter removed), parsed with HTML per block.
    public var blocks: [MarkdownBlock]
    /// The body's first line in the file, for turning block lines into file lines.
    public var bodyLineOffset: Int
    /// Lines of the body, to render pipe tables that cmark leaves as paragraphs.
    public var bodyLines: [String]

    public init(id: String, file: String, title: String, metadata: DirectiveMetadata, tasks: [Task],
                blocks: [MarkdownBlock], bodyLineOffset: Int, bodyLines: [String]) {
        self.id = id
        self.file = file
        self.title = title
        self.metadata = metadata
        self.tasks = tasks
        self.blocks = blocks
        self.bodyLineOffset = bodyLineOffset
        self.bodyLines = bodyLines
    }
}
