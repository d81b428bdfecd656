/// Progress over time: the classes of every pair replayed from its history
/// at a series of past dates, once, in the core, so a chart's last point is
/// the tracker's own counts and an earlier point is what a build on that
/// day would have counted with the rows sent by then.
///
/// At a date D a pair's row is its latest one sent by D (its `updated` date,
/// or its completion date when it has no update date; a row with neither is
/// taken as known from the start), classified against D. At the date of the
/// figures that is the tracker's current row.
public struct ProgressTimeline: Sendable {
    /// Oldest first; the last is the date of the figures.
    public let dates: [CivilDate]
    public let overall: [Progress]
    private let byUnitType: [String: [Progress]]

    /// At most this many points in a chart: beyond ~9 weeks of days, weeks
    /// (or longer steps) are shown.
    public static let maxPoints = 60

    public init(tracker: Tracker) {
        let asOf = tracker.asOf
        let starts = tracker.directives.compactMap(\.metadata.date).filter { $0 <= asOf }
        let start = starts.min() ?? asOf.adding(days: -28)
        let dates = Self.dates(from: start, to: asOf)
        self.dates = dates
        let empty = [Progress](repeating: Progress(), count: dates.count)
        var overall = empty
        // Counts per type of unit kept in place, one array each, found by the unit's type number.
        var typeNumber: [String: Int] = [:], typeOfUnit: [String: Int] = [:], typeNames: [String] = []
        for unit in tracker.register.units {
            if typeNumber[unit.type] == nil { typeNumber[unit.type] = typeNames.count; typeNames.append(unit.type) }
            typeOfUnit[unit.code] = typeNumber[unit.type]
        }
        var typeCounts = [[Progress]](repeating: empty, count: typeNames.count)
        var classes = [(StatusClass, ReportState?)](repeating: (.standing, nil), count: dates.count)
        for directive in tracker.directives {
            var directiveCounts = empty
            for task in directive.tasks {
                var taskCounts = empty
                for assignment in tracker.assignments(for: task.key) {
                    Self.replay(assignment, history: tracker.history(assignment), dates: dates, into: &classes)
                    let type = typeOfUnit[assignment.unitCode]
                    for index in dates.indices {
                        let (statusClass, state) = classes[index]
                        taskCounts[index].add(statusClass, state: state)
                        if let type { typeCounts[type][index].add(statusClass, state: state) }
                    }
                }
                for index in dates.indices {
                    directiveCounts[index].add(taskCounts[index])
                }
            }
            for index in dates.indices { overall[index].add(directiveCounts[index]) }
        }
        self.overall = overall
        self.byUnitType = Dictionary(uniqueKeysWithValues: zip(typeNames, typeCounts))
    }

    /// The pair's class and reported state at each date. Rows are read in
    /// place (their state and completion date), never copied: this runs for
    /// every pair at every date of every chart.
    static func replay(_ assignment: Tracker.Assignment, history: [StatusRow], dates: [CivilDate],
                       into classes: inout [(StatusClass, ReportState?)], lastIsCurrent: Bool = true) {
        let due = assignment.due
        for (index, date) in dates.enumerated() {
            // The last row of the history (oldest first) known by `date`;
            // at the date of the figures every row is, so the current one.
            var state: ReportState?, completed: CivilDate?
            if lastIsCurrent, index == dates.count - 1 {
                if let row = assignment.row { (state, completed) = (row.state, row.completed) }
            } else {
                var candidate = history.count - 1
                while candidate >= 0, Self.known(history[candidate]) > date.dayNumber { candidate -= 1 }
                if candidate >= 0 { (state, completed) = (history[candidate].state, history[candidate].completed) }
            }
            classes[index] = (StatusClass.classify(due: due, state: state, completed: completed, asOf: date), state)
        }
    }

    /// The day a row became known: its update date, else its completion date, else always.
    static func known(_ row: StatusRow) -> Int {
        (row.updated ?? row.completed)?.dayNumber ?? Int.min
    }

    /// Dates from `start` to `end`, ending exactly on `end`: every day over
    /// a short span, else every 7 days (or a longer step, to keep at most
    /// `maxPoints`), counted back from `end`.
    public static func dates(from start: CivilDate, to end: CivilDate) -> [CivilDate] {
        let span = max(0, end.dayNumber - start.dayNumber)
        var step = span < maxPoints ? 1 : 7
        while span / step >= maxPoints { step += 7 }
        var dates: [CivilDate] = []
        var day = end.dayNumber
        while day >= start.dayNumber || dates.isEmpty {
            dates.append(CivilDate(dayNumber: day))
            day -= step
        }
        return dates.reversed()
    }

    public func unitType(_ type: String) -> [Progress] { byUnitType[type] ?? [] }

    /// One directive's or task's chart: from the directive's date to the
    /// last day anything changed for its pairs (a report known, a last day
    /// passed), never after the date of the figures. Past that day every
    /// count stays as it is, so the chart's last point is the current
    /// counts, and a page whose pairs did not move is not rewritten each day.
    public struct Series: Sendable {
        public let dates: [CivilDate]
        public let counts: [Progress]
        /// Whether the series reaches the date of the figures itself.
        public let reachesAsOf: Bool
    }

    /// The last day anything changed for `assignments` by the date of the
    /// figures; `start` (or the date of the figures) when nothing has.
    public static func lastChange<S: Sequence<Tracker.Assignment>>(_ assignments: S, tracker: Tracker,
                                                                   from start: CivilDate? = nil) -> CivilDate {
        let asOf = tracker.asOf.dayNumber
        var end = Int.min
        for assignment in assignments {
            for row in tracker.history(assignment) { end = max(end, min(known(row), asOf)) }
            // The day after the last day, a pair not done turns overdue (and
            // a done one with no date, late); a last day still to come has changed nothing yet.
            if let due = assignment.due, due.dayNumber + 1 <= asOf { end = max(end, due.dayNumber + 1) }
        }
        if end == Int.min { return start.map { min($0, tracker.asOf) } ?? tracker.asOf }
        return CivilDate(dayNumber: end)
    }

    public static func series(_ assignments: [Tracker.Assignment], tracker: Tracker, from start: CivilDate?) -> Series {
        let asOf = tracker.asOf
        let last = lastChange(assignments, tracker: tracker, from: start)
        let histories = assignments.map { tracker.history($0) }
        let first = start.map { $0 <= last ? $0 : last } ?? last.adding(days: -28)
        let dates = Self.dates(from: first, to: last)
        var counts = [Progress](repeating: Progress(), count: dates.count)
        var classes = [(StatusClass, ReportState?)](repeating: (.standing, nil), count: dates.count)
        for (assignment, history) in zip(assignments, histories) {
            replay(assignment, history: history, dates: dates, into: &classes, lastIsCurrent: last == asOf)
            for index in dates.indices { counts[index].add(classes[index].0, state: classes[index].1) }
        }
        return Series(dates: dates, counts: counts, reachesAsOf: last == asOf)
    }
}
