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
    /// Parses `source` into blocks. With `renderHTML`, each leaf block also
    /// carries its own safe HTML, so callers can wrap tasks without injecting
    /// HTML nodes into the tree (which safe mode would drop).
    public static func parse(_ source: String, renderHTML: Bool = false) -> [MarkdownBlock] {
        let root = parseDocument(source)
        defer { cmark_node_free(root) }
        return children(of: root, renderHTML: renderHTML)
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

    private static func children(of node: OpaquePointer, renderHTML: Bool) -> [MarkdownBlock] {
        var result: [MarkdownBlock] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            result.append(block(current, renderHTML: renderHTML))
            child = cmark_node_next(current)
        }
        return result
    }

    private static func block(_ node: OpaquePointer, renderHTML: Bool) -> MarkdownBlock {
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
                var strong = StrongTracker()
                block.text = inlineText(node, depthInStrong: 0, strong: &strong)
                block.isAllStrong = kind == .paragraph && strong.sawStrong && !strong.sawPlain
            }
            if renderHTML { block.html = render(node) }
        } else {
            block.children = children(of: node, renderHTML: renderHTML)
        }
        return block
    }

    private struct StrongTracker {
        var sawStrong = false
        var sawPlain = false
    }

    private static func inlineText(_ node: OpaquePointer, depthInStrong: Int,
                                   strong: inout StrongTracker) -> String {
        var text = ""
        var child = cmark_node_first_child(node)
        while let current = child {
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                let literal = cmark_node_get_literal(current).map { String(cString: $0) } ?? ""
                if !literal.allSatisfy(\.isWhitespace) {
                    if depthInStrong > 0 { strong.sawStrong = true } else { strong.sawPlain = true }
                }
                text += literal
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += "\n"
            case CMARK_NODE_STRONG:
                text += inlineText(current, depthInStrong: depthInStrong + 1, strong: &strong)
            case CMARK_NODE_HTML_INLINE:
                break // dropped by safe mode; not part of what a reader sees
            default:
                text += inlineText(current, depthInStrong: depthInStrong, strong: &strong)
            }
            child = cmark_node_next(current)
        }
        return text
    }
}
