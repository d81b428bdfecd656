import ArgumentParser
import Foundation
import TiendoCore
import TiendoOffice
import TiendoSite

/// `tiendo import FILE.docx`: a Word document as received, written as a
/// directive file, then read back as the build will read it, for review.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Nhập văn bản Word (.docx) vào thư mục nội dung thành directives/<mã>.md.",
        discussion: """
        Đọc văn bản Word như cơ quan nhận được (chữ, đậm/nghiêng, đánh số tự động, bảng, \
        thay đổi đã theo dõi, chú thích), ghi thành Markdown với phần khai báo đầu tệp (số, ngày, \
        cơ quan ban hành, loại văn bản, trích yếu, người ký), rồi in các nhiệm vụ đọc được như \
        lệnh tasks để kiểm tra. Mã văn bản lấy từ số ký hiệu, không có thì từ tên tệp.
        """)

    @Argument(help: ArgumentHelp("Tệp Word .docx.", valueName: "FILE.docx"))
    var file: String

    @Option(name: .long, help: ArgumentHelp("Thư mục nội dung.", valueName: "DIR"))
    var content: String = "content"

    @Option(name: .long, help: ArgumentHelp("Mã văn bản (tên tệp và đường dẫn trang), thay cho mã lấy từ số ký hiệu.", valueName: "ID"))
    var id: String?

    @Flag(name: .long, help: "Ghi đè nếu tệp văn bản đã có.")
    var force = false

    func run() throws {
        let data: Data
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: file)
            if let size = attributes[.size] as? Int, size > OfficeLimits.standard.fileBytes {
                throw CommandFailure("\(file): lỗi: \(WordImportError.tooLarge(limit: OfficeLimits.standard.fileBytes))")
            }
            data = try Data(contentsOf: URL(fileURLWithPath: file))
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure("\(file): lỗi: không mở được tệp — kiểm tra lại đường dẫn")
        }
        guard FileManager.default.fileExists(atPath: content) else {
            throw CommandFailure("\(content): lỗi: không có thư mục nội dung — chạy lệnh trong thư mục có content/, hoặc chỉ rõ bằng --content DIR")
        }
        let loader = ContentLoader(contentDirectory: content)
        var diagnostics: [Diagnostic] = []
        let register = loader.loadRegister(diagnostics: &diagnostics)
        let prepared: DirectiveImport
        switch DirectiveImport.prepare(data, fileName: file, contentDirectory: content, id: id, register: register) {
        case .success(let value): prepared = value
        case .failure(let failure): throw CommandFailure("\(file): lỗi: \(failure)")
        }
        if case .failure(let failure) = prepared.write(force: force) {
            throw CommandFailure("\(file): lỗi: \(failure)")
        }
        Console.out(ImportSummary.text(prepared, source: file))
        // Read back from the file just written, exactly as `tiendo tasks FILE` would.
        var readDiagnostics: [Diagnostic] = []
        let tasks = loader.readDirective(at: prepared.path, register: register, renderHTML: false,
                                         diagnostics: &readDiagnostics)?.tasks ?? []
        Console.out(TaskListing.text(tasks))
        Console.report(diagnostics + readDiagnostics)
        if (diagnostics + readDiagnostics).hasErrors { throw ExitCode(1) }
    }
}

/// What `tiendo import` found in the document, before the task listing.
enum ImportSummary {
    static func text(_ prepared: DirectiveImport, source: String) -> String {
        let conversion = prepared.conversion
        let metadata = prepared.metadata
        var lines = ["Đã đọc \(source): \(conversion.paragraphs) đoạn văn, \(conversion.tables) bảng, \(conversion.footnotes) chú thích."]
        func field(_ label: String, _ value: String?) {
            lines.append("  \(label): " + (value.flatMap { $0.isEmpty ? nil : VietnameseText.collapseSpaces($0) } ?? "(không thấy)"))
        }
        field("Cơ quan ban hành", metadata.issuer)
        field("Loại văn bản", metadata.kind)
        field("Số", metadata.isNumberBlank ? nil : metadata.number)
        field("Ngày", metadata.date?.vietnamese ?? metadata.dateLine)
        field("Trích yếu", metadata.subject)
        field("Người ký", metadata.signature?.name)
        if conversion.insertions + conversion.deletions > 0 {
            lines.append("  Thay đổi đã theo dõi: lấy \(conversion.insertions) chỗ chèn, bỏ \(conversion.deletions) chỗ xóa (như khi chấp nhận mọi thay đổi).")
        }
        if conversion.skippedImages > 0 {
            lines.append("  Bỏ qua \(conversion.skippedImages) hình ảnh (Markdown chỉ giữ chữ).")
        }
        lines.append("Đã ghi \(prepared.path) (mã văn bản: \(prepared.id)).")
        lines.append("Kiểm tra các nhiệm vụ dưới đây; sửa trong tệp nếu cần, rồi chạy tiendo build.")
        return lines.joined(separator: "\n") + "\n"
    }
}
