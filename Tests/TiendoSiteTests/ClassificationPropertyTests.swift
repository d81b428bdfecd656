import Foundation
import Testing
import TiendoCore
@testable import TiendoSite

/// Random status files, random dates of the figures: the class of every
/// (task, unit) pair is computed here, by the rule of issue 11, without the
/// core; then every count printed on every kind of generated file is read
/// back from the files (the stable data-* attributes, the CSV and the JSON)
/// and must equal the count of those classes. One number, every page.
@Suite struct ClassificationPropertyTests {
    struct Pair: Hashable { let directive: String, task: String, unit: String }
    struct Expected: Equatable { let statusClass: String; let reported: Bool }
    struct Tally: Equatable, CustomStringConvertible {
        var count: [String: Int] = [:]
        var silent: [String: Int] = [:]
        mutating func add(_ e: Expected) {
            count[e.statusClass, default: 0] += 1
            if !e.reported { silent[e.statusClass, default: 0] += 1 }
        }
        func count(_ c: String) -> Int { count[c] ?? 0 }
        func silent(_ c: String) -> Int { silent[c] ?? 0 }
        var description: String { "\(count.sorted { $0.key < $1.key }) silent \(silent.sorted { $0.key < $1.key })" }
    }
    static let classes = ["done-on-time", "done-late", "in-progress", "standing", "overdue"]

    /// SplitMix64: the same seed, the same files, on every machine.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
        mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }
    }

    /// The rule, written again here from the issue's words.
    static func expectedClass(due: CivilDate?, state: String?, completed: CivilDate?, asOf: CivilDate) -> String {
        guard let due else { return "standing" }
        if state == "hoàn thành" {
            if let completed { return completed.dayNumber <= due.dayNumber ? "done-on-time" : "done-late" }
            return asOf.dayNumber <= due.dayNumber ? "done-on-time" : "done-late"
        }
        return asOf.dayNumber <= due.dayNumber ? "in-progress" : "overdue"
    }

    static func severity(_ e: Expected) -> Int {
        switch e.statusClass {
        case "overdue": e.reported ? 1 : 0
        case "in-progress": 2
        case "standing": 3
        case "done-late": 4
        default: 5
        }
    }

    @Test(arguments: [("mini", UInt64(1)), ("mini", 2), ("mini", 3), ("mini", 4), ("mini", 5), ("mini", 6), ("mini", 7), ("mini", 8),
                      ("sample", 11), ("sample", 12)])
    func everyPageCountsTheSameClasses(_ fixture: String, _ seed: UInt64) throws {
        var random = Random(state: seed)
        let source = fixture == "mini" ? Support.miniContent : Support.sampleContent
        let content = Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: content) }
        try FileManager.default.copyItem(atPath: source + "/units.yaml", toPath: content + "/units.yaml")
        try FileManager.default.copyItem(atPath: source + "/directives", toPath: content + "/directives")

        // The tasks and their units as read from the directives (not what is tested here).
        let bare = ContentLoader(contentDirectory: content).load(asOf: CivilDate(year: 2026, month: 6, day: 1))
        let tasks = bare.directives.flatMap(\.tasks)
        let dues = tasks.compactMap { $0.deadline?.due }
        let earliest = try #require(dues.min()), latest = try #require(dues.max())
        let asOf = CivilDate(dayNumber: random.int(earliest.dayNumber - 10...latest.dayNumber + 20))

        // A random status file: a random share of the pairs reported, random states and dates.
        let share = random.int(10...90)
        var csv = "directive,task,unit,state,completed,report,updated,note\n"
        var expected: [Pair: Expected] = [:]
        var completions: [(Pair, CivilDate, Bool)] = []
        for task in tasks {
            let due = task.deadline?.due
            for unit in task.units {
                let pair = Pair(directive: task.directiveID, task: task.id, unit: unit)
                guard random.chance(share) else {
                    expected[pair] = Expected(statusClass: Self.expectedClass(due: due, state: nil, completed: nil, asOf: asOf), reported: false)
                    continue
                }
                let state = ["chưa thực hiện", "đang thực hiện", "hoàn thành"][random.int(0...2)]
                var completed: CivilDate?
                if state == "hoàn thành", random.chance(85) {
                    completed = CivilDate(dayNumber: random.int(asOf.dayNumber - 25...asOf.dayNumber))
                }
                let floor = completed?.dayNumber ?? asOf.dayNumber - 25
                let updated = random.chance(80) ? CivilDate(dayNumber: random.int(floor...asOf.dayNumber)) : nil
                csv += "\(task.directiveID),\(task.id),\(unit),\(state),\(completed?.vietnamese ?? ""),,\(updated?.vietnamese ?? ""),\n"
                let e = Expected(statusClass: Self.expectedClass(due: due, state: state, completed: completed, asOf: asOf), reported: true)
                expected[pair] = e
                if let completed { completions.append((pair, completed, e.statusClass == "done-late")) }
            }
        }
        try csv.write(toFile: content + "/status.csv", atomically: false, encoding: .utf8)

        let loaded = ContentLoader(contentDirectory: content).load(asOf: asOf)
        let tracker = try #require(loaded.tracker, "\(loaded.diagnostics.errors)")
        var site: [String: String] = [:]
        for file in SiteBuilder(tracker: tracker, theme: Support.theme).build() {
            site[file.path] = String(decoding: file.bytes, as: UTF8.self)
        }
        let paths = SitePaths(register: tracker.register)

        // The expected tallies, from the classes above only.
        var byTask: [String: Tally] = [:], byUnit: [String: Tally] = [:], overall = Tally()
        for (pair, e) in expected {
            byTask[pair.directive + "/" + pair.task, default: Tally()].add(e)
            byUnit[pair.unit, default: Tally()].add(e)
            overall.add(e)
        }

        // tien-do.json: every assignment's class and report state, and the counts.
        let jsonText = try #require(site[SitePaths.progressJSON])
        let json = try #require(JSONSerialization.jsonObject(with: Data(jsonText.utf8)) as? [String: Any])
        #expect(json["as_of"] as? String == asOf.iso)
        var fromJSON: [Pair: Expected] = [:]
        for case let a as [String: Any] in try #require(json["assignments"] as? [Any]) {
            let pair = Pair(directive: a["directive"] as! String, task: a["task"] as! String, unit: a["unit"] as! String)
            fromJSON[pair] = Expected(statusClass: a["class"] as! String, reported: a["reported"] as! Bool)
        }
        #expect(fromJSON == expected)
        func tally(_ progress: Any?) -> Tally {
            let p = progress as? [String: Any]
            var t = Tally()
            for (k, v) in p?["counts"] as? [String: Int] ?? [:] where v > 0 { t.count[k] = v }
            for (k, v) in p?["not_reported"] as? [String: Int] ?? [:] where v > 0 { t.silent[k] = v }
            return t
        }
        #expect(tally(json["overall"]) == overall)
        for case let t as [String: Any] in json["tasks"] as? [Any] ?? [] {
            #expect(tally(t["progress"]) == byTask["\(t["directive"]!)/\(t["id"]!)"] ?? Tally(), "JSON task \(t["id"]!)")
        }
        for case let u as [String: Any] in json["units"] as? [Any] ?? [] {
            #expect(tally(u["progress"]) == byUnit[u["code"] as! String] ?? Tally(), "JSON unit \(u["code"]!)")
        }

        // tien-do.csv: one row per task, a column per class and the silent overdue part.
        let table = CSVTest.parse(try #require(site[SitePaths.taskCSV]))
        let header = try #require(table.first)
        let directiveColumn = try #require(header.firstIndex(of: "Mã văn bản"))
        let taskColumn = try #require(header.firstIndex(of: "Nhiệm vụ"))
        for row in table.dropFirst() {
            let key = row[directiveColumn] + "/" + row[taskColumn]
            for statusClass in StatusClass.allCases {
                let column = try #require(header.firstIndex(of: statusClass.label))
                #expect(Int(row[column]) == byTask[key]?.count(statusClass.rawValue) ?? 0, "CSV \(key) \(statusClass)")
            }
            let silentColumn = try #require(header.firstIndex(of: "Quá hạn: trong đó chưa báo cáo"))
            #expect(Int(row[silentColumn]) == byTask[key]?.silent("overdue") ?? 0, "CSV \(key) silent")
        }

        // Task pages: the counts, every row's class and report state, and the order of the rows.
        for task in tasks {
            let key = task.directiveID + "/" + task.id
            let page = try #require(site[paths.task(task.key)])
            #expect(HTMLTest.counts(page) == byTask[key] ?? Tally(), "task page \(key)")
            let rows = HTMLTest.rows(page)
            var rowTally = Tally()
            rows.forEach { rowTally.add($0) }
            #expect(rowTally == byTask[key] ?? Tally(), "task page rows \(key)")
            #expect(rows.map(Self.severity) == rows.map(Self.severity).sorted(), "task page order \(key)")
        }

        // Unit pages, and the unit list's overdue badges.
        let unitList = try #require(site[SitePaths.units])
        for unit in tracker.register.units {
            let tally = byUnit[unit.code] ?? Tally()
            let unitPage = try #require(site[paths.unit(unit.code)])
            #expect(HTMLTest.counts(unitPage) == tally, "unit page \(unit.code)")
            let badge = HTMLTest.badge(in: unitList, unit: unit.code)
            if tally.count("overdue") > 0 {
                #expect(badge?.count == tally.count("overdue") && badge?.silent == tally.silent("overdue"), "unit list \(unit.code)")
            } else {
                #expect(badge == nil, "unit list \(unit.code) has no overdue badge")
            }
        }

        // Home: the totals, the overdue list and the most overdue units.
        let home = try #require(site[SitePaths.home])
        #expect(HTMLTest.counts(home) == overall)
        let overdueTasks = byTask.filter { $0.value.count("overdue") > 0 }
        let cards = HTMLTest.cards(home)
        #expect(Set(cards.keys) == Set(overdueTasks.keys))
        for (key, figure) in cards {
            #expect(figure.count == byTask[key]?.count("overdue") && figure.silent == byTask[key]?.silent("overdue"), "home card \(key)")
        }
        let laggards = HTMLTest.laggards(home)
        #expect(laggards.count == min(15, byUnit.values.filter { $0.count("overdue") > 0 }.count))
        for (code, figure) in laggards {
            #expect(figure.count == byUnit[code]?.count("overdue") && figure.silent == byUnit[code]?.silent("overdue"), "home laggard \(code)")
        }
        if let most = laggards.first {
            #expect(most.1.count == byUnit.values.map { $0.count("overdue") }.max())
        }

        // Progress tables: a row per task.
        let progress = try #require(site[SitePaths.progress])
        let progressRows = HTMLTest.progressRows(progress)
        #expect(Set(progressRows.keys) == Set(tasks.map { $0.directiveID + "/" + $0.id }))
        for (key, tally) in progressRows { #expect(tally == byTask[key] ?? Tally(), "progress table \(key)") }

        // The matrix: each unit's row of cells.
        let matrix = try #require(site[SitePaths.matrix])
        let codeByPage = Dictionary(tracker.register.units.map { (paths.unit($0.code), $0.code) }, uniquingKeysWith: { a, _ in a })
        var matrixTally: [String: Tally] = [:]
        for (href, cells) in HTMLTest.matrixRows(matrix) {
            let code = try #require(codeByPage[String(href.dropFirst(3))], "matrix row \(href)")
            cells.forEach { matrixTally[code, default: Tally()].add($0) }
        }
        #expect(matrixTally == byUnit.filter { !$0.value.count.isEmpty })

        // Recent changes: tasks that turned overdue in the window, with the
        // same counts; late completions marked late.
        let recent = try #require(site[SitePaths.recent])
        let window = (asOf.dayNumber - 6)...asOf.dayNumber
        let turned = tasks.filter { task in
            guard let due = task.deadline?.due else { return false }
            return window.contains(due.dayNumber + 1) && (byTask[task.directiveID + "/" + task.id]?.count("overdue") ?? 0) > 0
        }
        let items = HTMLTest.recentItems(recent)
        let overdueItems = items.filter { $0.kind == "overdue" }
        #expect(Set(overdueItems.map(\.task)) == Set(turned.map { $0.directiveID + "/" + $0.id }))
        for item in overdueItems {
            #expect(item.count == byTask[item.task]?.count("overdue") && item.silent == byTask[item.task]?.silent("overdue"), "recent \(item.task)")
        }
        let inWindow = completions.filter { window.contains($0.1.dayNumber) }
        #expect(items.filter { $0.kind == "completed-late" }.count == inWindow.filter(\.2).count)
        #expect(items.filter { $0.kind == "completed" }.count == inWindow.filter { !$0.2 }.count)
    }
}

/// Reading generated pages back by their stable data-* attributes.
enum HTMLTest {
    static func matches(_ pattern: String, in text: String) -> [[String]] {
        let regex = try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { match in
            (0..<match.numberOfRanges).map { i in
                let range = match.range(at: i)
                return range.location == NSNotFound ? "" : ns.substring(with: range)
            }
        }
    }

    static func tally(_ text: String) -> ClassificationPropertyTests.Tally {
        var t = ClassificationPropertyTests.Tally()
        for m in matches(#"data-class="([a-z-]+)" data-count="(\d+)" data-silent="(\d+)""#, in: text) {
            if let n = Int(m[2]), n > 0 { t.count[m[1], default: 0] += n }
            if let n = Int(m[3]), n > 0 { t.silent[m[1], default: 0] += n }
        }
        return t
    }

    /// The first list of counts on a page (a unit's, a task's, or the home page's totals).
    static func counts(_ page: String) -> ClassificationPropertyTests.Tally {
        guard let list = matches(#"<ul class="counts">(.*?)</ul>"#, in: page).first else { return .init() }
        return tally(list[1])
    }

    static func rows(_ page: String) -> [ClassificationPropertyTests.Expected] {
        let body = matches(#"<table class="status-table[^"]*">(.*?)</table>"#, in: page).first?[1] ?? ""
        return matches(#"<tr data-class="([a-z-]+)" data-reported="([01])">"#, in: body).map {
            .init(statusClass: $0[1], reported: $0[2] == "1")
        }
    }

    static func badge(in list: String, unit: String) -> (count: Int, silent: Int)? {
        guard let item = matches(#"<li data-unit="\#(NSRegularExpression.escapedPattern(for: unit))"(.*?)</li>"#, in: list).first else { return nil }
        guard let m = matches(#"data-class="overdue" data-count="(\d+)" data-silent="(\d+)""#, in: item[1]).first else { return nil }
        return (Int(m[1])!, Int(m[2])!)
    }

    static func cards(_ home: String) -> [String: (count: Int, silent: Int)] {
        var found: [String: (Int, Int)] = [:]
        for m in matches(#"<li class="card st-overdue-card" data-task="([^"]+)">.*?data-class="overdue" data-count="(\d+)" data-silent="(\d+)""#, in: home) {
            found[m[1]] = (Int(m[2])!, Int(m[3])!)
        }
        return found
    }

    static func laggards(_ home: String) -> [(String, (count: Int, silent: Int))] {
        matches(#"<tr data-unit="([^"]+)" data-class="overdue" data-count="(\d+)" data-silent="(\d+)">"#, in: home).map {
            ($0[1], (Int($0[2])!, Int($0[3])!))
        }
    }

    static func progressRows(_ page: String) -> [String: ClassificationPropertyTests.Tally] {
        var found: [String: ClassificationPropertyTests.Tally] = [:]
        for m in matches(#"<tr data-task="([^"]+)">(.*?)</tr>"#, in: page) { found[m[1]] = tally(m[2]) }
        return found
    }

    static func matrixRows(_ page: String) -> [(String, [ClassificationPropertyTests.Expected])] {
        matches(#"<tr><th scope="row"><a href="([^"]+)">.*?</th>(.*?)</tr>"#, in: page).map { m in
            (m[1], matches(#"data-class="([a-z-]+)" data-reported="([01])""#, in: m[2]).map { .init(statusClass: $0[1], reported: $0[2] == "1") })
        }
    }

    struct RecentItem { let kind: String, task: String, count: Int, silent: Int }

    static func recentItems(_ page: String) -> [RecentItem] {
        matches(#"<li data-kind="([a-z-]+)" data-task="([^"]+)" data-count="(\d+)" data-silent="(\d+)">"#, in: page).map {
            RecentItem(kind: $0[1], task: $0[2], count: Int($0[3])!, silent: Int($0[4])!)
        }
    }
}

/// A small CSV reader for the exports (quoted fields, a byte-order mark).
enum CSVTest {
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var chars = Array(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        chars.append("\n")
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < chars.count, chars[i + 1] == "\"" { field.append("\""); i += 1 } else { quoted = false }
                } else { field.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { row.append(field); field = "" }
            else if c == "\n" || c == "\r\n" {
                row.append(field); field = ""
                if row != [""] { rows.append(row) }
                row = []
            } else if c != "\r" { field.append(c) }
            i += 1
        }
        return rows
    }
}
