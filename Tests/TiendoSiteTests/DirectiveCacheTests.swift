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
        let entry = try #require(first.entry(file: file, keys: .init(undated: "-", dated: stored.key)))
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
        try (register + "\n").write(toFile: units, atomically: false, encoding: .utf8)
        #expect(title() != "ĐÁNH DẤU TỪ BỘ NHỚ ĐỆM", "a changed register can change every directive's units")
        try register.write(toFile: units, atomically: false, encoding: .utf8)
        #expect(title() == "ĐÁNH DẤU TỪ BỘ NHỚ ĐỆM")

        let text = try String(contentsOfFile: file, encoding: .utf8)
        try (text + "\n").write(toFile: file, atomically: false, encoding: .utf8)
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
            // Crafted length fields (issue 12): their sum overflowed and trapped.
            Data(DirectiveCache.header.utf8) + Data("\(Int.max) \(key) \(Int.max)\n".utf8) + Data(file.utf8),
            Data(DirectiveCache.header.utf8) + Data("\(file.utf8.count) \(key) \(Int.max)\n".utf8) + Data(file.utf8) + Data("{}".utf8),
            Data(DirectiveCache.header.utf8) + Data("\(file.utf8.count) \(key) -1\n".utf8) + Data(file.utf8),
            Data(DirectiveCache.header.utf8) + Data("99999999999999999999999 \(key) 1\n".utf8),
            Data(DirectiveCache.header.utf8) + Data(repeating: 0x31, count: 1 << 20), // one endless line
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
            .write(toFile: status, atomically: false, encoding: .utf8)
        #expect(try build(site) == 0)
        try FileManager.default.removeItem(atPath: root + "/.site.cache")
        #expect(try build(root + "/fresh") == 0)
        for path in try FileManager.default.subpathsOfDirectory(atPath: root + "/fresh") where !path.hasSuffix(Publisher.marker) {
            #expect(FileManager.default.contents(atPath: site + "/" + path) == FileManager.default.contents(atPath: root + "/fresh/" + path),
                    "\(path) differs between a cached and a fresh build")
        }
    }
}

/// The next day's build takes directives from the cache unless one has a
/// recurring deadline, whose due day moves with the date of the figures.
@Suite struct DirectiveCacheDayTests {
    static let coreFixtures = Support.repository + "/Tests/TiendoCoreTests/Fixtures"
    static let days = (CivilDate(year: 2026, month: 6, day: 26)!, CivilDate(year: 2027, month: 3, day: 15)!)

    /// A fixture with a recurrence on a named day ("trước ngày 15 hằng
    /// tháng"), whose due day is the next one after the date of the figures.
    static func writeMonthlyReport(to path: String) throws {
        let text = try String(contentsOfFile: coreFixtures + "/shapes/giao-trong-cau.md", encoding: .utf8)
        let monthly = text.replacingOccurrences(of: "- Định kỳ hằng quý báo cáo kết quả kiểm tra.",
                                                with: "- Báo cáo kết quả kiểm tra trước ngày 15 hằng tháng.")
        #expect(monthly != text)
        try monthly.write(toFile: path, atomically: false, encoding: .utf8)
    }

    /// The claim `DirectiveCache.dependsOnDate` rests on: every fixture
    /// directive without a recurring deadline reads the same on two days
    /// far apart, and the ones with one do change.
    @Test func aDirectiveWithoutARecurringDeadlineReadsTheSameOnAnyDay() throws {
        let loader = ContentLoader(contentDirectory: Self.coreFixtures)
        var ignored: [Diagnostic] = []
        let register = loader.loadRegister(diagnostics: &ignored)
        let root = Support.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Self.writeMonthlyReport(to: root + "/hang-thang.md")
        let files = try ["shapes", "markups", "directives"].flatMap { folder in
            try FileManager.default.contentsOfDirectory(atPath: Self.coreFixtures + "/" + folder).filter { $0.hasSuffix(".md") }.sorted()
                .map { Self.coreFixtures + "/" + folder + "/" + $0 }
        } + [root + "/hang-thang.md"]
        var dependent = 0, independent = 0, moved = 0
        for file in files {
            func read(_ day: CivilDate) -> (Directive?, [Diagnostic]) {
                var diagnostics: [Diagnostic] = []
                let directive = ContentLoader(contentDirectory: (file as NSString).deletingLastPathComponent)
                    .readDirective(at: file, register: register, renderHTML: true, asOf: day, diagnostics: &diagnostics)
                return (directive, diagnostics)
            }
            let (a, aDiagnostics) = read(Self.days.0), (b, bDiagnostics) = read(Self.days.1)
            let first = try #require(a), second = try #require(b)
            #expect(DirectiveCache.dependsOnDate(first) == DirectiveCache.dependsOnDate(second), "\(file)")
            if DirectiveCache.dependsOnDate(first) {
                dependent += 1
                if first.tasks.map(\.deadline) != second.tasks.map(\.deadline) { moved += 1 }
            } else {
                independent += 1
                #expect(TaskJSON.document(first.tasks) == TaskJSON.document(second.tasks), "\(file)")
                #expect(first.blocks == second.blocks, "\(file)")
                #expect(first.unassigned.map(\.deadline) == second.unassigned.map(\.deadline), "\(file)")
                #expect(aDiagnostics == bDiagnostics, "\(file)")
            }
        }
        #expect(dependent > 0 && independent > 0, "both kinds are among the fixtures: \(dependent) / \(independent)")
        #expect(moved > 0, "a recurrence's due day moves with the date of the figures")
    }

    /// Through the cache: an entry edited by hand shows that it was used.
    @Test func onTheNextDayOnlyDirectivesWithARecurrenceAreReadAgain() throws {
        let root = Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let content = root + "/content"
        try FileManager.default.createDirectory(atPath: content + "/directives", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.coreFixtures + "/units.yaml", toPath: content + "/units.yaml")
        try Self.writeMonthlyReport(to: content + "/directives/a-hang-thang.md")
        try FileManager.default.copyItem(atPath: Self.coreFixtures + "/shapes/ke-hoach-giao-so.md", toPath: content + "/directives/ke-hoach-giao-so.md")
        let loader = ContentLoader(contentDirectory: content)
        let cachePath = root + "/cache"
        let first = loader.load(asOf: Self.days.0, directiveCache: DirectiveCache(path: cachePath, salt: "v1"))
        #expect(first.directives.map { DirectiveCache.dependsOnDate($0) } == [true, false])
        var cache = try #require(first.directiveCache)
        var marked: [String: DirectiveCache.Stored] = [:]
        for (file, stored) in cache.entries {
            let entry = try #require(cache.entry(file: file, keys: .init(undated: "-", dated: stored.key)))
            var directive = try #require(entry.directive)
            directive.title = "TỪ BỘ NHỚ ĐỆM"
            marked[file] = try #require(DirectiveCache.store(.init(key: entry.key, directive: directive, diagnostics: entry.diagnostics)))
        }
        cache.replace(with: marked)
        cache.save()

        func titles(_ day: CivilDate) -> [String] {
            loader.load(asOf: day, directiveCache: DirectiveCache(path: cachePath, salt: "v1")).directives.map(\.title)
        }
        #expect(titles(Self.days.0) == ["TỪ BỘ NHỚ ĐỆM", "TỪ BỘ NHỚ ĐỆM"], "the same day: both from the cache")
        let nextDay = titles(Self.days.1)
        #expect(nextDay[0] != "TỪ BỘ NHỚ ĐỆM", "a recurring deadline: read again on another day")
        #expect(nextDay[1] == "TỪ BỘ NHỚ ĐỆM", "no recurrence: taken from the cache on another day")
        // And what the cache gives on another day is what a fresh reading gives.
        loader.load(asOf: Self.days.0, directiveCache: DirectiveCache(path: root + "/other", salt: "v1")).directiveCache?.save()
        let fresh = loader.load(asOf: Self.days.1)
        let cached = loader.load(asOf: Self.days.1, directiveCache: DirectiveCache(path: root + "/other", salt: "v1"))
        #expect(TaskJSON.document(fresh.directives.flatMap(\.tasks)) == TaskJSON.document(cached.directives.flatMap(\.tasks)))
        #expect(fresh.directives.map(\.blocks) == cached.directives.map(\.blocks))
        #expect(fresh.diagnostics == cached.diagnostics)
    }
}
