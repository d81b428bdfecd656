import Foundation
import Testing
import TiendoCore
@testable import TiendoSite

/// Issue 14's input: a folder of status files read together, several rows of
/// a pair kept as its history (the latest update wins), a same-day conflict
/// refused naming both places, an exact repeat dropped with a warning, and
/// recent changes drawn from changes between consecutive rows.
@Suite struct StatusHistoryTests {
    static let asOf = CivilDate(year: 2026, month: 7, day: 15)!
    static let header = "directive,task,unit,state,completed,report,updated,note"

    /// A copy of the sample content without its status file.
    static func sampleWithoutStatus() throws -> String {
        let content = Support.temporaryDirectory() + "/content"
        try FileManager.default.createDirectory(atPath: content, withIntermediateDirectories: true)
        for item in ["units.yaml", "directives"] {
            try FileManager.default.copyItem(atPath: Support.sampleContent + "/" + item, toPath: content + "/" + item)
        }
        return content
    }

    /// The sample's status records (a quoted cell may span lines), header apart.
    static func sampleRecords() throws -> [String] {
        let text = try String(contentsOfFile: Support.sampleContent + "/status.csv", encoding: .utf8)
        var records: [String] = [], pending = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            pending += pending.isEmpty ? String(line) : "\n" + line
            if pending.filter({ $0 == "\"" }).count % 2 == 0 {
                if !pending.isEmpty { records.append(pending) }
                pending = ""
            }
        }
        #expect(records.first == header)
        return Array(records.dropFirst())
    }

    static func write(_ records: [String], to path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try ([header] + records).joined(separator: "\n").appending("\n").write(toFile: path, atomically: false, encoding: .utf8)
    }

    @Test func aFolderGivesTheSameSiteAsTheSameRowsInOneFile() throws {
        let records = try Self.sampleRecords()
        let single = try Self.sampleWithoutStatus()
        try Self.write(records, to: single + "/status.csv")
        let folder = try Self.sampleWithoutStatus()
        // Three files, rows dealt out in turn, so each file holds rows of every directive and unit.
        for part in 0..<3 {
            let share = records.enumerated().filter { $0.offset % 3 == part }.map(\.element)
            try Self.write(share, to: folder + "/status/don-vi-\(part).csv")
        }
        let loaded = Support.loaded(folder, asOf: Self.asOf)
        #expect(!loaded.diagnostics.hasErrors, "\(loaded.diagnostics)")
        #expect(loaded.rows.count == records.count)
        #expect(Set(loaded.rows.map(\.source.file)).count == 3)
        let one = Support.build(single, asOf: Self.asOf), many = Support.build(folder, asOf: Self.asOf)
        #expect(one.count == many.count && one.count > 100)
        #expect(Set(one.keys) == Set(many.keys))
        for (path, text) in one where many[path] != text { Issue.record("\(path) differs between one file and a folder") }
    }

    /// A folder's files are read side by side: any number of threads gives
    /// the same rows, in the same order, and the same diagnostics.
    @Test func aFolderReadOnSeveralThreadsGivesWhatOneThreadGives() throws {
        let records = try Self.sampleRecords()
        let folder = try Self.sampleWithoutStatus()
        for part in 0..<7 {
            var share = records.enumerated().filter { $0.offset % 7 == part }.map(\.element)
            // A mistake in some files, so that diagnostics come from several.
            if part % 3 == 0 { share.append("trien-khai-tb-406,9.\(part),11413,hoàn thành,,,20/06/2026,") }
            try Self.write(share, to: folder + "/status/don-vi-\(part).csv")
        }
        let loader = ContentLoader(contentDirectory: folder)
        let one = loader.load(asOf: Self.asOf, threads: 1), many = loader.load(asOf: Self.asOf, threads: 4)
        #expect(one.rows.count == records.count)
        #expect(one.rows == many.rows)
        #expect(one.diagnostics.map(\.description) == many.diagnostics.map(\.description))
        #expect(one.diagnostics.filter { $0.message.contains("9.") }.count == 3, "\(one.diagnostics)")
    }

    @Test func theLatestRowWinsWithinAFileAndAcrossFilesWhateverTheirOrder() throws {
        let content = try Self.sampleWithoutStatus()
        // The later report is in the file read first (a-...), the earlier in the second.
        try Self.write(["trien-khai-tb-406,1.4,11413,hoàn thành,22/06/2026,157/BC-UBND,22/06/2026,Xong.",
                        "trien-khai-tb-406,1.5,11413,đang thực hiện,,12/BC-UBND,18/06/2026,",
                        "trien-khai-tb-406,1.5,11413,đang thực hiện,,15/BC-UBND,21/06/2026,Đã có dự thảo."],
                       to: content + "/status/a-hai-an.csv")
        try Self.write(["trien-khai-tb-406,1.4,11413,đang thực hiện,,150/BC-UBND,20/06/2026,"],
                       to: content + "/status/b-hai-an-cu.csv")
        let loaded = Support.loaded(content, asOf: Self.asOf)
        #expect(!loaded.diagnostics.hasErrors, "\(loaded.diagnostics)")
        let tracker = try #require(loaded.tracker)
        let a14 = try #require(tracker.assignments(forUnit: "11413").first { $0.task.taskID == "1.4" })
        #expect(a14.row?.state == .done && a14.row?.report == "157/BC-UBND" && a14.statusClass == .doneOnTime)
        #expect(tracker.history(a14).map(\.report) == ["150/BC-UBND", "157/BC-UBND"])
        #expect(tracker.history(a14).map(\.place) == [content + "/status/b-hai-an-cu.csv:2", content + "/status/a-hai-an.csv:2"])
        let a15 = try #require(tracker.assignments(forUnit: "11413").first { $0.task.taskID == "1.5" })
        #expect(a15.row?.report == "15/BC-UBND" && a15.statusClass == .overdue)
        #expect(tracker.history(a15).count == 2)
        // A unit with one row has a history of that row; a silent one none.
        let silent = try #require(tracker.assignments(forUnit: "10660").first { $0.task.taskID == "1.4" })
        #expect(tracker.history(silent).isEmpty)
    }

    @Test func aSameDayConflictAcrossFilesIsAnErrorNamingBothPlaces() throws {
        let content = try Self.sampleWithoutStatus()
        try Self.write(["trien-khai-tb-406,1.4,11413,đang thực hiện,,150/BC-UBND,20/06/2026,"], to: content + "/status/a.csv")
        try Self.write(["trien-khai-tb-406,1.1,11413,đang thực hiện,,,20/06/2026,",
                        "trien-khai-tb-406,1.4,Phường Hải An,hoàn thành,20/06/2026,151/BC-UBND,20/06/2026,"], to: content + "/status/b.csv")
        let loaded = Support.loaded(content, asOf: Self.asOf)
        let errors = loaded.diagnostics.errors
        #expect(errors.count == 1)
        let error = try #require(errors.first)
        #expect(error.location == content + "/status/b.csv:3")
        #expect(error.message.contains(content + "/status/a.csv:2"))
        #expect(error.message.contains("cùng ngày cập nhật 20/06/2026") && error.message.contains("khác trạng thái, ngày hoàn thành, số báo cáo"))
        #expect(loaded.tracker == nil)
    }

    @Test func anExactRepeatIsAWarningAndTheBuildGoesOn() throws {
        let content = try Self.sampleWithoutStatus()
        let row = "trien-khai-tb-406,1.4,11413,hoàn thành,22/06/2026,157/BC-UBND,22/06/2026,Xong."
        try Self.write([row, row], to: content + "/status/a.csv")
        // The same report by name instead of code, in another file (the sheet sent twice).
        try Self.write([row.replacingOccurrences(of: "11413", with: "Phường Hải An")], to: content + "/status/b.csv")
        let loaded = Support.loaded(content, asOf: Self.asOf)
        #expect(!loaded.diagnostics.hasErrors)
        let repeats = loaded.diagnostics.warnings.filter { $0.message.contains("lặp lại đúng") }
        #expect(repeats.map(\.location) == [content + "/status/a.csv:3:3", content + "/status/b.csv:2"])
        #expect(repeats.allSatisfy { $0.message.contains(content + "/status/a.csv:2") })
        #expect(loaded.rows.count == 1)
    }

    @Test func aSingleFileBesideTheFolderIsAnError() throws {
        let content = try Self.sampleWithoutStatus()
        try Self.write([], to: content + "/status.csv")
        try Self.write([], to: content + "/status/a.csv")
        let loaded = Support.loaded(content, asOf: Self.asOf)
        #expect(loaded.diagnostics.errors.map(\.message) == ["có cả status.csv và thư mục status/: không biết dùng số liệu nào"])
    }

    @Test func recentChangesComeFromChangesBetweenConsecutiveRows() throws {
        let content = try Self.sampleWithoutStatus()
        try Self.write([
            // Hải An on 1.5: first report, a new report number, the same row again (no change), done.
            "trien-khai-tb-406,1.5,11413,đang thực hiện,,12/BC-UBND,10/07/2026,",
            "trien-khai-tb-406,1.5,11413,đang thực hiện,,15/BC-UBND,11/07/2026,",
            "trien-khai-tb-406,1.5,11413,đang thực hiện,,15/BC-UBND,12/07/2026,",
            "trien-khai-tb-406,1.5,11413,hoàn thành,13/07/2026,18/BC-UBND,13/07/2026,",
            // Cẩm Giàng on 1.4: not started, then started, then the same report corrected.
            "trien-khai-tb-406,1.4,10903,chưa thực hiện,,,09/07/2026,",
            "trien-khai-tb-406,1.4,10903,đang thực hiện,,20/BC-UBND,10/07/2026,",
            "trien-khai-tb-406,1.4,10903,đang thực hiện,,20/BC-UBND,14/07/2026,Sửa: đã họp triển khai.",
        ], to: content + "/status/a.csv")
        let site = Support.build(content, asOf: Self.asOf)
        let recent = try #require(site[SitePaths.recent])
        let items = HTMLTest.recentItems(recent).filter { $0.kind != "overdue" }
        // Newest first; on one day completions before other changes.
        #expect(items.map(\.kind) == ["corrected", "completed-late", "reported", "changed", "reported", "reported"])
        #expect(items.map(\.task) == ["trien-khai-tb-406/1.4", "trien-khai-tb-406/1.5", "trien-khai-tb-406/1.5",
                                      "trien-khai-tb-406/1.4", "trien-khai-tb-406/1.5", "trien-khai-tb-406/1.4"])
        #expect(recent.contains("chuyển nhiệm vụ 1.4"))
        #expect(recent.contains("sửa lại báo cáo về nhiệm vụ 1.4"))
        let feed = try #require(site[SitePaths.recentFeed])
        #expect(feed.components(separatedBy: "<entry>").count - 1 == HTMLTest.recentItems(recent).count)
    }

    @Test func unitAndTaskPagesShowTheHistory() throws {
        let content = try Self.sampleWithoutStatus()
        // Task 1.5's last day is 24/06/2026: the second and third reports came after it.
        try Self.write(["trien-khai-tb-406,1.5,11413,đang thực hiện,,12/BC-UBND,20/06/2026,",
                        "trien-khai-tb-406,1.5,11413,hoàn thành,27/06/2026,18/BC-UBND,27/06/2026,"], to: content + "/status/a.csv")
        try Self.write(["trien-khai-tb-406,1.5,11413,đang thực hiện,,15/BC-UBND,25/06/2026,"], to: content + "/status/b.csv")
        let site = Support.build(content, asOf: Self.asOf)
        let tracker = try #require(Support.loaded(content, asOf: Self.asOf).tracker)
        let paths = SitePaths(register: tracker.register)
        let unitPage = try #require(site[paths.unit("11413")])
        let lists = HTMLTest.matches(#"<ol class="history"[^>]*>(.*?)</ol>"#, in: unitPage)
        #expect(lists.count == 1)
        let items = HTMLTest.matches(#"<li( class="late")?>(.*?)(?:<strong>|</li>)"#, in: lists.first?[1] ?? "")
            .map { [$0[0], $0[1], $0[2].replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)] }
        #expect(items.map { $0[2] } == ["20/06/2026: Đang thực hiện, số 12/BC-UBND", "25/06/2026: Đang thực hiện, số 15/BC-UBND ",
                                        "27/06/2026: Đã hoàn thành, số 18/BC-UBND "])
        #expect(items.map { !$0[1].isEmpty } == [false, true, true])
        let taskPage = try #require(site[paths.task(TaskKey(directiveID: "trien-khai-tb-406", taskID: "1.5"))])
        let row = try #require(HTMLTest.matches(#"<tr [^>]*><th scope="row"[^>]*><a href="[^"]*phuong-hai-an[^"]*">.*?</tr>"#, in: taskPage).first?[0])
        #expect(row.contains(#"data-first-reported="20/06/2026""#) && row.contains(#"data-finished="27/06/2026""#))
        // A unit with a single report lists no history, but its first report and finish.
        #expect(HTMLTest.matches(#"<ol class="history""#, in: try #require(site[paths.unit("10903")])).isEmpty)
    }

    /// Runs the built binary and returns its standard output and exit status.
    static func run(_ arguments: [String]) throws -> (String, Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TiendoProcess.executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (String(decoding: data, as: UTF8.self), process.terminationStatus)
    }

    @Test func checkNamesEachChangeOfANewFile() throws {
        let content = try Self.sampleWithoutStatus()
        try Self.write(try Self.sampleRecords(), to: content + "/status/00-tong-hop.csv")
        // Known changes against the sample: Hải An completes 1.1 (in progress
        // since 14/06), reports 1.5 again unchanged on a later day, sends 1.4 again exactly
        // (dropped, warned); Cẩm Giàng sends an old report on 1.4 (done since
        // 22/06) and a first report on 2.1; Ái Quốc a row with an unknown task.
        let file = (content as NSString).deletingLastPathComponent + "/hai-an.csv"
        try Self.write([
            "trien-khai-tb-406,1.5,Phường Hải An,đã hoàn thành,20/06/2026,306/BC-UBND,25/06/2026,",
            "trien-khai-tb-406,1.1,Phường Hải An,hoàn thành,30/06/2026,170/BC-UBND,30/06/2026,",
            "trien-khai-tb-406,1.4,11413,hoàn thành,22/06/2026,157/BC-UBND,22/06/2026,",
            "trien-khai-tb-406,1.4,Xã Cẩm Giàng,đang thực hiện,,,10/06/2026,",
            "trien-khai-tb-406,1.2,Xã Cẩm Giàng,hoàn thành,01/07/2026,9/BC-UBND,02/07/2026,",
            "trien-khai-tb-406,9.9,10660,hoàn thành,01/07/2026,,01/07/2026,",
        ], to: file)
        let (output, status) = try Self.run(["check", "--content", content, "--as-of", "2026-07-15", file])
        #expect(status == 1)
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.contains("== \(file): 4 cặp (nhiệm vụ, đơn vị), 1 lỗi, 1 cảnh báo"))
        #expect(lines.contains("  Phường Hải An: nhiệm vụ 1.1 chuyển sang hoàn thành (ngày 30/06/2026, báo cáo số 170/BC-UBND); 1.5 vẫn hoàn thành"))
        #expect(lines.contains("  Xã Cẩm Giàng: nhiệm vụ 1.2 chuyển sang hoàn thành (ngày 01/07/2026, báo cáo số 9/BC-UBND); 1.4 không thay đổi: báo cáo này (ngày 10/06/2026) cũ hơn số liệu đã có (ngày 22/06/2026, \(content)/status/00-tong-hop.csv:24), vẫn hoàn thành"))
        #expect(lines.contains { $0.hasPrefix("  \(file):7:2: lỗi: văn bản trien-khai-tb-406 không có nhiệm vụ \"9.9\"") })
        #expect(lines.contains { $0.hasPrefix("  \(file):4: cảnh báo: dòng này lặp lại đúng \(content)/status/00-tong-hop.csv:59") })
        // Without the bad row the same file checks clean, and the folder alone lists nothing new.
        let (clean, cleanStatus) = try Self.run(["check", "--content", content, "--as-of", "2026-07-15"])
        #expect(cleanStatus == 0 && !clean.contains("=="))
    }

    /// A unit's own file in a status folder reports its pairs alone: check
    /// sums it up (a unit's sheet at L has 1,000 pairs, each a "báo cáo lần
    /// đầu"), while a file that changes what another says is told pair by pair.
    @Test func checkSumsUpAFileThatAloneReportsItsPairs() throws {
        let content = try Self.sampleWithoutStatus()
        try Self.write([
            "trien-khai-tb-406,1.1,Phường Hải An,hoàn thành,20/06/2026,11/BC-UBND,21/06/2026,",
            "trien-khai-tb-406,1.2,Phường Hải An,đang thực hiện,,,21/06/2026,",
            "trien-khai-tb-406,1.3,Phường Hải An,hoàn thành,19/06/2026,,21/06/2026,",
        ], to: content + "/status/hai-an.csv")
        try Self.write([
            "trien-khai-tb-406,1.1,Xã Cẩm Giàng,chưa thực hiện,,,20/06/2026,",
        ], to: content + "/status/cam-giang.csv")
        try Self.write([
            "trien-khai-tb-406,1.1,Xã Cẩm Giàng,đang thực hiện,,,22/06/2026,",
        ], to: content + "/status/cam-giang-moi.csv")
        let (output, status) = try Self.run(["check", "--content", content, "--as-of", "2026-07-15"])
        #expect(status == 0, "\(output)")
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.contains("  Phường Hải An: 3 nhiệm vụ, chỉ có trong tệp này: 2 hoàn thành, 1 đang thực hiện"), "\(output)")
        #expect(lines.contains("  Xã Cẩm Giàng: nhiệm vụ 1.1 chuyển sang đang thực hiện"), "\(output)")
        #expect(!output.contains("báo cáo lần đầu"), "\(output)")
    }
}
