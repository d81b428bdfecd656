import TiendoCore

/// One file of the generated site.
public struct OutputFile: Sendable {
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}

/// Plans and renders every file of the site from the classified model.
/// Pure apart from the theme it was given: no disk, no clock.
public struct SiteBuilder: Sendable {
    public let tracker: Tracker
    public let theme: Theme
    /// Extra HTML for the end of every page's body (the preview server's
    /// reload script); empty in a published build.
    public var bodySuffix: String = ""

    public init(tracker: Tracker, theme: Theme) {
        self.tracker = tracker
        self.theme = theme
    }

    public func build() -> [OutputFile] {
        let context = SiteContext(tracker: tracker)
        var files: [OutputFile] = []
        files.append(page(SitePaths.home, title: "Tổng quan", section: "home", template: "home", HomeView(context), context))
        files.append(page(SitePaths.units, title: "Đơn vị", section: "units", template: "units", UnitsView(context), context))
        for unit in tracker.register.units {
            let path = context.paths.unit(unit.code)
            files.append(page(path, title: unit.name, section: "units", template: "unit", UnitPageView(context, unit: unit), context))
            files.append(OutputFile(path: context.paths.unitFeed(unit.code), text: unitFeed(unit, context)))
        }
        for directive in tracker.directives {
            files.append(page(context.paths.directive(directive.id), title: directive.title, section: "directives",
                              template: "directive", DirectiveView(context, directive: directive), context))
            for task in directive.tasks {
                files.append(page(context.paths.task(task.key), title: "Nhiệm vụ \(task.id) — \(context.directiveShortTitle(directive.id))",
                                  section: "directives", template: "task",
                                  TaskPageView(context, directive: directive, task: task), context))
            }
        }
        files.append(page(SitePaths.calendar, title: "Lịch thời hạn", section: "calendar", template: "calendar", CalendarView(context), context))
        files.append(OutputFile(path: SitePaths.calendarFeed, text: allFeed(context)))
        files.append(page(SitePaths.progress, title: "Bảng tiến độ", section: "progress", template: "progress", ProgressPageView(context), context))
        files.append(page(SitePaths.matrix, title: "Ma trận đơn vị × nhiệm vụ", section: "progress", template: "matrix", MatrixView(context), context))
        files.append(OutputFile(path: SitePaths.taskCSV, text: ProgressFigures.taskCSV(tracker)))
        files.append(OutputFile(path: SitePaths.groupCSV, text: ProgressFigures.groupCSV(tracker)))
        files.append(OutputFile(path: SitePaths.matrixCSV, text: ProgressFigures.matrixCSV(tracker)))
        files.append(OutputFile(path: SitePaths.progressJSON, text: ProgressFigures.json(tracker)))
        for asset in theme.assets {
            files.append(OutputFile(path: SitePaths.assets + "/" + asset.path, bytes: asset.bytes))
        }
        return files
    }

    /// The layout around a page's content.
    struct LayoutView {
        let title: String
        let siteName: String
        let root: String
        let stylesheet: String
        let script: String
        let nav: [NavItem]
        let content: String
        let asOf: String
        let bodySuffix: String
    }

    struct NavItem {
        let label: String
        let href: String
        let current: Bool
    }

    static let navigation: [(label: String, path: String, section: String)] = [
        ("Tổng quan", SitePaths.home, "home"),
        ("Đơn vị", SitePaths.units, "units"),
        ("Lịch thời hạn", SitePaths.calendar, "calendar"),
        ("Tiến độ", SitePaths.progress, "progress"),
    ]

    func page(_ path: String, title: String, section: String, template: String, _ model: Any, _ context: SiteContext) -> OutputFile {
        let content = theme.render(template, model)
        let root = SitePaths.root(of: path)
        let layout = LayoutView(
            title: title, siteName: "Theo dõi tiến độ thực hiện văn bản chỉ đạo", root: root,
            stylesheet: root + "assets/style.css", script: root + "assets/loc.js",
            nav: Self.navigation.map { NavItem(label: $0.label, href: SitePaths.link(from: path, to: $0.path), current: $0.section == section) },
            content: content, asOf: context.asOf.vietnamese, bodySuffix: bodySuffix)
        return OutputFile(path: path, text: theme.render("layout", layout))
    }

    func allFeed(_ context: SiteContext) -> String {
        var events: [ICalendar.Event] = []
        for directive in tracker.directives {
            for task in directive.tasks {
                guard let due = task.deadline?.due else { continue }
                let progress = tracker.progress(task: task.key)
                events.append(ICalendar.Event(
                    uid: ICalendar.uid(task.key), date: due,
                    summary: "Hạn nhiệm vụ \(task.id) (\(context.directiveShortTitle(directive.id))): \(Format.excerpt(task.text, limit: 80))",
                    description: "Thời hạn: \(task.deadline!.text)\nĐơn vị được giao: \(progress.total)\nĐã hoàn thành: \(progress.done)\n\n\(Format.excerpt(task.text, limit: 600))"))
            }
        }
        return ICalendar.feed(name: "Thời hạn nhiệm vụ", events: events, stamp: tracker.asOf)
    }

    func unitFeed(_ unit: Unit, _ context: SiteContext) -> String {
        var events: [ICalendar.Event] = []
        for assignment in tracker.assignments(forUnit: unit.code) {
            guard let due = assignment.due, let task = tracker.task(assignment.task) else { continue }
            events.append(ICalendar.Event(
                uid: ICalendar.uid(task.key, unit: unit.code), date: due,
                summary: "Hạn nhiệm vụ \(task.id) (\(context.directiveShortTitle(task.directiveID))): \(Format.excerpt(task.text, limit: 80))",
                description: "Thời hạn: \(task.deadline!.text)\nTình trạng ngày \(tracker.asOf.vietnamese): \(assignment.statusClass.label)\n\n\(Format.excerpt(task.text, limit: 600))"))
        }
        return ICalendar.feed(name: "Thời hạn — \(unit.name)", events: events, stamp: tracker.asOf)
    }
}
