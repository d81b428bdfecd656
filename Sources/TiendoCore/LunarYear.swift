/// The Vietnamese lunar year, as far as deadlines need it: the day Tết
/// Nguyên đán falls on, and the year a name such as "Bính Ngọ" stands for.
///
/// Tết is the first day of the first lunar month, which astronomy fixes (new
/// moons and solar terms at UTC+7, the meridian Vietnam's calendar has used
/// since 1968). Computing it needs an ephemeris; a deadline needs only the
/// day, so the days are a table. It was computed from the new moons and the
/// winter solstices at UTC+7 with the leap-month rule (a month with no major
/// solar term is the leap month), and agrees with the Chinese calendar's New
/// Year (UTC+8) in every year but 2007, 2030 and 2053, where Vietnam's falls
/// a day earlier.
public enum LunarYear {
    /// The years the table covers.
    public static let years = 2000...2100

    /// Tết of each year from 2000, written month × 100 + day.
    private static let tet: [Int] = [
        205, 124, 212, 201, 122, 209, 129, 217, 207, 126, // 2000–2009
        214, 203, 123, 210, 131, 219, 208, 128, 216, 205, // 2010–2019
        125, 212, 201, 122, 210, 129, 217, 206, 126, 213, // 2020–2029
        202, 123, 211, 131, 219, 208, 128, 215, 204, 124, // 2030–2039
        212, 201, 122, 210, 130, 217, 206, 126, 214, 202, // 2040–2049
        123, 211, 201, 218, 208, 128, 215, 204, 124, 212, // 2050–2059
        202, 121, 209, 129, 217, 205, 126, 214, 203, 123, // 2060–2069
        211, 131, 219, 207, 127, 215, 205, 124, 212, 202, // 2070–2079
        122, 209, 129, 217, 206, 126, 214, 203, 124, 210, // 2080–2089
        130, 218, 207, 127, 215, 205, 125, 212, 201, 121, // 2090–2099
        209, // 2100
    ]

    /// The first day of the lunar year that begins in `year` (Tết Nguyên
    /// đán), or nil outside the table: never a guessed day.
    public static func tetDay(of year: Int) -> CivilDate? {
        guard years.contains(year) else { return nil }
        let packed = tet[year - years.lowerBound]
        return CivilDate(year: year, month: packed / 100, day: packed % 100)
    }

    /// The first Tết after `date` (a directive of December 2025 asking for
    /// something "trước Tết Nguyên đán" means Tết 2026), or nil outside the table.
    public static func tetDay(after date: CivilDate) -> CivilDate? {
        if let day = tetDay(of: date.year), day > date { return day }
        return tetDay(of: date.year + 1)
    }

    // MARK: Names of years

    /// The ten heavenly stems, from the one of year 4 (Giáp), with the other
    /// spellings in use.
    static let stems: [[String]] = [
        ["giáp"], ["ất"], ["bính"], ["đinh"], ["mậu"], ["kỷ", "kỉ"], ["canh"], ["tân"], ["nhâm"], ["quý", "quí"],
    ]
    /// The twelve earthly branches, from the one of year 4 (Tý).
    static let branches: [[String]] = [
        ["tý", "tí"], ["sửu"], ["dần"], ["mão", "mẹo"], ["thìn"], ["tỵ", "tị"],
        ["ngọ"], ["mùi"], ["thân"], ["dậu"], ["tuất"], ["hợi"],
    ]

    /// A regular expression matching any year name ("Bính Ngọ"), for a pattern.
    static var namePattern: String {
        let stem = stems.flatMap { $0 }.joined(separator: "|")
        let branch = branches.flatMap { $0 }.joined(separator: "|")
        return "(?:" + stem + #")\s+(?:"# + branch + ")"
    }

    /// The year a name stands for ("Bính Ngọ" → 2026), the one of the
    /// sixty-year cycle nearest `near` (the directive's year): a name
    /// repeats every sixty years, and a directive speaks of a Tết close to it.
    public static func year(named name: String, near: Int) -> Int? {
        let words = name.precomposedNFC.lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
        // A document's year outside the calendar's is a typing mistake, and near Int.max the arithmetic would trap.
        guard CivilDate.supportedYears.contains(near), words.count == 2,
              let stem = stems.firstIndex(where: { $0.contains(words[0]) }),
              let branch = branches.firstIndex(where: { $0.contains(words[1]) }) else { return nil }
        // The cycle starts at year 4 (Giáp Tý); stem and branch must agree in parity.
        for offset in 0..<60 {
            let year = near - 30 + offset
            let index = ((year - 4) % 60 + 60) % 60
            if index % 10 == stem, index % 12 == branch { return year }
        }
        return nil // a stem and a branch that never pair ("Giáp Sửu")
    }
}
