import Foundation
import Testing
import TiendoCore
@testable import TiendoSite

/// Progress over time, read back from the pages only (the chart's table):
/// for random histories, a chart's last point is the counts on the same
/// page, and its point at a past date is what a build on that date, with
/// the rows sent by then, counts on that page.
@Suite struct TimelinePropertyTests {
    typealias Random = ClassificationPropertyTests.Random

    /// The rows of a page's first progress-over-time table: date → class → count.
    static func timeline(_ page: String) -> [(iso: String, counts: [String: Int])] {
        guard let table = HTMLTest.matches(#"<table data-timeline>(.*?)</table>"#, in: page).first?[1] else { return [] }
        return HTMLTest.matches(#"<tr data-date="([0-9-]+)"><th scope="row">[^<]*</th>(.*?)</tr>"#, in: table).map { row in
            var counts: [String: Int] = [:]
            for cell in HTMLTest.matches(#"<td data-timeline-class="([a-z-]+)">(\d+)</td>"#, in: row[2]) { counts[cell[1]] = Int(cell[2])! }
            return (row[1], counts)
        }
    }

    static func pageCounts(_ page: String) -> [String: Int] {
        let tally = HTMLTest.counts(page)
        return Dictionary(uniqueKeysWithValues: ClassificationPropertyTests.classes.map { ($0, tally.count($0)) })
    }

    /// A random history: for a share of the pairs, one to four reports on
    /// increasing days, each with a random state.
    static func history(_ random: inout Random, tasks: [Task], from start: CivilDate, to asOf: CivilDate) -> [(CivilDate, String)] {
        var rows: [(CivilDate, String)] = []
        for task in tasks {
            for unit in task.units where random.chance(70) {
                var day = random.int(start.dayNumber...asOf.dayNumber)
                for _ in 0..<random.int(1...4) where day <= asOf.dayNumber {
                    let updated = CivilDate(dayNumber: day)
                    let state = ["chưa thực hiện", "đang thực hiện", "hoàn thành"][random.int(0...2)]
                    let completed = state == "hoàn thành" && random.chance(85)
                        ? CivilDate(dayNumber: random.int(max(start.dayNumber, day - 6)...day)).vietnamese : ""
                    rows.append((updated, "\(task.directiveID),\(task.id),\(unit),\(state),\(completed),R\(day),\(updated.vietnamese),"))
                    day += random.int(1...9)
                }
            }
        }
        return rows
    }

    static func write(_ rows: [(CivilDate, String)], upTo day: CivilDate?, into content: String) throws {
        let kept = rows.filter { day == nil || $0.0 <= day! }.map(\.1)
        try (["directive,task,unit,state,completed,report,updated,note"] + kept).joined(separator: "\n").appending("\n")
            .write(toFile: content + "/status.csv", atomically: false, encoding: .utf8)
    }

    @Test(arguments: [UInt64(21), 22, 23, 24])
    func chartsEndOnThePageCountsAndReplayThePast(_ seed: UInt64) throws {
        var random = Random(state: seed)
        let content = Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: content) }
        for item in ["units.yaml", "directives"] {
            try FileManager.default.copyItem(atPath: Support.miniContent + "/" + item, toPath: content + "/" + item)
        }
        let bare = ContentLoader(contentDirectory: content).load(asOf: CivilDate(year: 2026, month: 6, day: 1))
        let tasks = bare.directives.flatMap(\.tasks)
        let start = try #require(bare.directives.first?.metadata.date)
        let asOf = CivilDate(dayNumber: start.dayNumber + random.int(10...60))
        let rows = Self.history(&random, tasks: tasks, from: start, to: asOf)
        try Self.write(rows, upTo: nil, into: content)
        let site = Support.build(content, asOf: asOf)
        let paths = SitePaths(register: bare.register)

        // Home (all pairs, to the date of the figures), each directive and each task page.
        let home = try #require(site[SitePaths.home])
        let homeLine = Self.timeline(home)
        #expect(homeLine.last?.iso == asOf.iso)
        #expect(homeLine.last?.counts == Self.pageCounts(home))
        var pages = bare.directives.map { paths.directive($0.id) }
        pages += tasks.map { paths.task($0.key) }
        for path in pages {
            let page = try #require(site[path])
            let line = Self.timeline(page)
            #expect(!line.isEmpty, "\(path) has a chart")
            #expect(line.last?.counts == Self.pageCounts(page), "\(path): last point")
            #expect(line.allSatisfy { $0.iso <= asOf.iso })
        }

        // A past point of any chart is what a build on that day, with the rows sent by then, counts on that page.
        var checked = 0
        let lines = Dictionary(uniqueKeysWithValues: pages.map { ($0, Self.timeline(site[$0] ?? "")) })
        for point in homeLine.dropLast().shuffledPrefix(3, &random) {
            let parts = point.iso.split(separator: "-").compactMap { Int($0) }
            let day = try #require(CivilDate(year: parts[0], month: parts[1], day: parts[2]))
            try Self.write(rows, upTo: day, into: content)
            let past = Support.build(content, asOf: day)
            #expect(point.counts == Self.pageCounts(try #require(past[SitePaths.home])), "home on \(point.iso)")
            checked += 1
            for path in pages {
                guard let then = lines[path]?.first(where: { $0.iso == point.iso }) else { continue }
                #expect(then.counts == Self.pageCounts(try #require(past[path])), "\(path) on \(point.iso)")
                checked += 1
            }
        }
        #expect(checked > 0)
    }
}

extension Collection {
    /// `count` elements picked by `random`, the same for the same seed.
    func shuffledPrefix(_ count: Int, _ random: inout ClassificationPropertyTests.Random) -> [Element] {
        var items = Array(self), picked: [Element] = []
        while picked.count < count, !items.isEmpty { picked.append(items.remove(at: random.int(0...(items.count - 1)))) }
        return picked
    }
}
