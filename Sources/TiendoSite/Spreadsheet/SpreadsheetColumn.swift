/// A column of a worksheet: its header, how cells typed into it later are
/// read, and whether it stays editable when the sheet is protected.
public struct SpreadsheetColumn: Sendable, Hashable {
    /// How Excel treats what a person types into the column. The column's
    /// cells and the empty cells below them carry it, so a code typed into
    /// a new row stays text and a date stays a date.
    public enum Kind: Int, Sendable, Hashable, CaseIterable {
        case general = 0
        /// Number format "@": "1.4" and "01" stay as typed.
        case text
        /// An Excel date shown dd/mm/yyyy.
        case date
        /// A whole number.
        case integer
        /// A number with one decimal (percentages out of 100).
        case decimal
    }

    public var header: String
    public var kind: Kind
    /// Width in characters; nil sizes the column to its content.
    public var width: Double?
    /// Whether the column is locked when the sheet is protected.
    public var locked: Bool

    public init(_ header: String, kind: Kind = .general, width: Double? = nil, locked: Bool = true) {
        self.header = header
        self.kind = kind
        self.width = width
        self.locked = locked
    }
}
