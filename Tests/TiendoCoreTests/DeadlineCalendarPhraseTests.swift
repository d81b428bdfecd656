import Testing
@testable import TiendoCore

/// Deadline cells that name a season of the calendar rather than a day:
/// Tết Nguyên đán, several quarters of a year, a day of each quarter's last
/// month. Each shape in two wordings or more, and the look-alikes that are
/// not deadlines.
@Suite("Thời hạn: Tết, nhiều quý, tháng cuối quý")
struct DeadlineCalendarPhraseTests {
    typealias Case = DeadlineParserTests.Case

    /// Tết's eve is the last day allowed; without a year, the first Tết after
    /// the document's date (or the Tết of its year, when only that is known).
    static let tet: [Case] = [
        .init("Trước Tết Nguyên đán", .before, "2026-02-16", phrase: "Trước Tết Nguyên đán", documentDate: "2025-12-01", labelled: true),
        .init("Hoàn thành trước Tết Nguyên đán.", .before, "2026-02-16", phrase: "trước Tết Nguyên đán", documentDate: "2026-01-05"),
        .init("hoàn thành trước Tết Nguyên đán", .before, "2027-02-05", documentDate: "2026-03-10"),
        .init("trước Tết Nguyên đán", .before, "2027-02-05", documentYear: 2027, labelled: true),
        .init("trước Tết Nguyên đán", .before, nil, phrase: "trước Tết Nguyên đán", labelled: true),
        .init("Trước Tết Nguyên đán Bính Ngọ 2026", .before, "2026-02-16", phrase: "Trước Tết Nguyên đán Bính Ngọ 2026",
              documentDate: "2025-11-19", labelled: true),
        .init("trước Tết Nguyên đán năm 2026", .before, "2026-02-16", phrase: "trước Tết Nguyên đán năm 2026", labelled: true),
        .init("các xã giải ngân xong trước Tết Nguyên đán năm 2027.", .before, "2027-02-05", documentDate: "2026-06-01"),
        .init("chậm nhất trước Tết Nguyên Đán Ất Tỵ", .before, "2025-01-28", phrase: "chậm nhất trước Tết Nguyên Đán Ất Tỵ",
              documentDate: "2024-11-20"),
        .init("Trước Tết Bính Ngọ", .before, "2026-02-16", documentYear: 2025, labelled: true),
        .init("cấp phát gạo trước Tết Âm lịch 2024", .before, "2024-02-09", documentDate: "2023-12-15"),
        .init("trước dịp Tết cổ truyền của dân tộc", .before, "2026-02-16", documentDate: "2025-12-01"),
        // Outside the table: the phrase is kept, its day is unknown.
        .init("trước Tết Nguyên đán 2101", .before, nil, phrase: "trước Tết Nguyên đán 2101", labelled: true),
        // So many days before Tết: that day.
        .init("trước Tết Nguyên đán 10 ngày", .on, "2026-02-07", documentDate: "2025-12-01", labelled: true),
        .init("hoàn thành trước Tết Nguyên đán Bính Ngọ ít nhất 15 ngày", .on, "2026-02-02", documentDate: "2025-12-01"),
        // A later day written out still wins, as between any two days.
        .init("trình UBND trước Tết Nguyên đán 2026, báo cáo kết quả trước ngày 15/3/2026", .before, "2026-03-14",
              documentDate: "2025-12-01"),
    ]

    /// "Tết" in a sentence that sets no deadline, and other feasts called Tết.
    static let notTet: [Case] = [
        .init("Chăm lo Tết cho người nghèo, gia đình chính sách.", nil, documentDate: "2025-12-01"),
        .init("Tổ chức đón Tết Nguyên đán Bính Ngọ 2026 vui tươi, an toàn, tiết kiệm.", nil, documentDate: "2025-12-01"),
        .init("Bảo đảm an ninh trật tự trước, trong và sau Tết Nguyên đán.", nil, documentDate: "2025-12-01"),
        .init("bình ổn giá cả thị trường trước Tết và trong dịp Tết", nil, documentDate: "2025-12-01"),
        .init("kiểm tra an toàn thực phẩm trước Tết, trong Tết", nil, documentDate: "2025-12-01"),
        .init("Phát động Tết trồng cây sau Tết Nguyên đán.", nil, documentDate: "2025-12-01"),
        .init("trước Tết Trung thu", nil, documentDate: "2026-06-01", labelled: true),
        .init("hoàn thành trước Tết Dương lịch 2026", nil, documentDate: "2025-11-01"),
        // A Tết already past tells an earlier duty's history, as a past day does.
        .init("Kế hoạch số 12/KH-UBND yêu cầu hoàn thành trước Tết Nguyên đán 2025", nil, documentDate: "2025-11-01"),
    ]

    /// Several quarters of one year: due at the end of the latest.
    static let quarters: [Case] = [
        .init("Quý I, II/2026", .within, "2026-06-30", phrase: "Quý I, II/2026", labelled: true),
        .init("hoàn thành trong quý I, II năm 2026", .within, "2026-06-30", phrase: "trong quý I, II năm 2026"),
        .init("Quý III và Quý IV/2026", .within, "2026-12-31", phrase: "Quý III và Quý IV/2026", labelled: true),
        .init("triển khai trong Quý III và IV/2026", .within, "2026-12-31", phrase: "trong Quý III và IV/2026"),
        .init("Quý II - III/2027", .within, "2027-09-30", labelled: true),
        .init("từ quý I đến quý III năm 2026", .within, "2026-09-30"),
        .init("Quý 1, 2/2026", .within, "2026-06-30", labelled: true),
        .init("Quý I, II, III/2026", .within, "2026-09-30", labelled: true),
        // Without a year: the document's, as "trong quý III" takes it.
        .init("hoàn thành trong quý III, IV", .within, "2026-12-31", phrase: "trong quý III, IV", documentYear: 2026),
        .init("Quý I, II", .within, "2026-06-30", documentYear: 2026, labelled: true),
        .init("Quý IV", .within, "2025-12-31", documentDate: "2025-11-19", labelled: true),
        .init("Quý I và Quý II", .within, nil, labelled: true),
        // Two years: the latest quarter of the two.
        .init("Quý IV/2025 và Quý I/2026", .within, "2026-03-31", labelled: true),
    ]

    /// "quý" that is no quarter, and a list that is not one.
    static let notQuarters: [Case] = [
        .init("Giữ gìn, phát huy những giá trị quý báu của dân tộc.", nil, documentYear: 2026),
        .init("Kính gửi quý cơ quan, đơn vị.", nil, documentYear: 2026),
        .init("tổng hợp kết quả quý I, II gửi Sở Tài chính", nil, documentYear: 2026),
        .init("trong quý I, 2 văn bản được ban hành", .within, "2026-03-31", documentYear: 2026),
    ]

    /// Half-years, kept whole as the phrase.
    static let halves: [Case] = [
        .init("6 tháng cuối năm 2026", .within, "2026-12-31", phrase: "6 tháng cuối năm 2026", labelled: true),
        .init("sơ kết trong 6 tháng cuối năm 2025", .within, "2025-12-31", phrase: "trong 6 tháng cuối năm 2025"),
        .init("6 tháng đầu năm 2026", .within, "2026-06-30", phrase: "6 tháng đầu năm 2026", labelled: true),
    ]

    /// A day of each quarter's last (or first) month: the next one on or
    /// after the date of the figures, as for "trước ngày 15 hằng tháng".
    static let quarterDays: [Case] = [
        .init("Trước ngày 20 tháng cuối quý", .recurring, "2025-12-19", phrase: "Trước ngày 20 tháng cuối quý",
              documentDate: "2025-11-19", asOf: "2025-12-01", labelled: true),
        .init("báo cáo kết quả trước ngày 15 của tháng cuối quý", .recurring, "2025-12-14", phrase: "trước ngày 15 của tháng cuối quý",
              documentDate: "2025-11-19", asOf: "2025-12-01"),
        .init("Định kỳ hằng quý, trước ngày 20 tháng cuối quý", .recurring, "2025-12-19",
              phrase: "Định kỳ hằng quý, trước ngày 20 tháng cuối quý", documentDate: "2025-11-19", asOf: "2025-12-01", labelled: true),
        .init("định kỳ hàng quý báo cáo trước ngày 20 tháng cuối quý", .recurring, "2026-03-19",
              documentDate: "2025-11-19", asOf: "2025-12-25"),
        .init("Hằng quý, báo cáo trước ngày 20 tháng cuối quý", .recurring, "2025-12-19",
              phrase: "Hằng quý, báo cáo trước ngày 20 tháng cuối quý", documentDate: "2025-11-19", asOf: "2025-12-01", labelled: true),
        .init("chậm nhất ngày 25 tháng cuối mỗi quý", .recurring, "2026-03-25", documentDate: "2025-12-26"),
        .init("gửi báo cáo trước ngày 10 tháng đầu quý sau", .recurring, "2026-01-09", documentDate: "2025-11-19", asOf: "2025-12-01"),
        .init("Trước ngày 20 tháng cuối quý", .recurring, nil, phrase: "Trước ngày 20 tháng cuối quý", labelled: true),
    ]

    static func check(_ c: Case) { DeadlineParserTests.check(c) }

    @Test("trước Tết Nguyên đán: the eve of the lunar new year", arguments: tet)
    func beforeTet(_ c: Case) { Self.check(c) }

    @Test("Tết that is no deadline", arguments: notTet)
    func notTetDeadline(_ c: Case) { Self.check(c) }

    @Test("several quarters: the end of the latest", arguments: quarters)
    func severalQuarters(_ c: Case) { Self.check(c) }

    @Test("quý that is no quarter", arguments: notQuarters)
    func notQuarter(_ c: Case) { Self.check(c) }

    @Test("half-years keep their whole phrase", arguments: halves)
    func halfYears(_ c: Case) { Self.check(c) }

    @Test("a day of each quarter's last month recurs", arguments: quarterDays)
    func quarterDay(_ c: Case) { Self.check(c) }

    @Test("the recurrence of \"tháng cuối quý\" and \"tháng đầu quý sau\"")
    func quarterRecurrence() throws {
        let parser = DeadlineParser(documentDate: .iso("2025-11-19"))
        let last = try #require(parser.parse("trước ngày 20 tháng cuối quý").deadline?.recurrence)
        #expect(last == Recurrence(period: .quarter, day: 20, month: 3, exclusive: true))
        #expect(last.nextOccurrence(onOrAfter: .iso("2026-04-01")) == .iso("2026-06-19"))
        let first = try #require(parser.parse("chậm nhất ngày 10 tháng đầu quý sau").deadline?.recurrence)
        #expect(first == Recurrence(period: .quarter, day: 10, month: 1, exclusive: false))
        #expect(first.nextOccurrence(onOrAfter: .iso("2026-04-11")) == .iso("2026-07-10"))
    }

    /// The cells of README's known gaps, read in an appendix as a whole
    /// directive gives them (its date 10/11/2025, the figures of 05/01/2026).
    @Test("an appendix's cells: Tết, several quarters, the quarter's last month")
    func appendixCells() {
        let markdown = ReadingProbeTests.header + """
            **I. TỔ CHỨC THỰC HIỆN**

            1. Sở Nội vụ theo dõi, đôn đốc; báo cáo UBND tỉnh trước ngày 20/12/2026.

            **PHỤ LỤC**

            | TT | Nhiệm vụ | Chủ trì | Phối hợp | Thời gian hoàn thành |
            |---|---|---|---|---|
            | 1 | Chi trả trợ cấp cho hộ nghèo | Sở Y tế | Sở Tài chính | Trước Tết Nguyên đán |
            | 2 | Rà soát văn bản quy phạm pháp luật của tỉnh | Sở Tư pháp | Sở Nội vụ | Quý I, II/2026 |
            | 3 | Báo cáo kết quả cải cách hành chính | Sở Nội vụ | | Trước ngày 20 tháng cuối quý |
            | 4 | Kiểm tra công tác văn thư, lưu trữ | Sở Nội vụ | | Quý III và Quý IV/2026 |
            | 5 | Chăm lo Tết cho người nghèo, gia đình chính sách | Sở Y tế | | |
            """
        let output = DirectiveReader(register: Fixture.register).read(markdown, file: "tet.md", defaultID: "tet", renderHTML: false,
                                                                      asOf: .iso("2026-01-05"))
        let tasks = output.directive.tasks.filter { $0.id.hasPrefix("PL") }
        #expect(tasks.map { $0.deadline?.kind } == [.before, .within, .recurring, .within, nil])
        #expect(tasks.map { $0.deadline?.due?.iso ?? "-" } == ["2026-02-16", "2026-06-30", "2026-03-19", "2026-12-31", "-"])
    }

    @Test("an impossible day of the quarter's month is a problem, not a deadline")
    func impossibleQuarterDay() {
        let result = DeadlineParser(documentDate: .iso("2025-11-19")).parse("trước ngày 32 tháng cuối quý")
        #expect(result.deadline == nil)
        #expect(!result.problems.isEmpty)
    }
}
