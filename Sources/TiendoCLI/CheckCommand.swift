import ArgumentParser
import Foundation
import TiendoCore
import TiendoSite

/// `tiendo check`: reads everything and reports every problem; writes nothing.
/// With a status folder, or with FILE (a sheet not yet in the folder), it
/// also lists, file by file, what each one changes against the rest.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Kiểm tra văn bản, danh sách đơn vị và tệp trạng thái; báo mọi lỗi kèm dòng và cách sửa. Không ghi gì.",
        discussion: """
        Với thư mục content/status/, hoặc khi ghi FILE (tệp báo cáo chưa đặt vào thư mục), \
        lệnh liệt kê theo từng tệp: tệp đó thay đổi gì so với số liệu còn lại, và lỗi nếu có.
        """)

    @OptionGroup var options: ContentOptions

    @Argument(help: ArgumentHelp("Tệp trạng thái (.csv, .xlsx) chưa đặt vào thư mục status/, để xem nó thay đổi gì.", valueName: "FILE"))
    var files: [String] = []

    func run() throws {
        let asOf = try AsOfArgument.resolve(options.asOf)
        let loader = ContentLoader(contentDirectory: options.content)
        for file in files where !FileManager.default.fileExists(atPath: file) {
            throw CommandFailure("không tìm thấy tệp \(file)")
        }
        let loaded = loader.load(asOf: asOf, sheet: options.sheet, renderHTML: false, extraStatusFiles: files)
        // Each status file's own problems are listed with its changes.
        let listed = !files.isEmpty ? files : loaded.statusFiles.count > 1 ? loaded.statusFiles : []
        let inListed = Set(listed)
        Console.report(loaded.diagnostics.filter { !inListed.contains($0.file) })
        for file in listed {
            let own = loaded.diagnostics.filter { $0.file == file }
            let source = loaded.rows.first { $0.source.file == file }?.source
            let changes = source.map { StatusChanges(file: $0, rows: loaded.rows) }
            Console.out("\n== \(file): \(changes?.changes.count ?? 0) cặp (nhiệm vụ, đơn vị)"
                        + (own.errors.isEmpty ? "" : ", \(own.errors.count) lỗi") + (own.warnings.isEmpty ? "" : ", \(own.warnings.count) cảnh báo"))
            let name = { (code: String) in loaded.register.unit(code: code)?.name ?? code }
            // A folder's file that alone reports its pairs is summed up; a FILE asked about is told pair by pair.
            let summed = files.isEmpty && changes?.isOnlySource == true
            for line in (summed ? changes?.tally(nameOfUnit: name) : changes?.sentences(nameOfUnit: name)) ?? [] {
                Console.out("  " + line)
            }
            for diagnostic in own.errors + own.warnings { Console.out("  " + diagnostic.description) }
        }
        if loaded.diagnostics.hasErrors { throw ExitCode(1) }
        let taskCount = loaded.directives.reduce(0) { $0 + $1.tasks.count }
        Console.out("Không có lỗi: \(loaded.directives.count) văn bản, \(taskCount) nhiệm vụ, \(loaded.register.units.count) đơn vị, "
                    + "\(loaded.rows.count) dòng trạng thái; ngày số liệu \(loaded.asOf?.vietnamese ?? "?"), "
                    + "số liệu cập nhật đến \(Tracker.latestUpdate(loaded.rows)?.vietnamese ?? "(chưa có báo cáo)").")
    }
}
