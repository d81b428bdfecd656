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

/// A file the site will have, and how to make it. A page with an input
/// fingerprint can be reused from the previous build when the fingerprint
/// (and the build's salt) is unchanged, without rendering it again.
public struct PagePlan: Sendable {
    public var path: String
    /// What the page shows that may change between builds; nil for pages
    /// that summarise everything and are always rendered.
    public var inputs: Fingerprint?
    public var render: @Sendable () -> [UInt8]
}

/// Plans and renders every file of the site from the classified model.
/// Pure apart from the theme it was given: no disk, no clock.
public struct SiteBuilder: Sendable {
    public let tracker: Tracker
    public let theme: Theme
    /// Extra HTML for the end of every page's body (the preview server's
    /// reload script); empty in a published build.
    public var bodySuffix: String = ""
    /// How many days before the as-of date the recent-changes page covers.
    public var recentDays: Int = 7
    /// Agency, title and contact from `site.yaml`.
    public var identity = SiteIdentity()

    public init(tracker: Tracker, theme: Theme) {
        self.tracker = tracker
        self.theme = theme
    }

    /// Everything that every page depends on: when it changes, no page is
    /// reused. Status rows are not in it; each page fingerprints its own.
    /// Nor is the date of the figures: a rebuild on a new day re-renders only
    /// the pages whose classes, counts or days left it changes, and those
    /// pages carry it (or what it decides) in their own fingerprint.
    public var salt: Fingerprint {
        var salt = theme.fingerprint
        salt.add(bodySuffix)
        salt.add(recentDays)
        salt.add(identity.agency); salt.add(identity.title); salt.add(identity.contact)
        // Every page's header shows it, and every feed stamps its events with it.
        salt.add(feedStamp.iso)
        let register = tracker.register
        for type in register.types { salt.add(type.code); salt.add(type.label); salt.add(type.heading) }
        for group in register.groups { salt.add(group.code); salt.add(group.name); group.memberTypes.forEach { salt.add($0) } }
        for unit in register.units { salt.add(unit.code); salt.add(unit.name); salt.add(unit.type); unit.aliases.forEach { salt.add($0) } }
        for directive in tracker.directives {
            salt.add(directive.id)
            salt.add(directive.file)
            salt.add(directive.title)
            directive.bodyLines.forEach { salt.add($0) }
            for task in directive.tasks {
                salt.add(task.id); salt.add(task.text); salt.add(task.section)
                salt.add(task.deadline.map { "\($0.text)|\($0.kind)|\($0.due?.iso ?? "")" } ?? "-")
                salt.add(task.consolidator.map { "\($0.name)|\($0.code ?? "")" } ?? "-")
                task.assignees.forEach { salt.add("\($0.name)|\($0.code ?? "")|\($0.role)") }
            }
        }
        return salt
    }

    /// Every file of the site and how to render it. `threads` only
    /// speeds up computing the pages' input fingerprints.
    public func plan(threads: Int = SiteBuilder.defaultThreads) -> [PagePlan] {
        let context = SiteContext(tracker: tracker, threads: threads)
        let builder = self
        var plans: [PagePlan] = []
        func add(_ path: String, inputs: Fingerprint? = nil, _ render: @escaping @Sendable () -> String) {
            plans.append(PagePlan(path: path, inputs: inputs, render: { Array(render().utf8) }))
        }
        func add(_ path: String, inputs: Fingerprint? = nil, _ render: @escaping @Sendable () -> [UInt8]) {
            plans.append(PagePlan(path: path, inputs: inputs, render: render))
        }
        add(SitePaths.home) { builder.page(SitePaths.home, title: "Tổng quan", section: "home", template: "home", HomeView(context, recentDays: builder.recentDays), context, showsAsOf: true) }
        add(SitePaths.units) { builder.page(SitePaths.units, title: "Đơn vị", section: "units", template: "units", UnitsView(context), context, showsAsOf: true) }
        // Input fingerprints read every (task, unit) pair twice: on all cores.
        let units = tracker.register.units
        let unitPrints = Workers.map(units, threads: threads) { unit in builder.unitInputs(unit, context) }
        let taskPrints = Workers.map(tracker.directives, threads: threads) { directive in
            directive.tasks.map { task in
                var inputs = Fingerprint()
                for assignment in builder.tracker.assignments(for: task.key) { builder.add(assignment, to: &inputs) }
                // The chart ends on the last day anything changed for the task.
                inputs.add(ProgressTimeline.lastChange(builder.tracker.assignments(for: task.key), tracker: builder.tracker,
                                                       from: directive.metadata.date).iso)
                return inputs
            }
        }
        for (unit, inputs) in zip(units, unitPrints) {
            let path = context.paths.unit(unit.code)
            add(path, inputs: inputs.page) { builder.page(path, title: unit.name, section: "units", template: "unit", UnitPageView(context, unit: unit), context) }
            add(context.paths.unitFeed(unit.code), inputs: inputs.feed) { builder.unitFeed(unit, context) }
            let sheetPath = context.paths.unitWorkbook(unit.code)
            add(sheetPath, inputs: inputs.sheet) {
                (try? UnitReportSheet.workbook(builder.tracker, unit: unit, plainText: { context.taskFacts[$0]?.plain })) ?? []
            }
        }
        for (directive, taskInputs) in zip(tracker.directives, taskPrints) {
            var directiveInputs = Fingerprint()
            for task in directive.tasks { directiveInputs.add(progressPrint(tracker.progress(task: task.key))) }
            // Its chart replays every pair's history up to the last day anything changed.
            for inputs in taskInputs { directiveInputs.add(inputs) }
            directiveInputs.add(ProgressTimeline.lastChange(directive.tasks.lazy.flatMap { builder.tracker.assignments(for: $0.key) },
                                                             tracker: tracker, from: directive.metadata.date).iso)
            let path = context.paths.directive(directive.id)
            add(path, inputs: directiveInputs) {
                builder.page(path, title: directive.title, section: "directives", template: "directive", DirectiveView(context, directive: directive), context)
            }
            for (task, inputs) in zip(directive.tasks, taskInputs) {
                let taskPath = context.taskPage(task.key)
                add(taskPath, inputs: inputs) {
                    builder.page(taskPath, title: "Nhiệm vụ \(task.id) — \(context.directiveShortTitle(directive.id))",
                                 section: "directives", template: "task", TaskPageView(context, directive: directive, task: task), context)
                }
            }
        }
        add(SitePaths.calendar) { builder.page(SitePaths.calendar, title: "Lịch thời hạn", section: "calendar", template: "calendar", CalendarView(context), context, showsAsOf: true) }
        add(SitePaths.calendarFeed) { builder.allFeed(context) }
        add(SitePaths.recent) {
            builder.page(SitePaths.recent, title: "Cập nhật gần đây", section: "recent", template: "recent",
                         RecentView(context, changes: RecentChanges(tracker: builder.tracker, days: builder.recentDays)), context, showsAsOf: true)
        }
        add(SitePaths.recentFeed) { RecentChanges(tracker: builder.tracker, days: builder.recentDays).atom(context, identity: builder.identity) }
        add(SitePaths.progress) { builder.page(SitePaths.progress, title: "Bảng tiến độ", section: "progress", template: "progress", ProgressPageView(context), context, showsAsOf: true) }
        add(SitePaths.matrix) { builder.page(SitePaths.matrix, title: "Ma trận đơn vị × nhiệm vụ", section: "progress", template: "matrix", MatrixView(context), context, showsAsOf: true) }
        if ProgressFigures.needsOverview(tracker) {
            for directive in tracker.directives {
                let path = context.paths.directiveMatrix(directive.id)
                // A summary page: it states the date of the figures.
                var inputs = Fingerprint()
                inputs.add(tracker.asOf.iso)
                for task in directive.tasks {
                    for assignment in tracker.assignments(for: task.key) {
                        inputs.add(assignment.statusClass.rawValue)
                        inputs.add(assignment.reported ? "1" : "0")
                    }
                }
                add(path, inputs: inputs) {
                    builder.page(path, title: "Ma trận — \(context.directiveShortTitle(directive.id))", section: "progress",
                                 template: "matrix", MatrixView(context, directive: directive), context, showsAsOf: true)
                }
            }
        }
        // The CSV files are the workbook's sheets, so the two never disagree.
        add(SitePaths.taskCSV) { WorksheetCSV.document(ProgressWorkbook.taskSheet(context)) }
        add(SitePaths.groupCSV) { WorksheetCSV.document(ProgressWorkbook.groupSheet(context, total: false)) }
        add(SitePaths.matrixCSV) { WorksheetCSV.document(ProgressWorkbook.matrixSheet(context)) }
        add(SitePaths.progressWorkbook) { ProgressWorkbook.bytes(context) }
        add(SitePaths.progressJSON) { ProgressFigures.json(builder.tracker) }
        for asset in theme.assets {
            let bytes = asset.bytes
            plans.append(PagePlan(path: SitePaths.assets + "/" + asset.path, inputs: Fingerprint.of(bytes: bytes), render: { bytes }))
        }
        return plans
    }

    /// Renders every planned file, on every core; the result is in plan
    /// order whatever the number of threads, so the bytes never depend on it.
    /// (Publishing renders through `Publisher`, which writes each page as
    /// it is done.)
    public func build(threads: Int = SiteBuilder.defaultThreads) -> [OutputFile] {
        let plans = plan(threads: threads)
        let order = Self.renderOrder(plans.map { _ in true }, plans: plans)
        let rendered = Workers.map(order, threads: threads) { plans[$0].render() }
        var bytes = [[UInt8]](repeating: [], count: plans.count)
        for (index, page) in zip(order, rendered) { bytes[index] = page }
        return plans.indices.map { OutputFile(path: plans[$0].path, bytes: bytes[$0]) }
    }

    public static var defaultThreads: Int { max(1, min(8, SystemInfo.activeProcessorCount)) }

    /// The plans marked `needed`, in the order to render them. Summary pages
    /// (no input fingerprint: home, calendar, progress, matrix, exports) are
    /// the biggest; starting them first keeps both cores busy to the end
    /// instead of leaving one to finish the matrix alone.
    static func renderOrder(_ needed: [Bool], plans: [PagePlan]) -> [Int] {
        needed.indices.filter { needed[$0] && plans[$0].inputs == nil }
            + needed.indices.filter { needed[$0] && plans[$0].inputs != nil }
    }

    // MARK: Inputs of pages

    func add(_ assignment: Tracker.Assignment, to print: inout Fingerprint) {
        print.add(assignment.task.directiveID)
        print.add(assignment.task.taskID)
        print.add(assignment.unitCode)
        print.add(assignment.statusClass.rawValue)
        if let row = assignment.row {
            print.add(row.state.rawValue)
            print.add(row.completed)
            print.add(row.report)
            print.add(row.updated)
            print.add(row.note)
            // The unit and task pages list the earlier reports too.
            if tracker.hasHistory {
                let history = tracker.history(assignment)
                if history.count > 1 {
                    for earlier in history.dropLast() {
                        print.add(earlier.state.rawValue)
                        print.add(earlier.completed)
                        print.add(earlier.report)
                        print.add(earlier.updated)
                    }
                }
            }
        } else {
            print.add("-")
        }
    }

    func progressPrint(_ progress: TiendoCore.Progress) -> Fingerprint {
        var print = Fingerprint()
        for statusClass in StatusClass.allCases { print.add(progress.count(statusClass)); print.add(progress.silent(statusClass)) }
        print.add(progress.done)
        return print
    }

    /// What a unit's page and its calendar feed are made from. The feed
    /// shows only the unit's assignments; the page also days left and, for
    /// a consolidator, who has reported.
    /// The report sheet shows the rows as reported, never a class: a class
    /// that turns overdue on a new day leaves it alone (the task texts and
    /// due days, the unit's name and the data's latest update are in the salt).
    func unitInputs(_ unit: Unit, _ context: SiteContext) -> (page: Fingerprint, feed: Fingerprint, sheet: Fingerprint) {
        var print = Fingerprint()
        var sheet = Fingerprint()
        for assignment in tracker.assignments(forUnit: unit.code) {
            add(assignment, to: &print)
            sheet.add(assignment.task.directiveID)
            sheet.add(assignment.task.taskID)
            if let row = assignment.row {
                sheet.add(row.state.rawValue)
                sheet.add(row.completed)
                sheet.add(row.report)
                sheet.add(row.updated)
                sheet.add(row.note)
            } else {
                sheet.add("-")
            }
        }
        let feed = print
        // "Sắp đến hạn" counts days from the date of the figures: a unit with
        // a task in that window is rendered again each day, the others not.
        let upcoming = UnitPageView.upcoming(tracker.assignments(forUnit: unit.code), asOf: tracker.asOf)
        if !upcoming.isEmpty { print.add(tracker.asOf.iso) }
        // A consolidator's page lists who has reported on the tasks it collects.
        for directive in tracker.directives {
            for task in directive.tasks where task.consolidator?.code == unit.code {
                for assignment in tracker.assignments(for: task.key) {
                    print.add(assignment.unitCode)
                    print.add(assignment.row == nil ? "0" : "1")
                }
            }
        }
        return (print, feed, sheet)
    }

    // MARK: Rendering

    /// The layout around a page's content.
    struct LayoutView: ViewModel {
        let title: String
        let siteName: String
        let agency: String
        let hasAgency: Bool
        let contact: String
        let hasContact: Bool
        /// The page's kind, as a class on <body> for a theme's styles.
        let pageKind: String
        /// The unit × task matrix prints on landscape A4.
        let landscape: Bool
        let root: String
        let stylesheet: String
        let script: String
        let nav: [NavItem]
        let content: RenderedMarkup
        /// The date of the figures, on the summary pages only: a unit or
        /// task page that did not change on a new day keeps its bytes.
        let asOf: String
        let hasAsOf: Bool
        /// The latest update in the status data, on every page.
        let dataUpdated: String
        let bodySuffix: String
    }

    struct NavItem: ViewModel {
        let label: String
        let href: String
        let current: Bool
    }

    static let navigation: [(label: String, path: String, section: String)] = [
        ("Tổng quan", SitePaths.home, "home"),
        ("Đơn vị", SitePaths.units, "units"),
        ("Lịch thời hạn", SitePaths.calendar, "calendar"),
        ("Tiến độ", SitePaths.progress, "progress"),
        ("Cập nhật gần đây", SitePaths.recent, "recent"),
    ]

    func page(_ path: String, title: String, section: String, template: String, _ model: any ViewModel, _ context: SiteContext,
              showsAsOf: Bool = false) -> [UInt8] {
        let content = theme.render(template, model)
        let root = SitePaths.root(of: path)
        let layout = LayoutView(
            title: title, siteName: identity.title, agency: identity.agency, hasAgency: !identity.agency.isEmpty,
            contact: identity.contact, hasContact: !identity.contact.isEmpty,
            pageKind: template, landscape: template == "matrix", root: root,
            stylesheet: root + "assets/style.css", script: root + "assets/loc.js",
            nav: Self.navigation.map { NavItem(label: $0.label, href: SitePaths.link(from: path, to: $0.path), current: $0.section == section) },
            content: RenderedMarkup(bytes: content), asOf: showsAsOf ? context.asOf.vietnamese : "", hasAsOf: showsAsOf,
            dataUpdated: Format.dataUpdated(tracker.dataUpdated),
            bodySuffix: bodySuffix.replacingOccurrences(of: "{{root}}", with: root))
        return theme.render("layout", layout, sizeHint: content.count + 4096)
    }

    /// The DTSTAMP of every feed: the latest update in the data, so a feed
    /// whose events did not change keeps its bytes on a new day.
    var feedStamp: CivilDate { tracker.dataUpdated ?? tracker.asOf }

    /// Per-task parts of calendar events, shared by all feeds of one build.
    let deadlineEvents = DeadlineEvent.Store()

    func allFeed(_ context: SiteContext) -> [UInt8] {
        let parts = deadlineEvents.parts(tracker, context)
        let feed = DeadlineEvent.FeedParts(unit: nil, stamp: feedStamp)
        var writer = ICalendar.Writer(name: "Thời hạn nhiệm vụ")
        for directive in tracker.directives {
            for task in directive.tasks {
                guard let due = task.deadline?.due, let entry = parts.byTask[task.key] else { continue }
                let progress = tracker.progress(task: task.key)
                let status = ICalendar.escaped("\nĐơn vị được giao: \(progress.total)\nĐã hoàn thành: \(progress.done)"
                    + (progress.count(.overdue) == 0 ? "" : "\nQuá hạn chưa hoàn thành ngày \(tracker.asOf.vietnamese): \(progress.count(.overdue))"
                        + (progress.silent(.overdue) > 0 ? ", trong đó \(progress.silent(.overdue)) chưa báo cáo" : "")))
                parts.shared.writeEvent(entry, date: due, status: status, feed: feed, into: &writer)
            }
        }
        return writer.finish()
    }

    func unitFeed(_ unit: Unit, _ context: SiteContext) -> [UInt8] {
        let parts = deadlineEvents.parts(tracker, context)
        let feed = DeadlineEvent.FeedParts(unit: unit.code, stamp: feedStamp)
        // A handful of (class, report state) pairs: each status line is
        // escaped once per feed, not once per event. No date in it: the
        // feed's bytes change only when a class does.
        var statusByBadge: [ObjectIdentifier: [UInt8]] = [:]
        let assignments = tracker.assignments(forUnit: unit.code)
        // About 700 octets an event; a reserve avoids regrowing a 600 KB feed.
        var writer = ICalendar.Writer(name: "Thời hạn — \(unit.name)", reservingCapacity: 1024 + assignments.count * 768)
        for assignment in assignments {
            guard let due = assignment.due, let entry = parts.byTask[assignment.task] else { continue }
            let badge = BadgeView.of(assignment)
            let status: [UInt8]
            if let known = statusByBadge[ObjectIdentifier(badge)] { status = known } else {
                status = ICalendar.escaped("\nTình trạng: \(badge.label)")
                statusByBadge[ObjectIdentifier(badge)] = status
            }
            parts.shared.writeEvent(entry, date: due, status: status, feed: feed, into: &writer)
        }
        return writer.finish()
    }
}
