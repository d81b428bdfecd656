import Testing
@testable import TiendoCore

/// Synthetic directives in shapes and markups the twelve real documents do
/// not use: decisions that issue a plan, appendix tables with other columns,
/// opening history with dates of its own, dispatches with their duties in a
/// numbered list or in a table of fields. Each rule on at least two shapes.
@Suite("Dạng văn bản chưa gặp trong 12 văn bản thật")
struct ReadingProbeTests {
    static func leads(_ task: Task) -> [String?] { task.assignees.filter { $0.role == .lead }.map(\.code) }
    static func partners(_ task: Task) -> [String?] { task.assignees.filter { $0.role == .partner }.map(\.code) }

    static let header = """
        **ỦY BAN NHÂN DÂN TỈNH AN GIANG**

        **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**

        Số: 1234/QĐ-UBND

        *An Giang, ngày 10 tháng 11 năm 2025*

        """ + "\n"

    /// The plan every decision below issues: two duties in part II, two bodies'
    /// duties under "Tổ chức thực hiện".
    static func plan(_ part: (String) -> String, body: (String) -> String) -> String {
        "\n" + """
        \(part("I. MỤC ĐÍCH, YÊU CẦU"))

        1. Chủ động phòng ngừa, ứng phó kịp thời với thiên tai.

        \(part("II. NHIỆM VỤ, GIẢI PHÁP"))

        1. Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Sở Xây dựng rà soát các công trình đê điều, hoàn thành trước ngày 31/3/2026.

        2. Giao Sở Tài chính bố trí kinh phí dự phòng, hoàn thành trong Quý I/2026.

        \(part("III. TỔ CHỨC THỰC HIỆN"))

        \(body("1. Sở Nông nghiệp và Môi trường"))

        Theo dõi, tổng hợp kết quả thực hiện, báo cáo UBND tỉnh trước ngày 15/12/2026.

        \(body("2. Sở Y tế"))

        Chuẩn bị cơ số thuốc, trang thiết bị y tế phục vụ cứu nạn, hoàn thành trước ngày 30/5/2026.

        """
    }

    struct Shape: CustomTestStringConvertible {
        let name: String
        let markdown: String
        var testDescription: String { name }
    }

    // MARK: Quyết định ban hành Kế hoạch / Chương trình

    static let decisions: [Shape] = [
        Shape(name: "Điều as ### headings, '---', '# KẾ HOẠCH' and a '##' subtitle, italic 'Ban hành kèm theo'", markdown: header + """
            # QUYẾT ĐỊNH

            **Ban hành Kế hoạch phòng, chống thiên tai năm 2026**

            **QUYẾT ĐỊNH:**

            ### Điều 1.

            Ban hành kèm theo Quyết định này Kế hoạch phòng, chống thiên tai năm 2026.

            ### Điều 2.

            Quyết định này có hiệu lực thi hành kể từ ngày ký.

            ### Điều 3.

            Chánh Văn phòng UBND tỉnh, Giám đốc các sở, ban, ngành tỉnh chịu trách nhiệm thi hành Quyết định này./.

            **Nơi nhận:**
            - Như Điều 3;
            - Lưu: VT.

            **KT. CHỦ TỊCH**

            **Trần Văn B**

            ---

            # KẾ HOẠCH

            ## Phòng, chống thiên tai năm 2026

            *(Ban hành kèm theo Quyết định số 1234/QĐ-UBND ngày 10/11/2025 của UBND tỉnh)*

            """ + plan({ "## " + $0 }, body: { "### " + $0 })),
        Shape(name: "bold Điều, a plan titled in sentence case with no 'kèm theo' line, after a closing mark and no footer", markdown: header + """
            **QUYẾT ĐỊNH**

            **Ban hành Kế hoạch phòng, chống thiên tai năm 2026**

            **Điều 1.** Ban hành kèm theo Quyết định này Kế hoạch phòng, chống thiên tai năm 2026.

            **Điều 2.** Chánh Văn phòng UBND tỉnh, Giám đốc các sở, ban, ngành tỉnh chịu trách nhiệm thi hành Quyết định này./.

            **Kế hoạch phòng, chống thiên tai năm 2026**

            """ + plan({ "**\($0)**" }, body: { "**\($0)**" })),
        Shape(name: "a Chương trình in bold sentence case after the signature, plain numbered parts", markdown: header + """
            **QUYẾT ĐỊNH**

            **Ban hành Chương trình phòng, chống thiên tai năm 2026**

            **Điều 1.** Ban hành kèm theo Quyết định này Chương trình phòng, chống thiên tai năm 2026.

            **Điều 2.** Quyết định này có hiệu lực thi hành kể từ ngày ký.

            **KT. CHỦ TỊCH**

            **Trần Văn B**

            **Chương trình phòng, chống thiên tai năm 2026**

            """ + plan({ $0 }, body: { "**\($0)**" })),
    ]

    /// The attached plan is read as a plan: its duties are the tasks, the
    /// decision's articles and the plan's title lines are neither tasks nor review.
    @Test("a decision that issues a plan gives the plan's duties, whatever the markup", arguments: decisions)
    func decisionIssuingAPlan(_ shape: Shape) throws {
        let directive = Fixture.read(shape.markdown).directive
        #expect(directive.unassigned.map(\.text) == [])
        let read = directive.tasks.map { "\(Self.leads($0)) \(Self.partners($0)) \($0.deadline?.due?.iso ?? "-")" }
        #expect(read == [
            "[Optional(\"SNNMT\")] [Optional(\"SXD\")] 2026-03-30",
            "[Optional(\"STC\")] [] 2026-03-31",
            "[Optional(\"SNNMT\")] [] 2026-12-14",
            "[Optional(\"SYT\")] [] 2026-05-29",
        ])
        // The articles open no section: the plan's parts keep their own numbers.
        #expect(directive.tasks.first?.id.hasPrefix("2.") == true, "\(directive.tasks.map(\.id))")
    }

    // MARK: Appendix tables

    struct Column: CustomTestStringConvertible {
        let header: String
        var testDescription: String { header }
    }

    /// However the time column is titled, its cells are the deadlines.
    @Test("an appendix's time column is read whatever its title",
          arguments: ["Thời gian hoàn thành", "Thời điểm hoàn thành", "Hoàn thành", "Mốc thời gian", "Lộ trình thực hiện",
                      "Năm thực hiện", "Dự kiến thời gian hoàn thành", "**Thời hạn**", "Tiến độ"].map(Column.init))
    func timeColumn(_ column: Column) throws {
        let markdown = """
            **I. TỔ CHỨC THỰC HIỆN**

            1. Sở Nội vụ theo dõi, đôn đốc; báo cáo UBND tỉnh trước ngày 20/12/2026.

            **PHỤ LỤC**

            | TT | Nhiệm vụ | Chủ trì | Phối hợp | \(column.header) |
            |---|---|---|---|---|
            | 1 | Rà soát văn bản quy phạm pháp luật của tỉnh | Sở Tư pháp | Sở Nội vụ | Quý I/2026 |
            | 2 | Xây dựng quy chế phối hợp | Sở Nội vụ | Sở Tư pháp | Tháng 3/2026 |
            | 3 | Kiểm tra công tác cải cách hành chính | Sở Nội vụ | | 2026-2027 |
            """
        let tasks = Fixture.read(markdown).directive.tasks.filter { $0.id.hasPrefix("PL") }
        #expect(tasks.map { $0.deadline?.due?.iso ?? "-" } == ["2026-03-31", "2026-03-31", "2027-12-31"])
    }

    /// "A.", "B." number the parts of a table as "I.", "II." do: a row with
    /// nothing but a letter and a title groups the rows below, it is no task
    /// and lends no cell to the row under it.
    @Test("rows lettered 'A.', 'B.' are groups, in bold or plain",
          arguments: [
              "| **A.** | **CẢI CÁCH THỂ CHẾ** | | | |\n| **I.** | **Rà soát văn bản** | | | |",
              "| A | Cải cách thể chế | | | |",
          ])
    func letteredGroups(_ groupRows: String) throws {
        let markdown = """
            **PHỤ LỤC**

            | **TT** | **Nhiệm vụ** | **Cơ quan chủ trì** | **Cơ quan phối hợp** | **Thời gian hoàn thành** |
            |---|---|---|---|---|
            \(groupRows)
            | 1 | Rà soát văn bản quy phạm pháp luật của tỉnh | Sở Tư pháp | Các sở, ngành | Quý I/2026 |
            | 2 | Xây dựng quy chế phối hợp | Sở Nội vụ | Sở Tư pháp | Tháng 3/2026 |
            | B. | CẢI CÁCH THỦ TỤC HÀNH CHÍNH | | | |
            | 3 | Công bố danh mục thủ tục hành chính | Văn phòng Ủy ban nhân dân thành phố | | 30/6/2026 |
            | 4 | Số hóa hồ sơ, kết quả giải quyết thủ tục | Sở Khoa học và Công nghệ | Sở Nội vụ | Trước 31/12/2025 |
            """
        let directive = Fixture.read(markdown).directive
        #expect(directive.unassigned.isEmpty, "\(directive.unassigned.map(\.text))")
        #expect(directive.tasks.map(\.id) == ["PL.1", "PL.2", "PL.3", "PL.4"])
        #expect(directive.tasks.map(Self.leads) == [["STP"], ["SNV"], ["VPUBND"], ["SKHCN"]])
        #expect(directive.tasks.map { $0.deadline?.due?.iso ?? "-" } == ["2026-03-31", "2026-03-31", "2026-06-30", "2025-12-30"])
    }

    /// A table of two columns, labels on the left, spells out one task.
    @Test("a two-column table of labelled fields is one task",
          arguments: [
              Shape(name: "title row, then plain labels", markdown: """
                  | Nội dung | Chi tiết |
                  |---|---|
                  | Nhiệm vụ | Xây dựng Đề án phát triển đô thị thông minh |
                  | Cơ quan chủ trì | Sở Xây dựng |
                  | Cơ quan phối hợp | Sở Khoa học và Công nghệ, Sở Tài chính |
                  | Thời hạn | Trước ngày 15/02/2026 |
                  """),
              Shape(name: "the first field as the header, bold labels with colons", markdown: """
                  | **Nhiệm vụ:** | Xây dựng Đề án phát triển đô thị thông minh |
                  |---|---|
                  | **Đơn vị chủ trì:** | Sở Xây dựng |
                  | **Đơn vị phối hợp:** | Sở Khoa học và Công nghệ; Sở Tài chính |
                  | **Thời gian hoàn thành:** | Trước ngày 15/02/2026 |
                  """),
          ])
    func fieldTable(_ shape: Shape) throws {
        let markdown = Self.header + "V/v thực hiện Kết luận của Tỉnh ủy\n\nKính gửi: Các sở, ban, ngành thành phố.\n\n"
            + "Thực hiện Kết luận số 12-KL/TU ngày 05/11/2025, trong đó yêu cầu hoàn thành trước ngày 31/12/2025, UBND tỉnh chỉ đạo như sau:\n\n"
            + shape.markdown + "\n"
        let directive = Fixture.read(markdown).directive
        #expect(directive.unassigned.isEmpty, "\(directive.unassigned.map(\.text))")
        let task = try #require(directive.tasks.first)
        #expect(directive.tasks.count == 1)
        #expect(task.text == "Xây dựng Đề án phát triển đô thị thông minh")
        #expect(Self.leads(task) == ["SXD"])
        #expect(Self.partners(task) == ["SKHCN", "STC"])
        #expect(task.deadline?.due == .iso("2026-02-14"))
    }

    // MARK: Opening history

    static let dispatchHead = header + """
        V/v đôn đốc thực hiện nhiệm vụ

        Kính gửi: Sở Tài chính; Sở Xây dựng; Sở Y tế.

        """ + "\n"

    /// A numbered list is judged item by item: its first item may open with
    /// the history of an earlier document and still assign anew.
    @Test("a list of duties whose first item opens with history is read",
          arguments: [
              Shape(name: "numbered list after 'có ý kiến như sau:'", markdown: dispatchHead + """
                  UBND tỉnh có ý kiến như sau:

                  1. Tại Công văn số 123/UBND-KT ngày 15/8/2025, UBND tỉnh đã giao Sở Tài chính hoàn thành dự thảo Quy định trước ngày 30/9/2025; tuy nhiên đến nay chưa hoàn thành. Giao Sở Tài chính khẩn trương hoàn thành, trình UBND tỉnh trước ngày 10/12/2025.

                  2. Sở Xây dựng: Theo Kế hoạch số 45/KH-UBND ngày 01/3/2025, hạn hoàn thành là ngày 30/6/2025. Yêu cầu Sở Xây dựng hoàn thành việc kiểm tra, báo cáo kết quả trong tháng 12/2025.

                  3. Sở Y tế tiếp tục thực hiện các nhiệm vụ tại Công văn số 77/UBND-VX ngày 05/5/2025 (hoàn thành trước ngày 31/5/2025).
                  """),
              Shape(name: "bulleted list straight after the history paragraph", markdown: dispatchHead + """
                  Ngày 15/8/2025, UBND tỉnh ban hành Công văn số 123/UBND-KT yêu cầu các sở hoàn thành trước ngày 30/9/2025. Tuy nhiên, đến nay kết quả còn chậm.

                  - Thực hiện Công văn số 123/UBND-KT ngày 15/8/2025, UBND tỉnh đã giao Sở Tài chính hoàn thành dự thảo Quy định trước ngày 30/9/2025. Nay giao Sở Tài chính khẩn trương hoàn thành, trình UBND tỉnh trước ngày 10/12/2025.
                  - Sở Xây dựng: theo Kế hoạch số 45/KH-UBND ngày 01/3/2025, hạn hoàn thành là ngày 30/6/2025; nay hoàn thành việc kiểm tra, báo cáo kết quả trong tháng 12/2025.
                  - Sở Y tế tiếp tục thực hiện các nhiệm vụ tại Công văn số 77/UBND-VX ngày 05/5/2025 (hoàn thành trước ngày 31/5/2025).
                  """),
          ])
    func historyThenDuties(_ shape: Shape) throws {
        let directive = Fixture.read(shape.markdown).directive
        #expect(directive.metadata.date == .iso("2025-11-10"))
        #expect(directive.tasks.map(Self.leads) == [["STC"], ["SXD"], ["SYT"]])
        #expect(directive.tasks.map { $0.deadline.map { "\($0.kind.rawValue) \($0.due?.iso ?? "-")" } ?? "-" }
                == ["before 2025-12-09", "within 2025-12-31", "standing -"])
    }

    struct PastDay: CustomTestStringConvertible {
        let text: String
        let due: String
        var testDescription: String { text }
    }

    /// A day already past on the document's own date is the history of an
    /// earlier duty: in a sentence it is not the new deadline when the text
    /// gives another or cites the earlier document. A table cell or a field
    /// ("Thời hạn: …") is read as written.
    @Test("a day before the document's date is no deadline in a sentence",
          arguments: [
              PastDay(text: "Theo Kế hoạch số 45/KH-UBND, hạn hoàn thành là ngày 30/6/2025; nay báo cáo kết quả trong tháng 12/2025.", due: "2025-12-31"),
              PastDay(text: "UBND tỉnh đã yêu cầu hoàn thành trước ngày 31/12/2025 (thay cho hạn trước ngày 30/9/2025).", due: "2025-12-30"),
              PastDay(text: "Tiếp tục thực hiện các nhiệm vụ tại Công văn số 77/UBND-VX (hoàn thành trước ngày 31/5/2025).", due: "-"),
              // The only day, citing nothing: kept as written (a slip the review shows).
              PastDay(text: "Tổng hợp kết quả; báo cáo chậm nhất trước ngày 01/01/2025.", due: "2024-12-31"),
          ])
    func pastDayInSentence(_ c: PastDay) {
        let parser = DeadlineParser(documentDate: .iso("2025-11-20"))
        #expect(parser.parse(c.text).deadline?.due?.iso ?? "-" == c.due)
    }

    @Test("a past day in a field or a cell is read as written",
          arguments: ["30/6/2025", "Trước ngày 30/9/2025"])
    func pastDayLabelled(_ cell: String) {
        let parser = DeadlineParser(documentDate: .iso("2025-11-20"))
        #expect(parser.parse(cell, labelled: true).deadline?.due != nil)
    }

    // MARK: Công văn: who is asked

    /// "Yêu cầu Giám đốc các sở: Sở X, Sở Y …": the bodies after the colon lead.
    @Test("a colon after a general name introduces the bodies meant",
          arguments: [
              "Yêu cầu Giám đốc các sở: Sở Xây dựng, Sở Nông nghiệp và Môi trường khẩn trương hoàn thành giải ngân trước ngày 31/12/2025.",
              "Đề nghị Thủ trưởng các cơ quan: Sở Xây dựng và Sở Nông nghiệp và Môi trường chủ trì rà soát các dự án chậm tiến độ.",
          ])
    func colonAfterGeneralName(_ sentence: String) throws {
        let markdown = Self.dispatchHead + "UBND tỉnh có ý kiến như sau:\n\n1. Giao Sở Tài chính tổng hợp tình hình giải ngân.\n\n2. \(sentence)\n"
        let task = try #require(Fixture.read(markdown).directive.tasks.last)
        #expect(Self.leads(task) == ["SXD", "SNNMT"])
    }
    // MARK: Labelled fields

    /// "Chủ trì:", "Phối hợp:" without "cơ quan"/"đơn vị" are the same fields;
    /// fields may share a paragraph, one sentence each.
    @Test("short labels, and labels one sentence each in a paragraph, are fields",
          arguments: [
              Shape(name: "bullets 'Chủ trì:' / 'Phối hợp:' / 'Thời gian:'", markdown: """
                  - Chủ trì: Sở Tư pháp.
                  - Phối hợp: Sở Nội vụ, Sở Tài chính.
                  - Thời gian: Quý I/2026.
                  """),
              Shape(name: "bold labels in one paragraph, split by full stops", markdown: """
                  **Đơn vị chủ trì:** Sở Tư pháp. **Đơn vị phối hợp:** Sở Nội vụ, Sở Tài chính. **Thời hạn:** trong Quý I/2026.
                  """),
              Shape(name: "'Chủ trì thực hiện:' lines of their own", markdown: """
                  Chủ trì thực hiện: Sở Tư pháp

                  Phối hợp thực hiện: Sở Nội vụ; Sở Tài chính

                  Thời gian hoàn thành: Quý I/2026
                  """),
          ])
    func shortLabels(_ shape: Shape) throws {
        let markdown = "**II. NHIỆM VỤ, GIẢI PHÁP**\n\n**1. Rà soát văn bản quy phạm pháp luật**\n\n" + shape.markdown + "\n"
        let directive = Fixture.read(markdown).directive
        #expect(directive.unassigned.isEmpty, "\(directive.unassigned.map(\.text))")
        let task = try #require(directive.tasks.first)
        #expect(directive.tasks.count == 1)
        #expect(Self.leads(task) == ["STP"])
        #expect(Self.partners(task) == ["SNV", "STC"])
        #expect(task.deadline?.due == .iso("2026-03-31"))
    }

    // MARK: Appendix tables: numbering and headers

    /// "1" with a title alone, then "1.1", "1.2": the row "1" groups; the
    /// rows numbered under it are tasks of their own and take no cell from above.
    @Test("a numbered title row over rows '1.1', '1.2' is a group",
          arguments: ["**Cải cách thể chế**", "CẢI CÁCH THỂ CHẾ"])
    func dottedRows(_ title: String) throws {
        let markdown = """
            **PHỤ LỤC**

            | TT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |
            |---|---|---|---|---|
            | 1 | \(title) | | | |
            | 1.1 | Rà soát văn bản quy phạm pháp luật của tỉnh | Sở Tư pháp | Sở Nội vụ | Quý I/2026 |
            | 1.2 | Xây dựng quy chế phối hợp | Sở Nội vụ | | Tháng 3/2026 |
            | 2 | Cải cách thủ tục hành chính | | | |
            | 2.1 | Công bố danh mục thủ tục hành chính | Sở Tư pháp | | 30/6/2026 |
            | 2.2 | Số hóa hồ sơ | Sở Khoa học và Công nghệ | | |
            """
        let directive = Fixture.read(markdown).directive
        #expect(directive.unassigned.isEmpty, "\(directive.unassigned.map(\.text))")
        #expect(directive.tasks.map(\.id) == ["PL.1.1", "PL.1.2", "PL.2.1", "PL.2.2"])
        #expect(directive.tasks.map { Self.partners($0).count } == [1, 0, 0, 0])
        #expect(directive.tasks.map { $0.deadline?.due?.iso ?? "-" } == ["2026-03-31", "2026-03-31", "2026-06-30", "-"])
    }

    /// A header on two rows: the sub-column that says when the work ends is the deadline.
    @Test("a two-row header reads the deadline from its 'Hoàn thành' / 'Kết thúc' sub-column",
          arguments: ["Hoàn thành", "Kết thúc"])
    func twoRowHeader(_ end: String) throws {
        let markdown = """
            **PHỤ LỤC**

            | TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian | |
            |---|---|---|---|---|---|
            | | | | | Bắt đầu | \(end) |
            | 1 | Rà soát văn bản quy phạm pháp luật của tỉnh | Sở Tư pháp | Sở Nội vụ | 01/2026 | 03/2026 |
            | 2 | Xây dựng quy chế phối hợp | Sở Nội vụ | | Quý I/2026 | Quý II/2026 |
            """
        let directive = Fixture.read(markdown).directive
        #expect(directive.unassigned.isEmpty, "\(directive.unassigned.map(\.text))")
        #expect(directive.tasks.map(\.id) == ["PL.1", "PL.2"])
        #expect(directive.tasks.map { $0.deadline?.due?.iso ?? "-" } == ["2026-03-31", "2026-06-30"])
    }
    // MARK: A reason, then the issuer's own assignment

    static let footer = "\n\n**Nơi nhận:**\n- Như trên;\n- Lưu: VT.\n\n**KT. CHỦ TỊCH**\n\n**Trần Văn B**\n"

    struct Opening: CustomTestStringConvertible {
        let paragraph: String
        let leads: [String?]
        let due: String?
        var testDescription: String { paragraph }
    }

    /// A dispatch of one paragraph: the clause that says why ("Thực hiện …",
    /// "Căn cứ …") comes first, then the issuer assigns in its own voice. History
    /// ("Ngày …, UBND tỉnh ban hành … yêu cầu …") assigns nothing new.
    @Test("an opening clause followed by the issuer's 'giao / yêu cầu' is a task; history is not",
          arguments: [
              Opening(paragraph: "Thực hiện Công văn số 5678/BYT-DP ngày 10/11/2025 của Bộ Y tế về việc tăng cường phòng chống dịch, Chủ tịch UBND tỉnh giao Sở Y tế chủ trì, phối hợp với Sở Tài chính triển khai thực hiện, báo cáo kết quả trước ngày 15/12/2025.",
                      leads: ["SYT"], due: "2025-12-14"),
              Opening(paragraph: "Căn cứ Quyết định số 55/QĐ-UBND ngày 02/3/2025 của UBND tỉnh, Ủy ban nhân dân tỉnh yêu cầu Sở Tài chính rà soát, bố trí kinh phí còn thiếu, hoàn thành trong tháng 12/2025.",
                      leads: ["STC"], due: "2025-12-31"),
              Opening(paragraph: "Ngày 15/8/2025, UBND tỉnh ban hành Công văn số 123/UBND-KT yêu cầu Sở Tài chính hoàn thành trước ngày 30/9/2025. Tuy nhiên, đến nay chưa hoàn thành.",
                      leads: [], due: nil),
              Opening(paragraph: "Thực hiện Công văn số 789/BTC-ĐT ngày 01/11/2025 của Bộ Tài chính về việc giao Sở Tài chính báo cáo trước ngày 10/11/2025, UBND tỉnh đã tổng hợp, gửi Bộ Tài chính.",
                      leads: [], due: nil),
          ])
    func reasonThenAssignment(_ c: Opening) {
        let directive = Fixture.read(Self.dispatchHead + c.paragraph + Self.footer).directive
        #expect(directive.tasks.flatMap(Self.leads) == c.leads)
        #expect(directive.tasks.first?.deadline?.due?.iso == c.due)
    }

    /// "…, UBND tỉnh đề nghị:" then a list whose items open with a body.
    @Test("a list handed out by a lead-in before any section is a list of duties",
          arguments: [
              "Căn cứ Kế hoạch số 45/KH-UBND ngày 01/3/2025 của UBND tỉnh (hạn hoàn thành trước ngày 30/6/2025), UBND tỉnh đề nghị:\n\n- Sở Y tế khẩn trương tổng hợp kết quả, báo cáo trước ngày 10/12/2025;\n- Sở Tài chính bố trí kinh phí còn thiếu trong tháng 12/2025.",
              "Để kịp thời khắc phục hậu quả mưa lũ, Chủ tịch UBND tỉnh yêu cầu:\n\n1. Sở Y tế: tổng hợp kết quả, báo cáo trước ngày 10/12/2025.\n\n2. Sở Tài chính: bố trí kinh phí còn thiếu trong tháng 12/2025.",
          ])
    func leadInList(_ body: String) {
        let directive = Fixture.read(Self.dispatchHead + body + Self.footer).directive
        #expect(directive.tasks.map(Self.leads) == [["SYT"], ["STC"]])
        #expect(directive.tasks.map { $0.deadline?.due?.iso ?? "-" } == ["2025-12-09", "2025-12-31"])
    }
    // MARK: Roles marked inside a cell or after the duty

    /// One column for both roles: the cell marks who leads.
    @Test("a cell for both roles marks the lead; the other bodies are partners",
          arguments: ["Sở Tư pháp (chủ trì); Sở Nội vụ", "Chủ trì: Sở Tư pháp; phối hợp: Sở Nội vụ", "Sở Nội vụ (phối hợp); Sở Tư pháp (chủ trì)"])
    func rolesInOneCell(_ cell: String) throws {
        let markdown = """
            **PHỤ LỤC**

            | STT | Nhiệm vụ | Cơ quan chủ trì, phối hợp | Thời gian |
            |---|---|---|---|
            | 1 | Rà soát văn bản quy phạm pháp luật | \(cell) | Quý I/2026 |
            """
        let task = try #require(Fixture.read(markdown).directive.tasks.first)
        #expect(Self.leads(task) == ["STP"])
        #expect(Self.partners(task) == ["SNV"])
        #expect(task.deadline?.due == .iso("2026-03-31"))
    }

    /// The duty first, then who and when: in a parenthesis, or in sentences
    /// (or nested bullets) of their own.
    @Test("fields after the duty, in a parenthesis or sentences of their own",
          arguments: [
              "1. Rà soát văn bản quy phạm pháp luật của tỉnh (Cơ quan chủ trì: Sở Tư pháp; thời gian: Quý I/2026).",
              "1. Rà soát văn bản quy phạm pháp luật của tỉnh. Đơn vị thực hiện: Sở Tư pháp. Thời gian hoàn thành: Quý I/2026.",
              "1. Rà soát văn bản quy phạm pháp luật của tỉnh.\n   - Cơ quan chủ trì: Sở Tư pháp.\n   - Thời gian thực hiện: Quý I/2026.",
          ])
    func trailingFields(_ item: String) throws {
        let markdown = "**II. NHIỆM VỤ, GIẢI PHÁP**\n\n" + item + "\n"
        let directive = Fixture.read(markdown).directive
        #expect(directive.unassigned.isEmpty, "\(directive.unassigned.map(\.text))")
        let task = try #require(directive.tasks.first)
        #expect(task.text.hasPrefix("Rà soát văn bản"), "\(task.text)")
        #expect(Self.leads(task) == ["STP"])
        #expect(task.deadline?.due == .iso("2026-03-31"))
    }
    // MARK: Tables in HTML

    /// A converter writes a table with merged cells as HTML: its rows are
    /// read as a pipe table's, a cell spanning rows holding for each of them.
    @Test("an appendix table in HTML gives its rows, merged cells included",
          arguments: [
              Shape(name: "plain rows, bold header cells", markdown: """
                  <table>
                  <tr><td><b>TT</b></td><td><b>Nhiệm vụ</b></td><td><b>Cơ quan chủ trì</b></td><td><b>Cơ quan phối hợp</b></td><td><b>Thời hạn</b></td></tr>
                  <tr><td>1</td><td>Rà soát văn bản quy phạm pháp luật</td><td>Sở Tư pháp</td><td>Sở Nội vụ</td><td>Quý I/2026</td></tr>
                  <tr><td>2</td><td>Xây dựng quy chế phối hợp</td><td>Sở Tư pháp</td><td>Sở Nội vụ, Sở Tài chính</td><td>Tháng 3/2026</td></tr>
                  </table>
                  """),
              Shape(name: "thead/tbody, a group row spanning columns, a lead spanning rows, <p> and <br/> in cells", markdown: """
                  <table>
                  <thead>
                  <tr class="header">
                  <th>STT</th>
                  <th>Nhiệm vụ</th>
                  <th>Cơ quan chủ trì</th>
                  <th>Cơ quan phối hợp</th>
                  <th>Thời gian hoàn thành</th>
                  </tr>
                  </thead>
                  <tbody>
                  <tr><td colspan="5"><strong>I. CẢI CÁCH THỂ CHẾ</strong></td></tr>
                  <tr><td>1</td><td><p>Rà soát văn bản quy phạm pháp luật</p></td><td rowspan="2">Sở Tư pháp</td><td>Sở Nội vụ</td><td>Quý I/2026</td></tr>
                  <tr><td>2</td><td>Xây dựng quy chế phối hợp</td><td>Sở Nội vụ,<br/>Sở Tài chính</td><td>Tháng 3/2026</td></tr>
                  </tbody>
                  </table>
                  """),
          ])
    func htmlTable(_ shape: Shape) throws {
        let markdown = "**I. TỔ CHỨC THỰC HIỆN**\n\n1. Sở Nội vụ theo dõi, đôn đốc; báo cáo UBND tỉnh trước ngày 20/12/2026.\n\n**PHỤ LỤC**\n\n" + shape.markdown + "\n"
        let directive = Fixture.read(markdown).directive
        #expect(directive.unassigned.isEmpty, "\(directive.unassigned.map(\.text))")
        let rows = directive.tasks.filter { $0.id.hasPrefix("PL") }
        #expect(rows.map(\.text) == ["Rà soát văn bản quy phạm pháp luật", "Xây dựng quy chế phối hợp"])
        #expect(rows.map(Self.leads) == [["STP"], ["STP"]])
        #expect(rows.map(Self.partners) == [["SNV"], ["SNV", "STC"]])
        #expect(rows.map { $0.deadline?.due?.iso ?? "-" } == ["2026-03-31", "2026-03-31"])
    }
    // MARK: Deadline cells

    struct Cell: CustomTestStringConvertible {
        let cell: String
        let kind: Deadline.Kind
        let due: String
        var testDescription: String { cell }
    }

    /// Forms an appendix cell takes: a day without the word "ngày", a yearly
    /// day in a parenthesis, short month and quarter forms.
    @Test("deadline cells: days without 'ngày', 'T3/2026', 'Q1/2026', '03/2026'",
          arguments: [
              Cell(cell: "Trước 15/12 hằng năm", kind: .recurring, due: "2025-12-14"),
              Cell(cell: "Hằng năm (trước 15/11)", kind: .recurring, due: "2026-11-14"),
              Cell(cell: "Chậm nhất 30/6/2026", kind: .on, due: "2026-06-30"),
              Cell(cell: "T3/2026", kind: .within, due: "2026-03-31"),
              Cell(cell: "Q1/2026", kind: .within, due: "2026-03-31"),
              Cell(cell: "03/2026", kind: .within, due: "2026-03-31"),
          ])
    func deadlineCell(_ c: Cell) throws {
        let parser = DeadlineParser(documentDate: .iso("2025-11-12"), asOf: .iso("2025-12-01"))
        let deadline = try #require(parser.parse(c.cell, labelled: true).deadline)
        #expect(deadline.kind == c.kind)
        #expect(deadline.due?.iso == c.due)
    }
    // MARK: An item that names its own body

    /// After one body's heading, an item that opens "<body>:" is that body's duty.
    @Test("an item opening '<known body>:' leads itself, after another body's heading",
          arguments: [
              "5\\. **Sở Nội vụ**: theo dõi, đôn đốc việc thực hiện, báo cáo UBND tỉnh trước ngày 20/12/2026.",
              "**5.** **Sở Nội vụ:** theo dõi, đôn đốc việc thực hiện, báo cáo UBND tỉnh trước ngày 20/12/2026.",
              "- Sở Nội vụ: theo dõi, đôn đốc việc thực hiện, báo cáo UBND tỉnh trước ngày 20/12/2026.",
          ])
    func ownColonLead(_ item: String) throws {
        let markdown = "**IV. TỔ CHỨC THỰC HIỆN**\n\n**4. Sở Tài chính**\n\n- Bố trí kinh phí thực hiện Kế hoạch, hoàn thành trong Quý I/2026.\n\n" + item + "\n"
        let tasks = Fixture.read(markdown).directive.tasks
        #expect(tasks.map(Self.leads) == [["STC"], ["SNV"]])
        #expect(tasks.last?.deadline?.due == .iso("2026-12-19"))
    }
    // MARK: A body known to the register, whatever verb follows

    struct Opener: CustomTestStringConvertible {
        let item: String
        let leads: [String?]
        var testDescription: String { item }
    }

    /// Under a heading that names no body, an item opening with bodies the
    /// register knows is theirs whatever its verb ("số hóa", "chuẩn bị", "đẩy
    /// nhanh", "báo cáo"); every word before the verb must be part of a name.
    @Test("an item opening with known bodies leads itself whatever its verb",
          arguments: [
              Opener(item: "2.2. Sở Nội vụ số hóa hồ sơ cán bộ, hoàn thành trước ngày 30/9/2026.", leads: ["SNV"]),
              Opener(item: "b) Sở Xây dựng đẩy nhanh thủ tục cấp phép, hoàn thành trong tháng 12/2026.", leads: ["SXD"]),
              Opener(item: "3. Sở Y tế và Sở Tài chính chuẩn bị lực lượng, phương tiện cấp cứu.", leads: ["SYT", "STC"]),
              Opener(item: "3.2. Các sở, ngành báo cáo kết quả trước ngày 15/12 hằng năm.", leads: ["SO-NGANH"]),
              Opener(item: "2. Các sở, ngành, địa phương có liên quan có trách nhiệm chủ động cân đối ngân sách.", leads: []),
          ])
    func registeredOpener(_ c: Opener) {
        let markdown = "### 2. Nhiệm vụ trọng tâm\n\n" + c.item + "\n"
        let directive = Fixture.read(markdown).directive
        #expect(directive.tasks.flatMap(Self.leads) == c.leads)
        #expect(directive.unassigned.count == (c.leads.isEmpty ? 1 : 0))
    }
    // MARK: A header laid out as a table

    /// The number and date sit in a layout table; the date still makes a
    /// cited plan's past day no deadline.
    @Test("a header laid out as a table gives the number and the date",
          arguments: [
              "| ỦY BAN NHÂN DÂN<br>TỈNH AN GIANG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc |\n|---|---|\n| Số: 1234/UBND-KT | *An Giang, ngày 10 tháng 11 năm 2025* |",
              "| **ỦY BAN NHÂN DÂN TỈNH AN GIANG**<br>Số: 1234/UBND-KT | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br>*An Giang, ngày 10 tháng 11 năm 2025* |\n|:---:|:---:|",
          ])
    func headerTable(_ header: String) throws {
        let markdown = header + "\n\nV/v đôn đốc thực hiện nhiệm vụ\n\nKính gửi: Sở Xây dựng.\n\n"
            + "1. Sở Xây dựng: Theo Kế hoạch số 45/KH-UBND, hạn hoàn thành là ngày 30/6/2025. Yêu cầu Sở Xây dựng báo cáo kết quả trong tháng 12/2025.\n"
        let directive = Fixture.read(markdown).directive
        #expect(directive.metadata.number == "1234/UBND-KT")
        #expect(directive.metadata.date == .iso("2025-11-10"))
        let task = try #require(directive.tasks.first)
        #expect(Self.leads(task) == ["SXD"])
        #expect(task.deadline?.due == .iso("2025-12-31"))
    }
    /// "Kính gửi: Sở X." names its recipients inline: a list right after it
    /// is the body, not more recipients; and "Yêu cầu <body> <verb> …" assigns
    /// whatever the verb.
    @Test("a list right after an inline 'Kính gửi:' is the body",
          arguments: [
              "Kính gửi: Sở Xây dựng; Sở Y tế.\n\n1. Yêu cầu Sở Xây dựng báo cáo kết quả kiểm tra trong tháng 12/2025.\n\n2. Yêu cầu Sở Y tế báo cáo tình hình dịch bệnh trong tháng 12/2025.",
              "Kính gửi: Sở Xây dựng, Sở Y tế.\n\n- Đề nghị Sở Xây dựng báo cáo kết quả kiểm tra trong tháng 12/2025;\n- Đề nghị Sở Y tế báo cáo tình hình dịch bệnh trong tháng 12/2025.",
          ])
    func listAfterInlineRecipients(_ body: String) {
        let markdown = Self.header + "V/v báo cáo kết quả\n\n" + body + Self.footer
        let directive = Fixture.read(markdown).directive
        #expect(directive.tasks.map(Self.leads) == [["SXD"], ["SYT"]])
        #expect(directive.tasks.map { $0.deadline?.due?.iso ?? "-" } == ["2025-12-31", "2025-12-31"])
    }
}
