/// Writes one worksheet's XML part: frozen header, column widths and
/// styles, the cells, protection and drop-down lists, in the order the
/// SpreadsheetML schema requires (Excel refuses a file whose elements are
/// out of order).
struct WorksheetPart {
    let sheet: Worksheet
    let selected: Bool

    /// Widest a column is sized to content; longer text wraps or overflows.
    static let maxWidth = 60
    static let minWidth = 6

    func xml(strings: inout SharedStrings) -> [UInt8] {
        let columnCount = max(sheet.columns.count, sheet.rows.map(\.count).max() ?? 0)
        let lastRow = sheet.rows.count + 1
        var out = Array(SpreadsheetXML.declaration.utf8)
        out.append(contentsOf: #"<worksheet xmlns="\#(SpreadsheetXML.mainNamespace)" xmlns:r="\#(SpreadsheetXML.relationshipsNamespace)">"#.utf8)
        // Printed landscape, as wide as the page: a clerk prints a sheet for a meeting.
        out.append(contentsOf: #"<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>"#.utf8)
        let last = SpreadsheetXML.reference(column: max(columnCount, 1) - 1, row: lastRow)
        out.append(contentsOf: #"<dimension ref="A1:\#(last)"/>"#.utf8)
        out.append(contentsOf: sheetView.utf8)
        out.append(contentsOf: #"<sheetFormatPr defaultRowHeight="15"/>"#.utf8)
        let widths = widths()
        if !sheet.columns.isEmpty {
            out.append(contentsOf: "<cols>".utf8)
            for (index, width) in widths.enumerated() {
                let column = sheet.columns[index]
                let style = SpreadsheetStyles.index(column.kind, locked: column.locked)
                out.append(contentsOf: #"<col min="\#(index + 1)" max="\#(index + 1)" width="\#(width)" customWidth="1""#.utf8)
                if style != 0 { out.append(contentsOf: #" style="\#(style)""#.utf8) }
                out.append(contentsOf: "/>".utf8)
            }
            out.append(contentsOf: "</cols>".utf8)
        }
        out.append(contentsOf: "<sheetData>".utf8)
        // Excel does not grow a row for wrapped text by itself: the header gets the height of its longest wrap.
        let lines = zip(sheet.columns, widths).map { Self.lines($0.header, width: $1) }.max() ?? 1
        out.append(contentsOf: (lines > 1 ? #"<row r="1" ht="\#(lines * 15)" customHeight="1">"# : #"<row r="1">"#).utf8)
        for (index, column) in sheet.columns.enumerated() {
            cell(.text(column.header), column: index, row: 1, style: .header, strings: &strings, into: &out)
        }
        out.append(contentsOf: "</row>".utf8)
        for (offset, cells) in sheet.rows.enumerated() {
            let row = offset + 2
            out.append(contentsOf: #"<row r="\#(row)">"#.utf8)
            for (index, value) in cells.enumerated() {
                let column = index < sheet.columns.count ? sheet.columns[index] : SpreadsheetColumn("")
                cell(value, column: index, row: row, style: .column(column), strings: &strings, into: &out)
            }
            out.append(contentsOf: "</row>".utf8)
        }
        out.append(contentsOf: "</sheetData>".utf8)
        if sheet.isProtected {
            // Resizing and filtering stay allowed ("0" = not protected).
            out.append(contentsOf: #"<sheetProtection sheet="1" objects="1" scenarios="1" formatColumns="0" formatRows="0" autoFilter="0"/>"#.utf8)
        }
        if !sheet.validations.isEmpty {
            out.append(contentsOf: #"<dataValidations count="\#(sheet.validations.count)">"#.utf8)
            for validation in sheet.validations { out.append(contentsOf: Self.validationXML(validation).utf8) }
            out.append(contentsOf: "</dataValidations>".utf8)
        }
        out.append(contentsOf: #"<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>"#.utf8)
        out.append(contentsOf: #"<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>"#.utf8)
        out.append(contentsOf: "</worksheet>".utf8)
        return out
    }

    /// The header row (and the first columns, if asked) frozen in view.
    var sheetView: String {
        let x = sheet.frozenColumns
        let topLeft = SpreadsheetXML.reference(column: x, row: 2)
        let pane = x > 0
            ? #"<pane xSplit="\#(x)" ySplit="1" topLeftCell="\#(topLeft)" activePane="bottomRight" state="frozen"/><selection pane="bottomRight" activeCell="\#(topLeft)" sqref="\#(topLeft)"/>"#
            : #"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/>"#
        return #"<sheetViews><sheetView "# + (selected ? #"tabSelected="1" "# : "") + #"workbookViewId="0">"# + pane + "</sheetView></sheetViews>"
    }

    /// How many lines `text` takes wrapped at word boundaries in a column
    /// `width` characters wide (with a character of padding each side).
    static func lines(_ text: String, width: Int) -> Int {
        let room = max(1, width - 2)
        var lines = 1, used = 0
        for word in text.split(separator: " ") {
            let length = word.count
            if used == 0 { used = length } else if used + 1 + length <= room { used += 1 + length } else { lines += 1; used = length }
        }
        return lines
    }

    /// Each column's width: as given, or sized to its longest cell (the
    /// header counts by its longest word, since it wraps).
    func widths() -> [Int] {
        sheet.columns.enumerated().map { index, column in
            if let width = column.width { return Int(width.rounded()) }
            var widest = column.header.split(separator: " ").map(\.count).max() ?? 0
            for row in sheet.rows where index < row.count { widest = max(widest, row[index].displayWidth) }
            return min(Self.maxWidth, max(Self.minWidth, widest + 2))
        }
    }

    enum CellStyle {
        case header
        case column(SpreadsheetColumn)

        /// The style number for a value: a date is always shown as a date.
        func index(date: Bool) -> Int {
            switch self {
            case .header: SpreadsheetStyles.header
            case .column(let column): SpreadsheetStyles.index(date ? .date : column.kind, locked: column.locked)
            }
        }
    }

    func cell(_ value: SpreadsheetCell, column: Int, row: Int, style: CellStyle, strings: inout SharedStrings, into out: inout [UInt8]) {
        let reference = SpreadsheetXML.reference(column: column, row: row)
        func styled(date: Bool = false) -> String {
            let index = style.index(date: date)
            return index == 0 ? "" : #" s="\#(index)""#
        }
        switch value {
        case .empty:
            // An empty cell takes its column's style: nothing to write.
            return
        case .text(let text):
            let number = strings.number(SpreadsheetXML.cellText(text))
            out.append(contentsOf: #"<c r="\#(reference)"\#(styled()) t="s"><v>\#(number)</v></c>"#.utf8)
        case .number(let value):
            out.append(contentsOf: #"<c r="\#(reference)"\#(styled())><v>\#(SpreadsheetXML.number(value))</v></c>"#.utf8)
        case .date(let date):
            let serial = SpreadsheetXML.serial(date)
            // Excel has no day before 01/01/1900 or after 31/12/9999: such a day is written as text.
            guard (1...2_958_465).contains(serial) else {
                cell(.text(date.vietnamese), column: column, row: row, style: style, strings: &strings, into: &out)
                return
            }
            out.append(contentsOf: #"<c r="\#(reference)"\#(styled(date: true))><v>\#(serial)</v></c>"#.utf8)
        }
    }

    static func validationXML(_ validation: SpreadsheetValidation) -> String {
        let letters = SpreadsheetXML.columnLetters(validation.column)
        let rows = validation.rows ?? 2...Worksheet.maxRows
        let range = "\(letters)\(rows.lowerBound):\(letters)\(rows.upperBound)"
        let messages = #"showErrorMessage="1" errorTitle="\#(SpreadsheetXML.escaped(validation.errorTitle))" error="\#(SpreadsheetXML.escaped(validation.errorMessage))""#
        switch validation.rule {
        case .list(let words):
            let formula = "\"" + words.map { $0.replacingOccurrences(of: "\"", with: "\"\"") }.joined(separator: ",") + "\""
            return #"<dataValidation type="list" allowBlank="1" showInputMessage="1" \#(messages) sqref="\#(range)"><formula1>\#(SpreadsheetXML.escaped(formula))</formula1></dataValidation>"#
        case .date(let from):
            return #"<dataValidation type="date" operator="greaterThanOrEqual" allowBlank="1" showInputMessage="1" \#(messages) sqref="\#(range)"><formula1>\#(SpreadsheetXML.serial(from))</formula1></dataValidation>"#
        }
    }
}
