import Foundation

/// A pipe table ("| STT | Tên nhiệm vụ | ... |"). Plain libcmark has no
/// tables and leaves one as a paragraph; this recognises that paragraph's
/// lines so appendix task tables are read and rendered as tables.
public struct PipeTable: Sendable, Hashable {
    public enum Alignment: String, Sendable, Hashable { case none, left, center, right }

    public var header: [String]
    public var alignments: [Alignment]
    public var rows: [[String]]
    /// Source line (in the body) of each row.
    public var rowLines: [Int]

    /// Reads `lines` (a paragraph's source lines starting at `firstLine`) as
    /// a table, or nil when they are not one: a header row, a delimiter row
    /// of dashes, then rows.
    public static func parse(lines: [String], firstLine: Int) -> PipeTable? {
        guard lines.count >= 2 else { return nil }
        let header = cells(lines[0])
        let delimiter = cells(lines[1])
        guard header.count >= 2, delimiter.count == header.count,
              delimiter.allSatisfy({ cell in
                  let core = cell.trimming(anyOf: ":")
                  return !core.isEmpty && core.allSatisfy { $0 == "-" }
              }) else { return nil }
        let alignments: [Alignment] = delimiter.map { cell in
            switch (cell.hasPrefix(":"), cell.hasSuffix(":")) {
            case (true, true): .center
            case (true, false): .left
            case (false, true): .right
            default: .none
            }
        }
        var rows: [[String]] = []
        var rowLines: [Int] = []
        for (offset, line) in lines.dropFirst(2).enumerated() {
            guard line.contains("|") else { return nil }
            var row = cells(line)
            if row.count < header.count { row += Array(repeating: "", count: header.count - row.count) }
            rows.append(Array(row.prefix(header.count)))
            rowLines.append(firstLine + 2 + offset)
        }
        return PipeTable(header: header, alignments: alignments, rows: rows, rowLines: rowLines)
    }

    /// Splits a row at unescaped pipes, dropping the optional outer ones.
    static func cells(_ line: String) -> [String] {
        var text = line.trimmedSpaces
        if text.hasPrefix("|") { text.removeFirst() }
        if text.hasSuffix("|") && !text.hasSuffix("\\|") { text.removeLast() }
        var cells: [String] = []
        var current = ""
        var escaped = false
        for c in text {
            if escaped {
                current.append(c == "|" ? "|" : "\\\(c)")
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else if c == "|" {
                cells.append(current.trimmedSpaces)
                current = ""
            } else {
                current.append(c)
            }
        }
        if escaped { current.append("\\") }
        cells.append(current.trimmedSpaces)
        return cells
    }
}
