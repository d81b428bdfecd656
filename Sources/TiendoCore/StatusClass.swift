/// Where a (task, unit) stands against its last day on the date of the
/// figures: the classes Vietnamese task-tracking reports count. Every
/// assigned pair falls in exactly one. Whether the unit has reported is a
/// separate `reported` flag counted inside each class, never a class of its
/// own: a unit that stays silent must never look better than one that
/// reported honestly.
public enum StatusClass: String, Sendable, Hashable, CaseIterable, Codable {
    case doneOnTime = "done-on-time"
    case doneLate = "done-late"
    case inProgress = "in-progress"
    case overdue
    /// No single last day (standing, by reference, recurring without a known
    /// day): shown with its report state.
    case standing

    public var label: String {
        switch self {
        case .doneOnTime: "Đã hoàn thành đúng hạn"
        case .doneLate: "Đã hoàn thành quá hạn"
        case .inProgress: "Đang thực hiện trong hạn"
        case .overdue: "Quá hạn chưa hoàn thành"
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
        case .standing: "∞"
        }
    }

    /// Classifies one pair from three things only: whether it is done, its
    /// last day and the date of the figures. `row` is nil when the unit has
    /// not reported, which counts as not done.
    public static func classify(due: CivilDate?, row: StatusRow?, asOf: CivilDate) -> StatusClass {
        classify(due: due, state: row?.state, completed: row?.completed, asOf: asOf)
    }

    /// The same from the only two fields of the row it reads (`state` nil
    /// when the unit has not reported), for a caller that classifies a pair
    /// at many dates and should not copy the row (its texts) each time.
    public static func classify(due: CivilDate?, state: ReportState?, completed: CivilDate?, asOf: CivilDate) -> StatusClass {
        guard let due else { return .standing }
        if state == .done {
            // Done without a date: counted on time only if the last day has
            // not passed yet; otherwise nobody can say it was on time.
            guard let completed else { return asOf <= due ? .doneOnTime : .doneLate }
            return completed <= due ? .doneOnTime : .doneLate
        }
        return asOf <= due ? .inProgress : .overdue
    }

    /// Where a pair stands in a list ordered by what needs chasing first:
    /// overdue and silent, overdue and reported, in time, standing, done
    /// late, done on time.
    public static func severity(_ statusClass: StatusClass, reported: Bool) -> Int {
        switch statusClass {
        case .overdue: reported ? 1 : 0
        case .inProgress: 2
        case .standing: 3
        case .doneLate: 4
        case .doneOnTime: 5
        }
    }
}
