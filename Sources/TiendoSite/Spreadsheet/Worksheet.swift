/// One sheet of a workbook: a header row, then rows of cells, with the
/// header frozen so it stays in view while a clerk scrolls.
///
/// Rows are asked for by number when the sheet is written, never all held
/// at once: a sheet of a million (task, unit) pairs would otherwise take
/// gigabytes as cells, and as much again as XML.
public struct Worksheet: Sendable {
    /// Excel allows 31 characters and none of : \ / ? * [ ].
    public var name: String
    public var columns: [SpreadsheetColumn]
    /// How many data rows there are, under the header.
    public var rowCount: Int
    /// The cells of data row `index` (0-based), asked for once per pass
    /// over the sheet; the same index must give the same cells. A row may
    /// be shorter than `columns`.
    public var row: @Sendable (Int) -> [SpreadsheetCell]
    /// Columns kept in view when scrolling sideways (codes and names).
    public var frozenColumns: Int
    public var validations: [SpreadsheetValidation]
    /// Locks the sheet: only columns with `locked == false` can be edited.
    /// No password: it guards against slips, not against people.
    public var isProtected: Bool

    public init(name: String, columns: [SpreadsheetColumn], rowCount: Int, row: @escaping @Sendable (Int) -> [SpreadsheetCell],
                frozenColumns: Int = 0, validations: [SpreadsheetValidation] = [], isProtected: Bool = false) {
        self.name = name
        self.columns = columns
        self.rowCount = rowCount
        self.row = row
        self.frozenColumns = frozenColumns
        self.validations = validations
        self.isProtected = isProtected
    }

    /// A sheet of rows already at hand.
    public init(name: String, columns: [SpreadsheetColumn], rows: [[SpreadsheetCell]], frozenColumns: Int = 0,
                validations: [SpreadsheetValidation] = [], isProtected: Bool = false) {
        self.init(name: name, columns: columns, rowCount: rows.count, row: { rows[$0] }, frozenColumns: frozenColumns,
                  validations: validations, isProtected: isProtected)
    }

    /// Every data row, made now (for small sheets and tests).
    public var rows: [[SpreadsheetCell]] { (0..<rowCount).map(row) }

    /// Excel's limits: rows in a sheet (header included) and columns.
    public static let maxRows = 1_048_576
    public static let maxColumns = 16_384
}
