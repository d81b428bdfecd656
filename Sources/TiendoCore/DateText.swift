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
        /// Shaped like a date but the day does not exist (31/02/2026).
        case impossible
        /// Not a date shape we read, or a two-digit year (ambiguous century).
        case unreadable
    }

    public static func classify(_ raw: String) -> Reading {
        let text = raw.trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return .empty }
        let separators: Set<Character> = ["/", "-", "."]
        var parts: [Substring] = []
        var separator: Character?
        var current = Substring()
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
        current = text[start...]
        parts.append(current)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty }) else { return .unreadable }
        let numbers = parts.compactMap { Int($0) }
        guard numbers.count == 3 else { return .unreadable }
        let date: CivilDate?
        if parts[0].count == 4 {
            guard separator == "-" || separator == "/" else { return .unreadable }
            date = CivilDate(year: numbers[0], month: numbers[1], day: numbers[2])
        } else if parts[2].count == 4, parts[0].count <= 2, parts[1].count <= 2 {
            date = CivilDate(year: numbers[2], month: numbers[1], day: numbers[0])
        } else {
            return .unreadable
        }
        return date.map { .valid($0) } ?? .impossible
    }
}
