import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one narrow door to libcmark. Everything it returns is a Swift value;
/// rendering always uses cmark's safe mode (raw HTML dropped, unsafe link
/// schemes emptied), because notes and directives come from outside.
public enum Markdown {
    /// How many container blocks (block quotes, lists, list items) may
    /// enclose one another. A list level is two (the list and its item), so
    /// this is 50 levels of list, far beyond any real document. Everything
    /// that walks the blocks (the directive reader, the page renderer, the
    /// directive cache's coder) recurses once per level; without a bound a
    /// few kilobytes of ">" overflow the stack.
    public static let maximumNesting = 100

    /// Blocks read from a Markdown text, and where nesting went past
    /// `maximumNesting` (the first such block's line; nil when it did not).
    /// Past the limit a container keeps its position but loses its content.
    public struct Parsed: Sendable {
        public var blocks: [MarkdownBlock]
        public var tooDeepAtLine: Int?
    }

    /// Parses `source` into blocks. With `renderHTML`, each leaf block also
    /// carries its own safe HTML, so callers can wrap tasks without injecting
    /// HTML nodes into the tree (which safe mode would drop).
    public static func parse(_ source: String, renderHTML: Bool = false) -> [MarkdownBlock] {
        parseBounded(source, renderHTML: renderHTML).blocks
    }

    /// `parse`, telling whether the nesting limit cut anything off, so the
    /// caller can report it as an error naming the line.
    public static func parseBounded(_ source: String, renderHTML: Bool = false) -> Parsed {
        let root = parseDocument(source)
        defer { cmark_node_free(root) }
        var tooDeep: Int?
        let blocks = children(of: root, renderHTML: renderHTML, depth: 0, tooDeep: &tooDeep)
        return Parsed(blocks: blocks, tooDeepAtLine: tooDeep)
    }

    /// Safe HTML of a whole Markdown text.
    public static func html(_ source: String) -> String {
        let root = parseDocument(source)
        defer { cmark_node_free(root) }
        return render(root)
    }

    /// Safe HTML of a short text meant to sit inside another element (a table
    /// cell, a note): a single paragraph loses its `<p>` wrapper.
    public static func inlineHTML(_ source: String) -> String {
        var html = self.html(source)
        while html.hasSuffix("\n") { html.removeLast() }
        if html.hasPrefix("<p>"), html.hasSuffix("</p>"), !occurs("<p>", in: html.utf8.dropFirst(3)) {
            html = String(html.dropFirst(3).dropLast(4))
        }
        return html
    }

    /// Whether `needle` (ASCII) occurs in `bytes`; a byte scan, as notes on
    /// every row of a large site pass through here.
    static func occurs(_ needle: StaticString, in bytes: Substring.UTF8View) -> Bool {
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        guard let first = pattern.first else { return true }
        var index = bytes.startIndex
        while let found = bytes[index...].firstIndex(of: first) {
            if bytes[found...].starts(with: pattern) { return true }
            index = bytes.index(after: found)
        }
        return false
    }

    // MARK: - cmark plumbing

    private static var options: Int32 { CMARK_OPT_SAFE }

    private static func parseDocument(_ source: String) -> OpaquePointer {
        let root = source.withCString { pointer in
            // Lengths are bytes: Vietnamese text is longer in UTF-8 than in Characters.
            cmark_parse_document(pointer, source.utf8.count, options)
        }!
        LinkPolicy.apply(to: root)
        return root
    }

    private static func render(_ node: OpaquePointer) -> String {
        guard let raw = cmark_render_html(node, options) else { return "" }
        defer { free(raw) }
        return String(cString: raw)
    }

    private static func children(of node: OpaquePointer, renderHTML: Bool, depth: Int,
                                 tooDeep: inout Int?) -> [MarkdownBlock] {
        var result: [MarkdownBlock] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            result.append(block(current, renderHTML: renderHTML, depth: depth, tooDeep: &tooDeep))
            child = cmark_node_next(current)
        }
        return result
    }

    private static func block(_ node: OpaquePointer, renderHTML: Bool, depth: Int, tooDeep: inout Int?) -> MarkdownBlock {
        let kind: MarkdownBlock.Kind
        var isLeaf = true
        switch cmark_node_get_type(node) {
        case CMARK_NODE_PARAGRAPH: kind = .paragraph
        case CMARK_NODE_HEADING: kind = .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_LIST:
            kind = .list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                         start: Int(cmark_node_get_list_start(node)),
                         tight: cmark_node_get_list_tight(node) != 0)
            isLeaf = false
        case CMARK_NODE_ITEM: kind = .item; isLeaf = false
        case CMARK_NODE_BLOCK_QUOTE: kind = .blockQuote; isLeaf = false
        case CMARK_NODE_CODE_BLOCK: kind = .codeBlock
        case CMARK_NODE_HTML_BLOCK: kind = .htmlBlock
        case CMARK_NODE_THEMATIC_BREAK: kind = .thematicBreak
        default: kind = .other
        }
        var block = MarkdownBlock(
            kind: kind,
            startLine: Int(cmark_node_get_start_line(node)),
            endLine: Int(cmark_node_get_end_line(node)),
            startColumn: Int(cmark_node_get_start_column(node)))
        if isLeaf {
            if kind == .codeBlock, let literal = cmark_node_get_literal(node) {
                block.text = String(cString: literal)
            } else {
                let inline = inlineText(node)
                block.text = inline.text
                block.isAllStrong = kind == .paragraph && inline.sawStrong && !inline.sawPlain
            }
            if renderHTML { block.html = render(node) }
        } else if depth >= maximumNesting {
            if tooDeep == nil { tooDeep = block.startLine }
        } else {
            block.children = children(of: node, renderHTML: renderHTML, depth: depth + 1, tooDeep: &tooDeep)
        }
        return block
    }

    /// The plain text of a leaf block's inlines, and whether its visible
    /// text sits inside or outside strong emphasis. Walked with cmark's
    /// iterator, not by recursion: emphasis and links nest without limit.
    private static func inlineText(_ node: OpaquePointer) -> (text: String, sawStrong: Bool, sawPlain: Bool) {
        var text = ""
        var sawStrong = false, sawPlain = false
        var strongDepth = 0
        let iterator = cmark_iter_new(node)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let current = cmark_iter_get_node(iterator), current != node else { continue }
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                let literal = cmark_node_get_literal(current).map { String(cString: $0) } ?? ""
                if !literal.allSatisfy(\.isWhitespace) {
                    if strongDepth > 0 { sawStrong = true } else { sawPlain = true }
                }
                text += literal
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += "\n"
            case CMARK_NODE_STRONG:
                strongDepth += event == CMARK_EVENT_ENTER ? 1 : -1
            default:
                break // raw HTML is dropped by safe mode; other inlines only wrap text
            }
        }
        return (text, sawStrong, sawPlain)
    }
}
