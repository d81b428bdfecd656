/// A calendar day with no time and no zone. Deadlines and the as-of date are
/// days on the Vietnamese office calendar; using `Date` would drag a clock
/// and a time zone into a build that must give the same bytes anywhere.
public struct CivilDate: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    public let year: Int
    // A month and a day fit in a byte each: a status row holds two dates,
    // and millions of rows are read at once.
    private let storedMonth: UInt8
    private let storedDay: UInt8

    public var month: Int { Int(storedMonth) }
    public var day: Int { Int(storedDay) }

    /// Years a day may be named in. Every reader builds its dates through
    /// `init?(year:month:day:)`, so a deadline in year 1 or 9999 (a typing
    /// mistake) is refused there, where the reader can name the line,
    /// instead of reaching the calendar pages with a year they cannot show.
    public static let supportedYears = 1900...2200

    /// Nil when the day does not exist (31/02, 29/02 of a common year) or
    /// its year is outside `supportedYears`.
    public init?(year: Int, month: Int, day: Int) {
        guard Self.supportedYears.contains(year), (1...12).contains(month),
              day >= 1, day <= CivilDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        storedMonth = UInt8(month)
        storedDay = UInt8(day)
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func lastDay(ofMonth month: Int, year: Int) -> CivilDate {
        CivilDate(year: year, month: month, day: daysIn(month: month, year: year))!
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for arithmetic and weekdays.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// Day numbers of 01/01/0001 and 31/12/9999: arithmetic is clamped to
    /// them, so that no sum of days can overflow or make a year of five
    /// digits. Readers keep dates within `supportedYears`, far inside.
    static let dayNumbers = -719_162 ... 2_932_896

    public init(dayNumber: Int) {
        let z = min(max(dayNumber, Self.dayNumbers.lowerBound), Self.dayNumbers.upperBound) + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        storedMonth = UInt8(m)
        storedDay = UInt8(d)
    }

    public func adding(days: Int) -> CivilDate {
        let (sum, overflow) = dayNumber.addingReportingOverflow(days)
        return CivilDate(dayNumber: overflow ? (days < 0 ? Int.min : Int.max) : sum)
    }

    /// The earliest day a reader accepts, for ordering days that may be unknown.
    public static let earliest = CivilDate(year: supportedYears.lowerBound, month: 1, day: 1)!

    /// 0 = Monday ... 6 = Sunday (Vietnamese calendars start the week on Monday).
    public var weekdayFromMonday: Int { ((dayNumber % 7) + 7 + 3) % 7 }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// ISO 8601, as in JSON and file names.
    public var iso: String { "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))" }
    /// dd/mm/yyyy, as Vietnamese readers write dates.
    public var vietnamese: String { "\(pad(day, 2))/\(pad(month, 2))/\(pad(year, 4))" }
    /// yyyymmdd, as iCalendar wants it.
    public var compact: String { "\(pad(year, 4))\(pad(month, 2))\(pad(day, 2))" }
    public var description: String { iso }

    /// Parses "2026-06-24" only.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = CivilDate(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a date: \(text)"))
        }
        self = date
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}

private func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
