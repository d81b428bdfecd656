import Foundation
import Testing
@testable import TiendoSite

@Suite struct PublisherTests {
    func files(_ pairs: [(String, String)]) -> [OutputFile] { pairs.map { OutputFile(path: $0.0, text: $0.1) } }

    func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    func modificationDate(_ path: String) -> Date? {
        try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
    }

    @Test func publishesAWholeSiteAndReplacesIt() throws {
        let root = Support.temporaryDirectory()
        let output = root + "/site"
        let publisher = Publisher(output: output)
        try publisher.publish(files([("index.html", "một"), ("a/b.html", "hai"), ("old.html", "cũ")]))
        #expect(read(output + "/index.html") == "một")
        let summary = try publisher.publish(files([("index.html", "một"), ("a/b.html", "ba")]))
        #expect(read(output + "/a/b.html") == "ba")
        #expect(read(output + "/old.html") == nil, "a file that no longer belongs is removed")
        #expect(summary.unchanged == 1)
        #expect(summary.written == 1)
        #expect(summary.removed == 1)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root).filter { $0.contains(".tmp-") || $0.contains(".old-") }
        #expect(leftovers.isEmpty)
    }

    @Test func unchangedFilesKeepTheirModificationTime() throws {
        let root = Support.temporaryDirectory()
        let output = root + "/site"
        let publisher = Publisher(output: output)
        try publisher.publish(files([("index.html", "giữ nguyên"), ("x.html", "1")]))
        let past = Date(timeIntervalSince1970: 1_000_000_000)
        try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: output + "/index.html")
        try publisher.publish(files([("index.html", "giữ nguyên"), ("x.html", "2")]))
        #expect(modificationDate(output + "/index.html") == past)
        #expect(modificationDate(output + "/x.html") != past)
    }

    @Test func refusesToReplaceAFolderItDidNotCreate() throws {
        let root = Support.temporaryDirectory()
        let output = root + "/content"
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: output + "/status.csv", contents: Data("quý giá".utf8))
        #expect(throws: Publisher.Failure.self) { try Publisher(output: output).publish(files([("index.html", "x")])) }
        #expect(read(output + "/status.csv") == "quý giá")
    }

    @Test(arguments: ["../escape.html", "/etc/passwd", "a/../../b.html", "", "a//b.html", "./x.html"])
    func refusesPathsOutsideTheSite(_ path: String) throws {
        let root = Support.temporaryDirectory()
        #expect(!Publisher.isSafe(path))
        #expect(throws: Publisher.Failure.self) { try Publisher(output: root + "/site").publish(files([(path, "x")])) }
        #expect(!FileManager.default.fileExists(atPath: root + "/site"))
    }

    @Test func cleansLeftoversOfAnInterruptedBuild() throws {
        let root = Support.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: root + "/.site.tmp-99999/a", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: root + "/.site.tmp-99999/.tiendo-site", contents: Data((Publisher.stagingMark + "\n").utf8))
        try Publisher(output: root + "/site").publish(files([("index.html", "x")]))
        #expect(!FileManager.default.fileExists(atPath: root + "/.site.tmp-99999"))
    }

    /// Killed between creating its mark and writing it, a build leaves a
    /// folder holding only an empty mark: the next build removes it. With
    /// anything else beside the empty mark, the folder is not known to be
    /// tiendo's and stays.
    @Test func cleansAStagingFolderKilledBeforeItsMarkWasWritten() throws {
        let root = Support.temporaryDirectory()
        let fm = FileManager.default
        try fm.createDirectory(atPath: root + "/.site.tmp-99998", withIntermediateDirectories: true)
        _ = fm.createFile(atPath: root + "/.site.tmp-99998/.tiendo-site", contents: Data())
        try fm.createDirectory(atPath: root + "/.site.tmp-99997", withIntermediateDirectories: true)
        _ = fm.createFile(atPath: root + "/.site.tmp-99997/.tiendo-site", contents: Data())
        _ = fm.createFile(atPath: root + "/.site.tmp-99997/notes.txt", contents: Data("someone's".utf8))
        try Publisher(output: root + "/site").publish(files([("index.html", "x")]))
        #expect(!fm.fileExists(atPath: root + "/.site.tmp-99998"))
        #expect(fm.contents(atPath: root + "/.site.tmp-99997/notes.txt") == Data("someone's".utf8))
        // The manifest replaced the staging mark whole: nothing is left beside it.
        #expect(!fm.fileExists(atPath: root + "/site/.tiendo-site.new"))
        #expect(read(root + "/site/.tiendo-site")?.hasPrefix(Manifest.header) == true)
    }
}

@Suite struct SitePathTests {
    @Test(arguments: [
        ("index.html", "don-vi/index.html", "don-vi/index.html"),
        ("don-vi/a.html", "index.html", "../index.html"),
        ("don-vi/a.html", "don-vi/b.html", "b.html"),
        ("nhiem-vu/cv/1-1.html", "don-vi/a.html", "../../don-vi/a.html"),
        ("nhiem-vu/cv/1-1.html", "nhiem-vu/cv/1-2.html", "1-2.html"),
        ("nhiem-vu/cv/1-1.html", "nhiem-vu/other/1-2.html", "../other/1-2.html"),
        ("nhiem-vu/cv/1-1.html", "nhiem-vu/cv-2/1-1.html", "../cv-2/1-1.html"),
        ("tien-do/ma-tran/cv.html", "tien-do/index.html", "../index.html"),
        ("tien-do/ma-tran/cv.html", "tien-do/ma-tran.html", "../ma-tran.html"),
        ("tien-do/ma-tran.html", "tien-do/ma-tran/cv.html", "ma-tran/cv.html"),
        ("don-vi/a.html", "don-vi/a.html", "a.html"),
        ("van-ban/ab.html", "van-ban/a/b.html", "a/b.html"),
    ])
    func linksAreRelative(_ from: String, _ to: String, _ expected: String) {
        #expect(SitePaths.link(from: from, to: to) == expected)
    }

    @Test func icalendarFoldsAt75OctetsWithoutSplittingCharacters() {
        let line = "SUMMARY:" + String(repeating: "Nhiệm vụ rà soát trụ sở, tài sản công; ", count: 5)
        var writer = ICalendar.Writer(name: "")
        let header = writer.bytes.count
        writer.line(line)
        let folded = String(decoding: writer.bytes[header...], as: UTF8.self)
        for physical in folded.components(separatedBy: "\r\n") {
            #expect(physical.utf8.count <= 75)
        }
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == line + "\r\n")
        #expect(ICalendar.escaped("a,b;c\\d\ne") == Array("a\\,b\\;c\\\\d\\ne".utf8))
    }

    @Test func jsonEscapesWhatCouldCloseAScript() {
        #expect(JSONValue.string("</script><b>&").serialized() == "\"\\u003c/script\\u003e\\u003cb\\u003e\\u0026\"")
    }
}
