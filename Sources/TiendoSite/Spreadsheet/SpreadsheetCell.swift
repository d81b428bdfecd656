import TiendoCore

/// One cell's value as a workbook stores it: text stays text (so Excel
/// never reads "1.10" as the number 1.1), numbers are numbers a formula
/// can sum, and dates are Excel dates shown dd/mm/yyyy.
public enum SpreadsheetCell: Sendable, Hashable {
    case empty
    case text(String)
    case number(Double)
    case date(CivilDate)

    public static func integer(_ value: Int) -> SpreadsheetCell { .number(Double(value)) }

    /// Text, or an empty cell for empty text: a blank cell, not a cell
    /// holding "", which Excel's "go to blanks" would miss.
    public static func optionalText(_ value: String?) -> SpreadsheetCell {
        guard let value, !value.isEmpty else { return .empty }
        return .text(value)
    }

    public static func optionalDate(_ value: CivilDate?) -> SpreadsheetCell {
        value.map(SpreadsheetCell.date) ?? .empty
    }

    /// Roughly how many characters wide the cell shows, to size its column.
    var displayWidth: Int {
        switch self {
        case .empty: 0
        case .text(let text):
            // The longest line of a multi-line cell, in characters.
            text.split(separator: "\n", omittingEmptySubsequences: false).map(\.count).max() ?? 0
        case .number(let value): SpreadsheetXML.number(value).count
        case .date: 10
        }
    }
}
