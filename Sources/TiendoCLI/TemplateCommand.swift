import ArgumentParser
import Foundation
import TiendoCore
import TiendoSite

/// `tiendo template`: the status file with one row per (task, assigned
/// unit), starting from what the status file already says.
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Tạo tệp trạng thái mẫu: mỗi dòng một (nhiệm vụ, đơn vị được giao), giữ nguyên các dòng đã có trong tệp trạng thái.",
        discussion: """
        Các dòng đã có trong status.csv (hoặc status.xlsx) được giữ nguyên; (nhiệm vụ, đơn vị) chưa có dòng nào \
        được thêm với trạng thái "Chưa báo cáo". Tệp tạo ra có thể thay cho tệp trạng thái cũ.
        Mặc định là CSV UTF-8 có BOM; --xlsx tạo bảng tính Excel có danh sách chọn trạng thái, \
        cột mã và số hiệu nhiệm vụ dạng văn bản, cột ngày dạng ngày.
        """)

    @Option(name: .long, help: ArgumentHelp("Thư mục nội dung.", valueName: "DIR"))
    var content: String = "content"

    @Option(name: .long, help: ArgumentHelp("Ghi ra tệp này (mặc định: in ra màn hình; với --xlsx thì bắt buộc). Không ghi đè tệp đã có.", valueName: "FILE"))
    var output: String?

    @Flag(name: .long, help: "Tạo bảng tính Excel (.xlsx) thay vì CSV.")
    var xlsx = false

    @Flag(name: .long, help: "Với --xlsx: khóa các cột văn bản, nhiệm vụ, đơn vị để khỏi sửa nhầm (không đặt mật khẩu).")
    var protect = false

    @Option(name: .long, help: ArgumentHelp("Trang tính đọc trong status.xlsx (mặc định: trang đầu).", valueName: "NAME"))
    var sheet: String?

    @Option(name: .long, help: ArgumentHelp("Với --xlsx: phiếu báo cáo của một đơn vị (mã hoặc tên), như tệp bao-cao/<đơn vị>.xlsx của trang web.", valueName: "CODE"))
    var unit: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Với --unit: ngày lập phiếu (YYYY-MM-DD). Mặc định: hôm nay theo giờ Việt Nam.", valueName: "YYYY-MM-DD"))
    var asOf: String?

    func run() throws {
        if let unit { return try writeUnitSheet(unit) }
        if protect, !xlsx { throw ValidationError("--protect chỉ dùng cùng --xlsx") }
        guard output != nil || !xlsx else { throw ValidationError("--xlsx cần --output FILE.xlsx: bảng tính không in ra màn hình được") }
        let loader = ContentLoader(contentDirectory: content)
        var diagnostics: [Diagnostic] = []
        let register = loader.loadRegister(diagnostics: &diagnostics)
        var directives: [Directive] = []
        for path in loader.directiveFiles() {
            if let directive = loader.readDirective(at: path, register: register, renderHTML: false, diagnostics: &diagnostics) {
                directives.append(directive)
            }
        }
        // No as-of date: the template copies rows, it does not classify them.
        let (status, statusPath, _) = loader.loadStatus(register: register, directives: directives, sheet: sheet,
                                                        diagnostics: &diagnostics)
        Console.report(diagnostics)
        if diagnostics.hasErrors {
            // A row the reader refuses would be missing from the template: fix the file first, lose nothing.
            Console.error("Chưa tạo tệp mẫu: sửa các lỗi ở trên (nhất là trong \(statusPath)) trước, để không dòng nào bị bỏ sót.")
            throw ExitCode(1)
        }
        let rows = StatusTemplate.rows(directives: directives, register: register, status: status)
        let bytes = xlsx ? try StatusTemplate.workbook(rows, protect: protect) : Array(StatusTemplate.csv(rows).utf8)
        if let output {
            // Never overwrite a clerk's file: the status data is the one thing that cannot be rebuilt.
            if FileManager.default.fileExists(atPath: output) {
                throw CommandFailure("tệp \(output) đã có; không ghi đè — chọn tên khác hoặc xóa tệp cũ trước")
            }
            guard FileManager.default.createFile(atPath: output, contents: Data(bytes)) else {
                throw CommandFailure("không ghi được tệp \(output)")
            }
            let kept = rows.filter { $0.status != nil }.count
            Console.error("Đã ghi \(output): \(rows.count) dòng, trong đó \(kept) dòng lấy từ tệp trạng thái.")
        } else {
            FileHandle.standardOutput.write(Data(bytes))
        }
    }

    /// `--unit CODE --xlsx`: the unit's report sheet, the same bytes as the
    /// site's bao-cao/<unit>.xlsx for the same content and date.
    func writeUnitSheet(_ name: String) throws {
        guard xlsx, let output else { throw ValidationError("--unit cần --xlsx và --output FILE.xlsx") }
        let date = try AsOfArgument.resolve(asOf)
        let loaded = ContentLoader(contentDirectory: content).load(asOf: date, sheet: sheet, renderHTML: false)
        Console.report(loaded.diagnostics)
        guard let tracker = loaded.tracker else {
            Console.error("Chưa tạo phiếu: sửa các lỗi ở trên trước.")
            throw ExitCode(1)
        }
        guard let unit = tracker.register.unit(code: name) ?? tracker.register.unit(named: name) else {
            throw CommandFailure("không có đơn vị \"\(name)\" trong danh sách đơn vị")
        }
        if FileManager.default.fileExists(atPath: output) {
            throw CommandFailure("tệp \(output) đã có; không ghi đè — chọn tên khác hoặc xóa tệp cũ trước")
        }
        let bytes = try UnitReportSheet.workbook(tracker, unit: unit)
        guard FileManager.default.createFile(atPath: output, contents: Data(bytes)) else {
            throw CommandFailure("không ghi được tệp \(output)")
        }
        Console.error("Đã ghi \(output): phiếu báo cáo của \(unit.name), \(tracker.assignments(forUnit: unit.code).count) nhiệm vụ, số liệu cập nhật đến \(tracker.dataUpdated?.vietnamese ?? "chưa có báo cáo nào"), tình hình tính đến \(date.vietnamese).")
    }
}
