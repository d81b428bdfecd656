/// One problem found in the content, with where it is and what to do about
/// it, in words a clerk can act on. Diagnostics are collected, never thrown
/// one at a time, so a clerk fixes every mistake in one pass.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible, Codable {
    public enum Severity: String, Sendable, Hashable, Codable {
        case error = "lỗi"
        case warning = "cảnh báo"
    }

    public var severity: Severity
    /// Path as the user gave it (relative to the content folder where possible).
    public var file: String
    /// 1-based; 0 when the problem concerns the whole file.
    public var line: Int
    /// 1-based; 0 when unknown. For spreadsheets, `cell` is used instead.
    public var column: Int
    /// A spreadsheet cell reference such as "Sheet1!C7", when the source is a workbook.
    public var cell: String?
    public var message: String
    public var hint: String
    /// For a line that stands for diagnostics left out past a limit
    /// (`DiagnosticTally`): how many; nil for an ordinary diagnostic.
    public var omitted: Int?

    public init(_ severity: Severity, file: String, line: Int = 0, column: Int = 0, cell: String? = nil,
                _ message: String, hint: String = "") {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.cell = cell
        self.message = message
        self.hint = hint
    }

    public static func error(_ file: String, line: Int = 0, column: Int = 0, _ message: String, hint: String = "") -> Diagnostic {
        Diagnostic(.error, file: file, line: line, column: column, message, hint: hint)
    }

    public static func warning(_ file: String, line: Int = 0, column: Int = 0, _ message: String, hint: String = "") -> Diagnostic {
        Diagnostic(.warning, file: file, line: line, column: column, message, hint: hint)
    }

    /// Spreadsheet column letters for a 1-based column: 1 → "A", 26 → "Z", 27 → "AA".
    public static func columnLetters(_ column: Int) -> String {
        var n = max(column, 1)
        var letters: [Character] = []
        while n > 0 {
            let remainder = (n - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + remainder))))
            n = (n - 1) / 26
        }
        return String(letters.reversed())
    }

    /// This diagnostic placed in a worksheet: "Sheet1!C7" from line 7 (the
    /// spreadsheet row) and column 3; a whole row is named by its first cell.
    public func inSheet(_ sheet: String) -> Diagnostic {
        guard line > 0 else { return self }
        var located = self
        located.cell = "\(sheet)!\(Diagnostic.columnLetters(column))\(line)"
        return located
    }

    public var location: String {
        if let cell { return "\(file)!\(cell)" }
        var text = file
        if line > 0 { text += ":\(line)" }
        if line > 0, column > 0 { text += ":\(column)" }
        return text
    }

    /// "content/status.csv:7:3: lỗi: ... — ..." — the shape compilers use, so editors can jump to it.
    public var description: String {
        var text = "\(location): \(severity.rawValue): \(message)"
        if !hint.isEmpty { text += " — \(hint)" }
        return text
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
    /// How many errors and warnings these stand for, counting those a
    /// summary line says were left out.
    public var counts: (errors: Int, warnings: Int) {
        reduce(into: (0, 0)) { total, diagnostic in
            let count = diagnostic.omitted ?? 1
            if diagnostic.severity == .error { total.0 += count } else { total.1 += count }
        }
    }
    public var errors: [Diagnostic] { filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { filter { $0.severity == .warning } }
}
