/// Dates as people type them in status files and front matter.
public enum DateText {
    /// Accepts dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy and ISO yyyy-mm-dd.
    /// Nil for anything else, including impossible days.
    public static func parseDay(_ raw: String) -> CivilDate? {
        switch classify(raw) {
        case .valid(let date): return date
        default: return nil
        }
    }

    public enum Reading: Sendable, Hashable {
        case empty
        case valid(CivilDate)
        /// Shaped like a date but the day does not exist (31/02/2026, 15/13/2026).
        case impossible
        /// A two-digit year (24/06/26): which century is a guess, so it is
        /// not read; `day`, `month` and `year` are as written.
        case twoDigitYear(day: Int, month: Int, year: Int)
        /// Month first, as American Excel writes it: "06/24/2026" has no
        /// 24th month but is a real day read the other way round.
        case monthFirst(CivilDate)
        /// A number such as 46197: a date cell exported as Excel's serial
        /// day number (days since 30/12/1899); the day it stands for.
        case excelSerial(CivilDate)
        /// Not a date shape we read.
        case unreadable
    }

    public static func classify(_ raw: String) -> Reading {
        let text = raw.trimmedSpaces
        if text.isEmpty { return .empty }
        let separators: Set<Character> = ["/", "-", "."]
        var parts: [Substring] = []
        var separator: Character?
        var start = text.startIndex
        for index in text.indices {
            let c = text[index]
            if separators.contains(c) {
                if separator == nil { separator = c } else if separator != c { return .unreadable }
                parts.append(text[start..<index])
                start = text.index(after: index)
            } else if !c.isASCII || !c.isNumber {
                return .unreadable
            }
        }
        parts.append(text[start...])
        if parts.count == 1, let serial = excelSerial(text) { return .excelSerial(serial) }
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 }) else { return .unreadable }
        let numbers = parts.compactMap { Int($0) }
        guard numbers.count == 3 else { return .unreadable }
        if parts[0].count == 4 {
            guard separator == "-" || separator == "/", parts[1].count <= 2, parts[2].count <= 2 else { return .unreadable }
            return CivilDate(year: numbers[0], month: numbers[1], day: numbers[2]).map { .valid($0) } ?? .impossible
        }
        guard parts[0].count <= 2, parts[1].count <= 2 else { return .unreadable }
        if parts[2].count == 2 {
            return .twoDigitYear(day: numbers[0], month: numbers[1], year: numbers[2])
        }
        guard parts[2].count == 4 else { return .unreadable }
        if let date = CivilDate(year: numbers[2], month: numbers[1], day: numbers[0]) { return .valid(date) }
        if numbers[1] > 12, let swapped = CivilDate(year: numbers[2], month: numbers[0], day: numbers[1]) {
            return .monthFirst(swapped)
        }
        return .impossible
    }

    /// Why a day shaped like dd/mm/yyyy does not exist, in words:
    /// "không có tháng 13", "tháng 2/2026 chỉ có 28 ngày".
    public static func whyImpossible(_ raw: String) -> String? {
        guard case .impossible = classify(raw) else { return nil }
        let numbers = raw.trimmedSpaces.split(whereSeparator: { "/-.".contains($0) }).compactMap { Int($0) }
        guard numbers.count == 3 else { return nil }
        let (day, month, year) = raw.trimmedSpaces.prefix(4).allSatisfy(\.isNumber)
            ? (numbers[2], numbers[1], numbers[0]) : (numbers[0], numbers[1], numbers[2])
        if !CivilDate.supportedYears.contains(year) {
            return "năm \(year) nằm ngoài khoảng \(CivilDate.supportedYears.lowerBound)–\(CivilDate.supportedYears.upperBound) mà tiendo đọc"
        }
        if month < 1 || month > 12 { return "không có tháng \(month)" }
        if day < 1 { return "không có ngày 0" }
        return "tháng \(month)/\(year) chỉ có \(CivilDate.daysIn(month: month, year: year)) ngày"
    }

    /// Excel's serial day numbers for 2000...2099, the only years a status
    /// file plausibly has; other numbers are not taken for dates.
    static func excelSerial(_ text: String) -> CivilDate? {
        guard text.count == 5, let serial = Int(text), (36526...73050).contains(serial) else { return nil }
        return CivilDate(dayNumber: serial - 25_569) // serial 25569 is 01/01/1970
    }
}
