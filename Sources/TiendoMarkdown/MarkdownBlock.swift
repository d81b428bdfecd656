/// One block of a parsed Markdown document, as plain Swift values.
///
/// The directive reader walks these instead of libcmark's nodes so that no
/// pointer ever leaves `Markdown`; positions come straight from cmark so a
/// diagnostic can name the line a clerk must fix.
public struct MarkdownBlock: Sendable, Equatable, Codable {
    public enum Kind: Sendable, Equatable, Codable {
        case paragraph
        case heading(level: Int)
        case list(ordered: Bool, start: Int, tight: Bool)
        case item
        case blockQuote
        case codeBlock
        case htmlBlock
        case thematicBreak
        case other
    }

    public var kind: Kind
    /// 1-based source lines, inclusive.
    public var startLine: Int
    public var endLine: Int
    public var startColumn: Int
    /// Plain text of the inline content (leaf blocks only); line breaks kept as "\n".
    public var text: String
    /// True when every visible character of a paragraph sits inside strong
    /// emphasis: the way untidy directives mark a section heading.
    public var isAllStrong: Bool
    /// Safe-mode HTML of a leaf block, when rendering was asked for.
    public var html: String
    public var children: [MarkdownBlock]

    public init(kind: Kind, startLine: Int, endLine: Int, startColumn: Int, text: String = "",
                isAllStrong: Bool = false, html: String = "", children: [MarkdownBlock] = []) {
        self.kind = kind
        self.startLine = startLine
        self.endLine = endLine
        self.startColumn = startColumn
        self.text = text
        self.isAllStrong = isAllStrong
        self.html = html
        self.children = children
    }

    public var isList: Bool {
        if case .list = kind { return true }
        return false
    }
}
