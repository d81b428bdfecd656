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
        let source = keepingTablesWhole(source)
        let root = source.withCString { pointer in
            // Lengths are bytes: Vietnamese text is longer in UTF-8 than in Characters.
            cmark_parse_document(pointer, source.utf8.count, options)
        }!
        LinkPolicy.apply(to: root)
        return root
    }

    /// cmark ends an HTML block at a blank line, so a converter's HTML
    /// table with a blank line inside would come out cut in two, the rest
    /// read by no one and shown as stray text. Each blank line between a
    /// line opening `<table` and the line that closes it becomes an empty
    /// comment: the table stays one block, on the same source lines. A
    /// table never closed is left as it is (and so is every table after
    /// it, which keeps this one pass over the lines).
    static func keepingTablesWhole(_ source: String) -> String {
        // A byte scan first: every note of a large site passes through here, and few hold a table.
        guard mentionsTable(source) else { return source }
        var lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        var changed = false
        var index = 0
        var fence: Substring?
        scan: while index < lines.count {
            let opening = lines[index].drop { $0 == " " }
            // Inside a fenced code block "<table" is code, shown as written.
            if lines[index].count - opening.count <= 3, opening.hasPrefix("```") || opening.hasPrefix("~~~") {
                let marker = opening.prefix(3)
                if fence == nil { fence = marker } else if fence == marker { fence = nil }
            }
            guard fence == nil, lines[index].count - opening.count <= 3, opening.lowercased().hasPrefix("<table"),
                  tableCount(in: lines[index]).opened > 0 else {
                index += 1
                continue
            }
            var depth = 0
            var end = index
            while end < lines.count {
                let counts = tableCount(in: lines[end])
                depth += counts.opened - counts.closed
                if depth <= 0 { break }
                end += 1
            }
            guard end < lines.count else { break scan }
            for inside in index...end where lines[inside].allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) {
                lines[inside] = "<!-- -->"
                changed = true
            }
            index = end + 1
        }
        return changed ? lines.joined(separator: "\n") : source
    }

    /// Whether "<table" occurs, in any case.
    private static func mentionsTable(_ source: String) -> Bool {
        let utf8 = source.utf8
        var index = utf8.startIndex
        while let found = utf8[index...].firstIndex(of: UInt8(ascii: "<")) {
            index = utf8.index(after: found)
            // "| 0x20" lowercases an ASCII letter; no other byte becomes one of "table".
            if utf8[index...].prefix(5).map({ $0 | 0x20 }).elementsEqual("table".utf8) { return true }
        }
        return false
    }

    /// How many `<table` tags a line opens and closes.
    private static func tableCount(in line: Substring) -> (opened: Int, closed: Int) {
        guard line.contains("<") else { return (0, 0) }
        let lower = Array(line.lowercased().utf8)
        let open = Array("<table".utf8), close = Array("</table".utf8)
        var opened = 0, closed = 0
        var index = 0
        while index < lower.count {
            if lower[index...].starts(with: open) {
                let after = index + open.count
                if after == lower.count || !(lower[after] >= UInt8(ascii: "a") && lower[after] <= UInt8(ascii: "z")) { opened += 1 }
            } else if lower[index...].starts(with: close) {
                closed += 1
            }
            index += 1
        }
        return (opened, closed)
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
