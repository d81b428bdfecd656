import TiendoCore

/// The progress figures, computed once and shown as HTML tables, CSV and
/// JSON alike — one model, several formats.
enum ProgressFigures {
    struct TaskFigure {
        let task: Task
        let progress: TiendoCore.Progress
    }

    struct GroupFigure {
        let label: String
        let unitCount: Int
        let progress: TiendoCore.Progress
    }

    /// One (unit, task) cell: the pair's class and its report state.
    struct MatrixCell: Equatable {
        let statusClass: StatusClass
        let reported: Bool

        /// "✗?" for an overdue pair nobody reported on: the symbol reads without colour.
        var symbol: String { statusClass.symbol + (reported ? "" : "?") }
        var label: String { statusClass.label + (reported ? "" : " · chưa báo cáo") }
    }

    struct MatrixSection {
        let label: String
        let tasks: [Task]
        let rows: [(unit: Unit, cells: [MatrixCell?])]
    }

    static func taskRows(_ tracker: Tracker) -> [TaskFigure] {
        tracker.directives.flatMap { directive in
            directive.tasks.map { TaskFigure(task: $0, progress: tracker.progress(task: $0.key)) }
        }
    }

    /// Each type's units and their summed progress.
    static func groupRows(_ tracker: Tracker) -> [GroupFigure] {
        tracker.register.types.map { type in
            GroupFigure(label: type.heading, unitCount: tracker.register.units.filter { $0.type == type.code }.count,
                        progress: tracker.progress(unitType: type.code))
        }
    }

    /// Commune-level units in one table, departments in another: the
    /// register's types grouped as its groups declare them.
    static func matrix(_ tracker: Tracker, order: UnitOrder, directives: [Directive]? = nil) -> [MatrixSection] {
        let register = tracker.register
        var sections: [(label: String, types: Set<String>)] = []
        var covered = Set<String>()
        for group in register.groups where !group.memberTypes.isEmpty {
            let types = Set(group.memberTypes).subtracting(covered)
            guard !types.isEmpty else { continue }
            sections.append((group.name, types))
            covered.formUnion(types)
        }
        for type in register.types where !covered.contains(type.code) {
            sections.append((type.heading, [type.code]))
        }
        let allTasks = (directives ?? tracker.directives).flatMap(\.tasks)
        return sections.compactMap { label, types in
            let units = register.units.filter { types.contains($0.type) }
                .sorted(by: order.precedes)
            // One row of cells per distinct code, filled by position: no
            // (unit, task) keys to build and hash for every cell of a
            // province-sized table. A code listed twice shows the same row twice.
            var slotByCode: [String: Int] = [:]
            for unit in units where slotByCode[unit.code] == nil { slotByCode[unit.code] = slotByCode.count }
            let tasks = allTasks.filter { $0.units.contains { slotByCode[$0] != nil } }
            guard !tasks.isEmpty else { return nil }
            var cells = [MatrixCell?](repeating: nil, count: slotByCode.count * tasks.count)
            for (column, task) in tasks.enumerated() {
                // The last assignment of a pair wins, as it always has.
                let assignments = tracker.assignments(for: task.key)
                for index in assignments.indices {
                    if let slot = slotByCode[assignments[index].unitCode] {
                        cells[slot * tasks.count + column] = MatrixCell(statusClass: assignments[index].statusClass,
                                                                        reported: assignments[index].reported)
                    }
                }
            }
            let rows = units.map { unit in
                let start = slotByCode[unit.code]! * tasks.count
                return (unit: unit, cells: Array(cells[start..<start + tasks.count]))
            }
            return MatrixSection(label: label, tasks: tasks, rows: rows)
        }
    }

    /// Above this many task columns a single unit × task table stops being
    /// readable: the matrix page shows units × directives instead, and each
    /// directive gets its own unit × task matrix.
    static let matrixColumnLimit = 40

    static func needsOverview(_ tracker: Tracker) -> Bool {
        tracker.directives.count > 1 && tracker.directives.reduce(0) { $0 + $1.tasks.count } > matrixColumnLimit
    }

    // MARK: Exports

    static let classColumns = statusOrder

    /// The assignments array, one object per (task, unit), written straight
    /// to bytes: at national scale there are millions, and a tree of values
    /// for them would take gigabytes.
    static func assignmentsJSON(_ tracker: Tracker) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(tracker.assignments.count * 160 + 2)
        func field(_ key: StaticString, _ value: String?, first: Bool = false) {
            if !first { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "\""))
            key.withUTF8Buffer { out.append(contentsOf: $0) }
            out.append(contentsOf: "\":".utf8)
            if let value { JSONValue.escape(value, into: &out) } else { out.append(contentsOf: "null".utf8) }
        }
        out.append(UInt8(ascii: "["))
        for (index, a) in tracker.assignments.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "{"))
            field("directive", a.task.directiveID, first: true)
            field("task", a.task.taskID)
            field("unit", a.unitCode)
            field("class", a.statusClass.rawValue)
            out.append(contentsOf: (a.reported ? ",\"reported\":true" : ",\"reported\":false").utf8)
            field("state", a.row?.state.rawValue)
            field("completed", a.row?.completed?.iso)
            field("report", a.row.map(\.report).flatMap { $0.isEmpty ? nil : $0 })
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "]"))
        return out
    }

    static func json(_ tracker: Tracker) -> [UInt8] {
        func progressJSON(_ progress: TiendoCore.Progress) -> JSONValue {
            .object([
                ("counts", .object(classColumns.map { ($0.rawValue, .int(progress.count($0))) })),
                // Inside each class, the pairs whose unit has not reported.
                ("not_reported", .object(classColumns.map { ($0.rawValue, .int(progress.silent($0))) })),
                ("total", .int(progress.total)),
                ("done", .int(progress.done)),
                ("percent_done", .number(progress.percentDone)),
                ("on_time_rate", progress.onTimeRate.map(JSONValue.number) ?? .null),
            ])
        }
        let value = JSONValue.object([
            ("as_of", .string(tracker.asOf.iso)),
            ("data_updated", .optional(tracker.dataUpdated?.iso)),
            ("classes", .object(classColumns.map { ($0.rawValue, .string($0.label)) })),
            ("overall", progressJSON(tracker.overall)),
            ("directives", .array(tracker.directives.map { directive in
                .object([("id", .string(directive.id)), ("title", .string(directive.title)),
                         ("progress", progressJSON(tracker.progress(directive: directive)))])
            })),
            ("tasks", .array(taskRows(tracker).map { figure in
                .object([("directive", .string(figure.task.directiveID)), ("id", .string(figure.task.id)),
                         ("due", .optional(figure.task.deadline?.due?.iso)),
                         ("deadline", .optional(figure.task.deadline?.text)),
                         ("progress", progressJSON(figure.progress))])
            })),
            ("groups", .array(groupRows(tracker).map { figure in
                .object([("label", .string(figure.label)), ("units", .int(figure.unitCount)),
                         ("progress", progressJSON(figure.progress))])
            })),
            ("units", .array(tracker.register.units.map { unit in
                .object([("code", .string(unit.code)), ("name", .string(unit.name)), ("type", .string(unit.type)),
                         ("progress", progressJSON(tracker.progress(unit: unit.code)))])
            })),
            ("assignments", .raw(assignmentsJSON(tracker))),
        ])
        // Compact: at province scale the assignments alone are tens of megabytes.
        var bytes = value.utf8()
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }
}
