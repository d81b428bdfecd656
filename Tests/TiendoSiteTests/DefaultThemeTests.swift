import Foundation
import Testing
@testable import TiendoSite

/// The default theme compiled into tiendo is theme/ byte for byte, and a
/// theme folder replaces it file by file.
@Suite struct DefaultThemeTests {
    @Test func compiledThemeEqualsThemeFolder() throws {
        let onDisk = try Theme.read(folder: Support.repository + "/theme")
        #expect(!onDisk.isEmpty)
        #expect(Set(onDisk.keys) == Set(Theme.defaultFiles.keys),
                "Sources/TiendoSite/DefaultTheme.swift is out of date: run scripts/update-default-theme")
        for (path, bytes) in onDisk {
            #expect(Theme.defaultFiles[path] == bytes, "\(path) differs: run scripts/update-default-theme")
        }
    }

    @Test func defaultThemeBuildsWithoutAnyFolder() throws {
        let theme = try Theme.layered(over: [])
        #expect(theme.assets.contains { $0.path == "style.css" })
        #expect(theme.fingerprint == Support.theme.fingerprint)
    }

    @Test func folderOverridesFileByFile() throws {
        let folder = Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/assets", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder + "/templates", withIntermediateDirectories: true)
        try "body { color: red }".write(toFile: folder + "/assets/style.css", atomically: false, encoding: .utf8)
        try "<p>{{label}}</p>".write(toFile: folder + "/templates/badge.mustache", atomically: false, encoding: .utf8)
        let theme = try Theme.layered(over: [folder])
        #expect(theme.assets.first { $0.path == "style.css" }?.bytes == Array("body { color: red }".utf8))
        #expect(theme.assets.contains { $0.path == "loc.js" })
        #expect(theme.templateSources["badge"] == Array("<p>{{label}}</p>".utf8))
        #expect(theme.templateSources["layout"] == Theme.defaultFiles["templates/layout.mustache"])
        #expect(throws: Theme.LoadError.self) { try Theme.layered(over: [folder + "/missing"]) }
    }

    @Test func exportWritesTheDefaultAndNeverOverwrites() throws {
        let folder = Support.temporaryDirectory() + "/giao-dien"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let written = try Theme.exportDefault(to: folder)
        #expect(written.count == Theme.defaultFiles.count)
        #expect(try Theme.read(folder: folder) == Theme.defaultFiles)
        #expect(throws: Theme.ExportError.self) { try Theme.exportDefault(to: folder) }
    }
}
