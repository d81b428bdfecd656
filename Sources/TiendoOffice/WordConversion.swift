/// A Word document as Markdown, with what was found and what was left out.
public struct WordConversion: Sendable, Equatable {
    /// The body as Markdown, in NFC, ending with a newline.
    public var markdown: String
    public var paragraphs = 0
    public var tables = 0
    public var footnotes = 0
    /// Pictures, drawings and embedded objects: Markdown keeps the text only.
    public var skippedImages = 0
    /// Tracked changes taken (insertions) and dropped (deletions).
    public var insertions = 0
    public var deletions = 0

    public init(markdown: String) { self.markdown = markdown }
}
