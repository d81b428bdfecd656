import ArgumentParser
import Foundation
import TiendoCore
import TiendoSite

/// `tiendo template`: a status skeleton with one row per (task, assigned unit).
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Tạo tệp trạng thái mẫu: mỗi dòng một (nhiệm vụ, đơn vị được giao), UTF-8 có BOM để Excel hiện đúng tiếng Việt.")

    @Option(name: .long, help: ArgumentHelp("Thư mục nội dung.", valueName: "DIR"))
    var content: String = "content"

    @Option(name: .long, help: ArgumentHelp("Ghi ra tệp này (mặc định: in ra màn hình). Không ghi đè tệp đã có.", valueName: "FILE"))
    var output: String?

    func run() throws {
        let loader = ContentLoader(contentDirectory: content)
        var diagnostics: [Diagnostic] = []
        let register = loader.loadRegister(diagnostics: &diagnostics)
        var directives: [Directive] = []
        for path in loader.directiveFiles() {
            if let directive = loader.readDirective(at: path, register: register, renderHTML: false, diagnostics: &diagnostics) {
                directives.append(directive)
            }
        }
        Console.report(diagnostics)
        if diagnostics.hasErrors { throw ExitCode(1) }
        let text = StatusTemplate.csv(directives: directives, register: register)
        if let output {
            // Never overwrite a clerk's file: the status data is the one thing that cannot be rebuilt.
            if FileManager.default.fileExists(atPath: output) {
                throw CommandFailure("tệp \(output) đã có; không ghi đè — chọn tên khác hoặc xóa tệp cũ trước")
            }
            guard FileManager.default.createFile(atPath: output, contents: Data(text.utf8)) else {
                throw CommandFailure("không ghi được tệp \(output)")
            }
            Console.error("Đã ghi \(output).")
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
