import Foundation
import Testing
import TiendoCore
@testable import TiendoSite

/// Directives kept between builds are used only while nothing they were
/// read from has changed, and they are the same directives a fresh reading
/// gives.
@Suite struct DirectiveCacheTests {
    func copyOfSample() throws -> (root: String, content: String) {
        let root = Support.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Support.sampleContent, toPath: root + "/content")
        return (root, root + "/content")
    }

    func tasksJSON(_ loaded: ContentLoader.Loaded) -> String {
        TaskJSON.document(loaded.directives.flatMap(\.tasks))
    }

    @Test func aSecondReadingComesFromTheCacheAndEqualsAFreshOne() throws {
        let (root, content) = try copyOfSample()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let loader = ContentLoader(contentDirectory: content)
        let fresh = loader.load(asOf: nil)
        let first = loader.load(asOf: nil, directiveCache: DirectiveCache(path: root + "/cache", salt: "v1"))
        let cache = try #require(first.directiveCache)
        #expect(cache.entries.count == 1)
        cache.save()
        #expect(FileManager.default.fileExists(atPath: root + "/cache"))

        let second = loader.load(asOf: nil, directiveCache: DirectiveCache(path: root + "/cache", salt: "v1"))
        #expect(tasksJSON(second) == tasksJSON(fresh))
        #expect(second.directives.map(\.blocks) == fresh.directives.map(\.blocks))
        #expect(second.directives.map(\.metadata) == fresh.directives.map(\.metadata))
        #expect(second.diagnostics == fresh.diagnostics)
        #expect(second.directiveCache?.changed == false, "nothing changed, so nothing to write")

        // Same sites, byte for byte.
        let tracker = try #require(fresh.tracker), cachedTracker = try #require(second.tracker)
        let a = SiteBuilder(tracker: tracker, theme: Support.theme).build()
        let b = SiteBuilder(tracker: cachedTracker, theme: Support.theme).build()
        #expect(a.map(\.path) == b.map(\.path))
        #expect(zip(a, b).allSatisfy { $0.bytes == $1.bytes })
    }

    /// An entry stands in for its file: edited by hand here, its title shows
    /// that the cache was read, and any change to the file, the register or
    /// the binary's salt makes the file be read again.
    @Test func anEntryIsUsedOnlyWhileItsInputsAreTheSame() throws {
        let (root, content) = try copyOfSample()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let loader = ContentLoader(contentDirectory: content)
        let cachePath = root + "/cache"
        var first = try #require(loader.load(asOf: nil, directiveCache: DirectiveCache(path: cachePath, salt: "v1")).directiveCache)
        let (file, stored) = try #require(first.entries.first)
        let entry = try #require(first.entry(file: file, key: stored.key))
        var marked = try #require(entry.directive)
        marked.title = "ĐÁNH DẤU TỪ BỘ NHỚ ĐỆM"
        first.replace(with: [file: try #require(DirectiveCache.store(.init(key: entry.key, directive: marked, diagnostics: entry.diagnostics)))])
        first.save()

        func title(salt: String = "v1") -> String? {
            loader.load(asOf: nil, directiveCache: DirectiveCache(path: cachePath, salt: salt)).directives.first?.title
        }
        #expect(title() == "ĐÁNH DẤU TỪ BỘ NHỚ ĐỆM")
        #expect(title(salt: "v2") != "ĐÁNH DẤU TỪ BỘ NHỚ ĐỆM", "another tiendo binary reads every file again")

        let units = content + "/units.yaml"
        let register = try String(contentsOfFile: units, encoding: .utf8)
        try (register + "\n").write(toFile: units, atomically: true, encoding: .utf8)
        #expect(title() != "ĐÁNH DẤU TỪ BỘ NHỚ ĐỆM", "a changed register can change every directive's units")
        try register.write(toFile: units, atomically: true, encoding: .utf8)
        #expect(title() == "ĐÁNH DẤU TỪ BỘ NHỚ ĐỆM")

        let text = try String(contentsOfFile: file, encoding: .utf8)
        try (text + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        #expect(title() != "ĐÁNH DẤU TỪ BỘ NHỚ ĐỆM", "an edited directive is read again")
    }

    @Test func aDamagedCacheIsIgnored() throws {
        let (root, content) = try copyOfSample()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let loader = ContentLoader(contentDirectory: content)
        let good = try #require(loader.load(asOf: nil, directiveCache: DirectiveCache(path: root + "/cache", salt: "v1")).directiveCache)
        good.save()
        let saved = try #require(FileManager.default.contents(atPath: root + "/cache"))
        let file = try #require(good.entries.keys.first)
        let key = try #require(good.entries[file]?.key)
        let damaged: [Data] = [
            Data("{\"format\": 1}".utf8),                         // not a cache at all
            saved.prefix(saved.count - 10),                        // cut short
            Data(DirectiveCache.header.utf8) + Data("\(file.utf8.count) \(key) 5\n".utf8) + Data(file.utf8) + Data("{\"x\":".utf8), // JSON that does not decode
        ]
        for bytes in damaged {
            try bytes.write(to: URL(fileURLWithPath: root + "/cache"))
            let loaded = loader.load(asOf: nil, directiveCache: DirectiveCache(path: root + "/cache", salt: "v1"))
            #expect(tasksJSON(loaded) == tasksJSON(loader.load(asOf: nil)))
            #expect(loaded.diagnostics == loader.load(asOf: nil).diagnostics)
            #expect(loaded.directiveCache?.changed == true)
        }
    }

    @Test func buildKeepsTheCacheBesideTheSiteAndRebuildsTheSameBytes() throws {
        let (root, content) = try copyOfSample()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let site = root + "/site"
        func build(_ output: String) throws -> Int32 {
            try TiendoProcess.run(["build", "--as-of", "2026-07-15", "--content", content, "--theme", Support.repository + "/theme", "--output", output, "--quiet"])
        }
        #expect(try build(site) == 0)
        #expect(FileManager.default.fileExists(atPath: root + "/.site.cache"))
        #expect(!FileManager.default.fileExists(atPath: site + "/.site.cache"), "the cache is not published")
        // A status change: the rebuild takes directives from the cache.
        let status = content + "/status.csv"
        let text = try String(contentsOfFile: status, encoding: .utf8)
        try text.replacingOccurrences(of: "trien-khai-tb-406,3.1,STC,đang thực hiện,,,26/06/2026,",
                                      with: "trien-khai-tb-406,3.1,STC,hoàn thành,26/06/2026,77/BC-STC,26/06/2026,")
            .write(toFile: status, atomically: true, encoding: .utf8)
        #expect(try build(site) == 0)
        try FileManager.default.removeItem(atPath: root + "/.site.cache")
        #expect(try build(root + "/fresh") == 0)
        for path in try FileManager.default.subpathsOfDirectory(atPath: root + "/fresh") where !path.hasSuffix(Publisher.marker) {
            #expect(FileManager.default.contents(atPath: site + "/" + path) == FileManager.default.contents(atPath: root + "/fresh/" + path),
                    "\(path) differs between a cached and a fresh build")
        }
    }
}
