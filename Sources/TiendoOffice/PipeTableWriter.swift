/// A data table (an appendix task table) as a Markdown pipe table, the
/// form the directive reader takes tasks from. The first row is the header.
/// A merged cell's text is written once, in its first cell; the cells it
/// covers, across (gridSpan) or down (vMerge), are left empty, as the
/// document shows them.
enum PipeTableWriter {
    static func write(_ rows: [[WordConverter.Cell]]) -> String {
        let width = rows.map { $0.reduce(0) { $0 + $1.span } }.max() ?? 0
        guard width > 0 else { return "" }
        var lines: [String] = []
        for (index, row) in rows.enumerated() {
            var cells: [String] = []
            for cell in row {
                cells.append(cellText(cell.blocks))
                cells += Array(repeating: "", count: cell.span - 1)
            }
            cells += Array(repeating: "", count: width - cells.count)
            lines.append("| " + cells.joined(separator: " | ") + " |")
            if index == 0 { lines.append("|" + String(repeating: "---|", count: width)) }
        }
        return lines.joined(separator: "\n")
    }

    static func cellText(_ blocks: [WordConverter.Block]) -> String {
        var parts: [String] = []
        for block in blocks {
            switch block {
            case .paragraph(_, let segments):
                let text = MarkdownInline.write(segments, context: .cell)
                if !text.allSatisfy(InlineSegment.isSpace) { parts.append(text) }
            case .table(let rows):
                // A table inside a cell: its cells, in reading order, as lines of this one.
                for row in rows { for cell in row { let text = cellText(cell.blocks); if !text.isEmpty { parts.append(text) } } }
            }
        }
        return parts.joined(separator: "<br>")
    }
}
