import Testing
@testable import TiendoCore

/// Every (task, unit) lands in exactly one class, decided at the boundaries
/// the way a Vietnamese task-tracking report counts.
@Suite("Phân loại tiến độ")
struct StatusClassTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var due: String?
        var state: ReportState?
        var completed: String?
        var asOf: String
        var expected: StatusClass
        var testDescription: String { name }

        var row: StatusRow? {
            state.map { StatusRow(directiveID: "d", taskID: "1.1", unitCode: "U", state: $0, completed: completed.map(CivilDate.iso)) }
        }
    }

    static let due = "2026-06-24"

    static let cases: [Case] = [
        .init(name: "done on the due day", due: due, state: .done, completed: "2026-06-24", asOf: "2026-06-30", expected: .doneOnTime),
        .init(name: "done the day before", due: due, state: .done, completed: "2026-06-23", asOf: "2026-06-30", expected: .doneOnTime),
        .init(name: "done a day after", due: due, state: .done, completed: "2026-06-25", asOf: "2026-06-30", expected: .doneLate),
        .init(name: "done early, read before the due day", due: due, state: .done, completed: "2026-06-01", asOf: "2026-06-02", expected: .doneOnTime),
        .init(name: "in progress, as-of equal to due", due: due, state: .inProgress, asOf: "2026-06-24", expected: .inProgress),
        .init(name: "in progress, as-of a day after due", due: due, state: .inProgress, asOf: "2026-06-25", expected: .overdue),
        .init(name: "not started, before due", due: due, state: .notStarted, asOf: "2026-06-20", expected: .inProgress),
        .init(name: "not started, as-of equal to due", due: due, state: .notStarted, asOf: "2026-06-24", expected: .inProgress),
        .init(name: "not started, after due", due: due, state: .notStarted, asOf: "2026-06-25", expected: .overdue),
        .init(name: "done without a date, deadline not passed", due: due, state: .done, asOf: "2026-06-24", expected: .doneOnTime),
        .init(name: "done without a date, deadline passed", due: due, state: .done, asOf: "2026-06-25", expected: .doneLate),
        // A pair with no row is not done: silence never looks better than an honest report.
        .init(name: "no row, before due", due: due, state: nil, asOf: "2026-06-20", expected: .inProgress),
        .init(name: "no row, on the due day", due: due, state: nil, asOf: "2026-06-24", expected: .inProgress),
        .init(name: "no row, a day after due", due: due, state: nil, asOf: "2026-06-25", expected: .overdue),
        .init(name: "no row, after due", due: due, state: nil, asOf: "2026-07-20", expected: .overdue),
        .init(name: "no row, no deadline", due: nil, state: nil, asOf: "2026-07-20", expected: .standing),
        .init(name: "no deadline, done", due: nil, state: .done, completed: "2026-06-01", asOf: "2026-07-20", expected: .standing),
        .init(name: "no deadline, in progress", due: nil, state: .inProgress, asOf: "2026-07-20", expected: .standing),
        .init(name: "no deadline, not started", due: nil, state: .notStarted, asOf: "2026-07-20", expected: .standing),
        .init(name: "due 29/02 of a leap year, done 01/03", due: "2028-02-29", state: .done, completed: "2028-03-01", asOf: "2028-03-05", expected: .doneLate),
        .init(name: "due 31/12, as-of 01/01 next year", due: "2026-12-31", state: .inProgress, asOf: "2027-01-01", expected: .overdue),
    ]

    @Test("classification at the boundaries", arguments: cases)
    func classify(_ c: Case) {
        #expect(StatusClass.classify(due: c.due.map(CivilDate.iso), row: c.row, asOf: .iso(c.asOf)) == c.expected)
    }

    @Test("every class has a Vietnamese label, a short label and a symbol")
    func labels() {
        #expect(StatusClass.doneOnTime.label == "Đã hoàn thành đúng hạn")
        #expect(StatusClass.doneLate.label == "Đã hoàn thành quá hạn")
        #expect(StatusClass.inProgress.label == "Đang thực hiện trong hạn")
        #expect(StatusClass.overdue.label == "Quá hạn chưa hoàn thành")
        #expect(StatusClass.allCases.count == 5)
        #expect(Set(StatusClass.allCases.map(\.symbol)).count == StatusClass.allCases.count)
        #expect(StatusClass.allCases.allSatisfy { !$0.shortLabel.isEmpty })
    }

    // MARK: Progress

    @Test("percent done and on-time rate")
    func progress() {
        var progress = Progress()
        progress.add(.doneOnTime, state: .done)
        progress.add(.doneOnTime, state: .done)
        progress.add(.doneOnTime, state: .done)
        progress.add(.doneLate, state: .done)
        progress.add(.overdue, state: .inProgress)
        progress.add(.inProgress, state: .notStarted)
        progress.add(.overdue, state: nil)
        progress.add(.standing, state: .done)
        #expect(progress.total == 8)
        #expect(progress.done == 5)
        #expect(progress.percentDone == 62.5)
        #expect(progress.onTimeRate == 75)
        #expect(progress.count(.overdue) == 2)
        #expect(progress.silent(.overdue) == 1)
        #expect(progress.silent == 1)
        #expect(progress.count(.standing) == 1)
        #expect(StatusClass.allCases.map(progress.count).reduce(0, +) == progress.total)
    }

    @Test("empty progress: 0 percent, no on-time rate")
    func emptyProgress() {
        let progress = Progress()
        #expect(progress.percentDone == 0)
        #expect(progress.onTimeRate == nil)
        var standingOnly = Progress()
        standingOnly.add(.standing, state: .done)
        #expect(standingOnly.percentDone == 100)
        #expect(standingOnly.onTimeRate == nil)
    }

    @Test("progress adds up")
    func addProgress() {
        var a = Progress(), b = Progress()
        a.add(.doneOnTime, state: .done)
        b.add(.doneLate, state: .done)
        b.add(.overdue, state: .inProgress)
        a.add(b)
        #expect(a.total == 3)
        #expect(a.done == 2)
        #expect(a.onTimeRate == 50)
    }

    @Test("silent pairs are counted inside their class, and add up")
    func silentInsideClass() {
        var a = Progress(), b = Progress()
        a.add(.inProgress, state: nil)
        a.add(.inProgress, state: .notStarted)
        b.add(.overdue, state: nil)
        b.add(.overdue, state: nil)
        b.add(.standing, state: nil)
        a.add(b)
        #expect(a.count(.inProgress) == 2 && a.silent(.inProgress) == 1)
        #expect(a.count(.overdue) == 2 && a.silent(.overdue) == 2)
        #expect(a.silent(.standing) == 1 && a.silent == 4)
        #expect(a.silent(.doneOnTime) == 0 && a.silent(.doneLate) == 0)
    }

    @Test("severity: overdue and silent first, done on time last")
    func severity() {
        let order: [(StatusClass, Bool)] = [(.overdue, false), (.overdue, true), (.inProgress, false), (.standing, true),
                                           (.doneLate, true), (.doneOnTime, true)]
        let ranks = order.map { StatusClass.severity($0.0, reported: $0.1) }
        #expect(ranks == ranks.sorted() && Set(ranks).count == ranks.count)
        #expect(StatusClass.severity(.inProgress, reported: true) == StatusClass.severity(.inProgress, reported: false))
    }
}

/// The date of the figures: today in Viet Nam (UTC+7 all year), or pinned.
@Suite("Ngày số liệu")
struct FiguresDateTests {
    @Test("an instant falls on the Vietnamese calendar day")
    func vietnamDay() {
        // 2026-07-14T16:59:59Z is 23:59:59 in Hà Nội; a second later it is the 15th.
        #expect(FiguresDate.vietnamDay(epochSeconds: 1_784_048_399) == .iso("2026-07-14"))
        #expect(FiguresDate.vietnamDay(epochSeconds: 1_784_048_400) == .iso("2026-07-15"))
        #expect(FiguresDate.vietnamDay(epochSeconds: 0) == .iso("1970-01-01"))
        #expect(FiguresDate.vietnamDay(epochSeconds: -25_201) == .iso("1969-12-31"))
    }

    @Test("--as-of wins over SOURCE_DATE_EPOCH, which wins over the clock")
    func precedence() throws {
        let clock = { 1_784_048_400 }
        #expect(try FiguresDate.resolve(option: "2026-07-01", sourceDateEpoch: "0", now: clock).get().date == .iso("2026-07-01"))
        #expect(try FiguresDate.resolve(option: "01/07/2026", sourceDateEpoch: nil, now: clock).get().date == .iso("2026-07-01"))
        #expect(try FiguresDate.resolve(option: nil, sourceDateEpoch: "1784048399", now: clock).get().date == .iso("2026-07-14"))
        #expect(try FiguresDate.resolve(option: nil, sourceDateEpoch: nil, now: clock).get().date == .iso("2026-07-15"))
        #expect(try FiguresDate.resolve(option: nil, sourceDateEpoch: "", now: clock).get().source == .clock)
        #expect(throws: FiguresDateError.self) { try FiguresDate.resolve(option: "2026-13-01", sourceDateEpoch: nil, now: clock).get() }
        #expect(throws: FiguresDateError.self) { try FiguresDate.resolve(option: nil, sourceDateEpoch: "hôm nay", now: clock).get() }
    }
}

/// The tracker over the sample directive: every assigned pair, once.
@Suite("Tổng hợp tiến độ")
struct TrackerTests {
    static let directive = try! Fixture.directive(SampleDirectiveTests.path).directive
    static let asOf = CivilDate.iso("2026-06-25")

    static func row(_ task: String, _ unit: String, _ state: ReportState, completed: String? = nil, updated: String? = nil) -> StatusRow {
        StatusRow(directiveID: directive.id, taskID: task, unitCode: unit, state: state,
                  completed: completed.map(CivilDate.iso), updated: updated.map(CivilDate.iso))
    }

    static let rows = [
        row("1.4", "11413", .done, completed: "2026-06-24", updated: "2026-06-24"),
        row("1.4", "11914", .done, completed: "2026-06-25", updated: "2026-06-25"),
        row("1.4", "10888", .inProgress, updated: "2026-06-20"),
        row("3.1", "STC", .done, completed: "2026-06-26", updated: "2026-06-26"),
        row("1.1", "11413", .inProgress, updated: "2026-06-10"),
        row("4.7", "SNV", .inProgress, updated: "2026-06-22"),
    ]

    static let tracker = Tracker(register: Fixture.register, directives: [directive], rows: rows, asOf: asOf)

    @Test("one assignment per (task, unit), groups expanded")
    func assignments() {
        #expect(Self.tracker.assignments.count == 5 * 114 + 3 * 14 + 1 + 7)
        let pairs = Self.tracker.assignments.map { "\($0.task.taskID) \($0.unitCode)" }
        #expect(Set(pairs).count == pairs.count)
        #expect(Self.tracker.assignments(for: TaskKey(directiveID: Self.directive.id, taskID: "1.4")).count == 114)
        #expect(Self.tracker.assignments(forUnit: "11413").count == 5)
        #expect(Self.tracker.assignments(forUnit: "SNV").count == 3 + 7)
    }

    @Test("classes of task 1.4 on 25/06/2026")
    func task14() {
        let progress = Self.tracker.progress(task: TaskKey(directiveID: Self.directive.id, taskID: "1.4"))
        #expect(progress.total == 114)
        #expect(progress.count(.doneOnTime) == 1)
        #expect(progress.count(.doneLate) == 1)
        // 111 units never reported: past the last day they are overdue too, and silent.
        #expect(progress.count(.overdue) == 112)
        #expect(progress.silent(.overdue) == 111)
        #expect(progress.onTimeRate == 50)
        #expect(abs(progress.percentDone - 200.0 / 114) < 1e-9)
    }

    @Test("standing tasks are shown by report state; 'trước ngày 27/6' is not yet overdue on 25/6")
    func otherClasses() {
        let assignment = { (task: String, unit: String) in
            Self.tracker.assignments(for: TaskKey(directiveID: Self.directive.id, taskID: task)).first { $0.unitCode == unit }
        }
        #expect(assignment("1.1", "11413")?.statusClass == .standing)
        #expect(assignment("1.1", "10888")?.statusClass == .standing)
        #expect(assignment("1.1", "10888")?.reported == false)
        #expect(assignment("3.1", "STC")?.statusClass == .doneOnTime) // due 26/06
        #expect(assignment("4.7", "SNV")?.statusClass == .inProgress)
        #expect(assignment("4.2", "SNV")?.reported == false)
        #expect(assignment("4.2", "SNV").map { $0.statusClass == StatusClass.classify(due: $0.due, row: nil, asOf: Self.asOf) } == true)
    }

    @Test("progress per unit, per unit type, per directive and overall agree")
    func rollUps() {
        let t = Self.tracker
        let byDirective = t.progress(directive: Self.directive)
        #expect(byDirective == t.overall)
        #expect(byDirective.total == t.assignments.count)
        #expect(byDirective.done == 3)
        var byType = Progress()
        for type in ["phuong", "xa", "dac-khu", "so-nganh"] { byType.add(t.progress(unitType: type)) }
        #expect(byType == t.overall)
        let haiAn = t.progress(unit: "11413")
        #expect(haiAn.total == 5)
        #expect(haiAn.count(.doneOnTime) == 1)
        #expect(haiAn.count(.standing) - haiAn.silent(.standing) == 1)
        #expect(haiAn.silent == 3)
        #expect(haiAn.count(.doneOnTime) + haiAn.count(.doneLate) + haiAn.count(.inProgress) + haiAn.count(.overdue)
                + haiAn.count(.standing) == 5)
    }

    @Test("partners are assignments too, with their role")
    func partnerRole() throws {
        let output = try Fixture.directive("shapes/giao-trong-cau.md")
        let tracker = Tracker(register: Fixture.register, directives: [output.directive], rows: [], asOf: .iso("2026-09-01"))
        let roles = tracker.assignments(for: TaskKey(directiveID: output.directive.id, taskID: "1.1")).map { "\($0.unitCode) \($0.role)" }
        #expect(roles == ["STC partner", "SXD lead"])
    }

    @Test("the as-of date comes from the data or the option, never the clock")
    func asOfDate() {
        #expect(Tracker.asOfDate(explicit: nil, rows: Self.rows) == .iso("2026-06-26"))
        #expect(Tracker.asOfDate(explicit: .iso("2026-07-01"), rows: Self.rows) == .iso("2026-07-01"))
        #expect(Tracker.asOfDate(explicit: nil, rows: []) == nil)
        let onlyCompleted = [Self.row("1.4", "11413", .done, completed: "2026-06-21")]
        #expect(Tracker.asOfDate(explicit: nil, rows: onlyCompleted) == .iso("2026-06-21"))
    }
}
