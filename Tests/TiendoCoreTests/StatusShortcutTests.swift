import Foundation
import Testing
@testable import TiendoCore

/// The status reader's shortcuts (format characters by range, records read
/// one at a time as they are split, each distinct cell read once) must give
/// exactly what the long way gave.
@Suite("Đọc tệp trạng thái theo từng dòng")
struct StatusShortcutTests {
    @Test("format characters are those of category Cf")
    func formatCharacters() {
        for scalar in TextShortcutTests.scalars() {
            #expect(StatusReader.isFormat(scalar) == (scalar.properties.generalCategory == .format), "U+\(String(scalar.value, radix: 16))")
        }
    }

    @Test("a cell with invisible or no-break characters cleans as before")
    func cleanCells() {
        #expect(StatusReader.clean("\u{A0}hoa\u{300}n tha\u{300}nh\u{200B} ") == "hoàn thành")
        #expect(StatusReader.clean("Ph\u{AD}ường\u{FEFF}") == "Phường")
        #expect(StatusReader.clean(" 11413 ") == "11413")
        #expect(StatusReader.clean("\u{3000}") == "")
    }

    @Test("unquoted cells lose blanks that are not ASCII too; a quote after them opens the cell")
    func unicodeBlanksInCells() throws {
        let table = try CSVTable.read(Array("a,b,c\n\u{A0}Sở Nội vụ\u{3000},\u{A0} \"x, y\",\u{2003}\n".utf8)).get()
        #expect(table.rows.map(\.cells) == [["a", "b", "c"], ["Sở Nội vụ", "x, y"]])
    }

    @Test("an open quote's column counts characters, not bytes")
    func quoteColumn() {
        #expect(CSVTable.read(Array("a,b,c\nPhường Hải An,\"Đã gửi\n".utf8)).failure == .unterminatedQuote(line: 2, column: 15))
    }

    @Test("an open quote refuses the file even after a header error")
    func quoteAfterHeaderError() {
        let output = StatusReaderTests.reader.read(bytes: Array("task,unit\n1.4,11413\n1.5,\"mở\n".utf8), file: "status.csv", asOf: nil)
        #expect(StatusReaderTests.shown(output.diagnostics) == ["lỗi 3:5 dấu ngoặc kép mở ở đây không được đóng: phần còn lại của tệp bị coi là một ô"])
        #expect(output.rows.isEmpty)
    }

    @Test("read from bytes as they are split, rows and messages are those of the whole table")
    func streamingMatchesTable() throws {
        let text = """
        BÁO CÁO THÁNG 6,,,
        \(StatusReaderTests.header)
        trien-khai-tb-406,1.4,Xã Cẩm Giàng,hoàn thành,24/06/2026,7/BC-UBND,24/06/2026,Đã gửi báo cáo kèm phụ lục chi tiết
        trien-khai-tb-406,1.4,\("Xã Cẩm Giàng".decomposedStringWithCanonicalMapping),hoàn thành,24/06/2026,,24/06/2026,
        trien-khai-tb-406,1.4,11413,hoa\u{300}n tha\u{300}nh,24/6/2026,,24/06/2026,Đã gửi báo cáo kèm phụ lục chi tiết
        trien-khai-tb-406,1,4,10888,xong,,,,
        """
        let bytes = Array(text.utf8)
        let streamed = StatusReaderTests.reader.read(bytes: bytes, file: "status.csv", asOf: nil)
        let whole = StatusReaderTests.reader.read(try CSVTable.read(bytes).get(), file: "status.csv", asOf: nil)
        #expect(streamed.rows == whole.rows)
        #expect(streamed.diagnostics.map(\.description) == whole.diagnostics.map(\.description))
        #expect(streamed.rows.map(\.line) == [3, 5])
        #expect(streamed.rows.map(\.note) == ["Đã gửi báo cáo kèm phụ lục chi tiết", "Đã gửi báo cáo kèm phụ lục chi tiết"])
        #expect(StatusReaderTests.shown(streamed.diagnostics) == [
            "cảnh báo 1:0 bỏ qua dòng 1 phía trên dòng tiêu đề (dòng 2)",
            "lỗi 4:3 dòng này và status.csv:3 cùng nhiệm vụ 1.4 của Xã Cẩm Giàng, cùng ngày cập nhật 24/06/2026, nhưng khác số báo cáo, ghi chú: không biết dòng nào là tình hình mới nhất",
            // "1,4" typed in a comma file: every cell after it shifts.
            "lỗi 6:2 văn bản trien-khai-tb-406 không có nhiệm vụ \"1\"",
            "lỗi 6:3 không có đơn vị \"4\" trong danh sách đơn vị",
            "lỗi 6:4 không hiểu trạng thái \"10888\"",
            "lỗi 6:5 không đọc được ngày hoàn thành \"xong\"",
        ])
    }

    @Test("a row is 128 bytes: a date keeps its month and day in a byte each")
    func rowSize() {
        #expect(MemoryLayout<StatusRow>.stride <= 128)
        for dayNumber in stride(from: -719_162, through: 2_932_896, by: 997) { // 0001-01-01 to 9999-12-31
            let date = CivilDate(dayNumber: dayNumber)
            #expect(date.dayNumber == dayNumber)
            // Readers name days only within the supported years (issue 12).
            let named = CivilDate(year: date.year, month: date.month, day: date.day)
            #expect(named == (CivilDate.supportedYears.contains(date.year) ? date : nil))
        }
        let date = CivilDate(year: 2026, month: 12, day: 31)!
        #expect((date.year, date.month, date.day) == (2026, 12, 31))
        #expect(date.iso == "2026-12-31" && date.adding(days: 1).iso == "2027-01-01")
    }
}
