import TiendoCore

/// Progress tables: per task, per group of units, with links to the
/// matrix and to the same figures as CSV and JSON.
struct ProgressPageView: ViewModel {
    let asOf: String
    let classes: [Header]
    let tasks: [TaskRow]
    let groups: [GroupRow]
    let overall: GroupRow
    let matrixHref: String
    let taskCSVHref: String
    let groupCSVHref: String
    let matrixCSVHref: String
    let jsonHref: String
    let workbookHref: String

    struct Header: ViewModel {
        let css: String
        let symbol: String
        let label: String
        let shortLabel: String
    }

    struct TaskRow: ViewModel {
        let directiveID: String
        let directive: String
        let taskID: String
        let href: String
        let excerpt: String
        let due: String
        let counts: [ProgressView.ClassCount]
        let total: Int
        let percent: String
        let onTime: String
        let progress: ProgressView
    }

    struct GroupRow: ViewModel {
        let label: String
        let units: Int
        let counts: [ProgressView.ClassCount]
        let total: Int
        let percent: String
        let onTime: String
        let progress: ProgressView
    }

    init(_ context: SiteContext) {
        let page = SitePaths.progress
        let tracker = context.tracker
        asOf = context.asOf.vietnamese
        classes = statusOrder.map { Header(css: "st-" + $0.rawValue, symbol: $0.symbol, label: $0.label, shortLabel: $0.shortLabel) }
        tasks = ProgressFigures.taskRows(tracker).map { figure in
            let view = ProgressView(figure.progress)
            return TaskRow(directiveID: figure.task.directiveID, directive: context.directiveShortTitle(figure.task.directiveID), taskID: figure.task.id,
                           href: context.link(page, context.taskPage(figure.task.key)),
                           excerpt: context.excerpt(figure.task, limit: 100), due: Format.date(figure.task.deadline?.due),
                           counts: view.counts, total: view.total, percent: view.percent, onTime: view.onTime, progress: view)
        }
        func groupRow(_ figure: ProgressFigures.GroupFigure) -> GroupRow {
            let view = ProgressView(figure.progress)
            return GroupRow(label: figure.label, units: figure.unitCount, counts: view.counts, total: view.total,
                            percent: view.percent, onTime: view.onTime, progress: view)
        }
        groups = ProgressFigures.groupRows(tracker).map(groupRow)
        overall = groupRow(ProgressFigures.GroupFigure(label: "Tất cả", unitCount: tracker.register.units.count, progress: tracker.overall))
        matrixHref = context.link(page, SitePaths.matrix)
        taskCSVHref = context.link(page, SitePaths.taskCSV)
        groupCSVHref = context.link(page, SitePaths.groupCSV)
        matrixCSVHref = context.link(page, SitePaths.matrixCSV)
        jsonHref = context.link(page, SitePaths.progressJSON)
        workbookHref = context.link(page, SitePaths.progressWorkbook)
    }
}

/// The unit × task matrix: one table per group of unit types, rows the
/// units, columns the tasks assigned to any of them. With many directives
/// the main matrix page shows units × directives and links to one unit ×
/// task matrix per directive.
struct MatrixView: ViewModel {
    let title: String
    let sections: [Section]
    let legend: [ProgressPageView.Header]
    let asOf: String
    let isOverview: Bool
    let overview: [OverviewSection]
    let progressHref: String
    let homeHref: String
    let matrixHref: String
    let isDirective: Bool

    struct Section: ViewModel {
        let title: String
        let columns: [Column]
        let rows: [Row]
        let caption: String
    }

    struct Column: ViewModel {
        let id: String
        let href: String
        let title: String
        let due: String
    }

    struct Row: ViewModel {
        let name: String
        let href: String
        let cells: [Cell]
    }

    struct Cell: ViewModel {
        let symbol: String
        let css: String
        /// For tests and scripts: the class code and "1"/"0" for reported, empty for no assignment or an overview cell.
        let statusClass: String
        let reported: String
        let label: String
    }

    struct OverviewSection: ViewModel {
        let title: String
        let columns: [Column]
        let rows: [Row]
        let caption: String
    }

    /// The matrix of every task (`directive` nil) or of one directive's tasks.
    init(_ context: SiteContext, directive: Directive? = nil) {
        let page = directive.map { context.paths.directiveMatrix($0.id) } ?? SitePaths.matrix
        asOf = context.asOf.vietnamese
        progressHref = context.link(page, SitePaths.progress)
        homeHref = context.link(page, SitePaths.home)
        matrixHref = context.link(page, SitePaths.matrix)
        isDirective = directive != nil
        title = directive.map { "Ma trận đơn vị × nhiệm vụ — \(context.directiveShortTitle($0.id))" } ?? "Ma trận đơn vị × nhiệm vụ"
        legend = statusOrder.map { ProgressPageView.Header(css: "st-" + $0.rawValue, symbol: $0.symbol, label: $0.label, shortLabel: $0.shortLabel) }
            + [ProgressPageView.Header(css: "st-overdue st-silent", symbol: StatusClass.overdue.symbol + "?",
                                       label: "Dấu ? sau ký hiệu: đơn vị chưa báo cáo (ví dụ quá hạn, chưa báo cáo)", shortLabel: "Chưa báo cáo")]
        isOverview = directive == nil && ProgressFigures.needsOverview(context.tracker)
        if isOverview {
            sections = []
            overview = Self.overview(context, page: page)
            return
        }
        overview = []
        sections = ProgressFigures.matrix(context.tracker, order: context.order, directives: directive.map { [$0] }).map { section in
            Section(
                title: section.label,
                columns: section.tasks.map { task in
                    Column(id: task.id, href: context.link(page, context.taskPage(task.key)),
                           title: context.directiveShortTitle(task.directiveID) + " — nhiệm vụ " + task.id + ": " + context.excerpt(task, limit: 80),
                           due: Format.date(task.deadline?.due))
                },
                rows: section.rows.map { row in
                    Row(name: context.unitName(row.unit.code), href: context.link(page, context.paths.unit(row.unit.code)),
                        cells: row.cells.map { cell in
                            guard let cell else { return Cell(symbol: "", css: "na", statusClass: "", reported: "", label: "không giao") }
                            return Cell(symbol: cell.symbol, css: "st-" + cell.statusClass.rawValue + (cell.reported ? "" : " st-silent"),
                                        statusClass: cell.statusClass.rawValue, reported: cell.reported ? "1" : "0", label: cell.label)
                        })
                },
                caption: "\(section.label): \(section.rows.count) đơn vị × \(section.tasks.count) nhiệm vụ")
        }
    }

    /// Units × directives: each cell "done/assigned", coloured by the most
    /// urgent class among the unit's tasks of that directive.
    static func overview(_ context: SiteContext, page: String) -> [OverviewSection] {
        let urgency: [StatusClass] = [.overdue, .inProgress, .doneLate, .standing, .doneOnTime]
        return ProgressFigures.matrix(context.tracker, order: context.order).map { section in
            let directives = context.tracker.directives.filter { directive in
                directive.tasks.contains { task in section.tasks.contains { $0.key == task.key } }
            }
            let columns = directives.map { directive in
                Column(id: context.directiveShortTitle(directive.id), href: context.link(page, context.paths.directiveMatrix(directive.id)),
                       title: directive.title, due: "")
            }
            let taskIndex = Dictionary(section.tasks.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { a, _ in a })
            let rows = section.rows.map { row -> Row in
                let cells = directives.map { directive -> Cell in
                    var counts: [StatusClass: Int] = [:]
                    var done = 0, total = 0
                    for task in directive.tasks {
                        guard let index = taskIndex[task.key], let cell = row.cells[index] else { continue }
                        counts[cell.statusClass, default: 0] += 1
                        total += 1
                        if cell.statusClass == .doneOnTime || cell.statusClass == .doneLate { done += 1 }
                    }
                    guard total > 0, let worst = urgency.first(where: { counts[$0] != nil }) else {
                        return Cell(symbol: "", css: "na", statusClass: "", reported: "", label: "không giao")
                    }
                    return Cell(symbol: "\(worst.symbol) \(done)/\(total)", css: "st-" + worst.rawValue, statusClass: "", reported: "",
                                label: "\(done)/\(total) hoàn thành; cần chú ý nhất: \(worst.label)")
                }
                return Row(name: context.unitName(row.unit.code), href: context.link(page, context.paths.unit(row.unit.code)), cells: cells)
            }
            return OverviewSection(title: section.label, columns: columns, rows: rows,
                                   caption: "\(section.label): \(section.rows.count) đơn vị × \(directives.count) văn bản")
        }
    }
}
