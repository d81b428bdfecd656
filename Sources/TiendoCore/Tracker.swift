/// Everything read and classified: the register, the directives, the
/// status rows and, for every (task, unit), its class on the date of the
/// figures. The site and every export are rendered from this one model:
/// no page, table or feed classifies or counts for itself.
public struct Tracker: Sendable {
    public let register: UnitRegister
    public let directives: [Directive]
    /// The date of the figures: the day the classes are computed for. The
    /// caller decides it (today in Vietnam, or pinned); the core reads no clock.
    public let asOf: CivilDate
    /// The latest update (or completion) date in the status data; nil when
    /// nobody has reported yet.
    public let dataUpdated: CivilDate?
    /// Every assigned (task, unit) pair, in directive, task and register order.
    public let assignments: [Assignment]

    public let tasksByKey: [TaskKey: Task]
    private let assignmentsByTask: [TaskKey: Range<Int>]
    private let assignmentIndicesByUnit: [String: [Int]]
    /// Summed once here: pages ask for these again and again.
    private let progressByTask: [TaskKey: Progress]
    private let progressByUnit: [String: Progress]
    /// The earlier rows of each pair that has reported more than once,
    /// oldest first (the latest is its assignment's `row`). Most pairs
    /// report once and have no entry.
    private let earlierRows: [Pair: [Int32]]
    /// Every row, in reading order.
    public let rows: [StatusRow]

    /// A (task, unit) pair, to find the status row reported for it.
    private struct Pair: Hashable {
        let directiveID: String
        let taskID: String
        let unitCode: String
    }

    /// One task on one unit, with what the unit reported and its class.
    /// The reported row stays in the tracker's one list of rows and is read
    /// from there: at national scale there are millions of assignments, and
    /// a copy of the row in each would double the memory a build takes.
    public struct Assignment: Sendable, Hashable {
        public var task: TaskKey
        public var unitCode: String
        public var role: Assignee.Role
        public var statusClass: StatusClass
        public var due: CivilDate?
        private let rows: [StatusRow]
        private let rowIndex: Int32

        public var row: StatusRow? { rowIndex < 0 ? nil : rows[Int(rowIndex)] }
        /// The report state, apart from the class: false when the unit has no row.
        public var reported: Bool { rowIndex >= 0 }
        /// Where the pair stands in a list ordered by what needs chasing first.
        public var severity: Int { StatusClass.severity(statusClass, reported: reported) }

        init(task: TaskKey, unitCode: String, role: Assignee.Role, rows: [StatusRow], rowIndex: Int32?,
             statusClass: StatusClass, due: CivilDate?) {
            self.task = task
            self.unitCode = unitCode
            self.role = role
            self.rows = rows
            self.rowIndex = rowIndex ?? -1
            self.statusClass = statusClass
            self.due = due
        }

        public static func == (a: Assignment, b: Assignment) -> Bool {
            a.task == b.task && a.unitCode == b.unitCode && a.role == b.role && a.row == b.row
                && a.statusClass == b.statusClass && a.due == b.due
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(task)
            hasher.combine(unitCode)
            hasher.combine(row)
        }
    }

    public init(register: UnitRegister, directives: [Directive], rows: [StatusRow], asOf: CivilDate) {
        self.register = register
        self.directives = directives
        self.asOf = asOf
        dataUpdated = Tracker.latestUpdate(rows)
        self.rows = rows
        // A pair's rows are its history; the latest update is its current
        // state (of rows on one day, which the reader refuses unless they
        // say the same, the later read).
        var rowByPair: [Pair: Int32] = [:]
        var earlier: [Pair: [Int32]] = [:]
        rowByPair.reserveCapacity(rows.count)
        for (index, row) in rows.enumerated() {
            let pair = Pair(directiveID: row.directiveID, taskID: row.taskID, unitCode: row.unitCode)
            guard let current = rowByPair[pair] else {
                rowByPair[pair] = Int32(index)
                continue
            }
            if row.isBefore(rows[Int(current)]) {
                earlier[pair, default: []].append(Int32(index))
            } else {
                earlier[pair, default: []].append(current)
                rowByPair[pair] = Int32(index)
            }
        }
        // Oldest first; a stable order for rows of one day: reading order.
        for (pair, indices) in earlier {
            earlier[pair] = indices.sorted { a, b in
                rows[Int(a)].isBefore(rows[Int(b)]) || (!rows[Int(b)].isBefore(rows[Int(a)]) && a < b)
            }
        }
        earlierRows = earlier
        var assignments: [Assignment] = []
        var byTask: [TaskKey: Range<Int>] = [:]
        var byUnit: [String: [Int]] = [:]
        var tasksByKey: [TaskKey: Task] = [:]
        var progressByTask: [TaskKey: Progress] = [:]
        var progressByUnit: [String: Progress] = [:]
        for directive in directives {
            for task in directive.tasks {
                tasksByKey[task.key] = task
                let start = assignments.count
                let partnerCodes = Set(task.assignees.filter { $0.role == .partner }.compactMap(\.code))
                var taskProgress = Progress()
                for code in task.units {
                    let rowIndex = rowByPair[Pair(directiveID: directive.id, taskID: task.id, unitCode: code)]
                    let row = rowIndex.map { rows[Int($0)] }
                    let due = task.deadline?.due
                    let statusClass = StatusClass.classify(due: due, row: row, asOf: asOf)
                    byUnit[code, default: []].append(assignments.count)
                    progressByUnit[code, default: Progress()].add(statusClass, state: row?.state)
                    taskProgress.add(statusClass, state: row?.state)
                    assignments.append(Assignment(
                        task: task.key, unitCode: code, role: partnerCodes.contains(code) ? .partner : .lead,
                        rows: rows, rowIndex: rowIndex, statusClass: statusClass, due: due))
                }
                byTask[task.key] = start..<assignments.count
                progressByTask[task.key] = taskProgress
            }
        }
        self.assignments = assignments
        self.assignmentsByTask = byTask
        self.assignmentIndicesByUnit = byUnit
        self.tasksByKey = tasksByKey
        self.progressByTask = progressByTask
        self.progressByUnit = progressByUnit
    }

    /// The latest update in the status data ("số liệu cập nhật đến").
    public static func latestUpdate(_ rows: [StatusRow]) -> CivilDate? {
        var latest: CivilDate?
        for row in rows {
            guard let date = row.updated ?? row.completed else { continue }
            if latest.map({ date > $0 }) ?? true { latest = date }
        }
        return latest
    }

    /// The date of the figures when the caller pins none: the latest update
    /// in the data. Only library callers rely on it; the command line always
    /// passes today in Vietnam or the pinned day.
    public static func asOfDate(explicit: CivilDate?, rows: [StatusRow]) -> CivilDate? {
        explicit ?? latestUpdate(rows)
    }

    public func task(_ key: TaskKey) -> Task? { tasksByKey[key] }

    /// Every row reported for an assignment's pair, oldest first; the last
    /// is its current `row`. Empty when the unit has not reported.
    public func history(_ assignment: Assignment) -> [StatusRow] {
        guard let current = assignment.row else { return [] }
        let pair = Pair(directiveID: assignment.task.directiveID, taskID: assignment.task.taskID, unitCode: assignment.unitCode)
        guard let earlier = earlierRows[pair] else { return [current] }
        return earlier.map { rows[Int($0)] } + [current]
    }

    /// Whether any pair has reported more than once.
    public var hasHistory: Bool { !earlierRows.isEmpty }

    public func assignments(for task: TaskKey) -> ArraySlice<Assignment> {
        assignmentsByTask[task].map { assignments[$0] } ?? []
    }

    /// A unit's assignments, read in place rather than copied out.
    public func assignments(forUnit code: String) -> UnitAssignments {
        UnitAssignments(all: assignments, positions: assignmentIndicesByUnit[code] ?? [])
    }

    public struct UnitAssignments: RandomAccessCollection, Sendable {
        let all: [Assignment]
        let positions: [Int]
        public var startIndex: Int { 0 }
        public var endIndex: Int { positions.count }
        public subscript(position: Int) -> Assignment { all[positions[position]] }
    }

    public func progress<S: Sequence>(of assignments: S) -> Progress where S.Element == Assignment {
        var progress = Progress()
        for assignment in assignments { progress.add(assignment.statusClass, state: assignment.row?.state) }
        return progress
    }

    public func progress(task: TaskKey) -> Progress { progressByTask[task] ?? Progress() }
    public func progress(unit code: String) -> Progress { progressByUnit[code] ?? Progress() }

    public func progress(directive: Directive) -> Progress {
        var total = Progress()
        for task in directive.tasks { total.add(progress(task: task.key)) }
        return total
    }

    /// Progress of all units of one type (phường, xã, đặc khu, sở/ngành).
    public func progress(unitType: String) -> Progress {
        var total = Progress()
        for unit in register.units where unit.type == unitType { total.add(progress(unit: unit.code)) }
        return total
    }

    public var overall: Progress { progress(of: assignments) }
}
