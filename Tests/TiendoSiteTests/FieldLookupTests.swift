import Testing
import TiendoCore
@testable import TiendoSite

/// The hand-written lookups of FieldLookups.swift find every field, with
/// the value the generic lookup through Mirror gives: a field added later
/// and forgotten there would render as nothing.
@Suite struct FieldLookupTests {
    func check<T: ViewModel>(_ value: T) {
        for child in Mirror(reflecting: value).children {
            guard let label = child.label else { continue }
            let found = value.value(named: label)
            #expect(found != nil, "\(T.self).\(label) is not looked up")
            // The same value the generic lookup through Mirror gives.
            #expect(found?.printed == T.templateValue(of: child.value).printed, "\(T.self).\(label)")
        }
        #expect(value.value(named: "noSuchField") == nil)
    }

    @Test func everyFieldIsFound() throws {
        let site = Support.loaded(Support.miniContent)
        let tracker = try #require(site.tracker)
        let context = SiteContext(tracker: tracker)
        let unitPage = UnitPageView(context, unit: tracker.register.unit(code: "10903")!)
        let row = try #require(unitPage.tasks.first)
        check(row)
        check(row.badge)
        check(UnitPageView.ReportEntry(date: "01/07/2026", state: "Đang thực hiện", report: "1/BC", hasReport: true, late: true))
        check(row.deadline)
        check(unitPage.progress)
        check(try #require(unitPage.progress.counts.first))
        check(try #require(unitPage.progress.segments.first))
        let task = tracker.directives[0].tasks[0]
        check(try #require(TaskPageView(context, directive: tracker.directives[0], task: task).rows.first))
        let matrix = MatrixView(context)
        let matrixRow = try #require(matrix.sections.first?.rows.first)
        check(matrixRow)
        check(try #require(matrixRow.cells.first))
        check(UnitLinkView(name: "a", href: "b"))
        check(try #require(UnitsView(context).groups.first?.units.first))

        let taskPage = TaskPageView(context, directive: tracker.directives[0], task: task)
        check(taskPage)
        check(taskPage.timeline)
        check(try #require(taskPage.timeline.segments.first))
        check(try #require(taskPage.timeline.headers.first))
        check(try #require(taskPage.timeline.rows.first))
        check(try #require(taskPage.timeline.rows.first?.cells.first))
        check(unitPage)
        check(try #require(unitPage.taskGroups.first))
        check(try #require(taskPage.assignees.first))
        check(try #require(matrix.sections.first?.columns.first))
        let calendar = CalendarView(context)
        let day = try #require(calendar.months.lazy.flatMap(\.weeks).flatMap(\.days).first { $0.hasItems })
        check(day)
        check(try #require(day.items.first))
        check(try #require(ProgressPageView(context).tasks.first))
        check(try #require(DirectiveView(context, directive: tracker.directives[0]).tasks.first))
        check(try #require(HomeView(context, recentDays: 7).overdue.first))
        let nav = SiteBuilder.NavItem(label: "Tổng quan", href: "index.html", current: true)
        check(nav)
        check(SiteBuilder.LayoutView(title: "t", siteName: "s", agency: "a", hasAgency: true, contact: "c", hasContact: true,
                                     pageKind: "home", landscape: false, root: "", stylesheet: "a.css", script: "a.js", nav: [nav],
                                     content: RenderedMarkup(bytes: Array("<p>x</p>".utf8)), asOf: "26/06/2026", hasAsOf: true,
                                     dataUpdated: "26/06/2026", bodySuffix: ""))
    }
}
