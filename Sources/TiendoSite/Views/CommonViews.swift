import Foundation
import TiendoCore

/// The status classes in the order every table and bar shows them.
public let statusOrder: [StatusClass] = [.doneOnTime, .doneLate, .inProgress, .standing, .overdue]

/// A pair's class shown as colour, a symbol and words, with its report state
/// beside it ("✗ Quá hạn chưa hoàn thành · chưa báo cáo"), so it reads without
/// colour. One shared instance per (class, report state): rows refer to it.
final class BadgeView: ViewModel, Sendable {
    let css: String
    let symbol: String
    let label: String
    /// For filters and tests: the class's code and whether the unit reported.
    let statusClass: String
    let reported: Bool

    private init(_ statusClass: StatusClass, state: ReportState?) {
        css = "st-" + statusClass.rawValue + (state == nil ? " st-silent" : "")
        symbol = statusClass.symbol
        self.statusClass = statusClass.rawValue
        reported = state != nil
        label = BadgeView.words(statusClass, state: state)
    }

    /// The class in words, with the report state where it adds something: a
    /// silent unit is said to be silent, and a "chưa thực hiện" row in time
    /// reads as not started, though its class stays the in-time class.
    static func words(_ statusClass: StatusClass, state: ReportState?) -> String {
        switch (statusClass, state) {
        case (.overdue, nil): "\(statusClass.label) · chưa báo cáo"
        case (.inProgress, nil): "Còn trong hạn · chưa báo cáo"
        case (.inProgress, .notStarted?): "Chưa thực hiện · còn trong hạn"
        // Short: the class's long name does not fit a printed table cell with the state beside it.
        case (.standing, nil): "Thường xuyên · chưa báo cáo"
        case (.standing, let state?): "Thường xuyên · \(state.label.lowercased())"
        default: statusClass.label
        }
    }

    /// Indexed by class and report state, not by a string key: looked up
    /// once for every (task, unit) row of every page.
    private static let states: [ReportState?] = [nil] + ReportState.allCases.map(Optional.some)
    private static let shared: [BadgeView] = StatusClass.allCases.flatMap { statusClass in
        states.map { BadgeView(statusClass, state: $0) }
    }
    private static let classIndex: [StatusClass: Int] =
        Dictionary(uniqueKeysWithValues: StatusClass.allCases.enumerated().map { ($1, $0) })

    static func of(_ statusClass: StatusClass, state: ReportState?) -> BadgeView {
        let stateIndex = state.map { ReportState.allCases.firstIndex(of: $0)! + 1 } ?? 0
        return shared[classIndex[statusClass]! * states.count + stateIndex]
    }

    static func of(_ assignment: Tracker.Assignment) -> BadgeView { of(assignment.statusClass, state: assignment.row?.state) }
}

/// One segment of a stacked progress bar (SVG, no inline style: the
/// Content-Security-Policy forbids it).
struct BarSegment: ViewModel {
    let css: String
    let x: String
    let width: String
}

struct ProgressView: ViewModel {
    let segments: [BarSegment]
    let percent: String
    let done: Int
    let total: Int
    /// For screen readers: the counts per class in words.
    let description: String
    let counts: [ClassCount]
    let onTime: String
    let hasTotal: Bool
    /// Pairs with no report at all, whatever their class.
    let silent: Int
    let hasSilent: Bool

    struct ClassCount: ViewModel {
        let css: String
        let symbol: String
        let label: String
        let shortLabel: String
        let count: Int
        let isZero: Bool
        /// The class's code, and how many of its pairs have no report ("trong đó ... chưa báo cáo").
        let statusClass: String
        let silent: Int
        let hasSilent: Bool
    }

    init(_ progress: TiendoCore.Progress) {
        var segments: [BarSegment] = []
        var x = 0.0
        for statusClass in statusOrder {
            let count = progress.count(statusClass)
            guard count > 0, progress.total > 0 else { continue }
            let width = Double(count) * 100 / Double(progress.total)
            segments.append(BarSegment(css: "st-" + statusClass.rawValue, x: Format.decimal(x), width: Format.decimal(width)))
            x += width
        }
        self.segments = segments
        percent = Format.percent(progress.percentDone)
        done = progress.done
        total = progress.total
        hasTotal = progress.total > 0
        counts = statusOrder.map { statusClass in
            ClassCount(css: "st-" + statusClass.rawValue, symbol: statusClass.symbol, label: statusClass.label,
                       shortLabel: statusClass.shortLabel, count: progress.count(statusClass), isZero: progress.count(statusClass) == 0,
                       statusClass: statusClass.rawValue, silent: progress.silent(statusClass), hasSilent: progress.silent(statusClass) > 0)
        }
        silent = progress.silent
        hasSilent = progress.silent > 0
        description = statusOrder.filter { progress.count($0) > 0 }
            .map { "\($0.label): \(progress.count($0))" + (progress.silent($0) > 0 ? ", trong đó \(progress.silent($0)) chưa báo cáo" : "") }
            .joined(separator: "; ")
        onTime = progress.onTimeRate.map(Format.percent) ?? "—"
    }
}

/// Numbers and dates as a Vietnamese report writes them.
enum Format {
    /// "45,5%" — Vietnamese uses a decimal comma.
    static func percent(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        if rounded == rounded.rounded() { return "\(Int(rounded))%" }
        return String(format: "%.1f", rounded).replacingOccurrences(of: ".", with: ",") + "%"
    }

    /// Plain decimal for SVG coordinates (always a dot).
    static func decimal(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(format: "%.2f", rounded)
    }

    static func date(_ date: CivilDate?) -> String { date?.vietnamese ?? "" }

    /// "Số liệu cập nhật đến ...": the latest update in the status data.
    static func dataUpdated(_ date: CivilDate?) -> String { date?.vietnamese ?? "chưa có báo cáo nào" }

    static let weekdays = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]

    /// "Thứ Tư, 24/06/2026"
    static func longDate(_ date: CivilDate) -> String { "\(weekdays[date.weekdayFromMonday]), \(date.vietnamese)" }

    /// Markdown emphasis markers removed, white space collapsed.
    static func plainLine(_ markdown: String) -> String {
        VietnameseText.collapseSpaces(EmphasisMarkers.removed(from: markdown))
    }

    /// Cut at a word before `limit` characters, with an ellipsis.
    /// (Characters are counted only as far as the limit, and not at all
    /// when the text has no more bytes than the limit: counting every
    /// character of every task text for every unit's report sheet was 3 %
    /// of a full build at L.)
    static func cut(_ plain: String, limit: Int) -> String {
        guard plain.utf8.count > limit,
              let end = plain.index(plain.startIndex, offsetBy: limit, limitedBy: plain.endIndex), end < plain.endIndex else { return plain }
        let cut = plain[..<end]
        let lastSpace = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<lastSpace]) + " …"
    }
}
