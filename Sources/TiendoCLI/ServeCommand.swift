import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import TiendoCore
import TiendoSite

/// `tiendo serve`: a preview on 127.0.0.1 that rebuilds when content or
/// theme change and makes the open page reload itself. The reload script
/// exists only here, never in a published build.
///
/// Each build runs in a child process (`tiendo preview-build`), so that
/// input which crashes or hangs a build never takes the preview down: the
/// last good site stays served and the failure is shown like any other error.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Xem trước trang tại http://127.0.0.1:PORT/ ; tự dựng lại khi nội dung hoặc giao diện thay đổi. Ctrl-C để dừng.",
        discussion: """
        Trang xem trước được giữ trong bộ nhớ, không ghi vào thư mục site/. Khi nội dung có lỗi, lỗi hiện trên trình duyệt \
        và màn hình, trang cũ vẫn được phục vụ. Chỉ trả lời địa chỉ 127.0.0.1 hoặc localhost.
        """)

    @OptionGroup var content: ContentOptions

    @Option(name: .long, help: ArgumentHelp(
        "Thư mục giao diện; mặc định: theme/ cạnh thư mục nội dung, nếu có, trên giao diện mặc định.", valueName: "DIR"))
    var theme: String?

    @Option(name: .long, help: ArgumentHelp("Cổng (0: chọn cổng trống).", valueName: "N"))
    var port: Int = 8000

    @Option(name: .customLong("recent-days"), help: ArgumentHelp("Số ngày của trang Cập nhật gần đây.", valueName: "N"))
    var recentDays: Int = 7

    func run() throws {
        guard (0...65535).contains(port) else { throw CommandFailure("cổng \(port) không hợp lệ (0–65535)") }
        let stop = StopSignal.install()
        let preview = PreviewSite()
        let themeFolders = ThemeFolders.resolve(theme: theme, content: content.content)
        var arguments = ["--content", content.content, "--recent-days", String(recentDays)]
        for folder in themeFolders { arguments += ["--theme", folder] }
        if let asOf = content.asOf { arguments += ["--as-of", asOf] }
        if let sheet = content.sheet { arguments += ["--sheet", sheet] }
        let builder = PreviewBuilder(arguments: arguments)
        let server = PreviewServer(handler: PreviewHandler(site: preview).respond)
        let session = ServeSession()
        let folders = [content.content] + themeFolders
        let requestedPort = UInt16(port)
        // Building and watching run beside the main thread, which only waits
        // for Ctrl-C or SIGTERM, so stopping never waits for a build.
        let worker = Thread {
            let before = FolderSignature.of(folders)
            preview.update(builder.build(session: session))
            guard !session.stopping else { return }
            do {
                try server.start(port: requestedPort)
            } catch {
                Console.error("\(error)")
                session.failed = true
                stop.raise()
                return
            }
            session.serverStarted = true
            Console.error("Đang xem trước tại http://127.0.0.1:\(server.port)/ — theo dõi \(folders.map { $0 + "/" }.joined(separator: " và ")); Ctrl-C để dừng.")
            // The watcher notices changes even while a build runs, and ends a
            // build that a newer change makes useless (a slow or stuck one
            // never holds the next edit back).
            let watcher = Thread {
                var signature = before
                while !session.stopping {
                    usleep(300_000)
                    let now = FolderSignature.of(folders)
                    guard now != signature else { continue }
                    signature = now
                    session.contentChanged()
                }
            }
            watcher.start()
            while !session.stopping {
                guard session.takeChange() else { usleep(100_000); continue }
                Console.error("Có thay đổi, đang dựng lại...")
                let result = builder.build(session: session)
                if session.takeSuperseded() {
                    Console.error("Nội dung lại thay đổi trong lúc dựng; dựng lại từ đầu.")
                    continue
                }
                preview.update(result)
            }
        }
        worker.stackSize = 8 << 20
        worker.start()
        stop.wait()
        if !session.failed { Console.error("\nĐang dừng...") }
        session.stop()
        if session.serverStarted { server.stop() }
        if session.failed { throw ExitCode(1) }
    }
}

/// The last good site, its version, and the current build error if any.
final class PreviewSite: @unchecked Sendable {
    private let lock = NSLock()
    private var files: [String: [UInt8]] = [:]
    private var version = 0
    private var error: String?

    func update(_ result: Result<[String: [UInt8]], PreviewError>) {
        lock.lock()
        defer { lock.unlock() }
        switch result {
        case .success(let files):
            self.files = files
            error = nil
            version += 1
            Console.error("Đã dựng \(files.count) tệp (phiên bản \(version)).")
        case .failure(let failure):
            error = failure.message
            version += 1
            Console.error(failure.message)
        }
    }

    func file(_ path: String) -> [UInt8]? { lock.lock(); defer { lock.unlock() }; return files[path] }

    var statusJSON: String {
        lock.lock()
        defer { lock.unlock() }
        return JSONValue.object([("version", .int(version)), ("error", .optional(error))]).serialized()
    }
}

struct PreviewError: Error {
    let message: String
}

/// Builds the site in a child process and reads it back into memory.
struct PreviewBuilder: Sendable {
    let arguments: [String]

    static let reloadScript = "<script src=\"{{root}}__tiendo/reload.js\"></script>"

    /// This program's own file, to start the child from.
    static var executable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    func build(session: ServeSession) -> Result<[String: [UInt8]], PreviewError> {
        let result: ChildProcess.Result
        do {
            result = try ChildProcess.run(Self.executable, ["preview-build"] + arguments) { pid in
                if !session.running(pid) { kill(pid, SIGKILL) }
            }
        } catch {
            return .failure(PreviewError(message: "\(error); trang đang xem là bản trước."))
        }
        _ = session.running(nil)
        let stderrText = String(decoding: result.errors, as: UTF8.self)
        switch result.ending {
        case .signalled(let signal):
            return .failure(PreviewError(message: "Dựng trang bị dừng bất thường (tín hiệu \(signal)); trang đang xem là bản trước. "
                                         + "Hãy chạy \"tiendo check\" để tìm tệp gây lỗi.\n" + stderrText.suffix(2000)))
        case .exited(let status) where status != 0:
            return .failure(PreviewError(message: stderrText.trimmingCharacters(in: .whitespacesAndNewlines)))
        case .exited:
            if !stderrText.isEmpty { FileHandle.standardError.write(Data(stderrText.utf8)) }
            guard let files = PreviewFrames.decode(result.output) else {
                return .failure(PreviewError(message: "Kết quả dựng trang bị cắt cụt; trang đang xem là bản trước."))
            }
            return .success(files)
        }
    }
}

/// Answers every GET from the site in memory.
struct PreviewHandler: Sendable {
    let site: PreviewSite

    func respond(_ request: PreviewServer.Request) -> PreviewServer.Response {
        var path = request.path
        while path.hasPrefix("/") { path.removeFirst() }
        if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
        switch path {
        case "__tiendo/reload.js":
            return Self.response(Array(Self.reloadJS.utf8), path: path)
        case "__tiendo/status":
            return Self.response(Array(site.statusJSON.utf8), path: "status.json")
        default:
            guard Publisher.isSafe(path), let bytes = site.file(path) else {
                let page = "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Không tìm thấy</title></head><body><h1>404 — không có trang /\(HTML.escape(path))</h1><p><a href=\"/index.html\">Về trang Tổng quan</a></p></body></html>"
                return PreviewServer.Response(status: 404, headers: [("Content-Type", "text/html; charset=utf-8")], body: Array(page.utf8))
            }
            return Self.response(bytes, path: path)
        }
    }

    static func response(_ bytes: [UInt8], path: String) -> PreviewServer.Response {
        PreviewServer.Response(status: 200, headers: [("Content-Type", ContentType.of(path)), ("Cache-Control", "no-store")], body: bytes)
    }

    /// Polls the server; reloads when a new version is built, shows the
    /// build error over the page while the last good site stays.
    static let reloadJS = """
    (function () {
      "use strict";
      var root = (document.currentScript && document.currentScript.src || "").replace(/__tiendo\\/reload\\.js.*$/, "");
      var seen = null;
      var banner = null;
      function show(error) {
        if (!error) { if (banner) { banner.remove(); banner = null; } return; }
        if (!banner) {
          banner = document.createElement("pre");
          banner.setAttribute("role", "alert");
          banner.className = "tiendo-preview-error";
          document.body.insertBefore(banner, document.body.firstChild);
        }
        banner.textContent = error;
      }
      function poll() {
        fetch(root + "__tiendo/status", { cache: "no-store" }).then(function (r) { return r.json(); }).then(function (s) {
          if (seen !== null && s.version !== seen && !s.error) { location.reload(); return; }
          seen = s.version;
          show(s.error);
        }).catch(function () {}).then(function () { setTimeout(poll, 700); });
      }
      poll();
    })();
    """
}

/// Content types with the charset for every text type.
enum ContentType {
    static func of(_ path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json; charset=utf-8"
        case "csv": "text/csv; charset=utf-8"
        case "ics": "text/calendar; charset=utf-8"
        case "xml": "application/atom+xml; charset=utf-8"
        case "svg": "image/svg+xml; charset=utf-8"
        case "txt", "md": "text/plain; charset=utf-8"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "woff2": "font/woff2"
        case "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        default: "application/octet-stream"
        }
    }
}

/// Paths, sizes and modification times of every file under some folders:
/// cheap to compute, and different whenever an editor saves a file.
struct FolderSignature: Equatable {
    var entries: [String]

    static func of(_ folders: [String]) -> FolderSignature {
        var entries: [String] = []
        let fm = FileManager.default
        for folder in folders {
            guard let enumerator = fm.enumerator(atPath: folder) else { continue }
            while let item = enumerator.nextObject() as? String {
                let path = (folder as NSString).appendingPathComponent(item)
                // lstat, not attributesOfItem: that one looks the owner up in
                // /etc/passwd for every file, three times a second.
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }
                entries.append("\(path)|\(info.st_size)|\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)|\(info.st_ino)")
            }
        }
        return FolderSignature(entries: entries.sorted())
    }
}
