import TiendoOffice

/// Writes one worksheet's XML part: frozen header, column widths and
/// styles, the cells, protection and drop-down lists, in the order the
/// SpreadsheetML schema requires (Excel refuses a file whose elements are
/// out of order).
///
/// The column widths come before the rows, and are known only after them:
/// `measure` goes over the rows once, sizing the columns, numbering the
/// shared strings and deflating each row as it is made; `deflated` then
/// deflates the prologue and epilogue apart and joins them around the
/// rows. One pass over the rows, and never more than their compressed
/// bytes held. (Making the rows a second time to write them, as before,
/// was a tenth of a rebuild after one changed status row at L: the
/// progress workbook's detail sheet is 70 MB of XML.)
struct WorksheetPart {
    let sheet: Worksheet
    let selected: Bool
    /// Known after `measure`.
    private(set) var widths: [Int] = []
    private(set) var columnCount = 0
    /// The rows deflated as they were measured.
    private(set) var deflatedRows: ZipWriter.DeflatedPiece?
    /// Shared-text uses in the rows, counted in the first pass.
    private(set) var rowUses = 0

    /// Widest a column is sized to content; longer text wraps or overflows.
    static let maxWidth = 60
    static let minWidth = 6

    /// Each declared column's letters ("A", "AB"), as bytes.
    let letters: [[UInt8]]

    init(sheet: Worksheet, selected: Bool) {
        self.sheet = sheet
        self.selected = selected
        letters = sheet.columns.indices.map { Array(SpreadsheetXML.columnLetters($0).utf8) }
    }

    /// The first pass: widths, the widest row, every text given its shared
    /// number, and the rows deflated at zlib's `level`.
    mutating func measure(strings: SharedStrings, level: Int32) throws(ZipWriter.Failure) {
        let rows = try ZipWriter.DeflatedPiece(level: level)
        var widest = sheet.columns.map { $0.header.split(separator: " ").map(\.count).max() ?? 0 }
        var scratch: [UInt8] = []
        columnCount = sheet.columns.count
        let sized = sheet.columns.map { $0.width == nil }
        let usesBefore = strings.uses
        for index in 0..<sheet.rowCount {
            let cells = sheet.row(index)
            columnCount = max(columnCount, cells.count)
            scratch.removeAll(keepingCapacity: true)
            rowXML(index, cells: cells, strings: strings, into: &scratch) { column, cell, number in
                guard column < sized.count, sized[column] else { return }
                // Past maxWidth a column is as wide as it gets: no need to count further.
                // A shared text's width is counted once per workbook, not once per
                // cell; a text cut to Excel's limit is counted whole, as before.
                if let number, case .text(let text) = cell, text.utf8.count <= SpreadsheetXML.maxCellText {
                    widest[column] = max(widest[column], strings.width(number, cap: Self.maxWidth))
                } else {
                    widest[column] = max(widest[column], cell.displayWidth(cap: Self.maxWidth))
                }
            }
            try rows.add(scratch)
        }
        try rows.end(final: false)
        deflatedRows = rows
        rowUses = strings.uses - usesBefore
        widths = zip(sheet.columns, widest).map { column, widest in
            column.width.map { Int($0.rounded()) } ?? min(Self.maxWidth, max(Self.minWidth, widest + 2))
        }
        // The header's texts numbered after the rows' (the order the table has always had).
        _ = prologue(strings: strings)
    }

    /// Everything up to and including the header row.
    func prologue(strings: SharedStrings) -> [UInt8] {
        var out = Array(SpreadsheetXML.declaration.utf8)
        out.append(contentsOf: #"<worksheet xmlns="\#(SpreadsheetXML.mainNamespace)" xmlns:r="\#(SpreadsheetXML.relationshipsNamespace)">"#.utf8)
        // Printed landscape, as wide as the page: a clerk prints a sheet for a meeting.
        out.append(contentsOf: #"<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>"#.utf8)
        let last = SpreadsheetXML.reference(column: max(columnCount, 1) - 1, row: sheet.rowCount + 1)
        out.append(contentsOf: #"<dimension ref="A1:\#(last)"/>"#.utf8)
        out.append(contentsOf: sheetView.utf8)
        out.append(contentsOf: #"<sheetFormatPr defaultRowHeight="15"/>"#.utf8)
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
            cell(.text(column.header), column: index, row: 1, style: .header, strings: strings, into: &out)
        }
        out.append(contentsOf: "</row>".utf8)
        return out
    }

    /// Data row `index` (0-based; row `index + 2` of the sheet).
    /// `written` is told each cell and the shared-text number it got, if any.
    func rowXML(_ index: Int, cells: [SpreadsheetCell], strings: SharedStrings, into out: inout [UInt8],
                written: (Int, SpreadsheetCell, Int?) -> Void = { _, _, _ in }) {
        let row = index + 2
        out.append(contentsOf: #"<row r=""#.utf8)
        SpreadsheetXML.appendDecimal(row, into: &out)
        out.append(contentsOf: #"">"#.utf8)
        for (column, value) in cells.enumerated() {
            let spec = column < sheet.columns.count ? sheet.columns[column] : SpreadsheetColumn("")
            let number = cell(value, column: column, row: row, style: .column(spec), strings: strings, into: &out)
            written(column, value, number)
        }
        out.append(contentsOf: "</row>".utf8)
    }

    /// Everything after the rows.
    func epilogue() -> [UInt8] {
        var out = Array("</sheetData>".utf8)
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

    /// The part deflated, for a zip: the prologue and epilogue deflated
    /// now (after the first pass, when the widths are known, and in the
    /// second, so that their shared texts are counted) around the rows
    /// deflated in `measure`.
    func deflated(strings: SharedStrings, level: Int32) throws(ZipWriter.Failure) -> ZipWriter.Deflated {
        guard let rows = deflatedRows else { preconditionFailure("measured without deflating") }
        // The rows' shared texts are counted as if written again.
        strings.countUses(rowUses)
        let head = try ZipWriter.DeflatedPiece(prologue(strings: strings), final: false, level: level)
        let tail = try ZipWriter.DeflatedPiece(epilogue(), final: true, level: level)
        return ZipWriter.Deflated(joining: [head, rows, tail])
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

    /// Written for every cell of every row, twice: bytes appended
    /// directly, with the column's letters worked out once per sheet.
    /// Returns the number of the shared text the cell refers to, if any.
    @discardableResult
    func cell(_ value: SpreadsheetCell, column: Int, row: Int, style: CellStyle, strings: SharedStrings, into out: inout [UInt8]) -> Int? {
        func open(date: Bool = false) {
            out.append(contentsOf: #"<c r=""#.utf8)
            if column < letters.count { out.append(contentsOf: letters[column]) } else { out.append(contentsOf: SpreadsheetXML.columnLetters(column).utf8) }
            SpreadsheetXML.appendDecimal(row, into: &out)
            out.append(UInt8(ascii: "\""))
            let index = style.index(date: date)
            if index != 0 {
                out.append(contentsOf: #" s=""#.utf8)
                SpreadsheetXML.appendDecimal(index, into: &out)
                out.append(UInt8(ascii: "\""))
            }
        }
        var number: Int?
        switch value {
        case .empty:
            // An empty cell takes its column's style: nothing to write.
            return nil
        case .text(let text):
            open()
            out.append(contentsOf: #" t="s"><v>"#.utf8)
            let shared = strings.number(SpreadsheetXML.cellText(text))
            SpreadsheetXML.appendDecimal(shared, into: &out)
            number = shared
        case .number(let value):
            open()
            out.append(contentsOf: "><v>".utf8)
            out.append(contentsOf: SpreadsheetXML.number(value).utf8)
        case .date(let date):
            let serial = SpreadsheetXML.serial(date)
            // Excel has no day before 01/01/1900 or after 31/12/9999: such a day is written as text.
            guard (1...2_958_465).contains(serial) else {
                // Sized as a date (10 characters), as before: not by its text.
                cell(.text(date.vietnamese), column: column, row: row, style: style, strings: strings, into: &out)
                return nil
            }
            open(date: true)
            out.append(contentsOf: "><v>".utf8)
            SpreadsheetXML.appendDecimal(serial, into: &out)
        }
        out.append(contentsOf: "</v></c>".utf8)
        return number
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
