import ArgumentParser
import TiendoCore
import TiendoSite

/// `tiendo check`: reads everything and reports every problem; writes nothing.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Kiểm tra văn bản, danh sách đơn vị và tệp trạng thái; báo mọi lỗi kèm dòng và cách sửa. Không ghi gì.")

    @OptionGroup var options: ContentOptions

    func run() throws {
        let asOf = try AsOfArgument.resolve(options.asOf)
        let loaded = ContentLoader(contentDirectory: options.content).load(asOf: asOf, sheet: options.sheet, renderHTML: false)
        Console.report(loaded.diagnostics)
        if loaded.diagnostics.hasErrors { throw ExitCode(1) }
        let taskCount = loaded.directives.reduce(0) { $0 + $1.tasks.count }
        Console.out("Không có lỗi: \(loaded.directives.count) văn bản, \(taskCount) nhiệm vụ, \(loaded.register.units.count) đơn vị, "
                    + "\(loaded.rows.count) dòng trạng thái; ngày số liệu \(loaded.asOf?.vietnamese ?? "?"), "
                    + "số liệu cập nhật đến \(Tracker.latestUpdate(loaded.rows)?.vietnamese ?? "(chưa có báo cáo)").")
    }
}
