import ArgumentParser
import Foundation
import TiendoCore
import TiendoSite

/// `tiendo build`: the whole site, published atomically and incrementally.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Dựng trang web từ thư mục nội dung vào thư mục trang (mặc định site/).",
        discussion: """
        Có lỗi trong nội dung thì không ghi gì: trang đang đăng giữ nguyên. Lần dựng sau chỉ ghi những tệp \
        thay đổi (tệp không đổi giữ nguyên thời gian sửa), và không dựng lại trang mà dữ liệu của nó không đổi. \
        Không nhận --output là ".", "/", thư mục đang làm việc, thư mục nội dung hay giao diện (hoặc thư mục chứa chúng). \
        Nếu --output là liên kết tượng trưng, trang được dựng bên cạnh nơi liên kết trỏ tới rồi tráo vào đó; liên kết giữ nguyên.
        """)

    @OptionGroup var options: SiteOptions

    @Flag(name: .long, help: "Chỉ in lỗi.")
    var quiet = false

    @Flag(name: .long, help: "In thêm chi tiết từng bước.")
    var verbose = false

    func run() throws {
        let report = BuildReport(quiet: quiet, verbose: verbose)
        let result = try SiteGeneration(options: options, report: report).run(bodySuffix: "")
        if let summary = result.summary { report.finish(summary, asOf: result.asOf, output: options.output) }
    }
}

/// Options of the commands that build a site.
struct SiteOptions: ParsableArguments {
    @OptionGroup var content: ContentOptions

    @Option(name: .long, help: ArgumentHelp(
        "Thư mục giao diện (templates/ và assets/); mỗi tệp trong đó thay tệp cùng tên của giao diện mặc định. "
            + "Mặc định: thư mục theme/ cạnh thư mục nội dung, nếu có.", valueName: "DIR"))
    var theme: String?

    @Option(name: .long, help: ArgumentHelp("Thư mục trang được tạo (có thể là liên kết tượng trưng tới thư mục web).", valueName: "DIR"))
    var output: String = "site"

    @Option(name: .customLong("recent-days"), help: ArgumentHelp("Số ngày của trang Cập nhật gần đây.", valueName: "N"))
    var recentDays: Int = 7

    @Option(name: .long, help: ArgumentHelp("Số luồng dựng trang (mặc định: số nhân CPU).", valueName: "N"))
    var threads: Int = SiteBuilder.defaultThreads
}

/// The build as a recipe of named steps: load units, read directives, load
/// status, classify, plan the site, render, publish. Errors name their step.
struct SiteGeneration {
    let options: SiteOptions
    let report: BuildReport

    struct Result {
        var summary: Publisher.Summary?
        var asOf: CivilDate?
        var diagnostics: [Diagnostic]
    }

    var themeFolders: [String] { ThemeFolders.resolve(theme: options.theme, content: options.content.content) }

    /// Builds and publishes; throws (after printing diagnostics) when the content has errors.
    func run(bodySuffix: String) throws -> Result {
        let asOf = try AsOfArgument.resolve(options.content.asOf)
        // Where the site goes is checked before anything is read or written:
        // never the current folder, /, the content or theme folder or one that holds them.
        let location: OutputLocation
        do {
            location = try OutputLocation.resolve(options.output, guarding: [("thư mục nội dung", options.content.content)]
                                                  + themeFolders.map { ("thư mục giao diện", $0) })
        } catch {
            throw CommandFailure("\(error)")
        }
        if let target = location.linkTarget {
            report.step("\(options.output) là liên kết tới \(target): trang được dựng bên cạnh \(target) rồi tráo vào đó")
        }
        report.step("so dấu vân tay của nội dung và giao diện với lần dựng trước")
        let source = SourceFingerprint.of(
            folders: [options.content.content] + themeFolders,
            // The resolved day, not the option: a rebuild on a new day with no
            // new data must still look again, since tasks may have turned late.
            options: [BuildStamp.executable, asOf.iso, options.content.sheet ?? "-",
                      String(options.recentDays), bodySuffix])
        let publisher = Publisher(location: location)
        if let summary = publisher.upToDate(source: source) {
            return Result(summary: summary, asOf: nil, diagnostics: [])
        }
        report.step("đọc nội dung (danh sách đơn vị, văn bản, tệp trạng thái)")
        let cache = DirectiveCache(path: publisher.directiveCachePath, salt: BuildStamp.executable)
        let loaded = ContentLoader(contentDirectory: options.content.content).load(asOf: asOf, sheet: options.content.sheet,
                                                                                    threads: max(1, options.threads),
                                                                                    directiveCache: cache)
        Console.report(loaded.diagnostics)
        guard let tracker = loaded.tracker else {
            throw CommandFailure("không dựng trang vì nội dung có lỗi; trang cũ (nếu có) giữ nguyên")
        }
        report.step("đọc giao diện " + (themeFolders.isEmpty ? "mặc định" : themeFolders.joined(separator: ", ")))
        let theme: Theme
        do {
            theme = try Theme.layered(over: themeFolders)
        } catch {
            throw CommandFailure("\(error)")
        }
        report.step("lập danh sách trang")
        var builder = SiteBuilder(tracker: tracker, theme: theme)
        builder.bodySuffix = bodySuffix
        builder.recentDays = max(1, options.recentDays)
        builder.identity = loaded.identity
        let plans = builder.plan(threads: max(1, options.threads))
        var salt = builder.salt
        salt.add(BuildStamp.executable)
        report.step("dựng và đăng \(plans.count) tệp vào \(options.output)/")
        do {
            let summary = try publisher.publish(plans, salt: salt, source: source, threads: max(1, options.threads),
                                                progress: report.progressHandler)
            report.endProgress()
            loaded.directiveCache?.save()
            return Result(summary: summary, asOf: tracker.asOf, diagnostics: loaded.diagnostics)
        } catch {
            report.endProgress()
            throw CommandFailure("\(error)")
        }
    }
}

/// Identifies the running tiendo binary, so that pages rendered by another
/// version of tiendo are never reused.
enum BuildStamp {
    static let executable: String = {
        // /proc/self/exe is a link whose own times are the process's: follow it to the file.
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = attributes[.size] as? Int else {
            return CommandLine.arguments.first ?? "tiendo"
        }
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(path)|\(size)|\(modified)"
    }()
}

/// What a build tells the person who ran it: a one-line progress display
/// on a terminal (silent otherwise), steps with --verbose, a summary.
final class BuildReport: @unchecked Sendable {
    let quiet: Bool
    let verbose: Bool
    let started = Date()
    private let isTerminal = isatty(STDERR_FILENO) != 0
    private let lock = NSLock()
    private var lastShown = -1
    private var showing = false

    init(quiet: Bool, verbose: Bool) {
        self.quiet = quiet
        self.verbose = verbose
    }

    func step(_ name: String) {
        guard verbose else { return }
        Console.error(String(format: "[%.2fs] ", Date().timeIntervalSince(started)) + name)
    }

    var progressHandler: (@Sendable (Int, Int) -> Void)? {
        guard isTerminal, !quiet else { return nil }
        return { [self] done, total in self.show(done, total) }
    }

    private func show(_ done: Int, _ total: Int) {
        lock.lock()
        defer { lock.unlock() }
        let percent = total == 0 ? 100 : done * 100 / total
        guard percent != lastShown || done == total else { return }
        lastShown = percent
        showing = true
        FileHandle.standardError.write(Data("\r\u{1B}[2KĐang dựng trang: \(done)/\(total) (\(percent)%)".utf8))
    }

    func endProgress() {
        lock.lock()
        defer { lock.unlock() }
        if showing { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
        showing = false
    }

    func finish(_ summary: Publisher.Summary, asOf: CivilDate?, output: String) {
        guard !quiet else { return }
        let elapsed = String(format: "%.2f", Date().timeIntervalSince(started))
        if summary.untouched {
            Console.error("Không có gì thay đổi: \(output)/ giữ nguyên (\(summary.total) tệp)"
                          + (asOf.map { ", ngày số liệu \($0.vietnamese)" } ?? "") + ", \(elapsed) giây.")
            return
        }
        Console.error("Đã dựng \(output)/: \(summary.total) tệp — \(summary.written) ghi mới, \(summary.unchanged) không đổi, "
                      + "\(summary.removed) xóa; \(summary.rendered) trang dựng lại, \(summary.reused) dùng lại; "
                      + "ngày số liệu \(asOf?.vietnamese ?? "?"), \(elapsed) giây.")
    }
}

/// Where a site's theme comes from: the default compiled into tiendo, with
/// the files of `--theme DIR`, or else of a `theme/` folder beside the
/// content folder, in its place.
enum ThemeFolders {
    static func resolve(theme: String?, content: String) -> [String] {
        if let theme { return [theme] }
        // "content" → "theme", "sites/hp/content/" → "sites/hp/theme", "." → "../theme".
        let beside = PathText.join(PathText.parent(of: content), "theme")
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: beside, isDirectory: &isDirectory) && isDirectory.boolValue ? [beside] : []
    }
}
