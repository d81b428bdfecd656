import Foundation
import Testing
import TiendoCore
@testable import TiendoSite

/// Rebuilds after a status update touch only what changed.
@Suite struct IncrementalTests {
    struct FileState: Equatable {
        let inode: UInt64
        let modified: Date
    }

    /// A copy of the mini fixture that a test may edit.
    func contentCopy() throws -> String {
        let folder = Support.temporaryDirectory() + "/content"
        try FileManager.default.copyItem(atPath: Support.miniContent, toPath: folder)
        return folder
    }

    @discardableResult
    func publish(_ content: String, to output: String, asOf: CivilDate? = CivilDate(year: 2026, month: 6, day: 26)) throws -> Publisher.Summary {
        let loaded = Support.loaded(content, asOf: asOf)
        let tracker = try #require(loaded.tracker, "\(loaded.diagnostics)")
        let builder = SiteBuilder(tracker: tracker, theme: Support.theme)
        return try Publisher(output: output).publish(builder.plan(), salt: builder.salt, threads: 2, progress: nil)
    }

    func states(_ output: String) -> [String: FileState] {
        var result: [String: FileState] = [:]
        let enumerator = FileManager.default.enumerator(atPath: output)!
        while let item = enumerator.nextObject() as? String {
            let attributes = try! FileManager.default.attributesOfItem(atPath: output + "/" + item)
            guard attributes[.type] as? FileAttributeType == .typeRegular else { continue }
            result[item] = FileState(inode: (attributes[.systemFileNumber] as! NSNumber).uint64Value,
                                     modified: attributes[.modificationDate] as! Date)
        }
        return result
    }

    func replace(_ old: String, with new: String, in file: String) throws {
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.contains(old))
        try text.replacingOccurrences(of: old, with: new).write(toFile: file, atomically: false, encoding: .utf8)
    }

    @Test func aNoOpRebuildChangesNoFileAndNoModificationTime() throws {
        let content = try contentCopy()
        let output = Support.temporaryDirectory() + "/site"
        try publish(content, to: output)
        let before = states(output)
        let summary = try publish(content, to: output)
        #expect(summary.untouched)
        #expect(summary.written == 0)
        #expect(summary.rendered < summary.total, "pages whose inputs did not change are not rendered again")
        #expect(states(output) == before)
    }

    @Test func oneChangedRowRewritesOnlyThePagesThatShowIt() throws {
        let content = try contentCopy()
        let output = Support.temporaryDirectory() + "/site"
        try publish(content, to: output)
        let before = states(output)
        // Xã Cẩm Giang reports task 1.2 done.
        try replace("cv-12,1.2,10888,đang thực hiện,,,20/06/2026,", with: "cv-12,1.2,10888,hoàn thành,21/06/2026,15/BC-UBND,21/06/2026,",
                    in: content + "/status.csv")
        let summary = try publish(content, to: output)
        let after = states(output)
        let changed = Set(after.keys.filter { after[$0] != before[$0] })
        let mayChange: Set<String> = [
            "nhiem-vu/cv-12/1-2.html", "don-vi/xa-cam-giang-10888.html", "don-vi/xa-cam-giang-10888.ics", "bao-cao/xa-cam-giang-10888.xlsx",
            "van-ban/cv-12.html", "index.html", "don-vi/index.html", "lich/index.html", "lich/tat-ca.ics",
            "tien-do/index.html", "tien-do/ma-tran.html", "tien-do/tien-do.csv", "tien-do/nhom-don-vi.csv",
            "tien-do/ma-tran.csv", "tien-do/tien-do.json", "tien-do/tien-do.xlsx", "cap-nhat/index.html", "cap-nhat/cap-nhat.xml", ".tiendo-site",
        ]
        #expect(changed.contains("nhiem-vu/cv-12/1-2.html"))
        #expect(changed.contains("don-vi/xa-cam-giang-10888.html"))
        #expect(changed.isSubset(of: mayChange), "rewritten without reason: \(changed.subtracting(mayChange).sorted())")
        #expect(summary.reused > 0)
        // And the result is exactly what a full build gives.
        let full = Support.temporaryDirectory() + "/full"
        try publish(content, to: full)
        for path in after.keys.sorted() where path != Publisher.marker {
            #expect(FileManager.default.contents(atPath: output + "/" + path) == FileManager.default.contents(atPath: full + "/" + path),
                    "\(path) differs from a full build")
        }
    }

    @Test func removingAUnitFromTheRegisterRemovesItsPage() throws {
        let content = try contentCopy()
        let output = Support.temporaryDirectory() + "/site"
        try publish(content, to: output)
        #expect(FileManager.default.fileExists(atPath: output + "/don-vi/so-tai-chinh.html"))
        try replace("  - {code: STC, name: Sở Tài chính, type: so-nganh}\n", with: "", in: content + "/units.yaml")
        let summary = try publish(content, to: output)
        #expect(!FileManager.default.fileExists(atPath: output + "/don-vi/so-tai-chinh.html"))
        #expect(!FileManager.default.fileExists(atPath: output + "/don-vi/so-tai-chinh.ics"))
        #expect(!FileManager.default.fileExists(atPath: output + "/bao-cao/so-tai-chinh.xlsx"))
        // Its page, its calendar feed and its report sheet.
        #expect(summary.removed == 3)
    }
}

/// The recent-changes page and feed on the mini fixture, whose updates are known.
@Suite struct RecentChangesTests {
    @Test func listsCompletionsReportsAndNewlyOverdueTasksNewestFirst() throws {
        let loaded = Support.loaded(Support.miniContent)
        let tracker = try #require(loaded.tracker)
        let changes = RecentChanges(tracker: tracker, days: 7)
        let context = SiteContext(tracker: tracker)
        let lines = changes.changes.map { "\($0.date.vietnamese) " + changes.sentence($0, context) }
        #expect(lines == [
            "26/06/2026 Sở Nội vụ cập nhật nhiệm vụ 2.1 (Công văn số 12/UBND-NV): đang thực hiện",
            // The count is the tracker's, as on every page: the unit that finished
            // late is no longer overdue, and its completion is marked late.
            "25/06/2026 1 đơn vị quá hạn nhiệm vụ 1.1 (Công văn số 12/UBND-NV), trong đó 1 chưa báo cáo, từ ngày 25/06/2026 (hạn cuối 24/06/2026)",
            "25/06/2026 Xã Cẩm Giàng đã hoàn thành nhiệm vụ 1.1 (Công văn số 12/UBND-NV) — quá hạn (hạn cuối 24/06/2026), báo cáo số 11/BC-UBND",
            "24/06/2026 Xã Cẩm Giang đã hoàn thành nhiệm vụ 1.1 (Công văn số 12/UBND-NV), báo cáo số 10/BC-UBND",
            "20/06/2026 Xã Cẩm Giang cập nhật nhiệm vụ 1.2 (Công văn số 12/UBND-NV): đang thực hiện",
        ])
        let short = RecentChanges(tracker: tracker, days: 2)
        #expect(short.changes.map(\.date.day) == [26, 25, 25])
    }

    @Test func pageAndAtomFeedCarryTheChanges() throws {
        let site = Support.build(Support.miniContent)
        let page = try #require(site[SitePaths.recent])
        #expect(page.contains("Xã Cẩm Giàng đã hoàn thành nhiệm vụ 1.1"))
        let feed = try #require(site[SitePaths.recentFeed])
        // A late completion is marked late on the page and in the feed alike.
        #expect(page.contains("<span class=\"st st-done-late\"><span class=\"st-sym\" aria-hidden=\"true\">✓!</span></span> <a href=\"../don-vi/xa-cam-giang-10903.html\">Xã Cẩm Giàng đã hoàn thành"))
        #expect(feed.contains("<title>✓! Xã Cẩm Giàng đã hoàn thành nhiệm vụ 1.1"))
        #expect(feed.contains("<title>✓ Xã Cẩm Giang đã hoàn thành nhiệm vụ 1.1"))
        #expect(feed.hasPrefix("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\""))
        #expect(feed.components(separatedBy: "<entry>").count - 1 == 5)
        #expect(feed.contains("<updated>2026-06-26T00:00:00Z</updated>"))
        #expect(!feed.contains("<script>"), "notes are escaped in the feed")
        let home = try #require(site[SitePaths.home])
        #expect(home.contains("Cập nhật gần đây"))
    }
}

@Suite struct SourceFingerprintTests {
    @Test func aBuildFromTheSameSourcesHasNothingToDo() throws {
        let root = Support.temporaryDirectory()
        let content = root + "/content"
        try FileManager.default.copyItem(atPath: Support.miniContent, toPath: content)
        let source = SourceFingerprint.of(folders: [content, Support.repository + "/theme"], options: ["x"])
        let loaded = Support.loaded(content)
        let builder = SiteBuilder(tracker: try #require(loaded.tracker), theme: Support.theme)
        let publisher = Publisher(output: root + "/site")
        #expect(publisher.upToDate(source: source) == nil, "nothing published yet")
        try publisher.publish(builder.plan(), salt: builder.salt, source: source, threads: 2, progress: nil)
        #expect(publisher.upToDate(source: source)?.untouched == true)
        #expect(publisher.upToDate(source: SourceFingerprint.of(folders: [content, Support.repository + "/theme"], options: ["y"])) == nil,
                "another option is another source")
        try "directive,task,unit,state\n".write(toFile: content + "/status.csv", atomically: false, encoding: .utf8)
        #expect(publisher.upToDate(source: SourceFingerprint.of(folders: [content, Support.repository + "/theme"], options: ["x"])) == nil,
                "a changed status file is another source")
        try FileManager.default.removeItem(atPath: root + "/site/index.html")
        #expect(publisher.upToDate(source: source) == nil, "a damaged site is rebuilt")
    }
}

@Suite struct FingerprintTests {
    @Test func sameBytesSamePrintWhateverTheirContainer() {
        let text = "Xã Cẩm Giàng — nhiệm vụ 1.2, báo cáo trước ngày 24/6/2026"
        let array = Array(text.utf8)
        var fromText = Fingerprint()
        fromText.add(text)
        #expect(fromText == Fingerprint.of(bytes: array))
        // A sequence without contiguous storage takes the copying path.
        #expect(Fingerprint.of(bytes: array.lazy.map { $0 }) == Fingerprint.of(bytes: array))
    }

    @Test func everyByteAndTheLengthCount() {
        let base = Array(repeating: UInt8(0x61), count: 37)
        let print = Fingerprint.of(bytes: base)
        var seen: Set<UInt64> = [print.value]
        for position in base.indices {
            for bit in 0..<8 {
                var changed = base
                changed[position] ^= UInt8(1 << bit)
                seen.insert(Fingerprint.of(bytes: changed).value)
            }
        }
        #expect(seen.count == 1 + 37 * 8, "a one-bit change left the fingerprint as it was")
        #expect(Fingerprint.of(bytes: base + [0]) != print)
        var split = Fingerprint()
        split.add("ab"); split.add("c")
        var other = Fingerprint()
        other.add("a"); other.add("bc")
        #expect(split != other)
    }

    @Test func theValueIsStableAcrossRunsAndMachines() {
        // Published manifests store these values: a change here makes every
        // site rebuild in full once, so it must be on purpose. The expected
        // values were computed by a separate Python implementation.
        #expect(Fingerprint.of(bytes: [UInt8]()).hex == "99b6af62e3885e8f")
        #expect(Fingerprint.of(bytes: Array("Thời hạn nhiệm vụ 24/6/2026".utf8)).hex == "95094a58e9335683")
    }
}
