import TiendoCore

/// Tổng quan: what a city leader looks at first.
struct HomeView: ViewModel {
    static let upcomingDays = 14

    let asOf: String
    let asOfLong: String
    let overall: ProgressView
    let overdue: [OverdueTask]
    let hasOverdue: Bool
    let overdueTotal: Int
    let overdueSilentTotal: Int
    let upcoming: [UpcomingTask]
    let hasUpcoming: Bool
    let upcomingDays: Int
    let directives: [DirectiveRow]
    let groups: [GroupRow]
    let laggards: [LaggardRow]
    let hasLaggards: Bool
    let recent: RecentView
    let recentHref: String
    /// Progress over time, of all pairs and of each group of units.
    let timeline: TimelineView
    let groupTimelines: [TimelineView]

    struct OverdueTask: ViewModel {
        let directiveID: String
        let taskID: String
        let href: String
        let directive: String
        let excerpt: String
        let due: String
        let phrase: String
        let count: Int
        /// How many of them have not reported ("trong đó ... chưa báo cáo").
        let silent: Int
        let hasSilent: Bool
        let units: [UnitLinkView]
        let more: Int
        let hasMore: Bool
    }

    struct UpcomingTask: ViewModel {
        let due: String
        let dueLong: String
        let daysLeft: String
        let taskID: String
        let href: String
        let directive: String
        let excerpt: String
        let phrase: String
        let pending: Int
        let progress: ProgressView
    }

    struct DirectiveRow: ViewModel {
        let title: String
        let href: String
        let taskCount: Int
        let progress: ProgressView
    }

    struct GroupRow: ViewModel {
        let label: String
        let href: String
        let unitCount: Int
        let progress: ProgressView
    }

    struct LaggardRow: ViewModel {
        let name: String
        let href: String
        let code: String
        let overdue: Int
        /// The overdue tasks the unit has not reported on.
        let overdueSilent: Int
        let percent: String
    }

    init(_ context: SiteContext, recentDays: Int) {
        let page = SitePaths.home
        let tracker = context.tracker
        asOf = context.asOf.vietnamese
        asOfLong = Format.longDate(context.asOf)
        overall = ProgressView(tracker.overall)
        upcomingDays = Self.upcomingDays

        var overdue: [OverdueTask] = []
        var upcoming: [UpcomingTask] = []
        for directive in tracker.directives {
            for task in directive.tasks {
                let assignments = tracker.assignments(for: task.key)
                // The counts are the tracker's; only the names listed are picked
                // here, silent units first, as the task page orders them.
                let progress = tracker.progress(task: task.key)
                let count = progress.count(.overdue), silent = progress.silent(.overdue)
                if count > 0, let due = task.deadline?.due {
                    let late = context.order.bySeverity(assignments.filter { $0.statusClass == .overdue })
                    let units = late.prefix(12).map { UnitLinkView(name: context.unitName($0.unitCode), href: context.link(page, context.paths.unit($0.unitCode))) }
                    overdue.append(OverdueTask(
                        directiveID: directive.id, taskID: task.id, href: context.link(page, context.taskPage(task.key)),
                        directive: context.directiveShortTitle(directive.id), excerpt: context.excerpt(task, limit: 140),
                        due: due.vietnamese, phrase: task.deadline?.text ?? "", count: count, silent: silent, hasSilent: silent > 0,
                        units: units, more: count - units.count, hasMore: count > units.count))
                }
                let pending = progress.total - progress.done
                if let due = task.deadline?.due, due >= context.asOf, due.dayNumber - context.asOf.dayNumber <= Self.upcomingDays, pending > 0 {
                    let days = due.dayNumber - context.asOf.dayNumber
                    upcoming.append(UpcomingTask(
                        due: due.vietnamese, dueLong: Format.longDate(due),
                        daysLeft: days == 0 ? "hôm nay là hạn cuối" : "còn \(days) ngày",
                        taskID: task.id, href: context.link(page, context.taskPage(task.key)),
                        directive: context.directiveShortTitle(directive.id), excerpt: context.excerpt(task, limit: 140),
                        phrase: task.deadline?.text ?? "", pending: pending, progress: ProgressView(tracker.progress(task: task.key))))
                }
            }
        }
        upcoming.sort { ($0.due.reversedDate, $0.taskID) < ($1.due.reversedDate, $1.taskID) }
        self.overdue = overdue
        hasOverdue = !overdue.isEmpty
        overdueTotal = tracker.overall.count(.overdue)
        overdueSilentTotal = tracker.overall.silent(.overdue)
        self.upcoming = upcoming
        hasUpcoming = !upcoming.isEmpty

        directives = tracker.directives.map { directive in
            DirectiveRow(title: directive.title, href: context.link(page, context.paths.directive(directive.id)),
                         taskCount: directive.tasks.count, progress: ProgressView(tracker.progress(directive: directive)))
        }
        let replayed = ProgressTimeline(tracker: tracker)
        timeline = TimelineView(caption: "Tiến độ theo thời gian: tất cả các lượt giao việc",
                                dates: replayed.dates, counts: replayed.overall, asOf: tracker.asOf)
        groupTimelines = tracker.register.types.compactMap { type in
            let counts = replayed.unitType(type.code)
            guard counts.last.map({ $0.total > 0 }) ?? false else { return nil }
            return TimelineView(caption: "Tiến độ theo thời gian: \(type.heading)", dates: replayed.dates, counts: counts, asOf: tracker.asOf)
        }
        groups = tracker.register.types.map { type in
            GroupRow(label: type.heading, href: context.link(page, SitePaths.units) + "#loai-\(type.code)",
                     unitCount: tracker.register.units.filter { $0.type == type.code }.count,
                     progress: ProgressView(tracker.progress(unitType: type.code)))
        }
        var laggards: [(Unit, TiendoCore.Progress)] = []
        for unit in tracker.register.units {
            let progress = tracker.progress(unit: unit.code)
            if progress.count(.overdue) > 0 { laggards.append((unit, progress)) }
        }
        laggards.sort { a, b in
            a.1.count(.overdue) != b.1.count(.overdue) ? a.1.count(.overdue) > b.1.count(.overdue)
                : context.order.precedes(a.0, b.0)
        }
        self.laggards = laggards.prefix(15).map { unit, progress in
            LaggardRow(name: unit.name, href: context.link(page, context.paths.unit(unit.code)), code: unit.code,
                       overdue: progress.count(.overdue), overdueSilent: progress.silent(.overdue),
                       percent: Format.percent(progress.percentDone))
        }
        hasLaggards = !laggards.isEmpty
        recent = RecentView(context, changes: RecentChanges(tracker: tracker, days: recentDays), page: page, limit: 10)
        recentHref = context.link(page, SitePaths.recent)
    }
}

extension String {
    /// "24/06/2026" → "2026/06/24", so dd/mm/yyyy strings sort by date.
    var reversedDate: String { split(separator: "/").reversed().joined(separator: "/") }
}
