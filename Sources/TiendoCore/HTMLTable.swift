import Foundation

/// A table a converter wrote as raw HTML (`<table><tr><td>…`), as pandoc and
/// Word converters do when a table has merged cells. Read once, by one
/// tokenizer, into cells of plain text: the reader takes its tasks from the
/// flattened grid (`parse`), the directive page shows the same cells with
/// their spans (`read`). No tag, attribute or URL of the source survives;
/// only the text, line breaks, bold and italics, and the spans as numbers.
///
/// The tokenizer makes one pass over the bytes, so a huge or broken table
/// (unclosed tags, a nested table, a cell with no end) costs linear time:
/// the regular expressions it replaces searched to the end of the block
/// for every unclosed `<tr`.
public struct HTMLTable: Sendable, Equatable {
    /// A run of text inside one line of a cell.
    public struct Run: Sendable, Equatable {
        public var text: String
        public var isStrong: Bool
        public var isEmphasis: Bool
    }

    public struct Cell: Sendable, Equatable {
        /// The cell's lines (a `<br>`, `<p>` or `<div>` starts a new one), blank lines dropped.
        public var lines: [[Run]]
        public var isHeader: Bool
        public var rowspan: Int
        public var colspan: Int

        /// The cell as the reader reads a pipe table's cell: lines joined by "<br>".
        public var text: String {
            lines.map { $0.map(\.text).joined() }.joined(separator: "<br>")
        }
    }

    public struct Row: Sendable, Equatable {
        public var cells: [Cell]
        /// Source line (in the body) where the row starts.
        public var line: Int
        /// Inside `<thead>` in the source.
        public var isHead: Bool
    }

    public var rows: [Row]
    /// Whether the source has cells past `maximumCells`: they are neither
    /// read nor shown, and the reader says so (never a shorter table in silence).
    public var isCut = false

    /// Spans are clamped to 1…`maximumSpan`, the bound HTML itself puts on colspan.
    public static let maximumSpan = 1000
    /// Cells kept from one table (see `InputLimits.htmlTableCells`).
    public static let maximumCells = InputLimits.htmlTableCells

    // MARK: - The reader's view

    /// The first table in `lines` (an HTML block's source lines starting at
    /// `firstLine`) as a pipe table, or nil. The first row is the header; a
    /// cell spanning rows is repeated in the rows it covers (not from the
    /// header into the body), a cell spanning columns fills them with empty
    /// cells.
    static func parse(lines: [String], firstLine: Int) -> PipeTable? {
        read(lines: lines, firstLine: firstLine)?.pipeTable
    }

    /// As `parse`, and whether cells past the limit were left out.
    static func parseChecked(lines: [String], firstLine: Int) -> (table: PipeTable?, isCut: Bool) {
        guard let read = read(lines: lines, firstLine: firstLine) else { return (nil, false) }
        let (grid, cut) = read.layout()
        return (Self.pipeTable(grid, rows: read.rows), read.isCut || cut)
    }

    /// The grid the reader reads, one entry per row of `rows` that gives
    /// one (a row with no cell of its own nor covered gives none): the
    /// index into `rows` tells the page which source row each grid row is.
    public var grid: [(row: Int, cells: [String])] { layout().grid }

    /// The grid, and whether the cell limit stopped it before the last row.
    func layout() -> (grid: [(row: Int, cells: [String])], cut: Bool) {
        var grid: [(row: Int, cells: [String])] = []
        var budget = Self.maximumCells
        // Column → (rows still covered, text) for cells spanning rows.
        var carried: [Int: (Int, String)] = [:]
        var width = Int.max
        for (rowIndex, row) in rows.enumerated() {
            // Spent: the rows below would give no cell, only cost time.
            guard budget > 0 else { return (grid, true) }
            var cells: [String] = []
            var column = 0
            let limit = min(width, budget)
            func fillCarried() {
                while let (left, text) = carried[column] {
                    if column < limit { cells.append(text) }
                    carried[column] = left > 1 ? (left - 1, text) : nil
                    column += 1
                }
            }
            for cell in row.cells {
                fillCarried()
                let text = cell.text
                if column < limit { cells.append(text) }
                // Header cells spanning rows are titles, not values to repeat.
                if cell.rowspan > 1 { carried[column] = (cell.rowspan - 1, grid.isEmpty ? "" : text) }
                column += 1
                // Columns past the header's are cut at the end anyway; not
                // making them keeps a colspan of 1000 on every row cheap.
                let filled = max(0, min(cell.colspan - 1, limit - column))
                cells += repeatElement("", count: filled)
                column += filled
            }
            fillCarried()
            guard !cells.isEmpty else { continue }
            budget -= cells.count
            guard budget >= 0 else { return (grid, true) }
            if grid.isEmpty { width = cells.count }
            grid.append((rowIndex, cells))
        }
        return (grid, false)
    }

    /// The columns each row fills as a browser lays it out: its own cells'
    /// spans and the columns merged cells above still cover.
    public var occupiedColumns: [Int] {
        var freed: [Int: Int] = [:]
        var covered = 0
        return rows.enumerated().map { index, row in
            covered -= freed.removeValue(forKey: index) ?? 0
            let fromAbove = covered
            for cell in row.cells where cell.rowspan > 1 {
                covered += cell.colspan
                freed[index + cell.rowspan, default: 0] += cell.colspan
            }
            return fromAbove + row.cells.reduce(0) { $0 + $1.colspan }
        }
    }

    public var pipeTable: PipeTable? { Self.pipeTable(grid, rows: rows) }

    static func pipeTable(_ grid: [(row: Int, cells: [String])], rows: [Row]) -> PipeTable? {
        guard let header = grid.first?.cells, header.count >= 2, grid.count >= 2 else { return nil }
        let body = grid.dropFirst().map { entry in
            Array((entry.cells + Array(repeating: "", count: max(0, header.count - entry.cells.count))).prefix(header.count))
        }
        return PipeTable(header: header, alignments: Array(repeating: .none, count: header.count),
                         rows: Array(body), rowLines: grid.dropFirst().map { rows[$0.row].line })
    }

    // MARK: - Tokenizer

    /// The first table in `lines`, with its spans; nil when there is none.
    public static func read(lines: [String], firstLine: Int) -> HTMLTable? {
        var source = lines.joined(separator: "\n")
        return source.withUTF8 { bytes in
            var tokenizer = Tokenizer(bytes: bytes, firstLine: firstLine)
            return tokenizer.run()
        }
    }

    private struct Tokenizer {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0
        var line: Int
        var lineCursor = 0
        var rows: [Row] = []
        var row: Row?
        var cell: Cell?
        var currentLine: [Run] = []
        var depth = 0
        var inHead = false
        var strong = 0, emphasis = 0
        var cellsLeft = HTMLTable.maximumCells

        init(bytes: UnsafeBufferPointer<UInt8>, firstLine: Int) {
            self.bytes = bytes
            self.line = firstLine
        }

        /// The source line at `offset`, counted forward from the last call.
        mutating func line(at offset: Int) -> Int {
            while lineCursor < offset {
                if bytes[lineCursor] == UInt8(ascii: "\n") { line += 1 }
                lineCursor += 1
            }
            return line
        }

        mutating func run() -> HTMLTable? {
            // Past the cell limit nothing more is kept, so nothing more is read.
            while position < bytes.count, cellsLeft > 0 {
                if bytes[position] == UInt8(ascii: "<") {
                    if !tag() { break }
                } else {
                    text()
                }
            }
            guard depth > 0 || !rows.isEmpty || row != nil else { return nil }
            let cut = cellsLeft <= 0 && cellTagFollows(position)
            endRow()
            return HTMLTable(rows: rows, isCut: cut)
        }

        /// Whether a `<td` or `<th` tag opens after `offset` (cells the limit left out).
        func cellTagFollows(_ offset: Int) -> Bool {
            var index = offset
            while index + 3 < bytes.count {
                if bytes[index] == UInt8(ascii: "<"), bytes[index + 1] | 0x20 == UInt8(ascii: "t") {
                    let kind = bytes[index + 2] | 0x20, after = bytes[index + 3]
                    if (kind == UInt8(ascii: "d") || kind == UInt8(ascii: "h")) && !isLetter(after) { return true }
                }
                index += 1
            }
            return false
        }

        /// Reads one tag (or comment) at `position`; false when the table is over.
        mutating func tag() -> Bool {
            let start = position
            if starts(with: "<!--", at: start) {
                position = find("-->", from: start + 4).map { $0 + 3 } ?? bytes.count
                return true
            }
            var index = start + 1
            let closing = index < bytes.count && bytes[index] == UInt8(ascii: "/")
            if closing { index += 1 }
            let nameStart = index
            while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
            guard index > nameStart, isLetter(bytes[nameStart]) else {
                // "<" that opens no tag ("a < b") is text.
                if depth > 0 { append("<") }
                position = start + 1
                return true
            }
            let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
            // Attributes run to the first ">" outside quotes.
            let attributesStart = index
            var quote: UInt8?
            while index < bytes.count {
                let byte = bytes[index]
                if let open = quote { if byte == open { quote = nil } }
                else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") { quote = byte }
                else if byte == UInt8(ascii: ">") { break }
                index += 1
            }
            let attributesEnd = index
            position = min(bytes.count, index + 1)
            if name == "table" {
                if closing {
                    if depth == 1 { return false }
                    if depth > 1 { depth -= 1; lineBreak() }
                } else {
                    depth += 1
                    if depth > 1 { lineBreak() }
                }
                return true
            }
            guard depth > 0 else { return true }
            if !closing, name == "script" || name == "style" || name == "template" || name == "textarea" {
                // Their content is code, not text for a reader.
                position = find("</" + name, from: position) ?? bytes.count
                return true
            }
            if depth > 1 {
                // A table inside a cell: its text joins the cell, row by row.
                switch name {
                case "tr", "p", "div", "br", "li": lineBreak()
                case "td", "th": if !closing { append(" ") }
                default: emphasisTag(name, closing: closing)
                }
                return true
            }
            switch name {
            case "thead": endRow(); inHead = !closing
            case "tbody", "tfoot": endRow(); inHead = false
            case "tr":
                endRow()
                if !closing { row = Row(cells: [], line: line(at: start), isHead: inHead) }
            case "td", "th":
                endCell()
                if !closing {
                    if row == nil { row = Row(cells: [], line: line(at: start), isHead: inHead) }
                    cell = Cell(lines: [], isHeader: name == "th",
                                rowspan: span("rowspan", from: attributesStart, to: attributesEnd),
                                colspan: span("colspan", from: attributesStart, to: attributesEnd))
                }
            case "br", "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6": lineBreak()
            default: emphasisTag(name, closing: closing)
            }
            return true
        }

        mutating func emphasisTag(_ name: String, closing: Bool) {
            let change = closing ? -1 : 1
            switch name {
            case "strong", "b": strong = max(0, strong + change)
            case "em", "i": emphasis = max(0, emphasis + change)
            default: break
            }
        }

        /// The value of a `colspan` or `rowspan` attribute in the bytes of
        /// a tag's attributes, clamped; 1 when absent or not a number. A
        /// scan, not a regular expression: every cell of a table asks.
        func span(_ kind: String, from start: Int, to end: Int) -> Int {
            var index = start
            while let found = find(kind, from: index, before: end) {
                index = found + kind.utf8.count
                if found > start, isNameByte(bytes[found - 1]) || bytes[found - 1] == UInt8(ascii: "-") { continue }
                func skipSpaces() { while index < end, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A { index += 1 } }
                skipSpaces()
                guard index < end, bytes[index] == UInt8(ascii: "=") else { continue }
                index += 1
                skipSpaces()
                if index < end, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") { index += 1 }
                skipSpaces()
                var value = 0, digits = 0
                while index < end, digits < 7, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                    value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
                    digits += 1
                    index += 1
                }
                return digits == 0 ? 1 : max(1, min(HTMLTable.maximumSpan, value))
            }
            return 1
        }

        mutating func text() {
            let start = position
            while position < bytes.count, bytes[position] != UInt8(ascii: "<") { position += 1 }
            guard cell != nil else { return }
            append(Self.decodeEntities(String(decoding: bytes[start..<position], as: UTF8.self)))
        }

        mutating func append(_ text: String) {
            guard cell != nil else { return }
            let isStrong = strong > 0, isEmphasis = emphasis > 0
            if let last = currentLine.last, last.isStrong == isStrong, last.isEmphasis == isEmphasis {
                currentLine[currentLine.count - 1].text += text
            } else {
                currentLine.append(Run(text: text, isStrong: isStrong, isEmphasis: isEmphasis))
            }
        }

        /// Ends the cell's current line: spaces collapsed, NFC (an entity
        /// may spell a combining mark), a blank line dropped.
        mutating func lineBreak() {
            guard cell != nil else { return }
            var runs: [Run] = []
            for run in currentLine {
                var text = ""
                var afterSpace = runs.last.map { $0.text.hasSuffix(" ") } ?? true
                for character in run.text.precomposedNFC {
                    if character.isWhitespace {
                        if !afterSpace { text.append(" ") }
                        afterSpace = true
                    } else {
                        text.append(character)
                        afterSpace = false
                    }
                }
                if !text.isEmpty { runs.append(Run(text: text, isStrong: run.isStrong, isEmphasis: run.isEmphasis)) }
            }
            if let last = runs.last, last.text.hasSuffix(" ") {
                runs[runs.count - 1].text.removeLast()
                if runs[runs.count - 1].text.isEmpty { runs.removeLast() }
            }
            if !runs.isEmpty { cell?.lines.append(runs) }
            currentLine = []
        }

        mutating func endCell() {
            guard cell != nil else { return }
            lineBreak()
            if let cell, cellsLeft > 0 {
                cellsLeft -= 1
                if row == nil { row = Row(cells: [], line: line, isHead: inHead) }
                row?.cells.append(cell)
            }
            cell = nil
            strong = 0
            emphasis = 0
        }

        mutating func endRow() {
            endCell()
            if let row, cellsLeft > 0 || !row.cells.isEmpty { rows.append(row) }
            row = nil
        }

        func starts(with text: String, at offset: Int) -> Bool {
            let pattern = Array(text.utf8)
            guard offset + pattern.count <= bytes.count else { return false }
            for (i, byte) in pattern.enumerated() where Self.lower(bytes[offset + i]) != byte { return false }
            return true
        }

        /// The offset of `text` (ASCII, matched without case) at or after `offset`.
        func find(_ text: String, from offset: Int, before end: Int? = nil) -> Int? {
            let pattern = Array(text.utf8)
            guard let first = pattern.first else { return offset }
            let end = end ?? bytes.count
            var index = offset
            while index + pattern.count <= end {
                if Self.lower(bytes[index]) == first, starts(with: text, at: index) { return index }
                index += 1
            }
            return nil
        }

        static func lower(_ byte: UInt8) -> UInt8 {
            byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
        }

        func isLetter(_ byte: UInt8) -> Bool {
            let lower = Self.lower(byte)
            return lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")
        }

        func isNameByte(_ byte: UInt8) -> Bool {
            isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
        }

        static let named: [String: String] = [
            "nbsp": " ", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "amp": "&",
            "ndash": "–", "mdash": "—", "hellip": "…", "laquo": "«", "raquo": "»",
            "ldquo": "“", "rdquo": "”", "lsquo": "‘", "rsquo": "’",
        ]

        /// Decodes named entities of the list above and numeric ones; a
        /// numeric entity for a control character or no character at all
        /// becomes U+FFFD, so the text never carries what the page may not.
        static func decodeEntities(_ text: String) -> String {
            guard text.contains("&") else { return text }
            var out = ""
            var rest = Substring(text)
            while let amp = rest.firstIndex(of: "&") {
                out += rest[..<amp]
                let after = rest[rest.index(after: amp)...]
                if let semicolon = after.prefix(12).firstIndex(of: ";") {
                    let name = after[..<semicolon]
                    if let value = value(of: name) {
                        out += value
                        rest = after[after.index(after: semicolon)...]
                        continue
                    }
                }
                out += "&"
                rest = after
            }
            return out + rest
        }

        static func value(of entity: Substring) -> String? {
            if let named = named[String(entity)] { return named }
            guard entity.first == "#" else { return nil }
            let digits = entity.dropFirst()
            let number = digits.first == "x" || digits.first == "X"
                ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let number else { return nil }
            guard let scalar = Unicode.Scalar(number),
                  !(number < 0x20 && number != 0x09 && number != 0x0A), !(0x7F...0x9F).contains(number)
            else { return "\u{FFFD}" }
            return String(Character(scalar))
        }
    }
}
