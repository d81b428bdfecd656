import Foundation
import Testing
import TiendoCore
@testable import TiendoSite
import ZIPFoundation

/// The workbook writer: what it writes reads back through tiendo's own
/// workbook reader, keeps codes as text and dates as dates, and gives the
/// same bytes for the same sheets.
@Suite struct SpreadsheetWriterTests {
    static let day = CivilDate(year: 2026, month: 6, day: 24)!

    static var sample: [Worksheet] {
        [
            Worksheet(name: "Chi tiết", columns: [
                SpreadsheetColumn("Nhiệm vụ", kind: .text),
                SpreadsheetColumn("Số đơn vị", kind: .integer),
                SpreadsheetColumn("Hạn cuối", kind: .date),
                SpreadsheetColumn("Ghi chú"),
                SpreadsheetColumn("Trạng thái", locked: false),
            ], rows: [
                [.text("1.10"), .integer(114), .date(day), .text("Đã gửi <b> & \"ký\"\ndòng hai"), .text("Đã hoàn thành")],
                [.text("1.4"), .number(22.5), .empty, .text("  lề trái"), .empty],
                [.text("2.1")],
            ], frozenColumns: 1, validations: [
                SpreadsheetValidation(column: 4, rule: .list(["Chưa thực hiện", "Đang thực hiện", "Đã hoàn thành"]),
                                      errorTitle: "Trạng thái", errorMessage: "Chọn trong danh sách"),
                SpreadsheetValidation(column: 2, rule: .date(from: CivilDate(year: 2000, month: 1, day: 1)!),
                                      errorTitle: "Ngày", errorMessage: "Ghi ngày dd/mm/yyyy"),
            ], isProtected: true),
            Worksheet(name: "Theo nhóm", columns: [SpreadsheetColumn("Nhóm"), SpreadsheetColumn("% hoàn thành", kind: .decimal)],
                      rows: [[.text("Phường"), .number(45.5)]]),
        ]
    }

    /// The zip's parts, in the order they are stored.
    func parts(_ bytes: [UInt8]) throws -> [(path: String, text: String)] {
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        return try archive.map { entry in
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            return (entry.path, String(decoding: data, as: UTF8.self))
        }
    }

    @Test func readsBackThroughTiendosOwnReader() throws {
        let bytes = try SpreadsheetWriter.workbook(Self.sample)
        let sheet = try Workbook.read(Data(bytes)).get()
        #expect(sheet.name == "Chi tiết")
        #expect(sheet.table.rows.map(\.line) == [1, 2, 3, 4])
        #expect(sheet.table.rows[0].cells == ["Nhiệm vụ", "Số đơn vị", "Hạn cuối", "Ghi chú", "Trạng thái"])
        // "1.10" stays text, 114 a number, the date a date shown dd/mm/yyyy.
        #expect(sheet.table.rows[1].cells == ["1.10", "114", "24/06/2026", "Đã gửi <b> & \"ký\"\ndòng hai", "Đã hoàn thành"])
        #expect(sheet.table.rows[2].cells == ["1.4", "22.5", "", "lề trái"])
        #expect(sheet.table.rows[3].cells == ["2.1"])
        let second = try Workbook.read(Data(bytes), sheet: "Theo nhóm").get()
        #expect(second.table.rows[1].cells == ["Phường", "45.5"])
    }

    @Test func sameSheetsSameBytes() throws {
        let first = try SpreadsheetWriter.workbook(Self.sample)
        let second = try SpreadsheetWriter.workbook(Self.sample)
        #expect(first == second)
        var changed = Self.sample
        changed[1] = Worksheet(name: "Theo nhóm", columns: changed[1].columns, rows: [[.text("Phường"), .number(45.6)]])
        #expect(try SpreadsheetWriter.workbook(changed) != first)
    }

    @Test func partsInAFixedOrderWithAFixedTimestamp() throws {
        let bytes = try SpreadsheetWriter.workbook(Self.sample)
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        #expect(archive.map(\.path) == ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                                        "xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/sharedStrings.xml"])
        for entry in archive {
            let stamp = try #require(entry.fileAttributes[.modificationDate] as? Date)
            #expect(stamp == SpreadsheetWriter.timestamp, "\(entry.path)")
        }
    }

    @Test func sheetStructure() throws {
        let parts = try self.parts(try SpreadsheetWriter.workbook(Self.sample))
        let sheet = try #require(parts.first { $0.path == "xl/worksheets/sheet1.xml" }).text
        // Header row and the first column frozen.
        #expect(sheet.contains(#"<pane xSplit="1" ySplit="1" topLeftCell="B2" activePane="bottomRight" state="frozen"/>"#))
        // Widths from content, plus 2: the header's longest word ("Nhiệm", as the header wraps),
        // the note's longest line (17 characters), never under the minimum of 6.
        #expect(sheet.contains(#"<col min="1" max="1" width="7" customWidth="1" style="1"/>"#))
        #expect(sheet.contains(#"<col min="2" max="2" width="6" customWidth="1" style="3"/>"#))
        #expect(sheet.contains(#"<col min="4" max="4" width="19" customWidth="1"/>"#))
        // The unlocked column's style has protection off; the sheet is protected.
        #expect(sheet.contains(#"<col min="5" max="5" width="15" customWidth="1" style="5"/>"#))
        #expect(sheet.contains(#"<sheetProtection sheet="1""#))
        // Text cells refer to shared strings; numbers and dates are numbers with their style.
        #expect(sheet.contains(#"<c r="A2" s="1" t="s"><v>"#))
        #expect(sheet.contains(#"<c r="B2" s="3"><v>114</v></c>"#))
        #expect(sheet.contains(#"<c r="C2" s="2"><v>46197</v></c>"#))
        #expect(sheet.contains(#"<dataValidation type="list" allowBlank="1""#))
        #expect(sheet.contains(#"sqref="E2:E1048576"><formula1>&quot;Chưa thực hiện,Đang thực hiện,Đã hoàn thành&quot;</formula1>"#))
        #expect(sheet.contains(#"<dataValidation type="date" operator="greaterThanOrEqual""#))
        // Elements in schema order: Excel refuses a sheet whose parts are out of order.
        let order = ["<sheetPr", "<dimension", "<sheetViews", "<sheetFormatPr", "<cols", "<sheetData", "<sheetProtection", "<dataValidations", "<pageMargins", "<pageSetup"]
        let positions = order.map { sheet.range(of: $0)!.lowerBound }
        #expect(positions == positions.sorted())
        let styles = try #require(parts.first { $0.path == "xl/styles.xml" }).text
        #expect(styles.contains(#"<numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>"#))
        let strings = try #require(parts.first { $0.path == "xl/sharedStrings.xml" }).text
        #expect(strings.contains(#"<si><t xml:space="preserve">  lề trái</t></si>"#))
        let workbook = try #require(parts.first { $0.path == "xl/workbook.xml" }).text
        #expect(workbook.contains(#"<sheet name="Chi tiết" sheetId="1" r:id="rId1"/><sheet name="Theo nhóm" sheetId="2" r:id="rId2"/>"#))
        // Printed with the header on every page, landscape, as wide as the paper; the header row as tall as its wrap.
        #expect(workbook.contains(#"<definedName name="_xlnm.Print_Titles" localSheetId="0">'Chi tiết'!$1:$1</definedName>"#))
        #expect(sheet.contains(#"<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>"#))
        #expect(sheet.contains(#"<row r="1" ht="45" customHeight="1">"#), "\"Số đơn vị\" in a column 6 wide takes 3 lines")
    }

    @Test(arguments: [
        ("a & b < c > \"d\"", "a &amp; b &lt; c &gt; &quot;d&quot;"),
        ("tab\tline\nreturn\r", "tab\tline\nreturn&#13;"),
        ("bell\u{07}vt\u{0B}", "bell_x0007_vt_x000B_"),
        ("_x0041_ stays", "_x005F_x0041_ stays"),
        ("_x00 short", "_x00 short"),
        ("Hải Phòng", "Hải Phòng"),
    ])
    func escaping(_ text: String, _ expected: String) {
        #expect(SpreadsheetXML.escaped(text) == expected)
    }

    @Test(arguments: [(1900, 1, 1, 1), (1900, 2, 28, 59), (1900, 3, 1, 61), (2026, 6, 24, 46197), (2200, 12, 31, 109_939)])
    func serialDays(_ year: Int, _ month: Int, _ day: Int, _ serial: Int) {
        let date = CivilDate(year: year, month: month, day: day)!
        #expect(SpreadsheetXML.serial(date) == serial)
        // And the reader reads it back as the same day.
        #expect(Workbook.date(fromSerial: Double(serial), date1904: false) == date || serial < 61)
    }

    @Test(arguments: [("Nhiệm vụ", 7, 2), ("Nhiệm vụ", 10, 1), ("Đã hoàn thành đúng hạn", 12, 3), ("", 6, 1)])
    func headerLines(_ text: String, _ width: Int, _ lines: Int) {
        #expect(WorksheetPart.lines(text, width: width) == lines)
    }

    @Test func columnLetters() {
        #expect([0, 25, 26, 51, 52, 701, 702, 16383].map(SpreadsheetXML.columnLetters) == ["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA", "XFD"])
    }

    /// Rows are asked for by number, once each: deflated as they are
    /// measured, never made twice nor held together uncompressed.
    @Test func rowsAreMadeOnceAsTheSheetIsWritten() throws {
        let calls = Counter()
        let sheet = Worksheet(name: "Lớn", columns: [SpreadsheetColumn("Số", kind: .integer), SpreadsheetColumn("Chữ")], rowCount: 5_000) { index in
            calls.add()
            return [.integer(index), .text("dòng \(index % 7)")]
        }
        let bytes = try SpreadsheetWriter.workbook([sheet])
        #expect(calls.value == 5_000)
        let table = try Workbook.read(Data(bytes)).get().table
        #expect(table.rows.count == 5_001)
        #expect(table.rows[4_999].cells == ["4998", "dòng 0"])
        let strings = try #require(try parts(bytes).first { $0.path == "xl/sharedStrings.xml" }).text
        #expect(strings.contains(#"count="5002" uniqueCount="9""#))
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func add() { lock.lock(); count += 1; lock.unlock() }
        var value: Int { lock.lock(); defer { lock.unlock() }; return count }
    }

    @Test func longSheetsGoOnInNumberedSheetsWithTheirHeader() {
        let rows: [[SpreadsheetCell]] = (1...7).map { [.integer($0)] }
        let sheet = Worksheet(name: "Chi tiết", columns: [SpreadsheetColumn("Số")], rows: rows)
        let parts = WorksheetLimits.split([sheet, Worksheet(name: "chi tiết", columns: [], rows: [])], maxRows: 4)
        #expect(parts.map(\.name) == ["Chi tiết", "Chi tiết (2)", "Chi tiết (3)", "chi tiết (4)"])
        #expect(parts.map(\.rows.count) == [3, 3, 1, 0])
        #expect(parts[1].columns.map(\.header) == ["Số"])
    }

    @Test func wideSheetsRepeatTheirFrozenColumns() {
        let sheet = Worksheet(name: "Ma trận", columns: ["Mã", "Tên", "a", "b", "c"].map { SpreadsheetColumn($0) },
                              rows: [[.text("1"), .text("X"), .text("A"), .text("B"), .text("C")]], frozenColumns: 2,
                              validations: [SpreadsheetValidation(column: 4, rule: .list(["x"]), errorTitle: "", errorMessage: "")])
        let parts = WorksheetLimits.split([sheet], maxColumns: 4)
        #expect(parts.map { $0.columns.map(\.header) } == [["Mã", "Tên", "a", "b"], ["Mã", "Tên", "c"]])
        #expect(parts[1].rows == [[.text("1"), .text("X"), .text("C")]])
        #expect(parts[0].validations.isEmpty && parts[1].validations.map(\.column) == [2])
    }

    @Test func sheetNamesExcelAccepts() {
        var taken = Set<String>()
        #expect(WorksheetLimits.uniqueName("Tháng 6/2026: [tổng hợp]", taken: &taken) == "Tháng 6-2026- -tổng hợp-")
        #expect(WorksheetLimits.uniqueName(String(repeating: "x", count: 40), taken: &taken).count == 31)
        #expect(WorksheetLimits.uniqueName(String(repeating: "x", count: 40), taken: &taken) == String(repeating: "x", count: 27) + " (2)")
    }

    @Test func overlongTextIsCutToExcelsLimit() {
        let cut = SpreadsheetXML.cellText(String(repeating: "ệ", count: 40_000))
        #expect(cut.utf16.count == SpreadsheetXML.maxCellText)
        #expect(cut.hasSuffix("…"))
    }
}
