import Foundation
import TiendoCore
@testable import TiendoSite

/// Shared helpers: fixture paths, the default theme, building a site in memory.
enum Support {
    static var fixtures: String { Bundle.module.resourcePath! + "/Fixtures" }

    /// The repository root: `swift test` runs from it; fall back to this
    /// file's location when a runner starts elsewhere.
    static var repository: String {
        let cwd = FileManager.default.currentDirectoryPath
        if FileManager.default.fileExists(atPath: cwd + "/theme/templates/layout.mustache") { return cwd }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }

    static var theme: Theme { try! Theme(directory: repository + "/theme") }

    static func loaded(_ content: String, asOf: CivilDate? = nil) -> ContentLoader.Loaded {
        ContentLoader(contentDirectory: content).load(asOf: asOf)
    }

    /// Builds a content folder into a path → text map.
    static func build(_ content: String, asOf: CivilDate? = nil) -> [String: String] {
        let loaded = loaded(content, asOf: asOf)
        guard let tracker = loaded.tracker else {
            fatalError("fixture has errors: \(loaded.diagnostics.map(\.description))")
        }
        var files: [String: String] = [:]
        var builder = SiteBuilder(tracker: tracker, theme: theme)
        builder.identity = loaded.identity
        for file in builder.build() {
            files[file.path] = String(decoding: file.bytes, as: UTF8.self)
        }
        return files
    }

    static var miniContent: String { fixtures + "/mini" }
    static var sampleContent: String { repository + "/content" }

    static func temporaryDirectory() -> String {
        let path = runFolder + "/" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// One folder per test process, under `tiendo-tests/` in the system's
    /// temporary folder. Swift Testing has no hook after the last test, so
    /// a run removes the folders of earlier runs whose process has ended:
    /// the tests build whole sites, and their folders left behind took
    /// 780 MB after a few dozen runs.
    static let runFolder: String = {
        let root = NSTemporaryDirectory() + "tiendo-tests"
        let fm = FileManager.default
        for name in (try? fm.contentsOfDirectory(atPath: root)) ?? [] {
            // "<pid>-<uuid>": kept while that process runs.
            guard let pid = Int32(name.prefix { $0 != "-" }), pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { try? fm.removeItem(atPath: root + "/" + name) }
        }
        let folder = root + "/\(getpid())-" + UUID().uuidString
        try! fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }()
}
