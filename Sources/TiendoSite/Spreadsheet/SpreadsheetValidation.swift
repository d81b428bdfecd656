import TiendoCore

/// A rule Excel checks as a person types into a column: a drop-down list
/// of allowed words, or a date. Invalid input is refused with the message.
public struct SpreadsheetValidation: Sendable, Hashable {
    public enum Rule: Sendable, Hashable {
        /// A drop-down of these words. Excel limits the written list to 255
        /// characters, commas included, and a word may not hold a comma.
        case list([String])
        /// A date from this day on.
        case date(from: CivilDate)
    }

    /// Zero-based column the rule applies to.
    public var column: Int
    public var rule: Rule
    /// The rows it covers, one-based, header excluded; nil: from the row
    /// after the header to the last row Excel has, so added rows are checked too.
    public var rows: ClosedRange<Int>?
    /// Shown when Excel refuses a value.
    public var errorTitle: String
    public var errorMessage: String

    public init(column: Int, rule: Rule, rows: ClosedRange<Int>? = nil, errorTitle: String, errorMessage: String) {
        self.column = column
        self.rule = rule
        self.rows = rows
        self.errorTitle = errorTitle
        self.errorMessage = errorMessage
    }
}
