import Foundation

/// A table a converter wrote as raw HTML (`<table><tr><td>…`), as converters
/// do when a Word table has merged cells: read into the same shape as a pipe
/// table, so an appendix task table in HTML gives its tasks too. Only the
/// text is read; nothing of the HTML is kept or rendered.
enum HTMLTable {
    static let table = TextPattern(#"<table\b[^>]*>([\s\S]*?)</table\s*>"#)
    static let row = TextPattern(#"<tr\b[^>]*>([\s\S]*?)</tr\s*>"#)
    static let cell = TextPattern(#"<t([dh])\b([^>]*)>([\s\S]*?)</t[dh]\s*>"#)
    static let span = TextPattern(#"\b(colspan|rowspan)\s*=\s*["']?(\d{1,3})"#)
    static let lineBreak = TextPattern(#"<br\s*/?>|</p\s*>\s*<p\b[^>]*>|</div\s*>\s*<div\b[^>]*>"#)
    static let tag = TextPattern(#"<[^>]*>"#)

    /// The first table in `lines` (an HTML block's source lines starting at
    /// `firstLine`), or nil. The first row is the header; a cell spanning rows
    /// is repeated in the rows it covers (not from the header into the body),
    /// a cell spanning columns fills them with empty cells.
    static func parse(lines: [String], firstLine: Int) -> PipeTable? {
        let source = lines.joined(separator: "\n")
        guard let found = table.firstMatch(in: source), let inner = found.group(1) else { return nil }
        var grid: [[String]] = []
        var gridLines: [Int] = []
        // Column → (rows still covered, text) for cells spanning rows.
        var carried: [Int: (Int, String)] = [:]
        for (rowIndex, match) in row.matches(in: inner).enumerated() {
            var cells: [String] = []
            var column = 0
            func fillCarried() {
                while let (left, text) = carried[column] {
                    cells.append(text)
                    carried[column] = left > 1 ? (left - 1, text) : nil
                    column += 1
                }
            }
            for found in cell.matches(in: match.group(1) ?? "") {
                fillCarried()
                let attributes = found.group(2) ?? ""
                var colspan = 1, rowspan = 1
                for s in span.matches(in: attributes) {
                    let n = max(1, min(50, Int(s.group(2) ?? "") ?? 1))
                    if s.group(1)?.lowercased() == "colspan" { colspan = n } else { rowspan = n }
                }
                let text = Self.text(found.group(3) ?? "")
                cells.append(text)
                // Header cells spanning rows are titles, not values to repeat.
                if rowspan > 1, rowIndex > 0 { carried[column] = (rowspan - 1, text) }
                else if rowspan > 1 { carried[column] = (rowspan - 1, "") }
                column += 1
                for _ in 1..<colspan {
                    cells.append("")
                    column += 1
                }
            }
            fillCarried()
            guard !cells.isEmpty else { continue }
            grid.append(cells)
            gridLines.append(firstLine + lineOffset(of: match.text, in: source))
        }
        guard let header = grid.first, header.count >= 2, grid.count >= 2 else { return nil }
        let rows = grid.dropFirst().map { row in
            Array((row + Array(repeating: "", count: max(0, header.count - row.count))).prefix(header.count))
        }
        return PipeTable(header: header, alignments: Array(repeating: .none, count: header.count),
                         rows: Array(rows), rowLines: Array(gridLines.dropFirst()))
    }

    /// A cell's text: line breaks as "<br>" (how a converted pipe table breaks
    /// a line in a cell), other tags dropped, the common entities decoded.
    static func text(_ html: String) -> String {
        var text = html
        for match in lineBreak.matches(in: text).reversed() { text = text.replacingUTF16(match.range, with: "\u{1}") }
        for match in tag.matches(in: text).reversed() { text = text.replacingUTF16(match.range, with: "") }
        for (entity, value) in [("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: value)
        }
        let lines = text.split(separator: "\u{1}").map { VietnameseText.collapseSpaces(String($0)).trimmed }.filter { !$0.isEmpty }
        return lines.joined(separator: "<br>")
    }

    /// The line (counted from 0) where `fragment` starts in `source`.
    static func lineOffset(of fragment: String, in source: String) -> Int {
        guard let range = source.range(of: fragment) else { return 0 }
        return source[..<range.lowerBound].reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
    }
}
