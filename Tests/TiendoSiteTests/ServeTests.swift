import Foundation
import Testing

/// `tiendo serve` over real HTTP on 127.0.0.1.
@Suite(.serialized) struct ServeTests {
    @Test func servesPagesWithTheirContentTypesAndFollowsChanges() async throws {
        let content = Support.temporaryDirectory() + "/content"
        try FileManager.default.copyItem(atPath: Support.miniContent, toPath: content)
        let stderr = Pipe()
        let reader = LineReader(stderr)
        let process = try TiendoProcess.start(["serve", "--content", content, "--theme", Support.repository + "/theme", "--port", "0"],
                                              stderr: stderr)
        defer { if process.isRunning { process.terminate() } }
        #expect(reader.wait(for: "http://127.0.0.1:", seconds: 20), "server did not start: \(reader.text)")
        let port = try #require(reader.text.components(separatedBy: "http://127.0.0.1:").last?.prefix { $0.isNumber })
        let base = "http://127.0.0.1:\(port)/"

        let expectations: [(String, String)] = [
            ("", "text/html; charset=utf-8"),
            ("index.html", "text/html; charset=utf-8"),
            ("don-vi/xa-cam-giang-10888.html", "text/html; charset=utf-8"),
            ("lich/tat-ca.ics", "text/calendar; charset=utf-8"),
            ("assets/style.css", "text/css; charset=utf-8"),
            ("tien-do/tien-do.json", "application/json; charset=utf-8"),
        ]
        for (path, type) in expectations {
            let response = try await HTTP.get(base + path)
            #expect(response.status == 200, "\(path)")
            #expect(response.contentType == type, "\(path): \(response.contentType)")
        }
        let missing = try await HTTP.get(base + "khong-co.html")
        #expect(missing.status == 404)
        let home = try await HTTP.get(base + "index.html")
        #expect(home.body.contains("__tiendo/reload.js"), "the preview adds its reload script")

        // A change to a content file is served without a restart. On a quiet machine it shows
        // within a second or two; the bound is generous because CI runs this beside suites that
        // start dozens of builds, and a rebuild then waits for a core.
        let status = content + "/status.csv"
        let text = try String(contentsOfFile: status, encoding: .utf8)
        try text.replacingOccurrences(of: "Đã gửi **đúng hạn**.", with: "Ghi chú mới nhất").write(toFile: status, atomically: true, encoding: .utf8)
        let changedAt = Date()
        var seen = false
        while Date().timeIntervalSince(changedAt) < 30 {
            if try await HTTP.get(base + "nhiem-vu/cv-12/1-1.html").body.contains("Ghi chú mới nhất") { seen = true; break }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        #expect(seen, "the change was not served within 30 seconds")

        // A build error is reported while the last good site stays served.
        try (text + "cv-12,9.9,10888,xong,,,,\n").write(toFile: status, atomically: true, encoding: .utf8)
        var reported = false
        let brokenAt = Date()
        while Date().timeIntervalSince(brokenAt) < 30 {
            if try await HTTP.get(base + "__tiendo/status").body.contains("9.9") { reported = true; break }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        #expect(reported)
        #expect(try await HTTP.get(base + "index.html").status == 200)

        // Ctrl-C stops it cleanly.
        kill(process.processIdentifier, SIGINT)
        let stopAt = Date()
        while process.isRunning, Date().timeIntervalSince(stopAt) < 5 { try await Task.sleep(nanoseconds: 50_000_000) }
        #expect(!process.isRunning)
        #expect(process.terminationStatus == 0)
    }

    /// A content folder with no theme/ beside it uses the theme compiled into
    /// tiendo; serve then watches the content alone (it once indexed a second
    /// watched folder that was not there, and trapped).
    @Test func servesAContentFolderWithNoThemeBesideIt() throws {
        let root = Support.temporaryDirectory()
        try FileManager.default.copyItem(atPath: Support.miniContent, toPath: root + "/C")
        let stderr = Pipe()
        let reader = LineReader(stderr)
        let process = try TiendoProcess.start(["serve", "--content", "C", "--port", "0", "--as-of", "2026-07-15"], stderr: stderr, in: root)
        defer { if process.isRunning { process.terminate() } }
        #expect(reader.wait(for: "http://127.0.0.1:", seconds: 30), "server did not start: \(reader.text)")
        #expect(reader.text.contains("theo dõi C/;"), "\(reader.text)")
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(reader.text)")
    }

    @Test func aPublishedBuildHasNoReloadScript() throws {
        let site = Support.build(Support.miniContent)
        for (path, text) in site { #expect(!text.contains("__tiendo"), "\(path)") }
    }
}
