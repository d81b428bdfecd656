/// A worksheet as CSV for programs: the same header and cells, so the CSV
/// and the workbook never disagree. Numbers with a decimal point, dates
/// dd/mm/yyyy, UTF-8 with a byte-order mark, CRLF (see `CSVWriter`).
enum WorksheetCSV {
    static func document(_ sheet: Worksheet) -> String {
        var out = "\u{FEFF}"
        func line(_ cells: [String]) {
            out += cells.map(CSVWriter.cell).joined(separator: ",")
            out += "\r\n"
        }
        line(sheet.columns.map(\.header))
        // Row by row: the sheet's cells are never all held at once.
        for index in 0..<sheet.rowCount { line(sheet.row(index).map(text)) }
        return out
    }

    static func text(_ cell: SpreadsheetCell) -> String {
        switch cell {
        case .empty: ""
        case .text(let text): text
        case .number(let value): SpreadsheetXML.number(value)
        case .date(let date): date.vietnamese
        }
    }
}
