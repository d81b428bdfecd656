import Testing
@testable import TiendoCore

/// The yardstick of RealDirectiveTests, checked on its own: a comparison
/// that could not fail, or names that never compare equal, would make the
/// real-document figures meaningless.
@Suite struct RealDirectiveHarnessTests {
    @Test(arguments: [
        ("UBND các xã, phường", "Ủy ban nhân dân xã, phường"),
        ("Sở KH&CN", "Sở Khoa học và Công nghệ"),
        ("Sở Văn hoá, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch"),
        ("**Sở Tài chính**", "sở tài chính"),
        ("Công an TP", "Công an thành phố"),
    ])
    func sameAgency(_ pair: (String, String)) {
        #expect(RealText.agency(pair.0) == RealText.agency(pair.1))
    }

    @Test(arguments: [
        ("Sở Tư pháp", "Sở Nội vụ"),
        ("Xã Cẩm Giang", "Xã Cẩm Giàng"),
        ("UBND xã", "UBND xã, phường"),
    ])
    func differentAgency(_ pair: (String, String)) {
        #expect(RealText.agency(pair.0) != RealText.agency(pair.1))
    }

    @Test func tonePlacementOnlyAtTheEndOfASyllable() {
        #expect(RealText.words("Kế hoạch hoà nhập") == "kế hoạch hòa nhập")
        #expect(RealText.words("Thuỷ lợi") == RealText.words("Thủy lợi"))
    }

    @Test func vagueNamesAreDropped() {
        #expect(RealText.agencies("Sở Y tế; các đơn vị có liên quan") == [RealText.agency("Sở Y tế")])
    }

    static let expectation = """
    - as-of: 2025-12-01

    ## Nhiệm vụ

    | id | opening words | lead | partners | deadline phrase | kind | due | reason |
    |---|---|---|---|---|---|---|---|
    | 1 | Rà soát các công trình khai thác nước | UBND xã, phường | | trước ngày 31/12/2025 | before | 2025-12-30 | |
    | 2 | Báo cáo kết quả thực hiện | Sở Nội vụ | Sở Tài chính | trước ngày 15/11 hằng năm | recurring | 2026-11-14 | |
    | 3 | Tuyên truyền pháp luật | Sở Tư pháp | | | | | |

    ## Để rà soát

    | opening words | reason |
    |---|---|
    | Đẩy mạnh chuyển đổi số | vô chủ |
    """

    static func task(_ id: String, _ text: String, lead: [String], partners: [String] = [], deadline: Deadline? = nil) -> Task {
        Task(directiveID: "t", id: id, section: "", text: text,
             assignees: lead.map { Assignee(name: $0, code: nil, role: .lead) }
                 + partners.map { Assignee(name: $0, code: nil, role: .partner) },
             deadline: deadline)
    }

    @Test func countsExactMissingAndExtra() throws {
        let expected = try RealExpectation.parse(Self.expectation, name: "inline")
        let recurring = Deadline(text: "trước ngày 15/11 hằng năm", kind: .recurring, due: CivilDate.iso("2025-11-14"),
                                 recurrence: Recurrence(period: .year, day: 15, month: 11, exclusive: true))
        let tasks = [
            Self.task("1", "a) **Rà soát** các công trình khai thác nước dưới đất", lead: ["Ủy ban nhân dân xã, phường"],
                      deadline: Deadline(text: "trước ngày 31/12/2025", kind: .before, due: CivilDate.iso("2025-12-30"))),
            // Due counted from the issue date in the reader; the harness takes the next one after as-of.
            Self.task("2", "Báo cáo kết quả thực hiện về Sở Nội vụ", lead: ["Sở Nội vụ"], partners: ["Sở Tài chính"], deadline: recurring),
            Self.task("3", "Đẩy mạnh chuyển đổi số trong mọi lĩnh vực", lead: []),
        ]
        let comparison = RealComparison(expectation: expected, tasks: tasks, reviewItems: [])
        #expect(comparison.figures.found == 3)
        #expect(comparison.figures.exact == 2)
        #expect(comparison.figures.missing == 1)
        #expect(comparison.missing.map(\.id) == ["3"])
        #expect(comparison.figures.extra == 1)
        #expect(comparison.figures.reviewAsTask == 1)
        #expect(comparison.figures.review == 0)
    }

    @Test func aWrongLeadOrDueIsNotExact() throws {
        let expected = try RealExpectation.parse(Self.expectation, name: "inline")
        let tasks = [
            Self.task("1", "Rà soát các công trình khai thác nước", lead: ["Sở Nông nghiệp và Môi trường"],
                      deadline: Deadline(text: "trước ngày 31/12/2025", kind: .before, due: CivilDate.iso("2025-12-30"))),
            Self.task("3", "Tuyên truyền pháp luật", lead: ["Sở Tư pháp"],
                      deadline: Deadline(text: "thường xuyên", kind: .standing, due: nil)),
        ]
        let comparison = RealComparison(expectation: expected, tasks: tasks, reviewItems: ["Đẩy mạnh chuyển đổi số"])
        #expect(comparison.figures.exact == 0)
        #expect(comparison.pairs.count == 2)
        #expect(comparison.pairs.allSatisfy { $0.differences.count == 1 })
        #expect(comparison.figures.review == 1)
    }

    @Test func malformedExpectationsAreRejected() {
        #expect(throws: RealExpectation.FormatError.self) {
            try RealExpectation.parse("## Nhiệm vụ\n\n| id | words |\n|---|---|\n", name: "no-as-of")
        }
        #expect(throws: RealExpectation.FormatError.self) {
            try RealExpectation.parse(Self.expectation.replacingOccurrences(of: "| before |", with: "| soon |"), name: "kind")
        }
        #expect(throws: RealExpectation.FormatError.self) {
            try RealExpectation.parse(Self.expectation.replacingOccurrences(of: "2025-12-30", with: "30/12/2025"), name: "due")
        }
    }
    @Test func twinRowsGoToTheTaskThatAgrees() throws {
        let text = """
        - as-of: 2025-12-01

        ## Nhiệm vụ

        | id | opening words | lead | partners | deadline phrase | kind | due | reason |
        |---|---|---|---|---|---|---|---|
        | a | Đánh giá nhu cầu sử dụng đất | Sở Nông nghiệp và Môi trường | | | | | |
        | b | Đánh giá nhu cầu sử dụng đất | Sở Xây dựng | | | | | |
        """
        let expected = try RealExpectation.parse(text, name: "twins")
        // The reader missed the first twin: the second must still count as exact.
        let comparison = RealComparison(expectation: expected,
                                        tasks: [Self.task("2", "Đánh giá nhu cầu sử dụng đất phù hợp", lead: ["Sở Xây dựng"])],
                                        reviewItems: [])
        #expect(comparison.figures.exact == 1)
        #expect(comparison.missing.map(\.id) == ["a"])
    }
}

