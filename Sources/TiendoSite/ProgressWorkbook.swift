import TiendoCore

/// `tien-do/tien-do.xlsx`: the progress figures as a workbook a clerk
/// opens in Excel for the report to the city. Every figure is read from
/// the tracker's one classification, as the pages, the CSV and the JSON are.
enum ProgressWorkbook {
    static let sheetNames = (tasks: "Theo nhiệm vụ", units: "Theo đơn vị", groups: "Theo nhóm", matrix: "Ma trận", detail: "Chi tiết")

    static func bytes(_ context: SiteContext) -> [UInt8] {
        // The writer fails only if the zip library does; a build then says so in the file.
        (try? SpreadsheetWriter.workbook(sheets(context))) ?? []
    }

    static func sheets(_ context: SiteContext, pairLimit: Int = pairLimit) -> [Worksheet] {
        let summaries = [taskSheet(context), unitSheet(context), groupSheet(context, total: true)]
        guard context.tracker.assignments.count <= pairLimit else { return summaries + [tooLargeSheet(context, limit: pairLimit)] }
        return summaries + [matrixSheet(context), detailSheet(context)]
    }

    /// Above this many assigned pairs, more than one Excel sheet can hold,
    /// the matrix and the detail are left to tien-do.json and ma-tran.csv:
    /// a workbook of millions of rows is not one a clerk can open, and it
    /// would take gigabytes to write.
    static let pairLimit = Worksheet.maxRows - 1

    static func tooLargeSheet(_ context: SiteContext, limit: Int) -> Worksheet {
        let count = context.tracker.assignments.count
        let message = "Có \(count) lượt giao việc (nhiệm vụ × đơn vị), nhiều hơn số dòng một trang Excel chứa được (\(limit)): "
            + "các trang \(sheetNames.matrix) và \(sheetNames.detail) không có trong tệp này; số liệu từng đơn vị, từng nhiệm vụ có trong tien-do.json và ma-tran.csv."
        return Worksheet(name: sheetNames.detail, columns: [SpreadsheetColumn("Ghi chú", width: 100)], rows: [[.text(message)]])
    }

    // MARK: Counts

    /// The columns every summary sheet ends with: one per class, in the
    /// order the pages show them, then the totals.
    static var countColumns: [SpreadsheetColumn] {
        ProgressFigures.classColumns.map { SpreadsheetColumn($0.label, kind: .integer, width: 12) } + [
            // The silent part: counted inside the classes, never as a class of its own.
            SpreadsheetColumn("Quá hạn: trong đó chưa báo cáo", kind: .integer, width: 14),
            SpreadsheetColumn("Chưa báo cáo (mọi tình trạng)", kind: .integer, width: 14),
            SpreadsheetColumn("Tổng", kind: .integer, width: 8),
            SpreadsheetColumn("Số đã hoàn thành", kind: .integer, width: 12),
            SpreadsheetColumn("% hoàn thành", kind: .decimal, width: 12),
            SpreadsheetColumn("% đúng hạn", kind: .decimal, width: 12),
        ]
    }

    static func countCells(_ progress: TiendoCore.Progress) -> [SpreadsheetCell] {
        ProgressFigures.classColumns.map { .integer(progress.count($0)) } + [
            .integer(progress.silent(.overdue)), .integer(progress.silent),
            .integer(progress.total), .integer(progress.done),
            .number(rounded(progress.percentDone)),
            progress.onTimeRate.map { .number(rounded($0)) } ?? .empty,
        ]
    }

    /// A percentage to one decimal, as the pages show it.
    static func rounded(_ value: Double) -> Double { (value * 10).rounded() / 10 }

    // MARK: Sheets

    static func taskSheet(_ context: SiteContext) -> Worksheet {
        let columns = [
            SpreadsheetColumn("Văn bản"), SpreadsheetColumn("Mã văn bản", kind: .text), SpreadsheetColumn("Nhiệm vụ", kind: .text),
            SpreadsheetColumn("Nội dung", width: 60), SpreadsheetColumn("Hạn cuối", kind: .date), SpreadsheetColumn("Thời hạn ghi trong văn bản", width: 30),
        ] + countColumns
        let rows = ProgressFigures.taskRows(context.tracker).map { figure -> [SpreadsheetCell] in
            let task = figure.task
            return [.text(context.directiveShortTitle(task.directiveID)), .text(task.directiveID), .text(task.id),
                    .text(context.taskFacts[task.key]?.plain ?? Format.plainLine(task.text)),
                    .optionalDate(task.deadline?.due), .optionalText(task.deadline?.text)]
                + countCells(figure.progress)
        }
        return Worksheet(name: sheetNames.tasks, columns: columns, rows: rows, frozenColumns: 3)
    }

    static func unitSheet(_ context: SiteContext) -> Worksheet {
        let columns = [SpreadsheetColumn("Mã đơn vị", kind: .text), SpreadsheetColumn("Đơn vị"), SpreadsheetColumn("Loại")] + countColumns
        let rows = context.tracker.register.units.map { unit -> [SpreadsheetCell] in
            [.text(unit.code), .text(unit.name), .text(context.typeLabels[unit.type]?.label ?? unit.type)]
                + countCells(context.tracker.progress(unit: unit.code))
        }
        return Worksheet(name: sheetNames.units, columns: columns, rows: rows, frozenColumns: 2)
    }

    /// `total`: a last row "Tất cả" for all units, as the page has; the
    /// CSV leaves it out, so a program summing the rows counts once.
    static func groupSheet(_ context: SiteContext, total: Bool = true) -> Worksheet {
        let columns = [SpreadsheetColumn("Nhóm"), SpreadsheetColumn("Số đơn vị", kind: .integer, width: 10)] + countColumns
        var rows = ProgressFigures.groupRows(context.tracker).map { figure -> [SpreadsheetCell] in
            [.text(figure.label), .integer(figure.unitCount)] + countCells(figure.progress)
        }
        if total { rows.append([.text("Tất cả"), .integer(context.tracker.register.units.count)] + countCells(context.tracker.overall)) }
        return Worksheet(name: sheetNames.groups, columns: columns, rows: rows, frozenColumns: 1)
    }

    /// Every unit against every task, in one table: the page's sections
    /// (communes, departments) one under the other, named in a column, and
    /// a task's cell empty for a unit it is not assigned to, else the
    /// pair's class with its report state.
    static func matrixSheet(_ context: SiteContext) -> Worksheet {
        let sections = ProgressFigures.matrix(context.tracker, order: context.order)
        var taskColumn: [TaskKey: Int] = [:]
        var tasks: [Task] = []
        // In directive and task order, whichever section a task falls in.
        let used = Set(sections.flatMap { $0.tasks.map(\.key) })
        for directive in context.tracker.directives {
            for task in directive.tasks where used.contains(task.key) {
                taskColumn[task.key] = tasks.count
                tasks.append(task)
            }
        }
        let oneDirective = Set(tasks.map(\.directiveID)).count <= 1
        let columns = [SpreadsheetColumn("Mã đơn vị", kind: .text), SpreadsheetColumn("Đơn vị"), SpreadsheetColumn("Nhóm")]
            + tasks.map { task in
                SpreadsheetColumn(oneDirective ? "Nhiệm vụ \(task.id)" : "\(context.directiveShortTitle(task.directiveID)) — \(task.id)", width: 16)
            }
        // Each sheet row is a (section, row) place; its cells are made when the row is written.
        let places = sections.indices.flatMap { section in sections[section].rows.indices.map { (section, $0) } }
        let columnsBySection = sections.map { section in section.tasks.map { taskColumn[$0.key]! } }
        let width = 3 + tasks.count
        let row: @Sendable (Int) -> [SpreadsheetCell] = { index in
            let (sectionIndex, rowIndex) = places[index]
            let section = sections[sectionIndex]
            let row = section.rows[rowIndex]
            var cells = [SpreadsheetCell](repeating: .empty, count: width)
            cells[0] = .text(row.unit.code)
            cells[1] = .text(row.unit.name)
            cells[2] = .text(section.label)
            // The class and, for a silent unit, "· chưa báo cáo", as the matrix page shows it.
            for (column, cell) in zip(columnsBySection[sectionIndex], row.cells) {
                if let cell { cells[3 + column] = .text(cell.label) }
            }
            return cells
        }
        return Worksheet(name: sheetNames.matrix, columns: columns, rowCount: places.count, row: row, frozenColumns: 2)
    }

    /// One row per assigned (task, unit) pair.
    static func detailSheet(_ context: SiteContext) -> Worksheet {
        let columns = [
            SpreadsheetColumn("Văn bản"), SpreadsheetColumn("Mã văn bản", kind: .text), SpreadsheetColumn("Nhiệm vụ", kind: .text),
            SpreadsheetColumn("Mã đơn vị", kind: .text), SpreadsheetColumn("Đơn vị"), SpreadsheetColumn("Vai trò"),
            SpreadsheetColumn("Tình trạng"), SpreadsheetColumn("Báo cáo"), SpreadsheetColumn("Trạng thái đơn vị báo cáo"),
            SpreadsheetColumn("Hạn cuối", kind: .date), SpreadsheetColumn("Ngày hoàn thành", kind: .date),
            SpreadsheetColumn("Số báo cáo", kind: .text), SpreadsheetColumn("Ghi chú"), SpreadsheetColumn("Ngày cập nhật", kind: .date),
        ]
        var titles: [String: SpreadsheetCell] = [:]
        for directive in context.tracker.directives { titles[directive.id] = .text(context.directiveShortTitle(directive.id)) }
        let assignments = context.tracker.assignments
        // Made row by row as the sheet is written: never a million rows of cells at once.
        let row: @Sendable (Int) -> [SpreadsheetCell] = { [titles] index in
            let assignment = assignments[index]
            let directiveID = assignment.task.directiveID
            let row = assignment.row
            return [
                titles[directiveID] ?? .text(directiveID), .text(directiveID), .text(assignment.task.taskID),
                .text(assignment.unitCode), .text(context.unitName(assignment.unitCode)),
                .text(assignment.role == .lead ? "Chủ trì" : "Phối hợp"),
                .text(assignment.statusClass.label), .text(reportState(assignment)), .optionalText(row?.state.label),
                .optionalDate(assignment.due), .optionalDate(row?.completed),
                .optionalText(row?.report), .optionalText(row.map { note($0.note) }), .optionalDate(row?.updated),
            ]
        }
        return Worksheet(name: sheetNames.detail, columns: columns, rowCount: assignments.count, row: row, frozenColumns: 0)
    }

    /// A note as text: Markdown's emphasis markers dropped, its lines kept.
    static func note(_ markdown: String) -> String {
        EmphasisMarkers.removed(from: markdown)
    }

    /// Whether the unit has reported on the pair: a state of its own,
    /// beside the class, never a class.
    static func reportState(_ assignment: Tracker.Assignment) -> String {
        assignment.reported ? "Đã báo cáo" : "Chưa báo cáo"
    }
}
