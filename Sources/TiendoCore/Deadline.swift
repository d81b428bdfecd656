/// A task's deadline: the phrase as the directive wrote it and the last day
/// it allows, when there is one.
public struct Deadline: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        /// An inclusive day: "chậm nhất trong ngày 24/6/2026", "hạn 24/6/2026".
        case on
        /// An exclusive day: "trước ngày 27/6/2026" allows up to 26/6/2026.
        case before
        /// A period: a month, quarter, half-year or year; due is its last day.
        case within
        /// Repeats: "định kỳ hằng quý", "trước ngày 15 hằng tháng".
        case recurring
        /// A standing duty with no single date: "thường xuyên", "tiếp tục".
        case standing
        /// Set by another document's schedule: "theo Kế hoạch số 192/KH-UBND".
        case reference
    }

    public var text: String
    public var kind: Kind
    /// The last day the phrase allows; nil for standing, reference, and
    /// recurring deadlines whose first occurrence is unknown.
    public var due: CivilDate?
    /// The document whose schedule applies, for `.reference`.
    public var reference: String?
    public var recurrence: Recurrence?

    public init(text: String, kind: Kind, due: CivilDate?, reference: String? = nil, recurrence: Recurrence? = nil) {
        self.text = text
        self.kind = kind
        self.due = due
        self.reference = reference
        self.recurrence = recurrence
    }
}

/// How a recurring deadline repeats.
public struct Recurrence: Sendable, Hashable, Codable {
    public enum Period: String, Sendable, Hashable, Codable {
        case week, month, quarter, halfYear = "half-year", year
    }

    public var period: Period
    /// Day of the month the report is due, when the phrase names one.
    public var day: Int?
    /// Month of the year, for yearly and half-yearly deadlines that name one.
    public var month: Int?
    /// "trước ngày 15 hằng tháng" allows up to the 14th.
    public var exclusive: Bool

    public init(period: Period, day: Int? = nil, month: Int? = nil, exclusive: Bool = false) {
        self.period = period
        self.day = day
        self.month = month
        self.exclusive = exclusive
    }

    /// False when the day or month cannot exist ("ngày 0", "ngày 25/13",
    /// "ngày 30/2 hằng năm"); the 29th of February exists in leap years.
    public var isPossible: Bool {
        if let day, !(1...31).contains(day) { return false }
        if let month {
            guard (1...12).contains(month) else { return false }
            if let day, day > CivilDate.daysIn(month: month, year: 2000) { return false }
        }
        return true
    }

    /// The first due day strictly after `date`, or nil when the phrase names no day.
    public func firstOccurrence(after date: CivilDate) -> CivilDate? {
        guard let day else { return nil }
        let months: [Int]
        switch period {
        case .week: return nil
        case .month: months = Array(1...12)
        case .quarter: months = month.map { m in (0..<4).map { (m - 1) % 3 + 1 + 3 * $0 } } ?? [3, 6, 9, 12]
        case .halfYear: months = month.map { m in [(m - 1) % 6 + 1, (m - 1) % 6 + 7] } ?? [6, 12]
        case .year: months = [month ?? 12]
        }
        for year in date.year...(date.year + 1) {
            for m in months {
                let clamped = min(day, CivilDate.daysIn(month: m, year: year))
                guard var due = CivilDate(year: year, month: m, day: clamped) else { continue }
                if exclusive { due = due.adding(days: -1) }
                if due > date { return due }
            }
        }
        return nil
    }
}
