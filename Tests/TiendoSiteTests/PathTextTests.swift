import Foundation
import Testing
@testable import TiendoSite

/// Short relative paths, which Foundation's path helpers trap on.
@Suite struct PathTextTests {
    @Test("the folder a path sits in", arguments: [
        ("a/b/c", "a/b"), ("a/b/c/", "a/b"), ("c", ""), ("c/", ""), ("C", ""), (".", ".."), ("./", ".."), ("..", "../.."), ("a/..", "a/../.."),
        ("/c", "/"), ("/", "/"), ("/a/b", "/a"), ("a//b", "a"), ("./C", "."), ("../x", ".."),
    ])
    func parent(_ path: String, _ folder: String) {
        #expect(PathText.parent(of: path) == folder)
    }

    @Test func joinNamesInTheCurrentFolderPlainly() {
        #expect(PathText.join("", "theme") == "theme")
        #expect(PathText.join("a/", "theme") == "a/theme")
        #expect(PathText.join("..", "theme") == "../theme")
    }

    /// `--content C`, `--content C/` and `--content .` from inside it: a clerk's
    /// short names build the same site as the full path, and a theme/ folder
    /// beside the content is found from each.
    @Test func oneCharacterContentNamesBuild() throws {
        let root = Support.temporaryDirectory()
        try FileManager.default.copyItem(atPath: Support.miniContent, toPath: root + "/C")
        try FileManager.default.createDirectory(atPath: root + "/theme/assets", withIntermediateDirectories: true)
        try "/* beside the content */\n".write(toFile: root + "/theme/assets/extra.css", atomically: false, encoding: .utf8)
        let pinned = ["--as-of", "2026-07-15", "--quiet"]
        #expect(try TiendoProcess.run(["build", "--content", "C", "--output", "one"] + pinned, in: root) == 0)
        #expect(try TiendoProcess.run(["build", "--content", "C/", "--output", "two"] + pinned, in: root) == 0)
        #expect(try TiendoProcess.run(["build", "--content", ".", "--output", "../three"] + pinned, in: root + "/C") == 0)
        for site in ["one", "two", "three"] {
            #expect(FileManager.default.fileExists(atPath: "\(root)/\(site)/index.html"), "\(site)")
            #expect(FileManager.default.fileExists(atPath: "\(root)/\(site)/assets/extra.css"), "\(site): the theme beside the content")
        }
        let one = try String(contentsOfFile: root + "/one/index.html", encoding: .utf8)
        #expect(one == (try String(contentsOfFile: root + "/three/index.html", encoding: .utf8)))
        #expect(try TiendoProcess.run(["check", "--content", "C"], in: root) == 0)
    }
}
