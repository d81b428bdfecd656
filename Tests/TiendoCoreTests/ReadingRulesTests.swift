import Testing
@testable import TiendoCore

/// The rules of issue 16, each on at least two shapes of document: what is a
/// task, what is left for review, which dates are deadlines.
@Suite("Đọc văn bản như người văn thư cẩn thận")
struct ReadingRulesTests {
    // MARK: Recurring deadlines from the date of the figures

    struct Occurrence: CustomTestStringConvertible {
        let phrase: String
        let asOf: String
        let due: String
        var testDescription: String { "\(phrase) @ \(asOf) → \(due)" }
    }

    @Test("a recurring deadline is due on its next occurrence after the date of the figures",
          arguments: [
              // "ngày 15 hằng tháng": before it, on it, across a month end and a year end.
              Occurrence(phrase: "báo cáo vào ngày 15 hằng tháng", asOf: "2026-01-14", due: "2026-01-15"),
              Occurrence(phrase: "báo cáo vào ngày 15 hằng tháng", asOf: "2026-01-15", due: "2026-02-15"),
              Occurrence(phrase: "báo cáo vào ngày 15 hằng tháng", asOf: "2026-01-31", due: "2026-02-15"),
              Occurrence(phrase: "báo cáo vào ngày 15 hằng tháng", asOf: "2026-12-20", due: "2027-01-15"),
              // "trước ngày 15/11 hằng năm": exclusive, so the 14th.
              Occurrence(phrase: "gửi báo cáo trước ngày 15/11 hằng năm", asOf: "2026-10-31", due: "2026-11-14"),
              Occurrence(phrase: "gửi báo cáo trước ngày 15/11 hằng năm", asOf: "2026-11-14", due: "2027-11-14"),
              Occurrence(phrase: "gửi báo cáo trước ngày 15/11 hằng năm", asOf: "2026-12-31", due: "2027-11-14"),
              // Two days a year: whichever comes next.
              Occurrence(phrase: "báo cáo trước ngày 01/6 và 15/11 hằng năm", asOf: "2026-05-30", due: "2026-05-31"),
              Occurrence(phrase: "báo cáo trước ngày 01/6 và 15/11 hằng năm", asOf: "2026-05-31", due: "2026-11-14"),
              Occurrence(phrase: "báo cáo trước ngày 01/6 và 15/11 hằng năm", asOf: "2026-06-30", due: "2026-11-14"),
              Occurrence(phrase: "báo cáo trước ngày 01/6 và 15/11 hằng năm", asOf: "2026-12-31", due: "2027-05-31"),
              // The same, written as a labelled cell.
              Occurrence(phrase: "Hằng năm (trước ngày 15/11)", asOf: "2025-12-01", due: "2026-11-14"),
              Occurrence(phrase: "Định kỳ hằng năm (trước ngày 15 tháng 12)", asOf: "2025-12-01", due: "2025-12-14"),
          ])
    func nextOccurrence(_ c: Occurrence) {
        let parser = DeadlineParser(documentDate: .iso("2025-11-20"), asOf: .iso(c.asOf))
        let deadline = parser.parse(c.phrase).deadline
        #expect(deadline?.kind == .recurring)
        #expect(deadline?.due == .iso(c.due))
    }

    @Test("without a date of the figures, the first occurrence after the document's date")
    func firstAfterDocument() {
        let parser = DeadlineParser(documentDate: .iso("2025-11-20"))
        #expect(parser.parse("trước ngày 01/6 và 15/11 hằng năm").deadline?.due == .iso("2026-05-31"))
        #expect(parser.parse("vào ngày 15 hằng tháng").deadline?.due == .iso("2025-12-15"))
    }

    @Test("intraday reports recur every day: due the day after the date of the figures")
    func intraday() {
        let parser = DeadlineParser(documentDate: .iso("2025-11-21"), asOf: .iso("2025-12-01"))
        for phrase in ["báo cáo trước 19h00 hằng ngày", "báo cáo 02 lần/ngày (trước 9h00 và 16h00)"] {
            let deadline = parser.parse(phrase).deadline
            #expect(deadline?.kind == .recurring, "\(phrase)")
            #expect(deadline?.recurrence?.period == .day, "\(phrase)")
            #expect(deadline?.due == .iso("2025-12-02"), "\(phrase)")
        }
    }

    // MARK: Periods and ranges

    struct Period: CustomTestStringConvertible {
        let phrase: String
        let labelled: Bool
        let kind: Deadline.Kind
        let due: String?
        var testDescription: String { phrase }
    }

    @Test("quarters, ranges (their end), years; standing with a yearly report",
          arguments: [
              Period(phrase: "Quý IV/2025", labelled: true, kind: .within, due: "2025-12-31"),
              Period(phrase: "Quí IV-2025", labelled: true, kind: .within, due: "2025-12-31"),
              Period(phrase: "Quý IV/2025 - Quý II/2026", labelled: true, kind: .within, due: "2026-06-30"),
              Period(phrase: "Tháng 11 - 12/2025", labelled: true, kind: .within, due: "2025-12-31"),
              Period(phrase: "Từ tháng 10/2025 đến tháng 12/2025", labelled: true, kind: .within, due: "2025-12-31"),
              Period(phrase: "2025 - 2035", labelled: true, kind: .within, due: "2035-12-31"),
              Period(phrase: "Năm 2025 - 2026", labelled: true, kind: .within, due: "2026-12-31"),
              Period(phrase: "Năm 2026", labelled: true, kind: .within, due: "2026-12-31"),
              Period(phrase: "Năm 2026 và các năm tiếp theo", labelled: true, kind: .within, due: "2026-12-31"),
              Period(phrase: "hoàn thành trong năm 2025", labelled: false, kind: .within, due: "2025-12-31"),
              Period(phrase: "Thường xuyên, hằng năm", labelled: true, kind: .standing, due: nil),
              Period(phrase: "Theo tiến độ xây dựng dự thảo văn bản của cơ quan chủ trì", labelled: true, kind: .reference, due: nil),
              Period(phrase: "Khi có phát sinh.", labelled: true, kind: .standing, due: nil),
          ])
    func periods(_ c: Period) {
        let deadline = DeadlineParser(documentDate: .iso("2025-11-19"), asOf: .iso("2025-12-01")).parse(c.phrase, labelled: c.labelled).deadline
        #expect(deadline?.kind == c.kind)
        #expect(deadline?.due == c.due.flatMap(CivilDate.init(iso:)))
    }

    @Test("standing with a yearly report keeps its yearly rhythm")
    func standingYearly() {
        let deadline = DeadlineParser().parse("Thường xuyên, hằng năm", labelled: true).deadline
        #expect(deadline?.kind == .standing)
        #expect(deadline?.recurrence?.period == .year)
    }

    // MARK: Dates that are not deadlines

    @Test("an objective's period, a past-activity parenthesis, a cited document's date: no deadline",
          arguments: [
              "Phấn đấu thực hiện các mục tiêu giai đoạn 2026 - 2030 của tỉnh.",
              "Phấn đấu đến năm 2030 tỷ lệ hộ dân dùng nước sạch đạt 95%.",
              "Nâng cao chất lượng dịch vụ (đã hoàn thành trước ngày 30/6/2025 tại 12 xã).",
              "Duy trì mô hình (đã tổ chức trong tháng 10/2025).",
              "Triển khai Kế hoạch số 12/KH-UBND ngày 05/3/2025 của Ủy ban nhân dân tỉnh.",
              "Quán triệt Chỉ thị số 09/CT-UBND ngày 18 tháng 11 năm 2025 đến cán bộ, công chức.",
          ])
    func notDeadlines(_ text: String) {
        #expect(DeadlineParser(documentDate: .iso("2025-11-19")).parse(text).deadline?.due == nil)
    }

    @Test("'hằng năm' naming a yearly plan or budget is no schedule; opening a duty, it is")
    func yearlyNoun() {
        let parser = DeadlineParser(documentDate: .iso("2025-11-19"))
        #expect(parser.parse("Lập dự toán ngân sách nhà nước hàng năm cho Chương trình.").deadline == nil)
        #expect(parser.parse("Phê duyệt kế hoạch thực hiện hằng năm của ngành.").deadline == nil)
        #expect(parser.parse("Hằng năm, tổ chức kiểm tra việc thực hiện.").deadline?.kind == .recurring)
        #expect(parser.parse("Tổng hợp, đánh giá kết quả thực hiện Kế hoạch hằng năm.").deadline?.kind == .recurring)
        // Characters outside the BMP before the words are not cut in two.
        #expect(parser.parse(String(repeating: "😀", count: 40) + " kế hoạch hằng năm").deadline == nil)
    }

    @Test("opening paragraphs hold no task and none of their dates is a deadline, in two markups",
          arguments: ["**1. Sở Tài chính**", "## 1. Sở Tài chính"])
    func openingParagraphs(_ heading: String) {
        let text = """
        Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;

        Thực hiện Công văn số 123/BTC-NSNN ngày 05/11/2025 của Bộ Tài chính, yêu cầu Sở Tài chính báo cáo trước ngày 20/11/2025;

        Ngày 10/10/2025, Ủy ban nhân dân tỉnh đã ban hành Kế hoạch số 99/KH-UBND, yêu cầu hoàn thành trước ngày 31/10/2025.

        \(heading)

        a) Rà soát, tổng hợp kinh phí; báo cáo trước ngày 15/12/2025.
        """
        let output = Fixture.read(text)
        #expect(output.directive.tasks.map(\.id) == ["1.1"])
        #expect(output.directive.tasks.first?.deadline?.due == .iso("2025-12-14"))
        #expect(output.directive.unassigned.isEmpty)
    }

    @Test("a document with no sections: only an assigning paragraph is a task, never the history")
    func noSections() {
        let text = """
        Thực hiện Công văn số 123/BTC-NSNN ngày 05/11/2025, yêu cầu Sở Tài chính báo cáo trước ngày 20/11/2025.

        Giao Sở Tài chính chủ trì, phối hợp với Sở Nội vụ rà soát kinh phí, báo cáo trước ngày 15/12/2025.
        """
        let output = Fixture.read(text)
        #expect(output.directive.tasks.count == 1)
        #expect(output.directive.tasks.first?.assignees.map(\.code) == ["STC", "SNV"])
        #expect(output.directive.tasks.first?.deadline?.due == .iso("2025-12-14"))
    }

    // MARK: Công văn / chỉ thị

    @Test("a dispatch: items under bodies, Giao and Đề nghị paragraphs, in two markups",
          arguments: [
              ("**1. Sở Tài chính**\n\na) Rà soát kinh phí.\n\nb) Giao Công an tỉnh kịp thời phát hiện vi phạm.\n\n**2. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh**\n\nTăng cường tuyên truyền.\n", "bold"),
              ("### 1. Sở Tài chính\n\n- Rà soát kinh phí.\n- Giao Công an tỉnh kịp thời phát hiện vi phạm.\n\n### 2. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh\n\nTăng cường tuyên truyền.\n", "headings"),
          ])
    func dispatch(_ c: (String, String)) {
        let tasks = Fixture.read(c.0).directive.tasks
        #expect(tasks.count == 3, "\(c.1)")
        #expect(tasks.map { $0.assignees.map(\.name) } == [
            ["Sở Tài chính"], ["Công an tỉnh"], ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"],
        ], "\(c.1)")
        // Bodies of another province keep their name, with no register code.
        #expect(tasks[1].assignees.first?.code == nil)
        #expect(tasks[1].reading == .sentence)
    }

    @Test("bullets under a lettered item are its content; a loose paragraph goes on the item above")
    func letteredItemContent() {
        let text = """
        **1. Sở Xây dựng**

        a) Giao Ban Quản lý các khu công nghiệp và chế xuất chỉ đạo các doanh nghiệp hạ tầng:

        - Duy trì cấp nước;

        - Vận động doanh nghiệp tiết kiệm nước.

        b) Kiểm tra chất lượng nước.

        Đối với công trình mới, ưu tiên nguồn nước mặt.
        """
        let output = Fixture.read(text)
        #expect(output.directive.tasks.map(\.id) == ["1.1", "1.2"])
        #expect(output.directive.tasks[0].assignees.map(\.name) == ["Ban Quản lý các khu công nghiệp và chế xuất"])
        #expect(output.directive.tasks[0].text.contains("Vận động doanh nghiệp"))
        #expect(output.directive.tasks[1].text.contains("Đối với công trình mới"))
    }

    @Test("a lead-in that assigns anew after lettered items is not their content")
    func leadInAfterLetteredItems() {
        let text = """
        ## **1. Các sở, ngành thành phố**

        a) Tổ chức thực hiện cải cách thủ tục hành chính.

        b) Bảo đảm công khai, minh bạch.

        Giao Sở Giáo dục và Đào tạo chủ trì, phối hợp với Sở Xây dựng thực hiện các nhiệm vụ sau:

        - Xây dựng phương án ứng phó thiên tai.
        - Sắp xếp thôn, tổ dân phố.
        """
        let tasks = Fixture.read(text).directive.tasks
        #expect(tasks.map(\.id) == ["1.1", "1.2", "1.3", "1.4"])
        #expect(tasks[2].assignees.map(\.code) == ["SGDDT", "SXD"])
        #expect(tasks[2].reading == .leadIn)
    }

    @Test("lettered and bold-led body headings", arguments: [
        "**I. Trách nhiệm cụ thể**\n\na) Sở Xây dựng\n\n- Đánh giá quy hoạch xây dựng.\n\nb) Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh\n\n- Đánh giá an ninh, quốc phòng.\n",
        "**I. Trách nhiệm cụ thể**\n\n**1. Sở Xây dựng:** đánh giá quy hoạch xây dựng.\n\n**2. Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh:** đánh giá an ninh, quốc phòng.\n",
    ])
    func bodyHeadings(_ text: String) {
        let tasks = Fixture.read(text).directive.tasks
        #expect(tasks.map { $0.assignees.map(\.name) } == [["Sở Xây dựng"], ["Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh"]])
    }

    // MARK: Kế hoạch

    static let planTables = [
        """
        **II. NHIỆM VỤ, GIẢI PHÁP**

        1. Đẩy mạnh chuyển đổi số trong các ngành.

        **PHỤ LỤC**

        | **STT** | **Nội dung** | **Chủ trì** | **Phối hợp** | **Thời gian** |
        |---|---|---|---|---|
        | **I** | **NÂNG CAO NHẬN THỨC** | | | |
        | 1 | Tuyên truyền về đổi mới công nghệ | Sở KH&CN | Sở NN&MT, UBND các xã, phường, đặc khu | Quý IV/2025 - Quý II/2026 |
        | 2 | Rà soát cơ chế khuyến khích | Sở Tài chính | | 2025 - 2035 |
        """,
        """
        **II. NHIỆM VỤ, GIẢI PHÁP**

        1. Đẩy mạnh chuyển đổi số trong các ngành.

        ## Phụ lục I

        | TT | Tên nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời hạn hoàn thành |
        |---|---|---|---|---|
        | I | Nâng cao nhận thức | | | |
        | 1 | Tuyên truyền về đổi mới công nghệ | Sở Khoa học và Công nghệ | Sở Nông nghiệp và Môi trường; UBND các xã, phường, đặc khu | Quý IV/2025 - Quý II/2026 |
        | 2 | Rà soát cơ chế khuyến khích | Sở Tài chính | | 2025 - 2035 |
        """,
    ]

    @Test("a plan's appendix table: group rows, several bodies per cell, short forms; part II's aims are spelled out by it, not left for review",
          arguments: planTables)
    func planTable(_ text: String) {
        let output = Fixture.read(text)
        let tasks = output.directive.tasks
        #expect(tasks.count == 2)
        #expect(tasks.first?.assignees.map(\.code) == ["SKHCN", "SNNMT", "CAP-XA"])
        #expect(tasks.first?.deadline?.due == .iso("2026-06-30"))
        #expect(tasks.last?.deadline?.due == .iso("2035-12-31"))
        #expect(tasks.allSatisfy { $0.reading == .table })
        // Issue 16: with an appendix task table, part II items are neither tasks nor review items.
        #expect(output.directive.unassigned.isEmpty)
        #expect(!tasks.contains { $0.text.hasPrefix("Đẩy mạnh") })
    }

    @Test("labelled fields: own lines or one line, bold or not, any order", arguments: [
        "**II. NHIỆM VỤ**\n\n**1.** Rà soát văn bản quy phạm pháp luật.\n\n- Cơ quan chủ trì: Sở Tư pháp.\n\n- Cơ quan phối hợp: Sở Nội vụ.\n\n- Thời gian thực hiện: Quý IV năm 2025.\n",
        "**II. NHIỆM VỤ**\n\n1. Rà soát văn bản quy phạm pháp luật.\n\n- *Thời gian thực hiện:* Quý IV năm 2025.\n- **Cơ quan chủ trì:** Sở Tư pháp.\n- Cơ quan phối hợp: Sở Nội vụ.\n",
        "**II. NHIỆM VỤ**\n\n**1. Rà soát văn bản quy phạm pháp luật**\n\nCơ quan chủ trì: Sở Tư pháp; cơ quan phối hợp: Sở Nội vụ; thời gian thực hiện: Quý IV năm 2025.\n",
    ])
    func labelledFields(_ text: String) {
        let tasks = Fixture.read(text).directive.tasks
        #expect(tasks.count == 1)
        #expect(tasks.first?.assignees.map(\.code) == ["STP", "SNV"])
        #expect(tasks.first?.assignees.map(\.role) == [.lead, .partner])
        #expect(tasks.first?.deadline?.due == .iso("2025-12-31"))
    }

    // MARK: Quyết định ban hành Kế hoạch

    @Test("a decision issuing a plan: the attached plan is read, 'chịu trách nhiệm thi hành' is not a task",
          arguments: ["**KẾ HOẠCH**", "# KẾ HOẠCH"])
    func decisionWithPlan(_ title: String) {
        let text = """
        **QUYẾT ĐỊNH**

        **Điều 1.** Ban hành kèm theo Quyết định này Kế hoạch triển khai cơ sở dữ liệu.

        **Điều 2.** Quyết định này có hiệu lực thi hành kể từ ngày ký.

        **Điều 3.** Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Tài chính chịu trách nhiệm thi hành Quyết định này./.

        **Nơi nhận:**

        - Như Điều 3;
        - Lưu: VT.

        **KT. CHỦ TỊCH**

        \(title)

        TRIỂN KHAI CƠ SỞ DỮ LIỆU

        *(Kèm theo Quyết định số 2820/QĐ-UBND ngày 19 tháng 11 năm 2025)*

        **I. TỔ CHỨC THỰC HIỆN**

        **1. Sở Tài chính**

        - Chủ trì xây dựng cơ sở dữ liệu; hoàn thành trong Quý I/2026.
        """
        let output = Fixture.read(text)
        #expect(output.directive.tasks.count == 1)
        #expect(output.directive.tasks.first?.assignees.map(\.code) == ["STC"])
        #expect(output.directive.tasks.first?.deadline?.due == .iso("2026-03-31"))
        #expect(!output.directive.tasks.contains { $0.text.contains("chịu trách nhiệm thi hành") })
    }

    // MARK: Corrections

    static let correctable = """
    **1. Sở Tài chính**

    a) Rà soát kinh phí.

    b) Tổng hợp báo cáo.

    **II. NHIỆM VỤ**

    1. Đẩy mạnh chuyển đổi số.

    2. Nâng cao nhận thức.
    """

    @Test("corrections: drop, merge, make a review item a task, set its deadline")
    func corrections() {
        let text = """
        ---
        tasks:
          "1.1":
            opening: Rà soát kinh phí
            merge: ["1.2"]
          "2.1":
            opening: Đẩy mạnh
            lead: [Sở Khoa học và Công nghệ]
            deadline: trong quý I/2026
          "2.2":
            drop: true
        ---

        """ + Self.correctable
        let output = Fixture.read(text)
        #expect(output.diagnostics.filter { $0.severity == .error }.isEmpty, "\(output.diagnostics)")
        #expect(output.directive.tasks.map(\.id) == ["1.1", "2.1"])
        #expect(output.directive.tasks[0].text.contains("Tổng hợp báo cáo"))
        #expect(output.directive.tasks[1].assignees.map(\.code) == ["SKHCN"])
        #expect(output.directive.tasks[1].reading == .correction)
        #expect(output.directive.tasks[1].deadline?.due == .iso("2026-03-31"))
        #expect(output.directive.unassigned.isEmpty)
    }

    @Test("a correction whose opening words or id no longer match is an error naming it")
    func staleCorrections() {
        let text = """
        ---
        tasks:
          "1.2":
            opening: Rà soát kinh phí
            deadline: trong quý I/2026
          "3.1":
            drop: true
          "2.1":
            deadline: trong quý I/2026
        ---

        """ + Self.correctable
        let output = Fixture.read(text)
        let errors = output.diagnostics.filter { $0.severity == .error }.map(\.message)
        #expect(errors.contains { $0.contains("mục 1.2") && $0.contains("\"Rà soát kinh phí\"") && $0.contains("\"Tổng hợp báo cáo") })
        #expect(errors.contains { $0.contains("3.1") })
        #expect(errors.contains { $0.contains("mục 2.1 chưa giao cho đơn vị nào") })
        // The stale correction changed nothing.
        #expect(output.directive.tasks.first { $0.id == "1.2" }?.deadline == nil)
    }

    @Test("a misspelt front-matter key is a warning naming the nearest known key")
    func misspeltKeys() {
        let text = "---\nnumbr: 12/KH-UBND\ntasks:\n  \"1.1\":\n    dorp: true\n---\n\n" + Self.correctable
        let warnings = Fixture.read(text).diagnostics.filter { $0.severity == .warning }.map(\.message)
        #expect(warnings.contains { $0.contains("\"numbr\"") && $0.contains("\"number\"") })
        #expect(warnings.contains { $0.contains("\"dorp\"") && $0.contains("\"drop\"") })
    }

    // MARK: The sample

    @Test("the Hải Phòng sample still gives its 16 tasks and 9 dated deadlines, nothing left for review")
    func sample() throws {
        let output = try Fixture.directive("directives/trien-khai-tb-406.md")
        #expect(output.directive.tasks.count == 16)
        #expect(output.directive.tasks.filter { $0.deadline?.due != nil }.count == 9)
        #expect(output.directive.unassigned.isEmpty)
    }
}
