/// Where a (task, unit) stands against its deadline on the as-of date: the
/// classes Vietnamese task-tracking reports count. Every pair falls in exactly one.
public enum StatusClass: String, Sendable, Hashable, CaseIterable, Codable {
    case doneOnTime = "done-on-time"
    case doneLate = "done-late"
    case inProgress = "in-progress"
    case overdue
    case notReported = "not-reported"
    /// No single due day (standing, by reference, recurring without a known day):
    /// shown by report state only.
    case standing

    public var label: String {
        switch self {
        case .doneOnTime: "Đã hoàn thành đúng hạn"
        case .doneLate: "Đã hoàn thành quá hạn"
        case .inProgress: "Đang thực hiện trong hạn"
        case .overdue: "Quá hạn chưa hoàn thành"
        case .notReported: "Chưa báo cáo"
        case .standing: "Thường xuyên / không có hạn cụ thể"
        }
    }

    /// A short label for narrow table headers.
    public var shortLabel: String {
        switch self {
        case .doneOnTime: "Đúng hạn"
        case .doneLate: "Xong quá hạn"
        case .inProgress: "Trong hạn"
        case .overdue: "Quá hạn"
        case .notReported: "Chưa báo cáo"
        case .standing: "Thường xuyên"
        }
    }

    /// A symbol shown with the colour so the class reads without colour too.
    public var symbol: String {
        switch self {
        case .doneOnTime: "✓"
        case .doneLate: "✓!"
        case .inProgress: "…"
        case .overdue: "✗"
        case .notReported: "?"
        case .standing: "∞"
        }
    }

    /// Classifies one pair. `row` is nil when the unit has not reported.
    public static func classify(due: CivilDate?, row: StatusRow?, asOf: CivilDate) -> StatusClass {
        guard let row else { return .notReported }
        guard let due else { return .standing }
        if row.state == .done {
            // Done without a date: counted on time only if the deadline has
            // not passed yet; otherwise nobody can say it was on time.
            guard let completed = row.completed else { return asOf <= due ? .doneOnTime : .doneLate }
            return completed <= due ? .doneOnTime : .doneLate
        }
        return asOf <= due ? .inProgress : .overdue
    }
}
