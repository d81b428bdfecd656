import Foundation

/// A table read from a CSV file as Excel and LibreOffice write it on
/// Vietnamese Windows: UTF-8 with or without BOM, UTF-16 ("Unicode text"),
/// comma, semicolon or tab separated, CRLF or LF, quoted fields with
/// separators, quotes and line breaks inside, trailing empty rows and columns.
public struct CSVTable: Sendable {
    public struct Row: Sendable {
        /// Physical line where the record starts (1-based).
        public var line: Int
        public var cells: [String]

        public init(line: Int, cells: [String]) {
            self.line = line
            self.cells = cells
        }
    }

    public var separator: Character
    public var rows: [Row]

    /// A table from another reader (a workbook), for the same checks.
    public init(separator: Character, rows: [Row]) {
        self.separator = separator
        self.rows = rows
    }

    public enum Failure: Error, Sendable, Equatable {
        /// Not UTF-8 nor UTF-16: a legacy 8-bit encoding such as Windows-1258 or TCVN3.
        case legacyEncoding(line: Int)
        case unterminatedQuote(line: Int)
    }

    /// Decodes `data` and splits it into records.
    public static func parse(_ data: [UInt8]) -> Result<CSVTable, Failure> {
        switch decode(data) {
        case .failure(let failure): return .failure(failure)
        case .success(let text): return parse(text: text)
        }
    }

    static func decode(_ data: [UInt8]) -> Result<String, Failure> {
        if data.starts(with: [0xEF, 0xBB, 0xBF]) {
            return utf8(Array(data.dropFirst(3)))
        }
        if data.starts(with: [0xFF, 0xFE]) {
            return .success(utf16(Array(data.dropFirst(2)), littleEndian: true))
        }
        if data.starts(with: [0xFE, 0xFF]) {
            return .success(utf16(Array(data.dropFirst(2)), littleEndian: false))
        }
        // UTF-16 without a BOM: every other byte of ASCII text is zero.
        if data.count >= 4 {
            let sample = data.prefix(200)
            let evenZeros = stride(from: 0, to: sample.count, by: 2).filter { sample[$0] == 0 }.count
            let oddZeros = stride(from: 1, to: sample.count, by: 2).filter { sample[$0] == 0 }.count
            if oddZeros > sample.count / 4, evenZeros == 0 { return .success(utf16(data, littleEndian: true)) }
            if evenZeros > sample.count / 4, oddZeros == 0 { return .success(utf16(data, littleEndian: false)) }
        }
        return utf8(data)
    }

    static func utf8(_ bytes: [UInt8]) -> Result<String, Failure> {
        if let text = String(validating: bytes, as: UTF8.self) {
            return .success(text)
        }
        // Find the first line with a byte sequence that is not UTF-8, to name it.
        var line = 1
        var index = 0
        while index < bytes.count {
            let lineEnd = bytes[index...].firstIndex(of: 0x0A) ?? bytes.count
            if String(validating: bytes[index..<lineEnd], as: UTF8.self) == nil { break }
            line += 1
            index = lineEnd + 1
        }
        return .failure(.legacyEncoding(line: line))
    }

    static func utf16(_ bytes: [UInt8], littleEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = 0
        while i + 1 < bytes.count {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(littleEndian ? a | (b << 8) : (a << 8) | b)
            i += 2
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// Splits decoded text into records, guessing the separator from the header line.
    public static func parse(text: String) -> Result<CSVTable, Failure> {
        let separator = guessSeparator(text)
        var rows: [Row] = []
        var cells: [String] = []
        var field = ""
        var quoted = false
        var inQuotes = false
        var afterQuote = false
        var line = 1
        var recordLine = 1
        var quoteLine = 1
        func endField() {
            cells.append(quoted ? field : field.trimmingCharacters(in: .whitespaces))
            field = ""
            quoted = false
            afterQuote = false
        }
        func endRecord() {
            endField()
            rows.append(Row(line: recordLine, cells: cells))
            cells = []
        }
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = iterator.next()
        while let scalar = pending {
            pending = iterator.next()
            if inQuotes {
                if scalar == "\"" {
                    if pending == "\"" {
                        field.unicodeScalars.append("\"")
                        pending = iterator.next()
                    } else {
                        inQuotes = false
                        afterQuote = true
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    if scalar == "\r" && pending == "\n" { continue }
                    field.unicodeScalars.append(scalar == "\r" ? "\n" : scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.trimmingCharacters(in: .whitespaces).isEmpty && !afterQuote:
                field = ""
                inQuotes = true
                quoted = true
                quoteLine = line
            case Unicode.Scalar(String(separator))!:
                endField()
            case "\r":
                if pending == "\n" { pending = iterator.next() }
                endRecord()
                line += 1
                recordLine = line
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            default:
                if afterQuote, scalar == " " || scalar == "\t" { continue }
                field.unicodeScalars.append(scalar)
            }
        }
        if inQuotes { return .failure(.unterminatedQuote(line: quoteLine)) }
        if !field.isEmpty || !cells.isEmpty || quoted { endRecord() }
        // Trailing empty rows and columns, as spreadsheets leave them.
        let trimmedRows = rows.map { row -> Row in
            var row = row
            while let last = row.cells.last, last.isEmpty { row.cells.removeLast() }
            return row
        }.filter { !$0.cells.isEmpty }
        return .success(CSVTable(separator: separator, rows: trimmedRows))
    }

    /// The separator that splits the first line into the most fields:
    /// Vietnamese regional settings make Excel write ";".
    static func guessSeparator(_ text: String) -> Character {
        var counts: [Character: Int] = [",": 0, ";": 0, "\t": 0]
        var inQuotes = false
        for c in text {
            if c == "\"" { inQuotes.toggle() }
            if inQuotes { continue }
            if c == "\n" || c == "\r\n" || c == "\r" { break }
            if counts[c] != nil { counts[c]! += 1 }
        }
        let best = counts.max { a, b in a.value != b.value ? a.value < b.value : order(a.key) > order(b.key) }!
        return best.value == 0 ? "," : best.key
    }

    private static func order(_ c: Character) -> Int {
        c == "," ? 0 : c == ";" ? 1 : 2
    }
}
