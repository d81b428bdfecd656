import Foundation
import Testing
@testable import TiendoCore

/// The status file as busy clerks really send it: one file per mistake in
/// Fixtures/bad-status (written by its generate.py, which says how each
/// encoding was made), each with every diagnostic expected, word for word,
/// and the lines of the rows that are read. "@" stands for the file's path.
@Suite("Tệp trạng thái sai: từng lỗi một")
struct BadStatusTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var file: String
        /// Lines of the rows read (and kept), in order.
        var lines: [Int]
        var asOf: String?
        var expected: [String]
        var testDescription: String { file }

        init(_ file: String, lines: [Int], asOf: String? = nil, _ expected: [String] = []) {
            self.file = file
            self.lines = lines
            self.asOf = asOf
            self.expected = expected
        }
    }

    static let reader = StatusReaderTests.reader

    static func bytes(_ file: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: Fixture.root.appendingPathComponent("bad-status").appendingPathComponent(file)))
    }

    static func read(_ file: String, asOf: String? = nil) throws -> StatusReader.Output {
        reader.read(bytes: try bytes(file), file: "bad-status/" + file, asOf: asOf.map(CivilDate.iso))
    }

    static let cases: [Case] = [
        // MARK: Encodings
        .init("enc-windows-1258.csv", lines: [], [
            "@:2:31: lỗi: tệp không phải UTF-8 (có thể là bảng mã cũ Windows-1258): đọc tiếp sẽ sai dấu tiếng Việt — lưu lại tệp dạng UTF-8: trong Excel chọn File > Save As > \"CSV UTF-8 (Comma delimited) (*.csv)\"; trong LibreOffice chọn Character set: Unicode (UTF-8)",
        ]),
        .init("enc-tcvn3.csv", lines: [], [
            "@:2:31: lỗi: tệp viết bằng bảng mã cũ TCVN3 (phông .VnTime), không phải Unicode UTF-8: đọc tiếp sẽ sai dấu tiếng Việt — chuyển bảng tính sang Unicode bằng công cụ chuyển mã của Unikey (nguồn TCVN3, đích Unicode), rồi trong Excel chọn File > Save As > \"CSV UTF-8 (Comma delimited) (*.csv)\"; trong LibreOffice chọn Character set: Unicode (UTF-8)",
        ]),
        .init("enc-latin1.csv", lines: [], [
            "@:2:55: lỗi: tệp không phải UTF-8 (có thể là bảng mã cũ Windows-1258): đọc tiếp sẽ sai dấu tiếng Việt — lưu lại tệp dạng UTF-8: trong Excel chọn File > Save As > \"CSV UTF-8 (Comma delimited) (*.csv)\"; trong LibreOffice chọn Character set: Unicode (UTF-8)",
        ]),
        .init("enc-utf8-bom.csv", lines: [2, 3, 4, 5]),
        .init("enc-utf16le-bom.txt", lines: [2, 3, 4, 5]),
        .init("enc-utf16le-nobom.csv", lines: [2, 3, 4, 5]),
        .init("enc-utf16le-nobom-nfd.csv", lines: [2, 3, 4, 5]),
        .init("enc-utf16be-bom.csv", lines: [2, 3, 4, 5]),
        .init("enc-utf16be-nobom.csv", lines: [2, 3, 4, 5]),
        .init("enc-garbled.csv", lines: [], [
            "@:2:81: lỗi: chữ tiếng Việt trong tệp đã bị hỏng (\"trÃ¬nh\"): tệp UTF-8 đã bị mở sai bảng mã rồi lưu lại — lấy lại bản trước khi hỏng; để mở tệp CSV trong Excel, dùng Data > From Text/CSV với File origin \"65001: Unicode (UTF-8)\", rồi trong Excel chọn File > Save As > \"CSV UTF-8 (Comma delimited) (*.csv)\"; trong LibreOffice chọn Character set: Unicode (UTF-8)",
        ]),
        .init("enc-xlsx-renamed.csv", lines: [], [
            "@:1: lỗi: tệp này là bảng tính Excel (.xlsx) được đặt tên .csv, không phải tệp CSV — đổi tên tệp thành status.xlsx, hoặc mở trong Excel và trong Excel chọn File > Save As > \"CSV UTF-8 (Comma delimited) (*.csv)\"; trong LibreOffice chọn Character set: Unicode (UTF-8)",
        ]),
        .init("enc-nul-bytes.csv", lines: [], [
            "@:3: lỗi: tệp không phải văn bản (có byte 0): không đọc được như tệp CSV — mở bảng tính gốc và trong Excel chọn File > Save As > \"CSV UTF-8 (Comma delimited) (*.csv)\"; trong LibreOffice chọn Character set: Unicode (UTF-8)",
        ]),
        // MARK: Separators and line ends
        .init("sep-comma-lf.csv", lines: [2, 3, 4, 5]),
        .init("sep-semicolon-crlf.csv", lines: [2, 3, 4, 5]),
        .init("sep-tab.tsv", lines: [2, 3, 4, 5]),
        .init("sep-cr-only.csv", lines: [2, 3, 4, 5]),
        .init("sep-semicolon-blank-first-line.csv", lines: [3, 4, 5, 6]),
        .init("sep-pipe.csv", lines: [], [
            "@:1: lỗi: dòng đầu không phải dòng tiêu đề: không có cột nào mang tên tiendo đọc được — thêm dòng tiêu đề ở đầu tệp: directive,task,unit,state,completed,report,updated,note (hoặc Văn bản, Nhiệm vụ, Đơn vị, Trạng thái, ...); các cột cách nhau bằng dấu phẩy, dấu chấm phẩy hoặc tab",
        ]),
        // MARK: Quoting
        .init("quote-unterminated.csv", lines: [], [
            "@:3:63: lỗi: dấu ngoặc kép mở ở đây không được đóng: phần còn lại của tệp bị coi là một ô — thêm dấu \" đóng ở cuối ô; nếu muốn có dấu ngoặc kép trong nội dung, viết hai dấu \"\"",
        ]),
        .init("quote-inside-unquoted.csv", lines: [2]),
        .init("quote-inside-unquoted-with-comma.csv", lines: [], [
            "@:2:9: lỗi: dòng này có 9 ô, nhiều hơn 8 cột của dòng tiêu đề; phần thừa: \"có phụ lục\"\" — nếu nội dung một ô có dấu phẩy (,), đặt cả ô trong ngoặc kép (\"...\"); dấu ngoặc kép bên trong ô viết thành hai dấu \"\"",
        ]),
        .init("quote-embedded-newline-separator.csv", lines: [2, 4, 6]),
        .init("quote-newline-then-error.csv", lines: [2], [
            "@:5:4: lỗi: không hiểu trạng thái \"xong rồi\" — ghi một trong: chưa thực hiện, đang thực hiện, hoàn thành",
        ]),
        .init("unquoted-comma-in-note.csv", lines: [2], [
            "@:3:9: lỗi: dòng này có 9 ô, nhiều hơn 8 cột của dòng tiêu đề; phần thừa: \"chờ duyệt\" — nếu nội dung một ô có dấu phẩy (,), đặt cả ô trong ngoặc kép (\"...\"); dấu ngoặc kép bên trong ô viết thành hai dấu \"\"",
        ]),
        // MARK: Layout
        .init("trailing-empty-rows-and-columns.csv", lines: [2, 3, 4, 5]),
        .init("spaces-around-values.csv", lines: [2, 3]),
        .init("blank-rows-between.csv", lines: [2, 5, 7]),
        .init("title-rows-above-header.csv", lines: [4, 5, 6, 7], [
            "@:1: cảnh báo: bỏ qua dòng 1 phía trên dòng tiêu đề (dòng 3) — dòng tiêu đề phải là dòng đầu tiên; xóa các dòng phía trên nó cho khỏi nhầm",
        ]),
        .init("row-short.csv", lines: [2], [
            "@:3:4: lỗi: thiếu trạng thái — ghi một trong: chưa thực hiện, đang thực hiện, hoàn thành",
        ]),
        .init("no-completed-column.csv", lines: [2], [
            "@:1: cảnh báo: không có cột \"Ngày hoàn thành\" (completed): không biết việc đã xong là đúng hạn hay quá hạn — thêm cột Ngày hoàn thành và ghi ngày cho các dòng đã hoàn thành",
        ]),
        // MARK: Header
        .init("header-vietnamese.csv", lines: [2, 3, 4, 5]),
        .init("header-vietnamese-no-diacritics.csv", lines: [2, 3, 4, 5]),
        .init("header-vietnamese-reordered.csv", lines: [2]),
        .init("header-missing-column.csv", lines: [], [
            "@:1: lỗi: thiếu cột \"Trạng thái\" (state) — thêm cột này vào dòng tiêu đề; dòng tiêu đề mẫu: directive,task,unit,state,completed,report,updated,note",
        ]),
        .init("header-duplicate-column.csv", lines: [], [
            "@:1:5: lỗi: cột \"Trạng thái\" (cột E) trùng với cột \"state\" (cột D): cả hai đều là cột trạng thái — xóa một trong hai cột, hoặc gộp nội dung của chúng vào một cột",
        ]),
        .init("header-typo.csv", lines: [], [
            "@:1:2: cảnh báo: cột \"Nhiem vuu\" (cột B) không phải tên cột tiendo đọc, sẽ bị bỏ qua — có phải cột \"Nhiệm vụ\" (task)? Sửa lại tên cột cho đúng",
            "@:1:6: cảnh báo: cột \"Màu\" (cột F) không phải tên cột tiendo đọc, sẽ bị bỏ qua — các cột tiendo đọc: Văn bản (directive), Nhiệm vụ (task), Đơn vị (unit), Trạng thái (state), Ngày hoàn thành (completed), Số báo cáo (report), Ngày cập nhật (updated), Ghi chú (note); cột khác có thể để nguyên",
            "@:1: lỗi: thiếu cột \"Nhiệm vụ\" (task) — thêm cột này vào dòng tiêu đề; dòng tiêu đề mẫu: directive,task,unit,state,completed,report,updated,note",
        ]),
        .init("header-missing.csv", lines: [], [
            "@:1: lỗi: dòng đầu không phải dòng tiêu đề: không có cột nào mang tên tiendo đọc được — thêm dòng tiêu đề ở đầu tệp: directive,task,unit,state,completed,report,updated,note (hoặc Văn bản, Nhiệm vụ, Đơn vị, Trạng thái, ...); các cột cách nhau bằng dấu phẩy, dấu chấm phẩy hoặc tab",
        ]),
        .init("empty.csv", lines: [], [
            "@:1: cảnh báo: tệp trạng thái trống: mọi đơn vị sẽ được tính là chưa báo cáo — dùng lệnh \"tiendo template\" để tạo tệp mẫu có đủ các dòng",
        ]),
        .init("empty-bom.csv", lines: [], [
            "@:1: cảnh báo: tệp trạng thái trống: mọi đơn vị sẽ được tính là chưa báo cáo — dùng lệnh \"tiendo template\" để tạo tệp mẫu có đủ các dòng",
        ]),
        .init("header-only.csv", lines: [], [
            "@:1: cảnh báo: tệp trạng thái mới có dòng tiêu đề, chưa có dòng nào: mọi đơn vị sẽ được tính là chưa báo cáo — thêm mỗi (nhiệm vụ, đơn vị) một dòng dưới dòng tiêu đề; lệnh \"tiendo template\" tạo sẵn các dòng",
        ]),
        // MARK: Data
        .init("unit-unknown.csv", lines: [], [
            "@:2:3: lỗi: không có đơn vị \"Phường Hải Ann\" trong danh sách đơn vị — có phải Phường Hải An (mã 11413)? Ghi đúng tên hoặc mã đơn vị như trong danh sách đơn vị",
        ]),
        .init("unit-unknown-two-suggestions.csv", lines: [], [
            "@:2:3: lỗi: không có đơn vị \"Xã Cẩm Gianng\" trong danh sách đơn vị — có phải Xã Cẩm Giang (mã 10888) hay Xã Cẩm Giàng (mã 10903)? Ghi đúng tên hoặc mã đơn vị như trong danh sách đơn vị",
        ]),
        .init("unit-unknown-far.csv", lines: [], [
            "@:2:3: lỗi: không có đơn vị \"Phòng Kế toán\" trong danh sách đơn vị — ghi đúng tên hoặc mã đơn vị như trong danh sách đơn vị (trang Đơn vị, tệp units.yaml)",
        ]),
        .init("unit-missing.csv", lines: [], [
            "@:2:3: lỗi: thiếu đơn vị — ghi mã hoặc tên đơn vị, ví dụ: 11413 hoặc Phường Hải An",
        ]),
        .init("unit-not-assigned.csv", lines: [], [
            "@:2:3: lỗi: Sở Nội vụ không được giao nhiệm vụ 1.4 của văn bản trien-khai-tb-406 — kiểm tra lại số hiệu nhiệm vụ hoặc đơn vị; nhiệm vụ 1.4 giao cho: Ủy ban nhân dân xã, phường, đặc khu",
        ]),
        .init("task-unknown.csv", lines: [], [
            "@:2:2: lỗi: văn bản trien-khai-tb-406 không có nhiệm vụ \"9.9\" — các nhiệm vụ có: 1.1, 1.2, 1.3, 1.4, 1.5, 2.1, 2.2, 2.3, 3.1, 4.1, 4.2, 4.3, 4.4, 4.5, 4.6, 4.7",
        ]),
        .init("task-turned-into-date.csv", lines: [], [
            "@:2:2: lỗi: số hiệu nhiệm vụ \"01/04/2026\" là một ngày, không phải số hiệu — có thể là nhiệm vụ 1.4 hay 4.1: Excel đã tự đổi số hiệu thành ngày; định dạng cột Nhiệm vụ là Text (Văn bản) rồi gõ lại số hiệu",
            "@:3:2: lỗi: số hiệu nhiệm vụ \"5-Apr\" là một ngày, không phải số hiệu — có thể là nhiệm vụ 4.5: Excel đã tự đổi số hiệu thành ngày; định dạng cột Nhiệm vụ là Text (Văn bản) rồi gõ lại số hiệu",
        ]),
        .init("task-decimal-comma.csv", lines: [2]),
        .init("directive-unknown.csv", lines: [], [
            "@:2:1: lỗi: không có văn bản nào mã \"trien-khai-tb-40\" — có phải trien-khai-tb-406? Các mã văn bản có: trien-khai-tb-406",
            "@:3:1: lỗi: không có văn bản nào mã \"van-ban-khac\" — các mã văn bản có: trien-khai-tb-406",
        ]),
        .init("directive-missing.csv", lines: [], [
            "@:2:1: lỗi: thiếu mã văn bản — ghi mã văn bản, ví dụ: trien-khai-tb-406",
        ]),
        .init("state-unknown.csv", lines: [], [
            "@:2:4: lỗi: không hiểu trạng thái \"xong rồi\" — ghi một trong: chưa thực hiện, đang thực hiện, hoàn thành",
        ]),
        .init("state-missing.csv", lines: [], [
            "@:2:4: lỗi: thiếu trạng thái — ghi một trong: chưa thực hiện, đang thực hiện, hoàn thành",
        ]),
        .init("state-shifted-date.csv", lines: [], [
            "@:2:4: lỗi: ô trạng thái lại là một ngày (23/06/2026): có thể dòng này thiếu một ô nên các cột bị lệch — kiểm tra các ô của dòng theo đúng cột ở dòng tiêu đề; trạng thái ghi một trong: chưa thực hiện, đang thực hiện, hoàn thành",
        ]),
        .init("state-words.csv", lines: [2, 3, 4, 5, 6, 7, 8]),
        .init("date-impossible.csv", lines: [], [
            "@:2:5: lỗi: ngày hoàn thành \"31/02/2026\" không có thật: tháng 2/2026 chỉ có 28 ngày — sửa lại ngày; ghi ngày dạng ngày/tháng/năm, ví dụ 24/06/2026",
            "@:3:5: lỗi: ngày hoàn thành \"15/13/2026\" không có thật: không có tháng 13 — sửa lại ngày; ghi ngày dạng ngày/tháng/năm, ví dụ 24/06/2026",
            "@:3:7: lỗi: ngày cập nhật \"2026-02-29\" không có thật: tháng 2/2026 chỉ có 28 ngày — sửa lại ngày; ghi ngày dạng ngày/tháng/năm, ví dụ 24/06/2026",
        ]),
        .init("date-two-digit-year.csv", lines: [], [
            "@:2:5: lỗi: ngày hoàn thành \"23/06/26\" ghi năm bằng 2 chữ số, không rõ là năm nào — ghi năm đủ 4 chữ số, ví dụ 23/06/2026; trong Excel, định dạng cột ngày là dd/mm/yyyy",
        ]),
        .init("date-month-first.csv", lines: [], [
            "@:2:5: lỗi: ngày hoàn thành \"06/23/2026\" ghi theo kiểu tháng/ngày/năm (không có tháng 23) — ghi theo ngày/tháng/năm: 23/06/2026; nếu Excel tự đổi, định dạng cột ngày là dd/mm/yyyy và kiểm tra cả các ngày khác trong cột",
            "@:2:7: lỗi: ngày cập nhật \"06/24/2026\" ghi theo kiểu tháng/ngày/năm (không có tháng 24) — ghi theo ngày/tháng/năm: 24/06/2026; nếu Excel tự đổi, định dạng cột ngày là dd/mm/yyyy và kiểm tra cả các ngày khác trong cột",
        ]),
        .init("date-excel-serial.csv", lines: [], [
            "@:2:5: lỗi: ngày hoàn thành \"46196\" là số thứ tự ngày của Excel, không phải ngày — có phải 23/06/2026? Trong Excel, định dạng cột là ngày (dd/mm/yyyy) rồi lưu lại, hoặc gõ ngày dạng 23/06/2026",
            "@:2:7: lỗi: ngày cập nhật \"46196\" là số thứ tự ngày của Excel, không phải ngày — có phải 23/06/2026? Trong Excel, định dạng cột là ngày (dd/mm/yyyy) rồi lưu lại, hoặc gõ ngày dạng 23/06/2026",
        ]),
        .init("date-unreadable.csv", lines: [], [
            "@:2:5: lỗi: không đọc được ngày hoàn thành \"ngày 23/6\" — ghi ngày dạng ngày/tháng/năm, ví dụ 24/06/2026",
            "@:2:7: lỗi: không đọc được ngày cập nhật \"hôm qua\" — ghi ngày dạng ngày/tháng/năm, ví dụ 24/06/2026",
        ]),
        .init("date-forms.csv", lines: [2, 3]),
        .init("completed-after-as-of.csv", lines: [], asOf: "2026-06-25", [
            "@:2:5: lỗi: ngày hoàn thành 26/06/2026 sau ngày số liệu 25/06/2026 — ngày hoàn thành không thể sau ngày số liệu: sửa ngày hoàn thành, hoặc chọn ngày số liệu muộn hơn (--as-of)",
        ]),
        .init("completed-after-updated.csv", lines: [], [
            "@:2:5: lỗi: ngày hoàn thành 26/06/2026 sau ngày cập nhật 24/06/2026 — ngày cập nhật phải từ ngày hoàn thành trở đi; sửa một trong hai ngày",
        ]),
        .init("done-without-date.csv", lines: [2], [
            "@:2:5: cảnh báo: đã hoàn thành nhưng chưa ghi ngày hoàn thành — ghi ngày hoàn thành để biết đúng hạn hay quá hạn",
        ]),
        .init("date-with-state-not-done.csv", lines: [], [
            "@:2:5: lỗi: có ngày hoàn thành nhưng trạng thái là \"đang thực hiện\" — nếu đã xong, ghi trạng thái \"hoàn thành\"; nếu chưa, xóa ngày hoàn thành",
        ]),
        .init("duplicate-task-unit.csv", lines: [2, 3], [
            "@:4:3: lỗi: dòng này và bad-status/duplicate-task-unit.csv:2 cùng nhiệm vụ 1.4 của Phường Hải An, cùng ngày cập nhật 23/06/2026, nhưng khác ngày hoàn thành, số báo cáo, ghi chú: không biết dòng nào là tình hình mới nhất — nếu là báo cáo sửa lại, ghi ngày cập nhật của lần sửa; nếu không, xóa một trong hai dòng",
        ]),
        .init("many-mistakes.csv", lines: [4, 6], [
            "@:2:3: lỗi: không có đơn vị \"Phường Hải Ann\" trong danh sách đơn vị — có phải Phường Hải An (mã 11413)? Ghi đúng tên hoặc mã đơn vị như trong danh sách đơn vị",
            "@:3:2: lỗi: văn bản trien-khai-tb-406 không có nhiệm vụ \"9.9\" — các nhiệm vụ có: 1.1, 1.2, 1.3, 1.4, 1.5, 2.1, 2.2, 2.3, 3.1, 4.1, 4.2, 4.3, 4.4, 4.5, 4.6, 4.7",
            "@:5:5: lỗi: ngày hoàn thành \"31/06/2026\" không có thật: tháng 6/2026 chỉ có 30 ngày — sửa lại ngày; ghi ngày dạng ngày/tháng/năm, ví dụ 24/06/2026",
            "@:6:5: cảnh báo: đã hoàn thành nhưng chưa ghi ngày hoàn thành — ghi ngày hoàn thành để biết đúng hạn hay quá hạn",
            "@:7:3: lỗi: dòng này và bad-status/many-mistakes.csv:4 cùng nhiệm vụ 1.4 của Xã Cẩm Giàng, cùng ngày cập nhật 22/06/2026, nhưng khác trạng thái, ngày hoàn thành: không biết dòng nào là tình hình mới nhất — nếu là báo cáo sửa lại, ghi ngày cập nhật của lần sửa; nếu không, xóa một trong hai dòng",
        ]),
    ]

    @Test("each mistake, with the exact message a clerk gets", arguments: cases)
    func mistake(_ c: Case) throws {
        let output = try Self.read(c.file, asOf: c.asOf)
        let path = "bad-status/" + c.file
        #expect(output.diagnostics.map(\.description) == c.expected.map { "\(path)\($0.dropFirst())" })
        #expect(output.rows.map(\.line) == c.lines)
    }

    @Test("every file in bad-status is in the table")
    func everyFileTested() throws {
        let folder = Fixture.root.appendingPathComponent("bad-status")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasSuffix(".py") }
        #expect(Set(files) == Set(Self.cases.map(\.file)))
        #expect(Self.cases.count >= 40)
    }

    static let sameRowFiles = ["enc-utf8-bom.csv", "enc-utf16le-bom.txt", "enc-utf16le-nobom.csv", "enc-utf16le-nobom-nfd.csv",
                           "enc-utf16be-bom.csv", "enc-utf16be-nobom.csv", "sep-semicolon-blank-first-line.csv", "sep-tab.tsv",
                           "sep-cr-only.csv", "header-vietnamese.csv", "header-vietnamese-no-diacritics.csv",
                           "trailing-empty-rows-and-columns.csv"]

    @Test("every encoding, separator and header Excel writes gives the same rows", arguments: sameRowFiles)
    func sameRows(_ file: String) throws {
        let reference = try Self.read("sep-comma-lf.csv").rows
        #expect(reference.count == 4)
        #expect(reference.first?.note == "Đã trình HĐND cấp xã.")
        let rows = try Self.read(file).rows
        // Lines differ where a blank line comes first; everything else is the same.
        #expect(rows.map { var row = $0; row.line = 0; return row } == reference.map { var row = $0; row.line = 0; return row })
    }

    @Test("quoted cells keep separators, quotes and line breaks; spaces and invisible characters go")
    func quotedAndSpaces() throws {
        let quoted = try Self.read("quote-embedded-newline-separator.csv").rows
        #expect(quoted.map(\.report) == ["125/BC-UBND, bản 2", "", "12/BC-STC"])
        #expect(quoted.map(\.note) == ["Đã gửi \"bản 2\";\nkèm phụ lục, bảng 3", "Hai dòng\nmột, hai", "Đã gửi **đúng hạn**"])
        #expect(try Self.read("quote-inside-unquoted.csv").rows.map(\.note) == ["Đã gửi \"bản 2\" kèm phụ lục"])
        let spaced = try Self.read("spaces-around-values.csv").rows
        #expect(spaced.map(\.unitCode) == ["11413", "10903"])
        #expect(spaced.first?.note == "Đã gửi")
        #expect(try Self.read("sep-semicolon-crlf.csv").rows.last?.note == "Tỷ lệ 12,5%, đạt")
        #expect(try Self.read("task-decimal-comma.csv").rows.map(\.taskID) == ["1.4"])
    }

    @Test("the old entry point still refuses what it refused, naming the line")
    func oldEntryPoint() throws {
        #expect(CSVTable.parse(try Self.bytes("enc-windows-1258.csv")).failure == .legacyEncoding(line: 2))
        #expect(CSVTable.parse(try Self.bytes("enc-tcvn3.csv")).failure == .legacyEncoding(line: 2))
        #expect(CSVTable.parse(try Self.bytes("quote-unterminated.csv")).failure == .unterminatedQuote(line: 3))
        #expect(CSVTable.parse(try Self.bytes("enc-garbled.csv")).failure == .legacyEncoding(line: 2))
        #expect(try CSVTable.parse(try Self.bytes("enc-utf16le-bom.txt")).get().separator == "\t")
    }

    // MARK: Workbooks: places as cells

    @Test("column letters as a spreadsheet names them")
    func columnLetters() {
        let letters = [1, 2, 26, 27, 28, 52, 53, 702, 703].map(Diagnostic.columnLetters)
        #expect(letters == ["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"])
    }

    @Test("a worksheet's diagnostics name cells: Sheet1!C2, not line and column")
    func sheetCells() throws {
        let table = try CSVTable.read(try Self.bytes("many-mistakes.csv")).get()
        let output = Self.reader.read(table, file: "status.xlsx", asOf: nil, sheet: "Sheet1")
        #expect(output.diagnostics.map(\.location) == [
            "status.xlsx!Sheet1!C2", "status.xlsx!Sheet1!B3", "status.xlsx!Sheet1!E5", "status.xlsx!Sheet1!E6", "status.xlsx!Sheet1!C7",
        ])
        #expect(output.diagnostics.first?.description
            == "status.xlsx!Sheet1!C2: lỗi: không có đơn vị \"Phường Hải Ann\" trong danh sách đơn vị — có phải Phường Hải An (mã 11413)? Ghi đúng tên hoặc mã đơn vị như trong danh sách đơn vị")
        // Without a sheet, the same table still names line and column.
        #expect(Self.reader.read(table, file: "status.csv", asOf: nil).diagnostics.first?.location == "status.csv:2:3")
        #expect(output.rows == Self.reader.read(table, file: "status.xlsx", asOf: nil).rows)
    }

    @Test("rows are spreadsheet rows; columns past Z are AA, AB...; a whole-row problem names its first cell")
    func sheetWideColumns() {
        // A sheet with 27 unused columns before the data, rows 5 and 9.
        let blank = Array(repeating: "", count: 27)
        let table = CSVTable(rows: [
            .init(line: 5, cells: blank + ["directive", "task", "unit", "state"]),
            .init(line: 9, cells: blank + ["trien-khai-tb-406", "1.4", "11413", "xong rồi"]),
        ])
        let output = Self.reader.read(table, file: "status.xlsx", asOf: nil, sheet: "Tiến độ")
        #expect(output.diagnostics.map(\.description) == [
            "status.xlsx!Tiến độ!A5: cảnh báo: không có cột \"Ngày hoàn thành\" (completed): không biết việc đã xong là đúng hạn hay quá hạn — thêm cột Ngày hoàn thành và ghi ngày cho các dòng đã hoàn thành",
            "status.xlsx!Tiến độ!AE9: lỗi: không hiểu trạng thái \"xong rồi\" — ghi một trong: chưa thực hiện, đang thực hiện, hoàn thành",
        ])
    }
}
