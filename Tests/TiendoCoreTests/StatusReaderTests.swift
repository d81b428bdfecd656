import Foundation
import Testing
@testable import TiendoCore

/// The status file as a clerk exports it from Excel on a Vietnamese
/// Windows PC: never lose a row, never invent one, name every bad line.
@Suite("Tệp CSV")
struct CSVTableTests {
    static func table(_ bytes: [UInt8]) throws -> CSVTable {
        try CSVTable.parse(bytes).get()
    }

    static func table(_ text: String) throws -> CSVTable { try table(Array(text.utf8)) }

    static func cells(_ table: CSVTable) -> [[String]] { table.rows.map(\.cells) }

    @Test("comma, semicolon and tab separators")
    func separators() throws {
        for separator in [",", ";", "\t"] {
            let text = ["directive", "task", "unit", "state"].joined(separator: separator) + "\n"
                + ["d", "1.4", "Phường Hải An", "hoàn thành"].joined(separator: separator) + "\n"
            let table = try Self.table(text)
            #expect(table.separator == Character(separator))
            #expect(Self.cells(table) == [["directive", "task", "unit", "state"], ["d", "1.4", "Phường Hải An", "hoàn thành"]])
        }
    }

    @Test("a comma inside a semicolon file is text")
    func semicolonWithCommas() throws {
        let table = try Self.table("a;b;c\n1,5;Sở Văn hóa, Thể thao và Du lịch;x\n")
        #expect(Self.cells(table) == [["a", "b", "c"], ["1,5", "Sở Văn hóa, Thể thao và Du lịch", "x"]])
    }

    @Test("UTF-8 with a byte-order mark")
    func bom() throws {
        let table = try Self.table([0xEF, 0xBB, 0xBF] + Array("directive,task\nd,1.4\n".utf8))
        #expect(table.rows.first?.cells.first == "directive")
    }

    @Test("CRLF line ends, and line numbers")
    func crlf() throws {
        let table = try Self.table("a,b\r\n1,2\r\n3,4\r\n")
        #expect(Self.cells(table) == [["a", "b"], ["1", "2"], ["3", "4"]])
        #expect(table.rows.map(\.line) == [1, 2, 3])
    }

    @Test("quoted fields with separators, quotes and line breaks; lines still counted")
    func quoted() throws {
        let text = "a,b,c\r\n1,\"Đã gửi; kèm phụ lục, bảng \"\"A\"\"\r\nDòng 2\",x\r\n2,\"\",y\r\n"
        let table = try Self.table(text)
        #expect(Self.cells(table) == [["a", "b", "c"], ["1", "Đã gửi; kèm phụ lục, bảng \"A\"\nDòng 2", "x"], ["2", "", "y"]])
        #expect(table.rows.map(\.line) == [1, 2, 4])
    }

    @Test("spaces around unquoted fields are trimmed; inside quotes they are kept")
    func spaces() throws {
        let table = try Self.table("a , b\n  1 ,\"  2 \" \n")
        #expect(Self.cells(table) == [["a", "b"], ["1", "  2 "]])
    }

    @Test("trailing empty rows and columns, as spreadsheets leave them")
    func trailingEmpty() throws {
        let table = try Self.table("a,b,,\n1,2,,\n,,,\n\n")
        #expect(Self.cells(table) == [["a", "b"], ["1", "2"]])
    }

    @Test("no final line break")
    func noFinalNewline() throws {
        #expect(Self.cells(try Self.table("a,b\n1,2")) == [["a", "b"], ["1", "2"]])
    }

    @Test("UTF-16 little-endian with a byte-order mark (Excel's \"Unicode text\")")
    func utf16LE() throws {
        let text = "directive\ttask\tunit\tstate\r\ntrien-khai-tb-406\t1.4\tXã Cẩm Giàng\tĐã hoàn thành\r\n"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let table = try Self.table(bytes)
        #expect(table.separator == "\t")
        #expect(Self.cells(table)[1] == ["trien-khai-tb-406", "1.4", "Xã Cẩm Giàng", "Đã hoàn thành"])
    }

    @Test("UTF-16 big-endian with a byte-order mark")
    func utf16BE() throws {
        var bytes: [UInt8] = [0xFE, 0xFF]
        for unit in "a,b\nĐ,ẫ\n".utf16 { bytes += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        #expect(Self.cells(try Self.table(bytes)) == [["a", "b"], ["Đ", "ẫ"]])
    }

    @Test("Windows-1258 bytes are refused, naming the first bad line")
    func legacyEncoding() {
        // "Phường Hải An" and "hoàn thành" as Windows-1258 writes them: not UTF-8.
        let bytes = Array("directive,task,unit,state\nd,1.4,".utf8) + [0x50, 0x68, 0xFD, 0xF4, 0x6E, 0x67] + Array(",ho".utf8) + [0xE0] + Array("n th".utf8) + [0xE0, 0x6E, 0x68, 0x0A]
        #expect(CSVTable.parse(bytes).failure == .legacyEncoding(line: 2))
    }

    @Test("an unterminated quote is refused, naming where it opens")
    func unterminatedQuote() {
        #expect(CSVTable.parse(Array("a,b\n1,\"open\n2,3\n".utf8)).failure == .unterminatedQuote(line: 2))
    }

    @Test("an empty file is an empty table")
    func empty() throws {
        #expect(try Self.table("").rows.isEmpty)
        #expect(try Self.table([0xEF, 0xBB, 0xBF]).rows.isEmpty)
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}

@Suite("Ngày viết tay")
struct DateTextTests {
    static let readings: [(String, DateText.Reading)] = [
        ("24/06/2026", .valid(.iso("2026-06-24"))),
        ("4/6/2026", .valid(.iso("2026-06-04"))),
        ("2026-06-24", .valid(.iso("2026-06-24"))),
        ("24-06-2026", .valid(.iso("2026-06-24"))),
        ("24.06.2026", .valid(.iso("2026-06-24"))),
        (" 29/02/2028 ", .valid(.iso("2028-02-29"))),
        ("", .empty),
        ("   ", .empty),
        ("29/02/2026", .impossible),
        ("31/04/2026", .impossible),
        ("00/01/2026", .impossible),
        ("24/06/26", .twoDigitYear(day: 24, month: 6, year: 26)),
        ("24/06-2026", .unreadable),
        ("ngày 24/6/2026", .unreadable),
        ("2026.06.24", .unreadable),
        ("24/6", .unreadable),
        ("45292", .excelSerial(.iso("2024-01-01"))), // an Excel serial number
        ("06/24/2026", .monthFirst(.iso("2026-06-24"))),
        ("02/30/2026", .impossible),
        ("123456", .unreadable),
        ("1.4", .unreadable),
    ]

    @Test("dates as clerks type them", arguments: readings)
    func reading(_ text: String, _ expected: DateText.Reading) {
        #expect(DateText.classify(text) == expected)
    }
}

@Suite("Đọc tệp trạng thái")
struct StatusReaderTests {
    static let directive = try! Fixture.directive(SampleDirectiveTests.path).directive
    static let reader = StatusReader(register: Fixture.register, directives: [directive])
    static let header = "directive,task,unit,state,completed,report,updated,note"

    static func read(_ text: String, asOf: CivilDate? = nil) throws -> StatusReader.Output {
        reader.read(try CSVTable.parse(Array(text.utf8)).get(), file: "status.csv", asOf: asOf)
    }

    /// "severity line:column message": what a clerk sees, without the hint.
    static func shown(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.severity.rawValue) \($0.line):\($0.column) \($0.message)" }
    }

    @Test("a clean file: units by code or name, states and dates as typed")
    func clean() throws {
        let output = try Self.read("""
        \(Self.header)
        trien-khai-tb-406,1.4,11413,Đã hoàn thành,24/06/2026,45/BC-UBND,24/06/2026,Đã gửi **đúng hạn**
        trien-khai-tb-406,1.4,Xã Cẩm Giàng,dang thuc hien,,,2026-06-20,
        trien-khai-tb-406,1.4,UBND xã Cẩm Giang,chưa thực hiện,,,1/6/2026,
        trien-khai-tb-406,3.1,Sở Tài chính,done,26/6/2026,12/BC-STC,26/6/2026,
        trien-khai-tb-406,4.7,SNV,in-progress,,,,
        """)
        #expect(output.diagnostics.isEmpty, "\(output.diagnostics)")
        #expect(output.rows == [
            StatusRow(directiveID: "trien-khai-tb-406", taskID: "1.4", unitCode: "11413", state: .done, completed: .iso("2026-06-24"),
                      report: "45/BC-UBND", updated: .iso("2026-06-24"), note: "Đã gửi **đúng hạn**", line: 2),
            StatusRow(directiveID: "trien-khai-tb-406", taskID: "1.4", unitCode: "10903", state: .inProgress,
                      updated: .iso("2026-06-20"), line: 3),
            StatusRow(directiveID: "trien-khai-tb-406", taskID: "1.4", unitCode: "10888", state: .notStarted,
                      updated: .iso("2026-06-01"), line: 4),
            StatusRow(directiveID: "trien-khai-tb-406", taskID: "3.1", unitCode: "STC", state: .done, completed: .iso("2026-06-26"),
                      report: "12/BC-STC", updated: .iso("2026-06-26"), line: 5),
            StatusRow(directiveID: "trien-khai-tb-406", taskID: "4.7", unitCode: "SNV", state: .inProgress, line: 6),
        ])
    }

    static let states: [(String, ReportState?)] = [
        ("chưa thực hiện", .notStarted), ("Chưa thực hiện", .notStarted), ("chua thuc hien", .notStarted), ("not started", .notStarted),
        ("đang thực hiện", .inProgress), ("ĐANG THỰC HIỆN", .inProgress), ("dang thuc hien", .inProgress), ("in progress", .inProgress),
        ("hoàn thành", .done), ("đã hoàn thành", .done), ("Da hoan thanh", .done), ("done", .done), ("Hoàn thành".decomposedStringWithCanonicalMapping, .done),
        ("xong rồi", nil), ("", nil), ("quá hạn", nil),
    ]

    @Test("state words, with or without diacritics, Vietnamese or English", arguments: states)
    func state(_ word: String, _ expected: ReportState?) {
        #expect(ReportState(word: word) == expected)
    }

    @Test("Vietnamese headers, with or without diacritics, in any order")
    func vietnameseHeaders() throws {
        for header in ["Văn bản;Nhiệm vụ;Đơn vị;Trạng thái;Ngày hoàn thành;Số báo cáo;Ngày cập nhật;Ghi chú",
                       "Van ban;Nhiem vu;Don vi;Trang thai;Ngay hoan thanh;So bao cao;Ngay cap nhat;Ghi chu"] {
            let output = try Self.read(header + "\ntrien-khai-tb-406;3.1;STC;Hoàn thành;25/06/2026;12/BC-STC;25/06/2026;ghi chú\n")
            #expect(output.diagnostics.isEmpty, "\(output.diagnostics)")
            #expect(output.rows.first?.report == "12/BC-STC")
            #expect(output.rows.first?.note == "ghi chú")
        }
        let reordered = try Self.read("Trạng thái,Đơn vị,Nhiệm vụ,Văn bản\nhoàn thành,STC,3.1,trien-khai-tb-406\n")
        #expect(reordered.rows.map(\.unitCode) == ["STC"])
        #expect(reordered.diagnostics.warnings.first?.message.contains("Ngày hoàn thành") == true)
    }

    @Test("every problem, each on its line and column")
    func problems() throws {
        let output = try Self.read("""
        \(Self.header)
        trien-khai-tb-406,1.4,Phường Hải Ann,hoàn thành,24/06/2026,,,
        trien-khai-tb-406,9.9,11413,hoàn thành,24/06/2026,,,
        trien-khai-tb-406,1.4,11413,xong rồi,,,,
        trien-khai-tb-406,1.4,11914,hoàn thành,31/02/2026,,,
        trien-khai-tb-406,1.4,10888,đang thực hiện,,,20/06/2026,
        trien-khai-tb-406,1.4,10888,hoàn thành,21/06/2026,,21/06/2026,
        trien-khai-tb-406,1.4,SNV,hoàn thành,24/06/2026,,,
        trien-khai-tb-406,4.7,SNV,hoàn thành,,,,
        van-ban-khac,1.1,SNV,hoàn thành,,,,
        trien-khai-tb-406,1.5,11413,đang thực hiện,24/06/2026,,,
        trien-khai-tb-406,1.5,10888,hoàn thành,25/06/2026,,24/06/2026,
        """)
        #expect(Self.shown(output.diagnostics) == [
            "lỗi 2:3 không có đơn vị \"Phường Hải Ann\" trong danh sách đơn vị",
            "lỗi 3:2 văn bản trien-khai-tb-406 không có nhiệm vụ \"9.9\"",
            "lỗi 4:4 không hiểu trạng thái \"xong rồi\"",
            "lỗi 5:5 ngày hoàn thành \"31/02/2026\" không có thật: tháng 2/2026 chỉ có 28 ngày",
            "lỗi 8:3 Sở Nội vụ không được giao nhiệm vụ 1.4 của văn bản trien-khai-tb-406",
            "cảnh báo 9:5 đã hoàn thành nhưng chưa ghi ngày hoàn thành",
            "lỗi 10:1 không có văn bản nào mã \"van-ban-khac\"",
            "lỗi 11:5 có ngày hoàn thành nhưng trạng thái là \"đang thực hiện\"",
            "lỗi 12:5 ngày hoàn thành 25/06/2026 sau ngày cập nhật 24/06/2026",
        ])
        #expect(output.diagnostics.first?.hint == "có phải Phường Hải An (mã 11413)? Ghi đúng tên hoặc mã đơn vị như trong danh sách đơn vị")
        #expect(output.diagnostics[1].hint.hasPrefix("các nhiệm vụ có: 1.1, 1.2, 1.3, 1.4, 1.5, 2.1"))
        // Only good rows are kept; a pair's rows of two days (6 and 7) are its history.
        #expect(output.rows.map(\.line) == [6, 7, 9])
    }

    @Test("the same unit by code on one line and by name on another is the same pair: an exact repeat, dropped with a warning")
    func duplicateByNameAndCode() throws {
        let output = try Self.read("\(Self.header)\ntrien-khai-tb-406,1.4,11413,hoàn thành,24/06/2026,,,\ntrien-khai-tb-406,1.4,UBND phường Hải An,hoàn thành,24/06/2026,,,\n")
        #expect(Self.shown(output.diagnostics) == ["cảnh báo 3:3 dòng này lặp lại đúng status.csv:2 (nhiệm vụ 1.4, Phường Hải An): bỏ qua"])
        #expect(output.rows.map(\.unitCode) == ["11413"])
    }

    @Test("a completion after the as-of date is an error")
    func completedAfterAsOf() throws {
        let output = try Self.read("\(Self.header)\ntrien-khai-tb-406,3.1,STC,hoàn thành,26/06/2026,,,\n", asOf: .iso("2026-06-25"))
        #expect(Self.shown(output.diagnostics) == ["lỗi 2:5 ngày hoàn thành 26/06/2026 sau ngày số liệu 25/06/2026"])
    }

    @Test("missing columns are errors on the header; unknown columns are warnings")
    func header() throws {
        let output = try Self.read("task,unit,trạng thái,màu\n1.4,11413,hoàn thành,đỏ\n")
        #expect(Self.shown(output.diagnostics) == [
            "cảnh báo 1:4 cột \"màu\" (cột D) không phải tên cột tiendo đọc, sẽ bị bỏ qua",
            "lỗi 1:0 thiếu cột \"Văn bản\" (directive)",
        ])
        #expect(output.rows.isEmpty)
    }

    @Test("an empty file warns that every unit counts as not reported")
    func emptyFile() throws {
        let output = try Self.read("")
        #expect(output.rows.isEmpty)
        #expect(output.diagnostics.map(\.severity) == [.warning])
    }

    @Test("blank rows in the middle are skipped, not errors")
    func blankRows() throws {
        let output = try Self.read("\(Self.header)\n,,,,,,,\ntrien-khai-tb-406,3.1,STC,hoàn thành,25/06/2026,,,\n")
        #expect(output.diagnostics.isEmpty)
        #expect(output.rows.map(\.line) == [3])
    }

    @Test("the sample's rows read the same from every encoding Excel writes")
    func encodings() throws {
        let text = "\(Self.header)\r\ntrien-khai-tb-406,1.4,Xã Cẩm Giàng,Đã hoàn thành,24/06/2026,\"7/BC-UBND, bản 2\",24/06/2026,\"Ghi chú\r\nhai dòng\"\r\n"
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let inputs: [[UInt8]] = [Array(text.utf8), [0xEF, 0xBB, 0xBF] + Array(text.utf8), utf16,
                                 Array(text.replacingOccurrences(of: ",", with: ";").utf8)]
        var results: [[StatusRow]] = []
        for bytes in inputs {
            let output = Self.reader.read(try CSVTable.parse(bytes).get(), file: "status.csv", asOf: nil)
            #expect(output.diagnostics.isEmpty, "\(output.diagnostics)")
            results.append(output.rows)
        }
        #expect(results.first?.first?.note == "Ghi chú\nhai dòng")
        #expect(results.dropFirst(1).prefix(2).allSatisfy { $0 == results[0] })
    }
}
