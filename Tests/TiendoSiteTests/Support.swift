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
        let path = NSTemporaryDirectory() + "tiendo-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
