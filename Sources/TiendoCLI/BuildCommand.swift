import ArgumentParser
import Foundation
import TiendoCore
import TiendoSite

/// `tiendo build`: the whole site, published atomically.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Dựng trang web từ thư mục nội dung vào thư mục trang (mặc định site/).",
        discussion: "Có lỗi trong nội dung thì không ghi gì: trang đang đăng giữ nguyên.")

    @OptionGroup var options: ContentOptions

    @Option(name: .long, help: ArgumentHelp("Thư mục giao diện (templates/ và assets/).", valueName: "DIR"))
    var theme: String = "theme"

    @Option(name: .long, help: ArgumentHelp("Thư mục trang được tạo.", valueName: "DIR"))
    var output: String = "site"

    @Flag(name: .long, help: "Chỉ in lỗi.")
    var quiet = false

    func run() throws {
        let started = Date()
        let asOf = try AsOfArgument.parse(options.asOf)
        let loaded = ContentLoader(contentDirectory: options.content).load(asOf: asOf)
        Console.report(loaded.diagnostics)
        guard let tracker = loaded.tracker else {
            Console.error("Không dựng trang vì có lỗi; trang cũ (nếu có) giữ nguyên.")
            throw ExitCode(1)
        }
        let theme: Theme
        do {
            theme = try Theme(directory: self.theme)
        } catch {
            throw CommandFailure("\(error)")
        }
        let files = SiteBuilder(tracker: tracker, theme: theme).build()
        let summary: Publisher.Summary
        do {
            summary = try Publisher(output: output).publish(files)
        } catch {
            throw CommandFailure("\(error)")
        }
        if !quiet {
            let elapsed = Date().timeIntervalSince(started)
            Console.error("Đã dựng \(output)/: \(files.count) tệp (\(summary.written) ghi mới, \(summary.unchanged) không đổi, "
                          + "\(summary.removed) xóa), ngày số liệu \(tracker.asOf.vietnamese), "
                          + String(format: "%.2f", elapsed) + " giây.")
        }
    }
}
