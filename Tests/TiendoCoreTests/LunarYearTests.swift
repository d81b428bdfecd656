import Testing
@testable import TiendoCore

/// The days of Tết Nguyên đán and the names of lunar years.
@Suite("Tết Nguyên đán")
struct LunarYearTests {
    /// Days a Vietnamese calendar prints, including the years where Vietnam's
    /// Tết (UTC+7) falls a day before China's (2007, 2030) and the year after
    /// the leap eleventh month of 2033.
    static let known: [(Int, String)] = [
        (2000, "2000-02-05"), (2007, "2007-02-17"), (2017, "2017-01-28"), (2020, "2020-01-25"),
        (2024, "2024-02-10"), (2025, "2025-01-29"), (2026, "2026-02-17"), (2027, "2027-02-06"),
        (2030, "2030-02-02"), (2034, "2034-02-19"), (2100, "2100-02-09"),
    ]

    @Test("Tết falls on the day the calendar prints", arguments: known)
    func knownDays(_ year: Int, _ day: String) {
        #expect(LunarYear.tetDay(of: year) == CivilDate.iso(day))
    }

    @Test("a year outside the table has no Tết, never a guessed one", arguments: [1999, 2101, 0, -5, Int.max, Int.min])
    func outside(_ year: Int) {
        #expect(LunarYear.tetDay(of: year) == nil)
    }

    /// A typo in the table breaks one of these: Tết lies between 21 January
    /// and 20 February, and a lunar year lasts 12 or 13 months of 29–30 days.
    @Test("every Tết in the table is a possible one")
    func tableIsPossible() throws {
        var previous: CivilDate?
        for year in LunarYear.years {
            let day = try #require(LunarYear.tetDay(of: year))
            #expect(day >= CivilDate(year: year, month: 1, day: 21)!, "\(year)")
            #expect(day <= CivilDate(year: year, month: 2, day: 20)!, "\(year)")
            if let previous {
                let length = day.dayNumber - previous.dayNumber
                #expect([353, 354, 355, 383, 384, 385].contains(length), "\(year): \(length) days")
            }
            previous = day
        }
    }

    @Test("the first Tết after a day")
    func after() {
        #expect(LunarYear.tetDay(after: .iso("2025-12-01")) == .iso("2026-02-17"))
        #expect(LunarYear.tetDay(after: .iso("2026-01-05")) == .iso("2026-02-17"))
        #expect(LunarYear.tetDay(after: .iso("2026-02-17")) == .iso("2027-02-06"))
        #expect(LunarYear.tetDay(after: .iso("2100-03-01")) == nil)
    }

    static let names: [(String, Int, Int?)] = [
        ("Bính Ngọ", 2025, 2026), ("bính ngọ", 2026, 2026), ("Ất Tỵ", 2024, 2025), ("Ất Tị", 2025, 2025),
        ("Quý Mão", 2023, 2023), ("Quí Mẹo", 2022, 2023), ("Canh Tý", 2081, 2080), ("Giáp Thìn", 2024, 2024),
        ("Đinh Mùi", 2026, 2027), ("Bính Ngọ", Int.max, nil), ("Giáp Sửu", 2026, nil), ("Bính", 2026, nil), ("Tết Ngọ", 2026, nil),
    ]

    @Test("a year's name stands for the year of its cycle nearest the document's", arguments: names)
    func named(_ name: String, _ near: Int, _ year: Int?) {
        #expect(LunarYear.year(named: name, near: near) == year)
    }
}
