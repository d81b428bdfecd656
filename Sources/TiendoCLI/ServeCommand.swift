import ArgumentParser
import FlyingFox
import Foundation
import TiendoCore
import TiendoSite

/// `tiendo serve`: a preview on 127.0.0.1 that rebuilds when content or
/// theme change and makes the open page reload itself. The reload script
/// exists only here, never in a published build.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Xem trước trang tại http://127.0.0.1:PORT/ ; tự dựng lại khi nội dung hoặc giao diện thay đổi. Ctrl-C để dừng.",
        discussion: "Trang xem trước được giữ trong bộ nhớ, không ghi vào thư mục site/. Khi nội dung có lỗi, lỗi hiện trên trình duyệt và màn hình, trang cũ vẫn được phục vụ.")

    @OptionGroup var content: ContentOptions

    @Option(name: .long, help: ArgumentHelp("Thư mục giao diện.", valueName: "DIR"))
    var theme: String = "theme"

    @Option(name: .long, help: ArgumentHelp("Cổng (0: chọn cổng trống).", valueName: "N"))
    var port: Int = 8000

    @Option(name: .customLong("recent-days"), help: ArgumentHelp("Số ngày của trang Cập nhật gần đây.", valueName: "N"))
    var recentDays: Int = 7

    func run() async throws {
        guard (0...65535).contains(port) else { throw CommandFailure("cổng \(port) không hợp lệ (0–65535)") }
        let preview = PreviewSite()
        let builder = PreviewBuilder(content: content.content, theme: theme, asOf: content.asOf, sheet: content.sheet, recentDays: recentDays)
        await preview.update(builder.build())
        // IPv4 loopback, as intranet users type it (FlyingFox's .loopback is ::1).
        let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: UInt16(port)), logger: .disabled,
                                handler: PreviewHandler(site: preview))
        let serverTask = _Concurrency.Task { try await server.run() }
        try await server.waitUntilListening()
        let actualPort: Int
        if case .ip4(_, let listening)? = await server.listeningAddress { actualPort = Int(listening) } else { actualPort = port }
        Console.error("Đang xem trước tại http://127.0.0.1:\(actualPort)/ — theo dõi \(content.content)/ và \(theme)/; Ctrl-C để dừng.")

        let watcher = _Concurrency.Task {
            var signature = FolderSignature.of([content.content, theme])
            while !_Concurrency.Task.isCancelled {
                try? await _Concurrency.Task.sleep(nanoseconds: 300_000_000)
                let now = FolderSignature.of([content.content, theme])
                guard now != signature else { continue }
                signature = now
                Console.error("Có thay đổi, đang dựng lại...")
                await preview.update(builder.build())
            }
        }
        await SignalWaiter.waitForInterrupt()
        Console.error("\nĐang dừng...")
        watcher.cancel()
        await server.stop(timeout: 1)
        serverTask.cancel()
    }
}

/// The last good site, its version, and the current build error if any.
actor PreviewSite {
    private(set) var files: [String: [UInt8]] = [:]
    private(set) var version = 0
    private(set) var error: String?

    func update(_ result: Result<[String: [UInt8]], PreviewError>) {
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

    func file(_ path: String) -> [UInt8]? { files[path] }

    var statusJSON: String {
        JSONValue.object([("version", .int(version)), ("error", .optional(error))]).serialized()
    }
}

struct PreviewError: Error {
    let message: String
}

/// Builds the site in memory with the reload script added to every page.
struct PreviewBuilder: Sendable {
    let content: String
    let theme: String
    let asOf: String?
    let sheet: String?
    let recentDays: Int

    static let reloadScript = "<script src=\"{{root}}__tiendo/reload.js\"></script>"

    func build() -> Result<[String: [UInt8]], PreviewError> {
        // Resolved at every rebuild: a preview left running past midnight ages too.
        let asOfDate: CivilDate
        do { asOfDate = try AsOfArgument.resolve(asOf) } catch { return .failure(PreviewError(message: "\(error)")) }
        let loaded = ContentLoader(contentDirectory: content).load(asOf: asOfDate, sheet: sheet)
        guard let tracker = loaded.tracker else {
            let problems = loaded.diagnostics.errors.map(\.description).joined(separator: "\n")
            return .failure(PreviewError(message: "Nội dung có lỗi, chưa dựng lại được (trang đang xem là bản trước):\n" + problems))
        }
        for warning in loaded.diagnostics.warnings { Console.error(warning.description) }
        do {
            var builder = SiteBuilder(tracker: tracker, theme: try Theme(directory: theme))
            builder.bodySuffix = Self.reloadScript
            builder.recentDays = recentDays
            var files: [String: [UInt8]] = [:]
            for file in builder.build() { files[file.path] = file.bytes }
            return .success(files)
        } catch {
            return .failure(PreviewError(message: "\(error)"))
        }
    }
}

/// Answers every GET from the site in memory.
struct PreviewHandler: HTTPHandler {
    let site: PreviewSite

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        var path = request.path.removingPercentEncoding ?? request.path
        while path.hasPrefix("/") { path.removeFirst() }
        if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
        switch path {
        case "__tiendo/reload.js":
            return Self.response(Array(Self.reloadJS.utf8), path: path)
        case "__tiendo/status":
            return Self.response(Array(await site.statusJSON.utf8), path: "status.json")
        default:
            guard Publisher.isSafe(path), let bytes = await site.file(path) else {
                let page = "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Không tìm thấy</title></head><body><h1>404 — không có trang /\(HTML.escape(path))</h1><p><a href=\"/index.html\">Về trang Tổng quan</a></p></body></html>"
                return HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/html; charset=utf-8"], body: Data(page.utf8))
            }
            return Self.response(bytes, path: path)
        }
    }

    static func response(_ bytes: [UInt8], path: String) -> HTTPResponse {
        HTTPResponse(statusCode: .ok, headers: [.contentType: ContentType.of(path), .cacheControl: "no-store"], body: Data(bytes))
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
                guard let attributes = try? fm.attributesOfItem(atPath: path) else { continue }
                let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                entries.append("\(path)|\(attributes[.size] ?? 0)|\(modified)")
            }
        }
        return FolderSignature(entries: entries.sorted())
    }
}

/// Waits for Ctrl-C (SIGINT) or SIGTERM, so the server stops cleanly.
enum SignalWaiter {
    static func waitForInterrupt() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let once = OnceFlag()
            var sources: [DispatchSourceSignal] = []
            for signalNumber in [SIGINT, SIGTERM] {
                signal(signalNumber, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
                source.setEventHandler {
                    if once.claim() { continuation.resume() }
                }
                source.resume()
                sources.append(source)
            }
            SignalSources.keep(sources)
        }
    }
}

/// Keeps signal sources alive for the life of the process.
enum SignalSources {
    nonisolated(unsafe) private static var kept: [DispatchSourceSignal] = []
    static func keep(_ sources: [DispatchSourceSignal]) { kept += sources }
}

final class OnceFlag: @unchecked Sendable {
    private var claimed = false
    private let lock = NSLock()
    func claim() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if claimed { return false }
        claimed = true
        return true
    }
}
