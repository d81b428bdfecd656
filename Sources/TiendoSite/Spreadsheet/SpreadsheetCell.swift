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

    /// Roughly how many characters wide the cell shows, to size its column,
    /// up to `cap`: no column is sized wider, so longer lines are not counted
    /// to their end (a note of a thousand characters costs sixty).
    func displayWidth(cap: Int) -> Int {
        switch self {
        case .empty: 0
        case .text(let text):
            // The longest line of a multi-line cell, in characters.
            Self.longestLine(text, cap: cap)
        case .number(let value): min(cap, SpreadsheetXML.number(value).count)
        case .date: min(cap, 10)
        }
    }

    /// The characters of the longest line ("\n" ends a line), or `cap` as
    /// soon as one line reaches it.
    static func longestLine(_ text: String, cap: Int) -> Int {
        var longest = 0, current = 0
        for character in text {
            if character == "\n" {
                current = 0
                continue
            }
            current += 1
            if current >= cap { return cap }
            longest = max(longest, current)
        }
        return longest
    }
}
