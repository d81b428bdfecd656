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

    func run() throws {
        let loader = ContentLoader(contentDirectory: content)
        var diagnostics: [Diagnostic] = []
        let register = loader.loadRegister(diagnostics: &diagnostics)
        let paths = files.isEmpty ? loader.directiveFiles() : files
        var tasks: [Task] = []
        for path in paths {
            if let directive = loader.readDirective(at: path, register: register, renderHTML: false, diagnostics: &diagnostics) {
                tasks += directive.tasks
            }
        }
        if json {
            Console.out(TaskJSON.document(tasks))
        } else {
            Console.out(TaskListing.text(tasks))
        }
        Console.report(diagnostics)
        if diagnostics.hasErrors { throw ExitCode(1) }
    }
}

/// The human-readable listing of `tiendo tasks`.
enum TaskListing {
    static func text(_ tasks: [Task]) -> String {
        var out = ""
        var directive = ""
        for task in tasks {
            if task.directiveID != directive {
                directive = task.directiveID
                out += "== \(directive)\n"
            }
            out += "\n[\(task.id)] \(task.section)\n"
            let lead = task.assignees.filter { $0.role == .lead }.map(describe)
            let partners = task.assignees.filter { $0.role == .partner }.map(describe)
            out += "  Chủ trì: \(lead.isEmpty ? "(chưa rõ)" : lead.joined(separator: "; "))\n"
            if !partners.isEmpty { out += "  Phối hợp: \(partners.joined(separator: "; "))\n" }
            out += "  Số đơn vị: \(task.units.count)\n"
            if let deadline = task.deadline {
                let due = deadline.due.map { " → \($0.vietnamese)" } ?? ""
                out += "  Thời hạn: \"\(deadline.text)\" (\(deadline.kind.rawValue))\(due)\n"
            } else {
                out += "  Thời hạn: (không ghi)\n"
            }
            if let consolidator = task.consolidator {
                out += "  Tổng hợp: \(consolidator.name)\(consolidator.code.map { " [\($0)]" } ?? "")\n"
            }
            let firstLine = VietnameseText.collapseSpaces(task.text)
            out += "  " + (firstLine.count > 160 ? String(firstLine.prefix(157)) + "..." : firstLine) + "\n"
        }
        return out
    }

    static func describe(_ assignee: Assignee) -> String {
        assignee.name + (assignee.code.map { " [\($0)]" } ?? " [không có trong danh sách]")
    }
}
