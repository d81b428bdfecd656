/// Everything read and classified: the register, the directives, the
/// status rows and, for every (task, unit), its class on the as-of date.
/// The site and every export are rendered from this one model.
public struct Tracker: Sendable {
    public let register: UnitRegister
    public let directives: [Directive]
    public let asOf: CivilDate
    /// Every assigned (task, unit) pair, in directive, task and register order.
    public let assignments: [Assignment]

    public let tasksByKey: [TaskKey: Task]
    private let assignmentsByTask: [TaskKey: Range<Int>]
    private let assignmentIndicesByUnit: [String: [Int]]

    /// One task on one unit, with what the unit reported and its class.
    public struct Assignment: Sendable, Hashable {
        public var task: TaskKey
        public var unitCode: String
        public var role: Assignee.Role
        public var row: StatusRow?
        public var statusClass: StatusClass
        public var due: CivilDate?
    }

    public init(register: UnitRegister, directives: [Directive], rows: [StatusRow], asOf: CivilDate) {
        self.register = register
        self.directives = directives
        self.asOf = asOf
        var rowByPair: [String: StatusRow] = [:]
        for row in rows { rowByPair["\(row.directiveID)\u{1}\(row.taskID)\u{1}\(row.unitCode)"] = row }
        var assignments: [Assignment] = []
        var byTask: [TaskKey: Range<Int>] = [:]
        var byUnit: [String: [Int]] = [:]
        var tasksByKey: [TaskKey: Task] = [:]
        for directive in directives {
            for task in directive.tasks {
                tasksByKey[task.key] = task
                let start = assignments.count
                let partnerCodes = Set(task.assignees.filter { $0.role == .partner }.compactMap(\.code))
                for code in task.units {
                    let row = rowByPair["\(directive.id)\u{1}\(task.id)\u{1}\(code)"]
                    let due = task.deadline?.due
                    byUnit[code, default: []].append(assignments.count)
                    assignments.append(Assignment(
                        task: task.key, unitCode: code, role: partnerCodes.contains(code) ? .partner : .lead, row: row,
                        statusClass: StatusClass.classify(due: due, row: row, asOf: asOf), due: due))
                }
                byTask[task.key] = start..<assignments.count
            }
        }
        self.assignments = assignments
        self.assignmentsByTask = byTask
        self.assignmentIndicesByUnit = byUnit
        self.tasksByKey = tasksByKey
    }

    /// The as-of date: the one given, or the latest update in the data —
    /// never the clock, so the same inputs build the same site.
    public static func asOfDate(explicit: CivilDate?, rows: [StatusRow]) -> CivilDate? {
        explicit ?? rows.compactMap { $0.updated ?? $0.completed }.max()
    }

    public func task(_ key: TaskKey) -> Task? { tasksByKey[key] }

    public func assignments(for task: TaskKey) -> ArraySlice<Assignment> {
        assignmentsByTask[task].map { assignments[$0] } ?? []
    }

    public func assignments(forUnit code: String) -> [Assignment] {
        (assignmentIndicesByUnit[code] ?? []).map { assignments[$0] }
    }

    public func progress<S: Sequence>(of assignments: S) -> Progress where S.Element == Assignment {
        var progress = Progress()
        for assignment in assignments { progress.add(assignment.statusClass, state: assignment.row?.state) }
        return progress
    }

    public func progress(task: TaskKey) -> Progress { progress(of: assignments(for: task)) }
    public func progress(unit code: String) -> Progress { progress(of: assignments(forUnit: code)) }

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
