import Foundation
import Testing
import TiendoCore
@testable import TiendoSite

/// The acceptance cases of issue 11 on the sample and on the mini fixture:
/// silent units are counted as late, every page gives the same number, the
/// figures are dated today in Viet Nam unless pinned, a rebuild on a new day
/// rewrites only what changed, and a date after the date of the figures is refused.
@Suite struct FiguresDateSiteTests {
    static let july15 = CivilDate(year: 2026, month: 7, day: 15)!

    @Test func sampleOnJuly15CountsSilentUnitsAsOverdueOnEveryPage() throws {
        let site = Support.build(Support.sampleContent, asOf: Self.july15)
        let loaded = Support.loaded(Support.sampleContent, asOf: Self.july15)
        let tracker = try #require(loaded.tracker)
        let paths = SitePaths(register: tracker.register)

        // Phường Ái Quốc never reported on 1.4 and 1.5 (last day 24/06): 2 overdue, both silent.
        let aiQuoc = try #require(site[paths.unit("10660")])
        let counts = HTMLTest.counts(aiQuoc)
        #expect(counts.count("overdue") == 2 && counts.silent("overdue") == 2)
        let overdueRows = HTMLTest.matches(#"<tr data-class="overdue" data-reported="0"><th scope="row"[^>]*><a href="[^"]+">([0-9.]+)</a>"#, in: aiQuoc)
        #expect(overdueRows.map { $0[1] }.sorted() == ["1.4", "1.5"])
        #expect(aiQuoc.contains("Quá hạn chưa hoàn thành · chưa báo cáo"))
        let units = try #require(site[SitePaths.units])
        #expect(HTMLTest.badge(in: units, unit: "10660")?.count == 2)
        let home = try #require(site[SitePaths.home])
        #expect(HTMLTest.laggards(home).contains { $0.0 == "10660" } || HTMLTest.laggards(home).count == 15)

        // Task 1.4: the same overdue count on the home page, its own page, the
        // progress table, the CSV and the JSON.
        let key = "trien-khai-tb-406/1.4"
        let task = try #require(tracker.task(TaskKey(directiveID: "trien-khai-tb-406", taskID: "1.4")))
        let figure = tracker.progress(task: task.key)
        let overdue = figure.count(.overdue), silent = figure.silent(.overdue)
        #expect(overdue > 0 && silent > 0 && silent < overdue)
        #expect(HTMLTest.cards(home)[key]?.count == overdue && HTMLTest.cards(home)[key]?.silent == silent)
        let taskPage = try #require(site[paths.task(task.key)])
        #expect(HTMLTest.counts(taskPage).count("overdue") == overdue)
        #expect(HTMLTest.rows(taskPage).filter { $0.statusClass == "overdue" }.count == overdue)
        let progressPage = try #require(site[SitePaths.progress])
        #expect(HTMLTest.progressRows(progressPage)[key]?.count("overdue") == overdue)
        let csvText = try #require(site[SitePaths.taskCSV])
        let csv = CSVTest.parse(csvText)
        let column = try #require(csv.first?.firstIndex(of: StatusClass.overdue.label))
        let directiveColumn = try #require(csv.first?.firstIndex(of: "Mã văn bản"))
        let taskColumn = try #require(csv.first?.firstIndex(of: "Nhiệm vụ"))
        #expect(csv.first { $0[directiveColumn] == "trien-khai-tb-406" && $0[taskColumn] == "1.4" }.map { Int($0[column]) } == overdue)
        let jsonText = try #require(site[SitePaths.progressJSON])
        let json = try #require(JSONSerialization.jsonObject(with: Data(jsonText.utf8)) as? [String: Any])
        let jsonTask = (json["tasks"] as? [[String: Any]])?.first { $0["id"] as? String == "1.4" }
        #expect(((jsonTask?["progress"] as? [String: Any])?["counts"] as? [String: Int])?["overdue"] == overdue)
        #expect(json["as_of"] as? String == "2026-07-15")
        #expect(json["data_updated"] as? String == tracker.dataUpdated?.iso)

        // The summary pages state both dates; a unit's page only the data's.
        #expect(home.contains("Tình hình tính đến <strong data-as-of=\"15/07/2026\">15/07/2026</strong>"))
        #expect(home.contains("Số liệu cập nhật đến <strong>\(tracker.dataUpdated!.vietnamese)</strong>"))
        #expect(!aiQuoc.contains("15/07/2026"))
    }

    @Test func theSiteAgesWithTheDateOfTheFigures() throws {
        // Task 4.7 (last day 25/09/2026) is in time in July and overdue in December.
        let key = TaskKey(directiveID: "trien-khai-tb-406", taskID: "4.7")
        let july = try #require(Support.loaded(Support.sampleContent, asOf: Self.july15).tracker)
        let december = try #require(Support.loaded(Support.sampleContent, asOf: CivilDate(year: 2026, month: 12, day: 1)).tracker)
        #expect(july.assignments(for: key).allSatisfy { $0.statusClass == .inProgress })
        #expect(december.assignments(for: key).allSatisfy { $0.statusClass == .overdue })
    }

    @Test func aUnitPageListsItsTasksDueInTheNext14Days() throws {
        // The mini fixture's 2.1 (last day 26/06) is assigned to Sở Nội vụ, which has not finished it.
        let content = try contentWith(status: """
            directive,task,unit,state,completed,report,updated,note
            cv-12,2.1,SNV,đang thực hiện,,,10/06/2026,

            """)
        let at = { (day: Int) in Support.build(content, asOf: CivilDate(year: 2026, month: 6, day: day)) }
        let miniTracker = try #require(Support.loaded(Support.miniContent).tracker)
        let path = SitePaths(register: miniTracker.register).unit("SNV")
        let upcoming = { (site: [String: String]) in HTMLTest.matches(#"data-upcoming="([^"]+)""#, in: site[path] ?? "").map { $0[1] } }
        #expect(upcoming(at(12)) == ["2.1"])
        #expect(upcoming(at(11)) == [])   // 15 days ahead: not yet
        #expect(upcoming(at(26)) == ["2.1"])
        #expect(at(26)[path]?.contains("hôm nay là hạn cuối") == true)
        #expect(upcoming(at(27)) == [])   // overdue now, no longer upcoming
    }

    @Test func aNotStartedRowInTimeReadsAsNotStartedButKeepsTheInTimeClass() throws {
        let content = try contentWith(status: """
            directive,task,unit,state,completed,report,updated,note
            cv-12,2.1,SNV,chưa thực hiện,,,10/06/2026,

            """)
        let site = Support.build(content, asOf: CivilDate(year: 2026, month: 6, day: 20))
        let tracker = try #require(Support.loaded(content, asOf: CivilDate(year: 2026, month: 6, day: 20)).tracker)
        let page = try #require(site[SitePaths(register: tracker.register).unit("SNV")])
        #expect(page.contains(#"<span class="st st-in-progress" data-class="in-progress" data-reported="1"><span class="st-sym" aria-hidden="true">…</span> Chưa thực hiện · còn trong hạn</span>"#))
        #expect(HTMLTest.counts(page).count("in-progress") == 1)
    }

    // MARK: A new day, no new data

    func publish(_ content: String, to output: String, asOf: CivilDate) throws -> Publisher.Summary {
        let tracker = try #require(Support.loaded(content, asOf: asOf).tracker)
        let builder = SiteBuilder(tracker: tracker, theme: Support.theme)
        return try Publisher(output: output).publish(builder.plan(), salt: builder.salt, threads: 2, progress: nil)
    }

    func contents(_ output: String) -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: output)!
        while let item = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: output + "/" + item, isDirectory: &isDirectory)
            if !isDirectory.boolValue, !item.hasPrefix(".") { result[item] = FileManager.default.contents(atPath: output + "/" + item) }
        }
        return result
    }

    @Test func aRebuildOnANewDayRewritesOnlyThePagesThatChanged() throws {
        let output = Support.temporaryDirectory() + "/site"
        defer { try? FileManager.default.removeItem(atPath: (output as NSString).deletingLastPathComponent) }
        let day = { (d: Int) in CivilDate(year: 2026, month: 6, day: d)! }
        _ = try publish(Support.miniContent, to: output, asOf: day(26))
        let before = contents(output)
        // 27/06: task 2.1 (last day 26/06) turns overdue for Sở Nội vụ; nothing else about units changed.
        let summary = try publish(Support.miniContent, to: output, asOf: day(27))
        let after = contents(output)
        let changed = Set(after.keys.filter { before[$0] != after[$0] })
        let miniTracker = try #require(Support.loaded(Support.miniContent).tracker)
        let paths = SitePaths(register: miniTracker.register)
        #expect(changed.contains(paths.unit("SNV")))
        #expect(changed.contains(paths.task(TaskKey(directiveID: "cv-12", taskID: "2.1"))))
        #expect(!changed.contains(paths.unit("10888")))
        #expect(!changed.contains(paths.task(TaskKey(directiveID: "cv-12", taskID: "1.1"))))
        #expect(summary.written == changed.count)
        #expect(summary.reused > 0)
        // Pages reused without rendering are exactly the ones whose bytes could not change.
        #expect(summary.rendered + summary.reused == after.count)

        // Another day later, nothing turns: only the pages that state the date change.
        let third = try publish(Support.miniContent, to: output, asOf: day(28))
        let later = contents(output)
        let changedAgain = Set(later.keys.filter { after[$0] != later[$0] })
        #expect(changedAgain.allSatisfy { !$0.hasPrefix("don-vi/") || $0 == SitePaths.units })
        #expect(changedAgain.allSatisfy { !$0.hasPrefix("nhiem-vu/") && !$0.hasPrefix("van-ban/") })
        #expect(third.written == changedAgain.count)
    }

    // MARK: Dates in the data against the date of the figures

    func contentWith(status: String) throws -> String {
        let folder = Support.temporaryDirectory() + "/content"
        try FileManager.default.copyItem(atPath: Support.miniContent, toPath: folder)
        try status.write(toFile: folder + "/status.csv", atomically: false, encoding: .utf8)
        return folder
    }

    @Test func aCompletionDateAfterTheDateOfTheFiguresIsRefusedWithItsLine() throws {
        let content = try contentWith(status: """
            directive,task,unit,state,completed,report,updated,note
            cv-12,1.1,10888,hoàn thành,24/06/2026,10/BC-UBND,24/06/2026,
            cv-12,1.1,10903,hoàn thành,22/06/2062,11/BC-UBND,22/06/2062,

            """)
        let loaded = Support.loaded(content, asOf: Self.july15)
        #expect(loaded.tracker == nil)
        let errors = loaded.diagnostics.errors.filter { $0.message.contains("sau ngày số liệu") }
        #expect(errors.count == 2)
        #expect(errors.allSatisfy { $0.file.hasSuffix("status.csv") && $0.line == 3 })
        #expect(errors.first?.message.contains("22/06/2062") == true)
        #expect(errors.first?.hint.contains("--as-of") == true)
    }

    @Test func aDateLongBeforeTheDirectiveIsAWarning() throws {
        let content = try contentWith(status: """
            directive,task,unit,state,completed,report,updated,note
            cv-12,1.1,10888,hoàn thành,24/06/2016,10/BC-UBND,24/06/2016,

            """)
        let loaded = Support.loaded(content, asOf: Self.july15)
        let directiveDate = try #require(loaded.directives.first?.metadata.date)
        #expect(directiveDate.year == 2026)
        #expect(loaded.tracker != nil)
        let warnings = loaded.diagnostics.warnings.filter { $0.message.contains("hơn một năm") }
        #expect(warnings.count == 2 && warnings.allSatisfy { $0.line == 2 })
    }

    // MARK: The command line reads the clock, and only it

    func runTiendo(_ arguments: [String], environment: [String: String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TiendoProcess.executable)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "SOURCE_DATE_EPOCH")
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func withoutAsOfTheFiguresAreDatedTodayInVietnamOrTheSourceDateEpochDay() throws {
        let before = FiguresDate.vietnamDay(epochSeconds: Int(Date().timeIntervalSince1970))
        let today = try runTiendo(["check", "--content", Support.miniContent], environment: [:])
        let after = FiguresDate.vietnamDay(epochSeconds: Int(Date().timeIntervalSince1970))
        #expect(today.status == 0, "\(today.output)")
        #expect(today.output.contains("ngày số liệu \(before.vietnamese)") || today.output.contains("ngày số liệu \(after.vietnamese)"),
                "\(today.output)")

        // 2026-07-14T17:30:00Z is already the 15th in Viet Nam.
        let pinned = try runTiendo(["check", "--content", Support.miniContent], environment: ["SOURCE_DATE_EPOCH": "1784050200"])
        #expect(pinned.output.contains("ngày số liệu 15/07/2026"), "\(pinned.output)")
        let option = try runTiendo(["check", "--content", Support.miniContent, "--as-of", "2026-07-01"],
                                   environment: ["SOURCE_DATE_EPOCH": "1784050200"])
        #expect(option.output.contains("ngày số liệu 01/07/2026"), "\(option.output)")
        let bad = try runTiendo(["check", "--content", Support.miniContent], environment: ["SOURCE_DATE_EPOCH": "ngày mai"])
        #expect(bad.status != 0 && bad.output.contains("SOURCE_DATE_EPOCH"))
    }

    @Test func checkRefusesACompletionAfterTheDateOfTheFiguresNamingTheLine() throws {
        let content = try contentWith(status: """
            directive,task,unit,state,completed,report,updated,note
            cv-12,1.1,10888,hoàn thành,24/06/2026,10/BC-UBND,24/06/2026,
            cv-12,1.1,10903,hoàn thành,16/07/2026,11/BC-UBND,16/07/2026,

            """)
        let result = try runTiendo(["check", "--content", content, "--as-of", "2026-07-15"], environment: [:])
        #expect(result.status == 1)
        #expect(result.output.contains("status.csv:3: lỗi: ngày hoàn thành 16/07/2026 sau ngày số liệu 15/07/2026"), "\(result.output)")
        let build = try runTiendo(["build", "--content", content, "--theme", Support.repository + "/theme",
                                   "--output", (content as NSString).deletingLastPathComponent + "/site", "--as-of", "2026-07-15"],
                                  environment: [:])
        #expect(build.status != 0 && build.output.contains("status.csv:3:"))
    }
}
