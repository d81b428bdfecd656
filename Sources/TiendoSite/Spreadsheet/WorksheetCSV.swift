/// A worksheet as CSV for programs: the same header and cells, so the CSV
/// and the workbook never disagree. Numbers with a decimal point, dates
/// dd/mm/yyyy, UTF-8 with a byte-order mark (see `CSVWriter`).
enum WorksheetCSV {
    static func document(_ sheet: Worksheet) -> String {
        var rows = [sheet.columns.map(\.header)]
        rows.reserveCapacity(sheet.rows.count + 1)
        for cells in sheet.rows { rows.append(cells.map(text)) }
        return CSVWriter.document(rows)
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
