import Foundation
import TiendoCore

/// The status classes in the order every table and bar shows them.
public let statusOrder: [StatusClass] = [.doneOnTime, .doneLate, .inProgress, .standing, .overdue, .notReported]

/// A class shown as colour, a symbol and words, so it reads without colour.
/// One shared instance per class: table rows refer to it instead of copying.
final class BadgeView: ViewModel, Sendable {
    let css: String
    let symbol: String
    let label: String

    private init(_ statusClass: StatusClass) {
        css = "st-" + statusClass.rawValue
        symbol = statusClass.symbol
        label = statusClass.label
    }

    private static let shared: [StatusClass: BadgeView] =
        Dictionary(uniqueKeysWithValues: StatusClass.allCases.map { ($0, BadgeView($0)) })

    static func of(_ statusClass: StatusClass) -> BadgeView { shared[statusClass]! }
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

    struct ClassCount: ViewModel {
        let css: String
        let symbol: String
        let label: String
        let shortLabel: String
        let count: Int
        let isZero: Bool
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
                       shortLabel: statusClass.shortLabel, count: progress.count(statusClass), isZero: progress.count(statusClass) == 0)
        }
        description = statusOrder.filter { progress.count($0) > 0 }
            .map { "\($0.label): \(progress.count($0))" }.joined(separator: "; ")
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

    static let weekdays = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]

    /// "Thứ Tư, 24/06/2026"
    static func longDate(_ date: CivilDate) -> String { "\(weekdays[date.weekdayFromMonday]), \(date.vietnamese)" }

    /// Markdown emphasis markers removed, white space collapsed.
    static func plainLine(_ markdown: String) -> String {
        VietnameseText.collapseSpaces(markdown.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: ""))
    }

    /// Cut at a word before `limit` characters, with an ellipsis.
    static func cut(_ plain: String, limit: Int) -> String {
        guard plain.count > limit else { return plain }
        let cut = plain.prefix(limit)
        let lastSpace = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<lastSpace]) + " …"
    }
}
