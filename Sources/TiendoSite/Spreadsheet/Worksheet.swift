/// One sheet of a workbook: a header row, then rows of cells, with the
/// header frozen so it stays in view while a clerk scrolls.
public struct Worksheet: Sendable {
    /// Excel allows 31 characters and none of : \ / ? * [ ].
    public var name: String
    public var columns: [SpreadsheetColumn]
    /// Data rows, under the header. A row may be shorter than `columns`.
    public var rows: [[SpreadsheetCell]]
    /// Columns kept in view when scrolling sideways (codes and names).
    public var frozenColumns: Int
    public var validations: [SpreadsheetValidation]
    /// Locks the sheet: only columns with `locked == false` can be edited.
    /// No password: it guards against slips, not against people.
    public var isProtected: Bool

    public init(name: String, columns: [SpreadsheetColumn], rows: [[SpreadsheetCell]], frozenColumns: Int = 0,
                validations: [SpreadsheetValidation] = [], isProtected: Bool = false) {
        self.name = name
        self.columns = columns
        self.rows = rows
        self.frozenColumns = frozenColumns
        self.validations = validations
        self.isProtected = isProtected
    }

    /// Excel's limits: rows in a sheet (header included) and columns.
    public static let maxRows = 1_048_576
    public static let maxColumns = 16_384
}
