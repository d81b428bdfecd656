import ArgumentParser
import Foundation
import TiendoCore
import TiendoSite

/// `tiendo tasks`: the tasks tiendo read, for a human to review.
struct TasksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tasks",
        abstract: "Liệt kê các nhiệm vụ đọc được từ văn bản, để kiểm tra bằng mắt.",
        discussion: "Không có FILE: đọc mọi văn bản trong thư mục nội dung. FILE có thể ở bất cứ đâu (một văn bản vừa nhận); tên đơn vị được đối chiếu với danh sách đơn vị trong thư mục nội dung.")

    @Argument(help: ArgumentHelp("Tệp văn bản Markdown.", valueName: "FILE"))
    var files: [String] = []

    @Flag(name: .long, help: "In dạng JSON (xem README).")
    var json = false

    @Option(name: .long, help: ArgumentHelp("Thư mục nội dung (để lấy danh sách đơn vị).", valueName: "DIR"))
    var content: String = "content"

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Ngày số liệu, để tính lần tới của thời hạn định kỳ (mặc định: hôm nay theo giờ Việt Nam).", valueName: "YYYY-MM-DD"))
    var asOfText: String?

    func run() throws {
        let asOf = try AsOfArgument.resolve(asOfText)
        let loader = ContentLoader(contentDirectory: content)
        var diagnostics: [Diagnostic] = []
        let register = loader.loadRegister(diagnostics: &diagnostics)
        let paths = files.isEmpty ? loader.directiveFiles() : files
        var directives: [Directive] = []
        for path in paths {
            // A file named on the command line may lie anywhere (the help says so).
            if let directive = loader.readDirective(at: path, register: register, renderHTML: false, asOf: asOf,
                                                    insideContent: files.isEmpty,
                                                    diagnostics: &diagnostics) {
                directives.append(directive)
            }
        }
        if json {
            Console.out(TaskJSON.document(directives.flatMap(\.tasks)))
        } else {
            Console.out(TaskReview.text(directives))
        }
        Console.report(diagnostics)
        if diagnostics.hasErrors { throw ExitCode(1) }
    }
}

