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
        case day, week, month, quarter, halfYear = "half-year", year
    }

    /// A further due day in the same period ("trước ngày 01/6 và 15/11 hằng năm").
    public struct Day: Sendable, Hashable, Codable {
        public var day: Int
        public var month: Int?
        public init(day: Int, month: Int? = nil) {
            self.day = day
            self.month = month
        }
    }

    public var period: Period
    /// Day of the month the report is due, when the phrase names one.
    public var day: Int?
    /// Month of the year, for yearly and half-yearly deadlines that name one.
    public var month: Int?
    /// "trước ngày 15 hằng tháng" allows up to the 14th.
    public var exclusive: Bool
    /// Other due days in each period, beside `day`/`month`.
    public var otherDays: [Day]

    public init(period: Period, day: Int? = nil, month: Int? = nil, exclusive: Bool = false, otherDays: [Day] = []) {
        self.period = period
        self.day = day
        self.month = month
        self.exclusive = exclusive
        self.otherDays = otherDays
    }

    /// Whether a due day can be computed: a daily report ("trước 19h00 hằng
    /// ngày") is due every day; any other period needs the day the phrase names.
    public var hasKnownDay: Bool { period == .day || day != nil }

    /// False when the day or month cannot exist ("ngày 0", "ngày 25/13",
    /// "ngày 30/2 hằng năm"); the 29th of February exists in leap years.
    public var isPossible: Bool {
        let all = (day.map { [Day(day: $0, month: month)] } ?? []) + otherDays
        return all.allSatisfy { d in
            guard (1...31).contains(d.day) else { return false }
            guard let month = d.month else { return true }
            return (1...12).contains(month) && d.day <= CivilDate.daysIn(month: month, year: 2000)
        }
    }

    /// The first due day strictly after `date` (the document's date: its
    /// own day is not a report day), or nil when the phrase names no day.
    public func firstOccurrence(after date: CivilDate) -> CivilDate? {
        nextOccurrence(onOrAfter: date.adding(days: 1))
    }

    /// The first due day on or after `date` (the date of the figures: a
    /// report due today is still in time), or nil when the phrase names no day.
    public func nextOccurrence(onOrAfter date: CivilDate) -> CivilDate? {
        if period == .day { return date }
        guard let day else { return nil }
        let all = [Day(day: day, month: month)] + otherDays
        return all.compactMap { next($0, onOrAfter: date) }.min()
    }

    private func next(_ due: Day, onOrAfter date: CivilDate) -> CivilDate? {
        let months: [Int]
        switch period {
        case .day, .week: return nil
        case .month: months = Array(1...12)
        case .quarter: months = due.month.map { m in (0..<4).map { (m - 1) % 3 + 1 + 3 * $0 } } ?? [3, 6, 9, 12]
        case .halfYear: months = due.month.map { m in [(m - 1) % 6 + 1, (m - 1) % 6 + 7] } ?? [6, 12]
        case .year: months = [due.month ?? 12]
        }
        for year in date.year...(date.year + 1) {
            for m in months {
                let clamped = min(due.day, CivilDate.daysIn(month: m, year: year))
                guard var day = CivilDate(year: year, month: m, day: clamped) else { continue }
                if exclusive { day = day.adding(days: -1) }
                if day >= date { return day }
            }
        }
        return nil
    }
}
