/// Writes segments as CommonMark inline text: `**bold**`, `*italic*`,
/// line breaks, and escapes for characters that would otherwise turn into
/// markup. Emphasis only works in CommonMark when its markers touch text,
/// so spaces at a segment's edges are moved outside the markers, and a
/// space between two bold segments stays inside one bold span.
enum MarkdownInline {
    enum Context {
        /// A paragraph or heading: a line break is "  \n".
        case block
        /// A pipe-table cell: a line break is "<br>", "|" is escaped.
        case cell
    }

    static func write(_ input: [InlineSegment], context: Context) -> String {
        // Spaces at the edges of a formatted stretch go outside its markers...
        var edged: [InlineSegment] = []
        for segment in merge(input) {
            guard segment.bold || segment.italic, !segment.isBlank else { edged.append(segment); continue }
            let characters = Array(segment.text)
            let start = characters.firstIndex { !InlineSegment.isSpace($0) }!
            let end = characters.lastIndex { !InlineSegment.isSpace($0) }!
            if start > 0 { edged.append(InlineSegment(String(characters[..<start]))) }
            edged.append(InlineSegment(String(characters[start...end]), segment.format))
            if end < characters.count - 1 { edged.append(InlineSegment(String(characters[(end + 1)...]))) }
        }
        var segments = merge(edged)
        // ...and spaces take the formatting both neighbours share, so "**A** **B**" is "**A B**".
        for index in segments.indices where segments[index].isBlank {
            let before = index > 0 ? segments[index - 1].format : .plain
            let after = index + 1 < segments.count ? segments[index + 1].format : .plain
            segments[index].bold = before.bold && after.bold
            segments[index].italic = before.italic && after.italic
        }
        segments = merge(segments)

        var out = ""
        var open: [String] = []
        var atLineStart = true
        for segment in segments {
            var wanted: [String] = []
            if segment.bold { wanted.append("**") }
            if segment.italic { wanted.append("*") }
            // Close down to the first marker no longer wanted, then open the missing ones.
            if let firstUnwanted = open.firstIndex(where: { !wanted.contains($0) }) {
                for marker in open[firstUnwanted...].reversed() { out += marker }
                open.removeSubrange(firstUnwanted...)
            }
            for marker in wanted where !open.contains(marker) {
                out += marker
                open.append(marker)
                atLineStart = false
            }
            out += escape(segment.text, context: context, atLineStart: &atLineStart)
        }
        for marker in open.reversed() { out += marker }
        // A line of only "-" or "=" would underline the line above into a heading, or be a rule.
        guard out.contains("-") || out.contains("=") else { return out }
        return out.split(separator: "\n", omittingEmptySubsequences: false)
            .map { isRule($0) ? "\\" + $0 : String($0) }.joined(separator: "\n")
    }

    static func merge(_ segments: [InlineSegment]) -> [InlineSegment] {
        var merged: [InlineSegment] = []
        for segment in segments where !segment.text.isEmpty {
            if let last = merged.last, last.format == segment.format {
                merged[merged.count - 1].text += segment.text
            } else {
                merged.append(segment)
            }
        }
        return merged
    }

    /// Escapes what CommonMark would read as markup. A "1. " or "- " at the
    /// start of a paragraph is left alone on purpose: the document shows a
    /// numbered or dashed item, and Markdown's list says the same.
    static func escape(_ text: String, context: Context, atLineStart: inout Bool) -> String {
        var out = ""
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            if character == "\n" {
                // Trailing spaces before a break would make it ambiguous; the break is written once.
                while out.last == " " || out.last == "\t" { out.removeLast() }
                out += context == .cell ? "<br>" : "  \n"
                atLineStart = true
                continue
            }
            if atLineStart, character == " " || character == "\t" { continue }
            if atLineStart {
                if "#>|".contains(character) { out += "\\" }
            }
            atLineStart = false
            switch character {
            case "\\", "*", "_", "`": out += "\\"
            case "<": if let next, next.isLetter || next == "/" || next == "!" || next == "?" { out += "\\" }
            case "|": if context == .cell { out += "\\" }
            default: break
            }
            out.append(character)
        }
        return out
    }

    /// A line of only "-" or "=" (with spaces) would make the line above a heading or be a rule.
    static func isRule(_ line: Substring) -> Bool {
        let marks = line.filter { $0 != " " && $0 != "\t" }
        return !marks.isEmpty && (marks.allSatisfy { $0 == "-" } || marks.allSatisfy { $0 == "=" })
    }
}
