import TiendoCore

/// The deadline calendar: a month grid for every month with a deadline, and
/// an agenda list of the same deadlines.
struct CalendarView: ViewModel {
    let asOf: String
    let months: [Month]
    /// Deadlines from the date of the figures on, nearest first: what a
    /// reader opens the calendar for, shown before the month grids.
    let agenda: [AgendaDay]
    let hasAgenda: Bool
    /// Deadlines already passed, most recent first.
    let past: [AgendaDay]
    let hasPast: Bool
    let hasDeadlines: Bool
    let feedHref: String
    let undated: [Item]
    let hasUndated: Bool

    struct Month: ViewModel {
        let title: String
        let anchor: String
        let weeks: [Week]
    }

    struct Week: ViewModel {
        let days: [Day]
    }

    struct Day: ViewModel {
        let day: String
        let isBlank: Bool
        let isAsOf: Bool
        let isWeekend: Bool
        let hasItems: Bool
        let items: [Item]
        let label: String
    }

    struct Item: ViewModel {
        let taskID: String
        let href: String
        let directive: String
        let phrase: String
        let phraseHTML: String
        let excerpt: String
        let excerptHTML: String
        let counts: [ProgressView.ClassCount]
        let summary: String
    }

    struct AgendaDay: ViewModel {
        let date: String
        let dateLong: String
        let isPast: Bool
        let isAsOf: Bool
        let items: [Item]
    }

    init(_ context: SiteContext) {
        let page = SitePaths.calendar
        let tracker = context.tracker
        var byDay: [CivilDate: [Item]] = [:]
        var undated: [Item] = []
        for directive in tracker.directives {
            for task in directive.tasks {
                let progress = ProgressView(tracker.progress(task: task.key))
                let item = Item(taskID: task.id, href: context.link(page, context.taskPage(task.key)),
                                directive: context.directiveShortTitle(directive.id), phrase: task.deadline?.text ?? "",
                                phraseHTML: WholeCodes.html(task.deadline?.text ?? ""),
                                excerpt: context.excerpt(task, limit: 120),
                                excerptHTML: WholeCodes.html(context.excerpt(task, limit: 120)),
                                counts: progress.counts.filter { !$0.isZero },
                                summary: "\(progress.done)/\(progress.total) đơn vị hoàn thành")
                if let due = task.deadline?.due {
                    byDay[due, default: []].append(item)
                } else if task.deadline != nil {
                    undated.append(item)
                }
            }
        }
        asOf = context.asOf.vietnamese
        feedHref = context.link(page, SitePaths.calendarFeed)
        hasDeadlines = !byDay.isEmpty
        self.undated = undated
        hasUndated = !undated.isEmpty
        let days = byDay.keys.sorted()
        let agendaDays = days.map { day in
            AgendaDay(date: day.vietnamese, dateLong: Format.longDate(day), isPast: day < context.asOf,
                      isAsOf: day == context.asOf, items: byDay[day]!)
        }
        agenda = agendaDays.filter { !$0.isPast }
        hasAgenda = !agenda.isEmpty
        past = agendaDays.filter(\.isPast).reversed()
        hasPast = !past.isEmpty
        // Months by their first day, found by arithmetic: a deadline the day
        // before 01/01/1900 falls outside the years a date can be named in.
        var firsts: [CivilDate] = []
        for day in days {
            let first = day.adding(days: 1 - day.day)
            if firsts.last != first, !firsts.contains(first) { firsts.append(first) }
        }
        months = firsts.map { first in
            let year = first.year, month = first.month
            var cells: [Day] = Array(repeating: Day(day: "", isBlank: true, isAsOf: false, isWeekend: false, hasItems: false, items: [], label: ""),
                                     count: first.weekdayFromMonday)
            for d in 1...CivilDate.daysIn(month: month, year: year) {
                let date = first.adding(days: d - 1)
                let items = byDay[date] ?? []
                let isAsOf = date == context.asOf
                cells.append(Day(day: String(d), isBlank: false, isAsOf: isAsOf, isWeekend: date.weekdayFromMonday >= 5,
                                 hasItems: !items.isEmpty, items: items,
                                 label: Format.longDate(date) + (isAsOf ? " (ngày số liệu)" : "")))
            }
            while cells.count % 7 != 0 {
                cells.append(Day(day: "", isBlank: true, isAsOf: false, isWeekend: false, hasItems: false, items: [], label: ""))
            }
            let weeks = stride(from: 0, to: cells.count, by: 7).map { Week(days: Array(cells[$0..<($0 + 7)])) }
            return Month(title: "Tháng \(month)/\(year)", anchor: "thang-\(year)-\(month < 10 ? "0" : "")\(month)", weeks: weeks)
        }
    }
}
