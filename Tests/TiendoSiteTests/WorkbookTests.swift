import Foundation
import Testing
import TiendoCore
@testable import TiendoSite

/// Status kept in Excel is read directly. The fixtures are written by
/// openpyxl and XlsxWriter (Fixtures/xlsx/make-workbooks.py).
@Suite struct WorkbookTests {
    func fixture(_ name: String) throws -> Data {
        try #require(FileManager.default.contents(atPath: Support.fixtures + "/xlsx/" + name))
    }

    @Test func readsTheFirstSheetWithDatesAsSerialNumbersAndAsText() throws {
        let sheet = try Workbook.read(try fixture("status.xlsx")).get()
        #expect(sheet.name == "Trạng thái")
        #expect(sheet.table.rows.map(\.line) == [1, 2, 3, 4])
        #expect(sheet.table.rows[0].cells == ["directive", "task", "unit", "state", "completed", "report", "updated", "note"])
        #expect(sheet.table.rows[1].cells == ["cv-12", "1.1", "10888", "hoàn thành", "24/06/2026", "10/BC-UBND", "24/06/2026", "Đã gửi **đúng hạn**."])
        #expect(sheet.table.rows[2].cells == ["cv-12", "1.1", "10903", "Hoàn thành", "25/06/2026", "11/BC-UBND", "25/6/2026"])
        #expect(sheet.table.rows[3].cells[7] == "Ghi chú, có dấu phẩy; và \"ngoặc kép\"")
    }

    @Test func readsASheetByName() throws {
        let sheet = try Workbook.read(try fixture("status.xlsx"), sheet: "Tháng 7").get()
        #expect(sheet.table.rows.count == 2)
        #expect(sheet.table.rows[1].cells[4] == "02/07/2026")
        let unaccented = try Workbook.read(try fixture("status.xlsx"), sheet: "thang 7").get()
        #expect(unaccented.name == "Tháng 7")
        #expect(throws: Workbook.Failure.noSuchSheet(name: "Tháng 8", available: ["Trạng thái", "Ghi chú", "Tháng 7"])) {
            try Workbook.read(try fixture("status.xlsx"), sheet: "Tháng 8").get()
        }
    }

    @Test func readsSharedStringsAndVietnameseHeaders() throws {
        let sheet = try Workbook.read(try fixture("shared-strings.xlsx")).get()
        #expect(sheet.table.rows[0].cells.first == "Văn bản")
        #expect(sheet.table.rows[1].cells == ["cv-12", "2.1", "Sở Nội vụ", "Đã hoàn thành", "25/06/2026", "5/BC-SNV", "25/06/2026", "Đã tổng hợp báo cáo của các xã"])
    }

    @Test func refusesWhatIsNotAWorkbook() {
        #expect(throws: Workbook.Failure.self) { try Workbook.read(Data("directive,task\n".utf8)).get() }
    }

    @Test(arguments: [(1.0, "01/01/1900"), (60.0, "29/02/1900"), (61.0, "01/03/1900"), (46197.0, "24/06/2026"), (46197.75, "24/06/2026")])
    func excelSerialDays(_ serial: Double, _ expected: String) {
        // Excel's serial 60 is the 29/02/1900 that never was; tiendo maps it to 28/02 + 1 like Excel displays.
        let date = Workbook.date(fromSerial: serial, date1904: false)
        if serial == 60 { #expect(date != nil) } else { #expect(date?.vietnamese == expected) }
    }

    @Test func columnNames() {
        #expect(Diagnostic.columnLetters(1) == "A")
        #expect(Diagnostic.columnLetters(26) == "Z")
        #expect(Diagnostic.columnLetters(27) == "AA")
        #expect(Workbook.columnIndex("AB") == 27)
    }

    /// A content folder whose status is a workbook builds, and problems name sheet!cell.
    @Test func contentWithAWorkbookLoadsAndReportsCells() throws {
        let content = Support.temporaryDirectory() + "/content"
        try FileManager.default.copyItem(atPath: Support.miniContent, toPath: content)
        try FileManager.default.removeItem(atPath: content + "/status.csv")
        try FileManager.default.copyItem(atPath: Support.fixtures + "/xlsx/status.xlsx", toPath: content + "/status.xlsx")
        let loaded = Support.loaded(content)
        #expect(!loaded.diagnostics.hasErrors, "\(loaded.diagnostics)")
        #expect(loaded.rows.count == 3)
        #expect(loaded.asOf == CivilDate(year: 2026, month: 6, day: 25))

        try FileManager.default.removeItem(atPath: content + "/status.xlsx")
        try FileManager.default.copyItem(atPath: Support.fixtures + "/xlsx/bad-status.xlsx", toPath: content + "/status.xlsx")
        let bad = Support.loaded(content)
        let cells = Set(bad.diagnostics.errors.compactMap(\.cell))
        #expect(cells.contains("Sheet1!C2"), "unknown unit named by its cell: \(bad.diagnostics)")
        #expect(cells.contains("Sheet1!D2"), "unknown state word")
        #expect(cells.contains("Sheet1!E2"), "impossible date")

        #expect(FileManager.default.createFile(atPath: content + "/status.csv", contents: Data("directive\n".utf8)))
        let both = Support.loaded(content)
        #expect(both.diagnostics.errors.contains { $0.message.contains("có cả status.csv và status.xlsx") })
    }
}
