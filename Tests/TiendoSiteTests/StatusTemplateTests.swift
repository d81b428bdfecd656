import Foundation
import Testing
import TiendoCore
@testable import TiendoSite

/// `tiendo template` starts from the status file and can replace it: read
/// back, as CSV or as a workbook, it gives the same rows and no problem.
@Suite struct StatusTemplateTests {
    static let loaded = Support.loaded(Support.sampleContent)
    static var rows: [StatusTemplate.Row] {
        StatusTemplate.rows(directives: loaded.directives, register: loaded.register, status: loaded.rows)
    }

    /// A status row without its line, to compare readings of two files.
    struct Reported: Hashable {
        let pair: String, state: ReportState, completed: CivilDate?, report: String, updated: CivilDate?, note: String
        init(_ row: StatusRow) {
            pair = row.directiveID + " " + row.taskID + " " + row.unitCode
            state = row.state; completed = row.completed; report = row.report; updated = row.updated; note = row.note
        }
    }

    func reader() -> StatusReader { StatusReader(register: Self.loaded.register, directives: Self.loaded.directives) }

    @Test func oneRowPerAssignedPairKeepingWhatTheFileSays() {
        let rows = Self.rows
        #expect(rows.count == Self.loaded.tracker!.assignments.count)
        #expect(rows.compactMap(\.status).count == Self.loaded.rows.count)
        #expect(StatusTemplate.header == ["Văn bản", "Nhiệm vụ", "Mã đơn vị", "Tên đơn vị", "Trạng thái", "Ngày hoàn thành",
                                          "Số báo cáo", "Ngày cập nhật", "Ghi chú"])
    }

    @Test func csvReadsBackToTheSameRowsWithoutAProblem() {
        let csv = StatusTemplate.csv(Self.rows)
        #expect(csv.hasPrefix("\u{FEFF}Văn bản,Nhiệm vụ,Mã đơn vị,Tên đơn vị,Trạng thái,"))
        let output = reader().read(bytes: Array(csv.utf8), file: "status.csv", asOf: nil)
        #expect(output.diagnostics.map(\.description) == [])
        #expect(Set(output.rows.map(Reported.init)) == Set(Self.loaded.rows.map(Reported.init)))
    }

    @Test func notesThatLookLikeFormulasSurviveTheCSV() {
        let row = StatusRow(directiveID: "trien-khai-tb-406", taskID: "1.4", unitCode: "11413", state: .inProgress,
                            report: "=1+1", note: "- việc một\n- việc hai")
        let rows = StatusTemplate.rows(directives: Self.loaded.directives, register: Self.loaded.register, status: [row])
        let csv = StatusTemplate.csv(rows)
        #expect(csv.contains("'=1+1") && csv.contains("\"'- việc một"))
        let output = reader().read(bytes: Array(csv.utf8), file: "status.csv", asOf: nil)
        #expect(output.rows.map(\.note) == ["- việc một\n- việc hai"])
        #expect(output.rows.map(\.report) == ["=1+1"])
    }

    @Test func workbookReadsBackThroughTheWorkbookReaderToTheSameRows() throws {
        let bytes = try StatusTemplate.workbook(Self.rows)
        let sheet = try Workbook.read(Data(bytes)).get()
        #expect(sheet.name == "Trạng thái")
        let output = reader().read(sheet.table, file: "status.xlsx", asOf: nil, sheet: sheet.name)
        #expect(output.diagnostics.map(\.description) == [])
        #expect(Set(output.rows.map(Reported.init)) == Set(Self.loaded.rows.map(Reported.init)))
        #expect(try StatusTemplate.workbook(Self.rows) == bytes)
    }

    @Test func workbookStateIsADropDownAndCodesAreText() throws {
        let bytes = try StatusTemplate.workbook(Self.rows, protect: true)
        let sheet = try #require(try SpreadsheetWriterTests().parts(bytes).first { $0.path == "xl/worksheets/sheet1.xml" }).text
        #expect(sheet.contains(#"sqref="E2:E1048576"><formula1>&quot;Chưa báo cáo,Chưa thực hiện,Đang thực hiện,Đã hoàn thành&quot;</formula1>"#))
        // Task ids and unit codes are text cells in text-formatted columns; dates are dates.
        #expect(sheet.contains(#"<col min="2" max="2""#) && sheet.contains(#"<c r="B2" s="1" t="s">"#))
        #expect(sheet.contains(#"<c r="C2" s="1" t="s">"#))
        #expect(sheet.contains(#"<sheetProtection sheet="1""#))
    }

    @Test func notReportedRowsCountAsNoRowAndMayNotCarryAReport() {
        let header = "Văn bản,Nhiệm vụ,Mã đơn vị,Tên đơn vị,Trạng thái,Ngày hoàn thành,Số báo cáo,Ngày cập nhật,Ghi chú\n"
        let quiet = reader().read(bytes: Array((header + "trien-khai-tb-406,1.4,11413,Phường Hải An,Chưa báo cáo,,,,\n").utf8),
                                  file: "@", asOf: nil)
        #expect(quiet.rows.isEmpty && quiet.diagnostics.isEmpty)
        let wrong = reader().read(bytes: Array((header + "trien-khai-tb-406,1.4,11413,Phường Hải An,chua bao cao,,12/BC,,\n").utf8),
                                  file: "@", asOf: nil)
        #expect(wrong.diagnostics.map(\.description) == [
            "@:2:7: lỗi: trạng thái là \"Chưa báo cáo\" nhưng dòng có số báo cáo — nếu đơn vị đã báo cáo, chọn trạng thái chưa thực hiện, đang thực hiện, hoàn thành; nếu chưa, xóa các ô đó",
        ])
    }

    @Test func twoUnitColumnsAreRefusedUnlessOneHoldsNames() {
        let both = reader().read(bytes: Array("Văn bản,Nhiệm vụ,Đơn vị,Mã đơn vị,Trạng thái\ntrien-khai-tb-406,1.4,11413,11413,hoàn thành\n".utf8),
                                 file: "@", asOf: nil)
        #expect(both.diagnostics.contains { $0.description.contains("trùng với cột") })
        // The name column may come first: the code is read either way.
        let named = reader().read(bytes: Array("Tên đơn vị,Văn bản,Nhiệm vụ,Mã đơn vị,Trạng thái\nPhường Hải An,trien-khai-tb-406,1.4,11413,đang thực hiện\n".utf8),
                                  file: "@", asOf: nil)
        #expect(named.diagnostics.map(\.description).filter { $0.contains("lỗi") } == [])
        #expect(named.rows.map(\.unitCode) == ["11413"])
    }
}
