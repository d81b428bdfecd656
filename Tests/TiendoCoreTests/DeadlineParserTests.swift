import Testing
@testable import TiendoCore

/// Deadline phrases as real directives write them, and the last day each allows.
@Suite("Thời hạn")
struct DeadlineParserTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var text: String
        var kind: Deadline.Kind?
        var due: String?
        /// The phrase kept as written; nil to skip the check.
        var phrase: String?
        var documentDate: String?
        var documentYear: Int?
        /// The date of the figures, for recurring deadlines.
        var asOf: String?
        var labelled = false
        var testDescription: String { text }

        init(_ text: String, _ kind: Deadline.Kind?, _ due: String? = nil, phrase: String? = nil,
             documentDate: String? = nil, documentYear: Int? = nil, asOf: String? = nil, labelled: Bool = false) {
            self.text = text
            self.kind = kind
            self.due = due
            self.phrase = phrase
            self.documentDate = documentDate
            self.documentYear = documentYear
            self.asOf = asOf
            self.labelled = labelled
        }

        func parse() -> DeadlineParser.Result {
            DeadlineParser(documentDate: documentDate.map(CivilDate.iso), documentYear: documentYear, asOf: asOf.map(CivilDate.iso))
                .parse(text, labelled: labelled)
        }
    }

    static let inclusive: [Case] = [
        .init("báo cáo UBND thành phố, hoàn thành **chậm nhất trong ngày 24/6/2026**.", .on, "2026-06-24",
              phrase: "chậm nhất trong ngày 24/6/2026"),
        .init("hoàn thành chậm nhất ngày 30/6/2026", .on, "2026-06-30", phrase: "chậm nhất ngày 30/6/2026"),
        .init("chậm nhất là ngày 30/6/2026", .on, "2026-06-30"),
        .init("hạn 24/6/2026", .on, "2026-06-24", phrase: "hạn 24/6/2026"),
        .init("hạn chót 15/7/2026", .on, "2026-07-15"),
        .init("thời hạn: 31/12/2026", .on, "2026-12-31"),
        .init("hoàn thành xong 01.08.2026", .on, "2026-08-01"),
        .init("chậm nhất ngày 05 tháng 12 năm 2025", .on, "2025-12-05", phrase: "chậm nhất ngày 05 tháng 12 năm 2025"),
        .init("trước hoặc trong ngày 30/6/2026", .on, "2026-06-30"),
        .init("gửi Sở Nội vụ trước 16 giờ 00 ngày 24/6/2026", .on, "2026-06-24", phrase: "trước 16 giờ 00 ngày 24/6/2026"),
        .init("báo cáo chậm nhất 17h00 ngày 24/6/2026", .on, "2026-06-24"),
        .init("trước 10 giờ 30 phút, ngày 05 tháng 12 năm 2025", .on, "2025-12-05"),
    ]

    static let exclusive: [Case] = [
        .init("hoàn thành **chậm nhất trước ngày 27/6/2026**.", .before, "2026-06-26", phrase: "chậm nhất trước ngày 27/6/2026"),
        .init("báo cáo trước ngày 26/9/2026", .before, "2026-09-25", phrase: "trước ngày 26/9/2026"),
        .init("gửi Sở Nội vụ trước 10/7/2026", .before, "2026-07-09"),
        .init("trước ngày 05 tháng 12 năm 2025", .before, "2025-12-04", phrase: "trước ngày 05 tháng 12 năm 2025"),
        .init("chậm nhất trước ngày 01/01/2027", .before, "2026-12-31"),
        .init("trước ngày 01/7/2026", .before, "2026-06-30"),
        .init("báo cáo sơ bộ trước ngày 15/6/2026, báo cáo chính thức trước ngày 30/6/2026", .before, "2026-06-29",
              phrase: "trước ngày 30/6/2026"),
    ]

    static let leapYears: [Case] = [
        .init("chậm nhất ngày 29/02/2028", .on, "2028-02-29"),
        .init("trước ngày 01/03/2028", .before, "2028-02-29"),
        .init("trước ngày 01/03/2026", .before, "2026-02-28"),
        .init("trước ngày 01/03/2100", .before, "2100-02-28"),
        .init("trước ngày 01/03/2000", .before, "2000-02-29"),
        .init("trong tháng 2/2028", .within, "2028-02-29"),
        .init("trong tháng 02/2026", .within, "2026-02-28"),
    ]

    static let periods: [Case] = [
        .init("hoàn thành trong tháng 8/2026", .within, "2026-08-31", phrase: "trong tháng 8/2026"),
        .init("trong tháng 4/2026", .within, "2026-04-30"),
        .init("trong tháng 12/2026", .within, "2026-12-31"),
        .init("hoàn thành trong tháng 9 năm 2026", .within, "2026-09-30"),
        .init("trong quý II/2026", .within, "2026-06-30", phrase: "trong quý II/2026"),
        .init("hoàn thành trong Quý IV/2025", .within, "2025-12-31", phrase: "trong Quý IV/2025"),
        .init("Quí IV-2025", .within, "2025-12-31", phrase: "Quí IV-2025"),
        .init("trong quý I/2026", .within, "2026-03-31"),
        .init("trong quý III năm 2026", .within, "2026-09-30"),
        .init("trong quý 3/2026", .within, "2026-09-30"),
        .init("sơ kết 6 tháng đầu năm 2026", .within, "2026-06-30", phrase: "6 tháng đầu năm 2026"),
        .init("báo cáo 6 tháng cuối năm", .within, "2026-12-31", documentYear: 2026),
        .init("báo cáo 6 tháng đầu năm", .within, "2026-06-30", documentDate: "2026-03-10"),
        .init("báo cáo 6 tháng cuối năm", .within, nil),
        .init("hoàn thành trong năm 2026", .within, "2026-12-31", phrase: "trong năm 2026"),
        .init("trong năm 2025", .within, "2025-12-31"),
        .init("hoàn thành trong năm 2026, báo cáo trước ngày 15/12/2026", .before, "2026-12-14"),
    ]

    /// Days and periods without a year take the document's year.
    static let withoutYear: [Case] = [
        .init("báo cáo trước ngày 15/7", .before, "2026-07-14", phrase: "trước ngày 15/7", documentYear: 2026),
        .init("chậm nhất ngày 20 tháng 8", .on, "2026-08-20", phrase: "chậm nhất ngày 20 tháng 8", documentYear: 2026),
        .init("hoàn thành chậm nhất trong ngày 30/6.", .on, "2026-06-30", documentDate: "2026-06-10"),
        .init("trước ngày 10/01", .before, "2027-01-09", documentDate: "2026-12-20"),
        .init("trước ngày 01/3", .before, "2028-02-29", documentYear: 2028),
        .init("báo cáo trước ngày 15/7", .before, nil, phrase: "trước ngày 15/7"),
        .init("hoàn thành trong tháng 8", .within, "2026-08-31", phrase: "trong tháng 8", documentYear: 2026),
        .init("hoàn thành trong quý III", .within, "2026-09-30", phrase: "trong quý III", documentYear: 2026),
        .init("hoàn thành trong quý III", .within, nil),
        .init("hoàn thành 2/3 khối lượng công việc", nil, documentYear: 2026),
        .init("phấn đấu trong 15/20 xã đạt chuẩn", nil, documentYear: 2026),
        .init("hoàn thành trong 6 tháng", nil, documentYear: 2026),
        .init("báo cáo trước ngày 25/12 hàng năm", .recurring, "2026-12-24", documentDate: "2026-06-10"),
    ]

    static let recurring: [Case] = [
        .init("định kỳ hằng tháng báo cáo UBND thành phố", .recurring, nil, phrase: "định kỳ hằng tháng"),
        .init("định kỳ hằng quý báo cáo UBND thành phố", .recurring, nil, phrase: "định kỳ hằng quý", documentDate: "2026-06-10"),
        .init("định kỳ hàng quý", .recurring, nil),
        .init("báo cáo trước ngày 15 hằng tháng", .recurring, "2026-06-14", phrase: "trước ngày 15 hằng tháng", documentDate: "2026-06-10"),
        .init("báo cáo trước ngày 15 hằng tháng", .recurring, "2026-07-14", documentDate: "2026-06-20"),
        .init("báo cáo trước ngày 15 hằng tháng", .recurring, nil),
        .init("báo cáo trước ngày 25/12 hàng năm", .recurring, "2026-12-24", phrase: "trước ngày 25/12 hàng năm", documentDate: "2026-06-10"),
        .init("báo cáo trước ngày 25/12 hàng năm", .recurring, "2027-12-24", documentDate: "2026-12-24"),
        .init("định kỳ 6 tháng trước ngày 30 tháng 6", .recurring, "2026-06-29", documentDate: "2026-03-01"),
        .init("định kỳ 6 tháng trước ngày 30 tháng 6", .recurring, "2026-12-29", documentDate: "2026-07-01"),
        .init("định kỳ 6 tháng trước ngày 30 tháng 6", .recurring, nil),
        .init("thường xuyên theo dõi, định kỳ hằng tháng báo cáo", .recurring, nil),
    ]

    static let undated: [Case] = [
        .init("Tiếp tục triển khai thực hiện nghiêm các chủ trương", .standing, nil, phrase: "Tiếp tục"),
        .init("Thực hiện thường xuyên", .standing, nil, phrase: "thường xuyên"),
        .init("Thường xuyên", .standing, nil, labelled: true),
        .init("đảm bảo chất lượng và tiến độ theo Kế hoạch số 192/KH-UBND ngày 27/5/2026 của Ủy ban nhân dân thành phố", .reference, nil,
              phrase: "theo Kế hoạch số 192/KH-UBND"),
        .init("theo tiến độ của Kế hoạch số 192/KH-UBND.", .reference, nil),
        .init("Tham mưu xây dựng kế hoạch đào tạo, bồi dưỡng cán bộ.", nil),
        .init("", nil),
    ]

    /// Dates in a task's text that are not its deadline.
    static let notDeadlines: [Case] = [
        .init("Triển khai Kế hoạch số 192/KH-UBND ngày 27/5/2026 của Ủy ban nhân dân thành phố.", nil),
        .init("Thực hiện Thông báo số 406-TB/TU ngày 04/6/2026 của Ban Thường vụ Thành ủy.", nil),
        .init("theo Kết luận số 18-KL/TW, ngày 02/4/2026 của Ban Chấp hành Trung ương", nil),
        .init("Phấn đấu đến năm 2030, 100% thủ tục hành chính được thực hiện trực tuyến.", nil),
        .init("Căn cứ Nghị quyết số 148/NQ-CP ngày 06/6/2026 về phiên họp Chính phủ thường kỳ tháng 5 năm 2026", nil),
        .init("Thực hiện Kế hoạch số 192/KH-UBND ngày 27/5/2026; hoàn thành trước ngày 30/6/2026", .before, "2026-06-29"),
        .init("mục tiêu đến năm 2030; hoàn thành trong quý III/2026", .within, "2026-09-30"),
    ]

    static let labelled: [Case] = [
        .init("30/6/2026", .on, "2026-06-30", labelled: true),
        .init("Tháng 8/2026", .within, "2026-08-31", labelled: true),
        .init("Quý III/2026", .within, "2026-09-30", labelled: true),
        .init("Năm 2026", .within, "2026-12-31", labelled: true),
        .init("Trước 15/7/2026", .before, "2026-07-14", labelled: true),
    ]

    static func check(_ c: Case) {
        let result = c.parse()
        #expect(result.problems.isEmpty, "\(result.problems)")
        #expect(result.deadline?.kind == c.kind)
        #expect(result.deadline?.due == c.due.map(CivilDate.iso))
        if let phrase = c.phrase { #expect(result.deadline?.text == phrase) }
    }

    @Test("inclusive days: chậm nhất (trong) ngày D, hạn D → D", arguments: inclusive)
    func inclusiveDays(_ c: Case) { Self.check(c) }

    @Test("exclusive days: (chậm nhất) trước ngày D → D − 1", arguments: exclusive)
    func exclusiveDays(_ c: Case) { Self.check(c) }

    @Test("leap years and the ends of months", arguments: leapYears)
    func leap(_ c: Case) { Self.check(c) }

    @Test("periods end on their last day", arguments: periods)
    func period(_ c: Case) { Self.check(c) }

    @Test("days and periods without a year", arguments: withoutYear)
    func noYear(_ c: Case) { Self.check(c) }

    @Test("an impossible day without a year, in the document's year, is a problem")
    func impossibleWithoutYear() {
        let result = DeadlineParser(documentYear: 2026).parse("hoàn thành trước ngày 30/02")
        #expect(result.deadline == nil)
        #expect(result.problems == ["ngày \"30/2/2026\" không có thật (trong \"trước ngày 30/02\")"])
    }

    @Test("recurring deadlines: the first occurrence after the document's date", arguments: recurring)
    func recurrence(_ c: Case) { Self.check(c) }

    @Test("standing, by reference, or none", arguments: undated)
    func undatedPhrases(_ c: Case) { Self.check(c) }

    @Test("cited documents' dates and target years are never deadlines", arguments: notDeadlines)
    func notDeadline(_ c: Case) { Self.check(c) }

    @Test("a deadline cell on its own (appendix, \"Thời gian thực hiện:\")", arguments: labelled)
    func labelledCell(_ c: Case) { Self.check(c) }

    @Test("the reference of a deadline by reference is the document, without its date")
    func referenceKept() {
        let result = DeadlineParser().parse("đảm bảo tiến độ theo Kế hoạch số 192/KH-UBND ngày 27/5/2026.")
        #expect(result.deadline?.reference == "Kế hoạch số 192/KH-UBND")
    }

    @Test("the recurrence says how it repeats")
    func recurrenceShape() {
        let parser = DeadlineParser(documentDate: .iso("2026-06-10"))
        #expect(parser.parse("trước ngày 15 hằng tháng").deadline?.recurrence
                == Recurrence(period: .month, day: 15, exclusive: true))
        #expect(parser.parse("trước ngày 25/12 hàng năm").deadline?.recurrence
                == Recurrence(period: .year, day: 25, month: 12, exclusive: true))
        #expect(parser.parse("định kỳ 6 tháng trước ngày 30 tháng 6").deadline?.recurrence
                == Recurrence(period: .halfYear, day: 30, month: 6, exclusive: true))
        #expect(parser.parse("định kỳ hằng quý").deadline?.recurrence == Recurrence(period: .quarter))
    }

    static let impossible: [(String, String)] = [
        ("chậm nhất ngày 29/02/2026", "29/02/2026"),
        ("hoàn thành trước ngày 31/02/2026", "31/02/2026"),
        ("hạn 31/4/2026", "31/4/2026"),
        ("chậm nhất ngày 32/1/2026", "32/1/2026"),
        ("chậm nhất trong ngày 15/13/2026", "15/13/2026"),
        ("trước ngày 30 tháng 2 năm 2026", "30 tháng 2 năm 2026"),
        ("hoàn thành trong tháng 13/2026", "tháng 13"),
        ("trong năm 0000", "năm 0000"),
        ("hoàn thành trong tháng 8/0000", "8/0000"),
        ("trong quý II/0000", "II/0000"),
        ("báo cáo trước ngày 25/13 hàng năm", "25/13"),
        ("báo cáo trước ngày 30/2 hằng năm", "30/2"),
        ("báo cáo trước ngày 0 hằng tháng", "ngày 0 hằng tháng"),
        ("định kỳ 6 tháng trước ngày 31 tháng 6", "31/6"),
    ]

    @Test("impossible dates are problems, never a guessed day", arguments: impossible)
    func impossibleDate(_ text: String, _ written: String) {
        let result = DeadlineParser().parse(text)
        #expect(result.deadline == nil)
        #expect(result.problems.count == 1)
        #expect(result.problems.first?.contains(written) == true, "\(result.problems)")
    }

    @Test("an impossible date next to a good one is still reported")
    func impossibleBesideValid() {
        let result = DeadlineParser().parse("báo cáo trước ngày 31/02/2026; hoàn thành trước ngày 30/6/2026")
        #expect(result.problems.count == 1)
    }

    @Test("NFD text reads like NFC")
    func decomposed() {
        let text = "hoàn thành chậm nhất trước ngày 27/6/2026".decomposedStringWithCanonicalMapping
        #expect(DeadlineParser().parse(text).deadline?.due == .iso("2026-06-26"))
    }
}
