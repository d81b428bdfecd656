/// The file (and, for a workbook, the worksheet) a status row was read
/// from. One instance is shared by every row of a file, so a row carries
/// its origin for the cost of a reference: at national scale there are
/// millions of rows, and a page or an error can still point to the sheet a
/// value came from.
public final class StatusSource: Sendable, Hashable, CustomStringConvertible {
    /// The path as diagnostics show it.
    public let file: String
    /// The worksheet's name, when the file is a workbook.
    public let sheet: String?

    public init(file: String, sheet: String? = nil) {
        self.file = file
        self.sheet = sheet
    }

    /// For rows made in code (tests, library callers) with no file behind them.
    public static let unnamed = StatusSource(file: "")

    /// A row of this source as a clerk finds it: "content/status.csv:7", or
    /// "content/status/hai-an.xlsx!Trạng thái!A7" (the row's first cell).
    public func place(line: Int) -> String {
        if let sheet { return "\(file)!\(sheet)!A\(line)" }
        return "\(file):\(line)"
    }

    /// A diagnostic about `line` of this source, named by cell in a workbook.
    public func diagnostic(_ severity: Diagnostic.Severity, line: Int, column: Int = 0, _ message: String,
                           hint: String = "") -> Diagnostic {
        let found = Diagnostic(severity, file: file, line: line, column: column, message, hint: hint)
        return sheet.map { found.inSheet($0) } ?? found
    }

    public var description: String { sheet.map { "\(file)!\($0)" } ?? file }

    public static func == (a: StatusSource, b: StatusSource) -> Bool {
        a === b || (a.file == b.file && a.sheet == b.sheet)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(file)
        hasher.combine(sheet)
    }
}
