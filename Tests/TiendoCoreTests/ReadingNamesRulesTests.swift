import Testing
@testable import TiendoCore

/// Rules for where a list of assignees begins and ends, and for activity
/// blocks whose fields carry sub-bullets; each on at least two shapes.
@Suite("Tên đơn vị trong câu và trong trường")
struct ReadingNamesRulesTests {
    static func leads(_ task: Task) -> [String] { task.assignees.filter { $0.role == .lead }.map(\.name) }
    static func partners(_ task: Task) -> [String] { task.assignees.filter { $0.role == .partner }.map(\.name) }

    // MARK: A list of names ends where the sentence goes on

    struct Partners: CustomTestStringConvertible {
        let text: String
        let partners: [String]
        var testDescription: String { text }
    }

    @Test("partners end at the words that go on after the last name, known or not",
          arguments: [
              // A register name, then a verb the end list does not know.
              Partners(text: "a) Phối hợp với Công an thành phố nâng cao hiệu quả phòng ngừa.", partners: ["Công an thành phố"]),
              Partners(text: "- Phối hợp với Sở Khoa học và Công nghệ trong cập nhật danh mục dữ liệu.", partners: ["Sở Khoa học và Công nghệ"]),
              Partners(text: "b) Phối hợp Sở Nông nghiệp và Môi trường và Ủy ban nhân dân xã, phường tuyên truyền, phổ biến pháp luật.",
                       partners: ["Sở Nông nghiệp và Môi trường", "Ủy ban nhân dân xã, phường"]),
              // A body the register does not know ends at its first verb.
              Partners(text: "c) Phối hợp với Ban đại diện cha mẹ học sinh thường xuyên nhắc nhở học sinh.", partners: ["Ban đại diện cha mẹ học sinh"]),
              Partners(text: "- Chủ trì, phối hợp với Bộ Tư lệnh Thành phố và định kỳ kiểm tra an ninh.", partners: ["Bộ Tư lệnh Thành phố"]),
          ])
    func partnersEnd(_ c: Partners) throws {
        let task = try #require(Fixture.read("**1. Sở Y tế**\n\n\(c.text)\n").directive.tasks.first)
        #expect(Self.leads(task) == ["Sở Y tế"])
        #expect(Self.partners(task) == c.partners)
    }

    struct ColonLead: CustomTestStringConvertible {
        let markdown: String
        let lead: String
        var testDescription: String { markdown }
    }

    /// A body named before a colon leads the duty after it, whatever verb opens
    /// the duty and whoever the duty is for ("cho người dân" is the public served,
    /// not a body the duty is laid on).
    @Test("'<body>: <duty>' leads the duty, whatever its verb and whoever it serves",
          arguments: [
              ColonLead(markdown: "**I. TỔ CHỨC THỰC HIỆN**\n\n1. Sở Công Thương: bảo đảm hàng hóa.\n\n2. Sở Tài chính: cấp kinh phí cho các xã bị lũ.\n", lead: "Sở Tài chính"),
              ColonLead(markdown: "**I. TỔ CHỨC THỰC HIỆN**\n\n- Sở Công Thương: bảo đảm hàng hóa.\n- Sở Y tế: cấp thuốc cho người dân bị lũ.\n", lead: "Sở Y tế"),
              ColonLead(markdown: "**IV. TỔ CHỨC THỰC HIỆN**\n\n1. Sở Công Thương: bảo đảm hàng hóa.\n\n2. **Sở Y tế:** hướng dẫn hộ gia đình xử lý nước sinh hoạt.\n", lead: "Sở Y tế"),
          ])
    func colonClosesTheLead(_ c: ColonLead) throws {
        let output = Fixture.read(c.markdown)
        #expect(output.directive.unassigned.isEmpty, "\(output.directive.unassigned.map(\.id))")
        let task = try #require(output.directive.tasks.last)
        #expect(Self.leads(task) == [c.lead])
    }

    @Test("the public named among the bodies, before any colon, still sends the duty to review",
          arguments: [
              "**I. TỔ CHỨC THỰC HIỆN**\n\n1. Sở Công Thương: bảo đảm hàng hóa.\n\n2. Các cơ quan quản lý nhà nước, tổ chức, cá nhân liên quan có trách nhiệm chấp hành.\n",
              "**I. TỔ CHỨC THỰC HIỆN**\n\n- Sở Công Thương: bảo đảm hàng hóa.\n- Các tổ chức, cá nhân: chấp hành quy định về phòng chống lũ.\n",
          ])
    func publicBeforeTheColon(_ markdown: String) {
        let output = Fixture.read(markdown)
        #expect(output.directive.tasks.count == 1)
        #expect(output.directive.unassigned.count == 1)
    }

    @Test("'các' before a verb-like word makes it a noun: 'và các tổ chức chính trị - xã hội' is a body",
          arguments: [
              "**1. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội:**\n\n- Tuyên truyền cho nhân dân.\n",
              "*2.1. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội*\n\na) Tuyên truyền cho nhân dân.\n",
              "1. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội\n\nTuyên truyền cho nhân dân.\n",
          ])
    func pluralNoun(_ text: String) throws {
        let task = try #require(Fixture.read(text).directive.tasks.first)
        #expect(Self.leads(task) == ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "các tổ chức chính trị - xã hội"])
    }

    @Test("a heading that lists several bodies may be long; 'các tổ chức thành viên' is one of them",
          arguments: [
              "**3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố, Hội Liên hiệp Phụ nữ Thành phố và các tổ chức thành viên của Mặt trận**\n\n- Tham gia phối hợp triển khai Kế hoạch.\n",
              "### 3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố, Hội Liên hiệp Phụ nữ Thành phố và các tổ chức thành viên của Mặt trận\n\nTham gia phối hợp triển khai Kế hoạch.\n",
          ])
    func longHeadingList(_ text: String) throws {
        let task = try #require(Fixture.read(text).directive.tasks.first)
        #expect(Self.leads(task) == ["Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố", "Hội Liên hiệp Phụ nữ Thành phố",
                                     "các tổ chức thành viên của Mặt trận"])
    }

    // MARK: Groups of bodies

    struct Group: CustomTestStringConvertible {
        let list: String
        let names: [String]
        var testDescription: String { list }
    }

    @Test("a group of departments goes on with 'đoàn thể' and a scope; 'địa phương' after it is the communes",
          arguments: [
              Group(list: "các sở, ban, ngành, đoàn thể Thành phố, Ủy ban nhân dân phường, xã, đặc khu",
                    names: ["các sở, ban, ngành, đoàn thể Thành phố", "Ủy ban nhân dân phường, xã, đặc khu"]),
              Group(list: "các sở, ban, ngành, đoàn thể và Sở Y tế", names: ["các sở, ban, ngành, đoàn thể", "Sở Y tế"]),
              Group(list: "các sở, ban, ngành tỉnh", names: ["các sở, ban, ngành tỉnh"]),
              Group(list: "các sở, ngành, địa phương", names: ["các sở, ngành", "địa phương"]),
              Group(list: "Sở Tài chính, các sở, ngành và địa phương", names: ["Sở Tài chính", "các sở, ngành", "địa phương"]),
              // Closed by "liên quan", the whole phrase names nobody.
              Group(list: "Sở Tài chính và các sở, ngành, địa phương có liên quan", names: ["Sở Tài chính"]),
              // The press and broadcasters are one addressee.
              Group(list: "Sở Nội vụ, báo, đài và các đơn vị có liên quan", names: ["Sở Nội vụ", "báo, đài"]),
          ])
    func groups(_ c: Group) {
        let names = AssigneeNames(register: Fixture.register).names(in: c.list, role: .partner, keepUnknown: true)
        #expect(names.map(\.name) == c.names)
    }

    @Test("a group with its scope is still the register's group")
    func groupScope() {
        let names = AssigneeNames(register: Fixture.register)
        #expect(names.names(in: "các sở, ban, ngành tỉnh", role: .lead, keepUnknown: false).map(\.code) == ["SO-NGANH"])
        #expect(names.names(in: "Các sở, ngành cấp tỉnh", role: .lead, keepUnknown: false).map(\.code) == ["SO-NGANH"])
    }

    @Test("after other bodies, a head stands for the body it heads; a list that opens with the head keeps it",
          arguments: [
              ("Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam thành phố, Thủ trưởng sở, ban, ngành thành phố và Chủ tịch Ủy ban nhân dân xã, phường tổ chức quán triệt Chương trình.",
               ["Ủy ban Mặt trận Tổ quốc Việt Nam thành phố", "sở, ban, ngành thành phố", "Ủy ban nhân dân xã, phường"]),
              ("Giao Công an tỉnh, Giám đốc Sở Y tế chủ trì tổ chức kiểm tra.", ["Công an tỉnh", "Sở Y tế"]),
          ])
    func heads(_ c: (String, [String])) throws {
        let task = try #require(Fixture.read("**1. Tổ chức thực hiện**\n\n\(c.0)\n").directive.tasks.first)
        #expect(Self.leads(task) == c.1)
    }

    @Test("a heading that opens with the head of the bodies keeps the head", arguments: [
        "**2. Thủ trưởng các sở, ban, ngành, đoàn thể Thành phố**\n\n- Quan tâm thực hiện công tác cán bộ nữ.\n",
        "2. Thủ trưởng các sở, ban, ngành, đoàn thể Thành phố\n\na) Quan tâm thực hiện công tác cán bộ nữ.\n",
    ])
    func headHeading(_ text: String) throws {
        let task = try #require(Fixture.read(text).directive.tasks.first)
        #expect(Self.leads(task) == ["Thủ trưởng các sở, ban, ngành, đoàn thể Thành phố"])
    }

    @Test("'cơ quan chủ trì …' is a role the document defines, not a body cut at the verb", arguments: [
        "**3.** Cơ quan chủ trì giải quyết thủ tục đầu tư dự án\n\na) Hướng dẫn nhà đầu tư.\n",
        "**3. Cơ quan chủ trì giải quyết thủ tục đầu tư dự án:**\n\n- Hướng dẫn nhà đầu tư.\n",
    ])
    func roleName(_ text: String) throws {
        let task = try #require(Fixture.read(text).directive.tasks.first)
        #expect(Self.leads(task) == ["Cơ quan chủ trì giải quyết thủ tục đầu tư dự án"])
    }

    // MARK: Activity blocks

    static let activities = [
        // Plain dashes, the second activity's bodies as "+" bullets.
        """
        **1. Nâng cao nhận thức**

        a) Hoạt động 1

        - Nội dung: Triển khai Tháng hành động (từ ngày 15/11 đến ngày 15/12).

        - Cơ quan thực hiện: Sở Nội vụ chủ trì, phối hợp với Sở Y tế và các đơn vị có liên quan.

        b) Hoạt động 2

        - Nội dung:

        + Tổng kết mô hình một cửa.

        + Tập huấn nâng cao năng lực.

        - Cơ quan thực hiện:

        + Sở Y tế chủ trì, phối hợp với Sở Tài chính.

        + Sở Xây dựng đăng tải thông điệp truyền thông.
        """,
        // Bold labels, tight lists, the field values on one bullet each.
        """
        **1. Nâng cao nhận thức**

        a) Hoạt động 1

        - **Nội dung:** Triển khai Tháng hành động (từ ngày 15/11 đến ngày 15/12).
        - **Cơ quan thực hiện:** Sở Nội vụ chủ trì, phối hợp với Sở Y tế và các đơn vị có liên quan.

        b) Hoạt động 2

        - **Nội dung:**
        + Tổng kết mô hình một cửa.
        + Tập huấn nâng cao năng lực.

        - **Cơ quan thực hiện:**
        + Sở Y tế chủ trì, phối hợp với Sở Tài chính.
        + Sở Xây dựng đăng tải thông điệp truyền thông.
        """,
    ]

    @Test("an activity's fields, and their sub-bullets, make one task: lead and partners from 'X chủ trì, phối hợp với Y'",
          arguments: activities)
    func activityBlocks(_ body: String) {
        let output = Fixture.read("*Hải Phòng, ngày 18 tháng 11 năm 2025*\n\n" + body + "\n")
        let tasks = output.directive.tasks
        #expect(tasks.count == 2)
        guard tasks.count == 2 else { return }
        #expect(tasks[0].assignees.map(\.code) == ["SNV", "SYT"])
        #expect(tasks[0].assignees.map(\.role) == [.lead, .partner])
        // The duty's own words hold its time: a range of days is due at its end.
        #expect(tasks[0].deadline?.kind == .within)
        #expect(tasks[0].deadline?.due == .iso("2025-12-15"))
        #expect(Set(tasks[1].assignees.map(\.code)) == ["SYT", "SXD", "STC"])
        #expect(Self.partners(tasks[1]) == ["Sở Tài chính"])
        #expect(Self.leads(tasks[1]) == ["Sở Y tế", "Sở Xây dựng"])
        #expect(tasks[1].text.contains("Tổng kết mô hình"))
        #expect(tasks[1].text.contains("đăng tải thông điệp"))
        #expect(output.directive.unassigned.isEmpty)
    }

    // MARK: Ranges of days

    @Test("a range of days is due at its end, with or without its year", arguments: [
        ("Tổ chức Tháng hành động từ ngày 15/11 đến ngày 15/12.", "2025-12-15"),
        ("Tổ chức Tháng hành động từ ngày 15/11/2025 đến hết ngày 15/01/2026.", "2026-01-15"),
        ("Ra quân từ ngày 20/12 - 10/01.", "2026-01-10"),
    ])
    func dayRanges(_ c: (String, String)) {
        let deadline = DeadlineParser(documentDate: .iso("2025-11-18")).parse(c.0).deadline
        #expect(deadline?.kind == .within)
        #expect(deadline?.due == .iso(c.1))
    }

    // MARK: Header

    @Test("a converter's comment before the header does not hide the date line", arguments: [
        "<!-- Source: converted from a web page -->\n\n",
        "<!--\nSource: converted from a web page.\nChanges: joined lines.\n-->\n\n",
    ])
    func commentBeforeHeader(_ comment: String) {
        let text = comment + "**ỦY BAN NHÂN DÂN**  \nTHÀNH PHỐ HỒ CHÍ MINH\n\nSố: 174/KH-UBND\n\n*Thành phố Hồ Chí Minh, ngày 18 tháng 11 năm 2025*\n\n**1. Sở Nội vụ**\n\n- Tổng hợp báo cáo trước ngày 16/12.\n"
        let output = Fixture.read(text)
        #expect(output.directive.metadata.date == .iso("2025-11-18"))
        #expect(output.directive.metadata.number == "174/KH-UBND")
        #expect(output.directive.tasks.first?.deadline?.due == .iso("2025-12-15"))
    }
}

/// Where a section ends and what announces items rather than being one.
@Suite("Mục, mục con và câu dẫn")
struct ReadingSectionRulesTests {
    static func leads(_ task: Task) -> [String] { task.assignees.filter { $0.role == .lead }.map(\.name) }

    @Test("a paragraph numbered next after the current heading closes it; ending with a colon it names who does the items below",
          arguments: [
              """
              **II. Trách nhiệm phối hợp**

              **3.** Cơ quan chủ trì giải quyết thủ tục đầu tư dự án

              a) Hướng dẫn nhà đầu tư.

              **4.** Cơ quan phối hợp có trách nhiệm trả lời bằng văn bản khi được lấy ý kiến.

              **5.** Để nâng cao hiệu quả quản lý nhà nước, các Sở, ngành, UBND cấp xã theo chức năng, nhiệm vụ:

              a) Định kỳ đánh giá tình hình hoạt động của các dự án.
              """,
              """
              ## II. Trách nhiệm phối hợp

              3\\. Cơ quan chủ trì giải quyết thủ tục đầu tư dự án

              a) Hướng dẫn nhà đầu tư.

              4\\. Cơ quan phối hợp có trách nhiệm trả lời bằng văn bản khi được lấy ý kiến.

              5\\. Để nâng cao hiệu quả quản lý nhà nước, các Sở, ngành, UBND cấp xã theo chức năng, nhiệm vụ:

              a) Định kỳ đánh giá tình hình hoạt động của các dự án.
              """,
          ])
    func nextNumberClosesSection(_ text: String) {
        let tasks = Fixture.read(text).directive.tasks
        #expect(tasks.count == 3)
        guard tasks.count == 3 else { return }
        #expect(Self.leads(tasks[0]) == ["Cơ quan chủ trì giải quyết thủ tục đầu tư dự án"])
        #expect(Self.leads(tasks[1]) == ["Cơ quan phối hợp"])
        #expect(tasks[2].assignees.map(\.code) == ["SO-NGANH", "CAP-XA"])
        #expect(tasks[2].text.hasPrefix("a) Định kỳ"))
    }

    @Test("items numbered from 1 under a heading are its own, even when one is numbered as the heading's next")
    func restartedNumbering() {
        let text = "**1. Sở Tài chính**\n\n1\\. Rà soát kinh phí.\n\n2\\. Tổng hợp báo cáo.\n\n3\\. Đề xuất bố trí vốn.\n"
        let tasks = Fixture.read(text).directive.tasks
        #expect(tasks.map { $0.assignees.map(\.code) } == [["STC"], ["STC"], ["STC"]])
    }

    @Test("'2.1.' sits under the section numbered 2 even inside a roman part; a colon line that opens it is no task",
          arguments: [
              "**I. TRÁCH NHIỆM**\n\n**1. Sở Y tế:** Tổ chức khám sàng lọc.\n\n**2. Các sở, ban, ngành, địa phương:** Là các đơn vị được lấy ý kiến, chịu trách nhiệm các nội dung sau:\n\n**2.1. Trách nhiệm chung**\n\na) Đánh giá sự phù hợp của dự án.\n",
              "## I. TRÁCH NHIỆM\n\n### 1. Sở Y tế\n\nTổ chức khám sàng lọc.\n\n**2. Các sở, ban, ngành, địa phương:** Là các đơn vị được lấy ý kiến, chịu trách nhiệm các nội dung sau:\n\n*2.1. Trách nhiệm chung*\n\na) Đánh giá sự phù hợp của dự án.\n",
          ])
    func dottedUnderRoman(_ text: String) {
        let output = Fixture.read(text)
        let tasks = output.directive.tasks
        #expect(tasks.count == 2)
        #expect(tasks.last?.text.hasPrefix("a) Đánh giá") == true)
        #expect(tasks.last.map(Self.leads) == ["Các sở, ban, ngành", "địa phương"])
        #expect(output.directive.unassigned.isEmpty)
    }

    @Test("one sentence ending with a colon before the headings it announces is no duty; a duty before it is", arguments: [
        ("Ngoài các trách nhiệm chung nêu trên, một số đơn vị còn có trách nhiệm cụ thể sau:", 1),
        ("Các sở, ngành tổ chức quán triệt Kế hoạch. Đồng thời, yêu cầu các đơn vị thực hiện cụ thể như sau:", 2),
    ])
    func announcements(_ c: (String, Int)) {
        let text = "**2. Phân công trách nhiệm**\n\n\(c.0)\n\n*2.1. Sở Tài chính*\n\na) Bố trí kinh phí.\n"
        #expect(Fixture.read(text).directive.tasks.count == c.1)
    }

    @Test("the bodies after an opening clause are the subject", arguments: [
        "1. Căn cứ Kế hoạch này, các sở, ngành, Ủy ban nhân dân cấp xã xây dựng kế hoạch triển khai.",
        "- Để nâng cao hiệu quả, Sở Tài chính, Sở Y tế chủ động bố trí kinh phí.",
        "1. Đồng thời, Sở Tài chính, Sở Y tế chủ động bố trí kinh phí.",
    ])
    func openingClause(_ line: String) {
        let found = AssigneeNames(register: Fixture.register).subject(line)
        #expect(found?.lead.count == 2)
    }
}

/// Plans with an appendix table, numbered lists that hold sections, and
/// clauses that are not deadlines.
@Suite("Kế hoạch có phụ lục, danh sách số và mệnh đề phạm vi")
struct ReadingPlanRulesTests {
    static let withAppendix = [
        """
        **II. NỘI DUNG THỰC HIỆN**

        **1. Hạ tầng**

        - Xây dựng, nâng cấp hạ tầng công nghệ thông tin.

        **III. GIẢI PHÁP**

        - Ưu tiên bố trí ngân sách.

        **IV. TỔ CHỨC THỰC HIỆN**

        - Tăng cường giám sát, đánh giá độc lập.

        **PHỤ LỤC**

        NHIỆM VỤ VÀ GIẢI PHÁP THỰC HIỆN

        *(Kèm theo Kế hoạch số 552/KH-UBND ngày 19/11/2025)*

        | STT | Nội dung | Chủ trì | Thời gian |
        |---|---|---|---|
        | 1 | Xây dựng, nâng cấp hạ tầng công nghệ thông tin | Sở Khoa học và Công nghệ | Quý IV/2026 |
        """,
        """
        ## II. Nhiệm vụ trọng tâm

        1. Xây dựng, nâng cấp hạ tầng công nghệ thông tin.

        ## III. Giải pháp

        1. Ưu tiên bố trí ngân sách.

        ## IV. Tổ chức thực hiện

        1. Tăng cường giám sát, đánh giá độc lập.

        ## Phụ lục I

        **NHIỆM VỤ CỦA CÁC SỞ, BAN, NGÀNH**

        (Ban hành kèm theo Quyết định số 2820/QĐ-UBND ngày 19 tháng 11 năm 2025)

        | TT | Tên nhiệm vụ | Cơ quan chủ trì | Thời hạn |
        |---|---|---|---|
        | 1 | Xây dựng, nâng cấp hạ tầng công nghệ thông tin | Sở Khoa học và Công nghệ | Quý IV/2026 |
        """,
    ]

    @Test("with an appendix task table, the body's content items are neither tasks nor review; solutions and follow-up stay for review",
          arguments: withAppendix)
    func appendixSpellsOutContent(_ text: String) {
        let output = Fixture.read(text)
        #expect(output.directive.tasks.map { $0.assignees.map(\.code) } == [["SKHCN"]])
        #expect(output.directive.tasks.first?.deadline?.due == .iso("2026-12-31"))
        let review = output.directive.unassigned.map { DirectiveReaderTestText.opening($0.text) }
        #expect(review == ["Ưu tiên bố trí ngân sách.", "Tăng cường giám sát, đánh giá độc lập."])
    }

    @Test("without an appendix table, the content items stay for review")
    func noAppendixKeepsContent() {
        let text = "**II. NỘI DUNG THỰC HIỆN**\n\n- Xây dựng, nâng cấp hạ tầng công nghệ thông tin.\n\n**III. TỔ CHỨC THỰC HIỆN**\n\n**1. Sở Y tế**\n\n- Tổ chức khám sàng lọc.\n"
        let output = Fixture.read(text)
        #expect(output.directive.tasks.count == 1)
        #expect(output.directive.unassigned.count == 1)
    }

    @Test("numbered lines that make one Markdown list are items at the sections' level when one of them names a body",
          arguments: [
              "**V. TỔ CHỨC THỰC HIỆN**\n\n1. Sở Y tế\n\na) Tổ chức khám sàng lọc.\n\n2. Các sở, ngành thành phố trong phạm vi chức năng tổ chức triển khai Kế hoạch.\n\n3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh\n\na) Chỉ đạo các tổ chức thành viên tăng cường truyền thông.\n",
              "**V. TỔ CHỨC THỰC HIỆN**\n\n1. Sở Y tế\n\na) Tổ chức khám sàng lọc.\n\n2. Các sở, ngành thành phố trong phạm vi chức năng tổ chức triển khai Kế hoạch.\n3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh\n\n- Chỉ đạo các tổ chức thành viên tăng cường truyền thông.\n",
          ])
    func listOfSections(_ text: String) {
        let tasks = Fixture.read(text).directive.tasks
        #expect(tasks.map { $0.assignees.map(\.name) } == [
            ["Sở Y tế"], ["Các sở, ngành thành phố"], ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"],
        ])
    }

    @Test("an opening 'Đối với …,' says which items, not when: its period is no deadline", arguments: [
        ("Đối với các nhiệm vụ triển khai trong năm 2025, các sở, ngành chủ động bố trí kinh phí.", nil as String?),
        ("2. Đối với các dự án khởi công trong năm 2025, Sở Tài chính bố trí vốn trước ngày 15/12/2025.", "2025-12-14"),
        ("Bố trí kinh phí cho các nhiệm vụ trong năm 2025.", "2025-12-31"),
    ])
    func scopeClause(_ c: (String, String?)) {
        let deadline = DeadlineParser(documentDate: .iso("2025-11-19")).parse(c.0).deadline
        #expect(deadline?.due == c.1.map { CivilDate.iso($0) })
    }

    @Test("a name ends before 'được …' (the bodies 'được phân công')", arguments: [
        "các sở, ngành và Ủy ban nhân dân các xã, phường được phân công chủ trì thực hiện nhiệm vụ",
        "Ủy ban nhân dân các xã, phường được giao nhiệm vụ",
    ])
    func passiveEndsName(_ list: String) {
        let names = AssigneeNames(register: Fixture.register).names(in: list, role: .lead, keepUnknown: true)
        #expect(names.last?.name == "Ủy ban nhân dân các xã, phường")
    }

    @Test("a heading that names a duty is the text of the task its fields spell out", arguments: [
        "**II. NỘI DUNG**\n\n**2.** Rà soát văn bản quy phạm pháp luật\n\n- Nội dung: Rà soát các văn bản có liên quan đến Luật.\n\n- Cơ quan thực hiện: Sở Tư pháp.\n",
        "## II. Nội dung\n\n### 2. Rà soát văn bản quy phạm pháp luật\n\n- **Nội dung:** Rà soát các văn bản có liên quan đến Luật.\n- **Cơ quan thực hiện:** Sở Tư pháp.\n",
    ])
    func dutyHeading(_ text: String) {
        let tasks = Fixture.read(text).directive.tasks
        #expect(tasks.count == 1)
        #expect(tasks.first?.text.hasPrefix("Rà soát văn bản quy phạm pháp luật") == true)
        #expect(tasks.first?.assignees.map(\.code) == ["STP"])
    }
}

enum DirectiveReaderTestText {
    /// The item's first line without its list marker.
    static func opening(_ text: String) -> String {
        var line = String(text.split(separator: "\n").first ?? "")
        for marker in ["- ", "1. "] where line.hasPrefix(marker) { line.removeFirst(marker.count) }
        return line
    }
}

/// Deadline words that name something else, and "định kỳ" with no period.
@Suite("Thời hạn: định kỳ, thường xuyên, hằng năm")
struct ReadingDeadlineWordsTests {
    struct Case: CustomTestStringConvertible {
        let text: String
        let kind: Deadline.Kind?
        var testDescription: String { text }
    }

    @Test("'định kỳ' alone recurs with no known day; 'định kỳ hoặc đột xuất' is a manner; 'chi thường xuyên' a budget line; 'Nghị quyết hằng năm' a yearly resolution",
          arguments: [
              Case(text: "Các sở, ngành định kỳ kiểm tra việc thực hiện.", kind: .recurring),
              Case(text: "Đôn đốc các địa phương; định kỳ sơ kết, tổng kết, báo cáo Ủy ban nhân dân tỉnh.", kind: .recurring),
              Case(text: "Tham gia kiểm tra định kỳ hay đột xuất dự án đầu tư.", kind: nil),
              Case(text: "Tổ chức các hoạt động kiểm tra định kỳ, đột xuất.", kind: nil),
              Case(text: "Tham mưu bố trí kinh phí chi thường xuyên hằng năm cho các sở.", kind: nil),
              Case(text: "Tham mưu bố trí kinh phí chi thường xuyên cho các sở.", kind: nil),
              Case(text: "Tiếp tục đầu tư mạng lưới cấp nước theo Nghị quyết hằng năm của Hội đồng nhân dân.", kind: .standing),
              Case(text: "Thường xuyên cập nhật dữ liệu; định kỳ hằng quý báo cáo Sở Tài chính.", kind: .recurring),
              // A standing duty with its reporting rhythm, in a deadline cell.
              Case(text: "Thường xuyên, định kỳ hằng quý báo cáo về Sở Tài chính", kind: .standing),
              Case(text: "Thường xuyên, hằng năm", kind: .standing),
          ])
    func words(_ c: Case) {
        let deadline = DeadlineParser(documentDate: .iso("2025-11-19")).parse(c.text).deadline
        #expect(deadline?.kind == c.kind)
        if c.kind == .recurring, deadline?.recurrence == nil { #expect(deadline?.due == nil) }
    }
}

/// A plan without an appendix: part II items that name a lead are tasks,
/// impersonal aims go to review; in two markups.
@Suite("Kế hoạch không có phụ lục")
struct PlanWithoutAppendixTests {
    @Test("labelled or 'Giao' leads make tasks; an aim with no lead goes to review", arguments: [
        """
        **II. NHIỆM VỤ, GIẢI PHÁP**

        **1.** Đẩy mạnh chuyển đổi số trong các ngành.

        **2.** Giao Sở Tư pháp chủ trì, phối hợp với Sở Nội vụ rà soát văn bản; hoàn thành trong Quý I/2026.

        **3.** Xây dựng cơ sở dữ liệu dùng chung.

        - Cơ quan chủ trì: Sở Khoa học và Công nghệ.

        - Thời gian thực hiện: Năm 2026.
        """,
        """
        ## II. Nhiệm vụ, giải pháp

        - Đẩy mạnh chuyển đổi số trong các ngành.
        - Giao Sở Tư pháp chủ trì, phối hợp với Sở Nội vụ rà soát văn bản; hoàn thành trong Quý I/2026.

        ### 3. Xây dựng cơ sở dữ liệu dùng chung

        *Cơ quan chủ trì:* Sở Khoa học và Công nghệ; *thời gian thực hiện:* Năm 2026.
        """,
    ])
    func plan(_ text: String) {
        let output = Fixture.read(text)
        let tasks = output.directive.tasks
        #expect(tasks.map { $0.assignees.map(\.code) } == [["STP", "SNV"], ["SKHCN"]])
        #expect(tasks.map { $0.deadline?.due } == [.iso("2026-03-31"), .iso("2026-12-31")])
        #expect(output.directive.unassigned.count == 1)
        #expect(output.directive.unassigned.first?.reason == ReviewItem.unassignedReason)
    }
}

/// Appendix rows that a converter left with merged cells or line breaks.
@Suite("Bảng phụ lục: ô gộp và ô xuống dòng")
struct AppendixCellTests {
    static let tables = [
        """
        **PHỤ LỤC**

        | **TT** | **Nhiệm vụ** | **Cơ quan chủ trì** | **Cơ quan phối hợp** | **Thời gian** |
        |---|---|---|---|---|
        | **I** | **Hạ tầng** | | | |
        | 1 | Xây dựng hạ tầng công nghệ thông tin. | Sở Tài chính | Sở Nội vụ, Sở Y tế | Quý IV/2026 |
        |  | Xây dựng hạ tầng kỹ thuật dự phòng. | Sở Khoa học và Công nghệ |  |  |
        | 2 | Bố trí nhân lực để xây dựng dữ liệu.<br>Bố trí nhân lực để vận hành hệ thống. | Sở Y tế<br>Sở Tài chính | Sở Tài chính<br>Sở Y tế | Năm 2026 |
        """,
        """
        ## Phụ lục

        | STT | Tên nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời hạn hoàn thành |
        |---|---|---|---|---|
        | I | Hạ tầng | | | |
        | 1 | Xây dựng hạ tầng công nghệ thông tin. | Sở Tài chính | Sở Nội vụ; Sở Y tế | Quý IV/2026 |
        | | Xây dựng hạ tầng kỹ thuật dự phòng. | Sở Khoa học và Công nghệ | | |
        | 2 | Bố trí nhân lực để xây dựng dữ liệu.<br/>Bố trí nhân lực để vận hành hệ thống. | Sở Y tế<br />Sở Tài chính | Sở Tài chính<br/>Sở Y tế | Năm 2026 |
        """,
    ]

    @Test("a row with no number takes the merged partners and time of the row above; a cell split by <br> with a lead per line is two tasks",
          arguments: tables)
    func cells(_ text: String) {
        let tasks = Fixture.read(text).directive.tasks
        #expect(tasks.count == 4)
        guard tasks.count == 4 else { return }
        #expect(tasks[1].assignees.map(\.code) == ["SKHCN", "SNV", "SYT"])
        #expect(tasks[1].deadline?.due == .iso("2026-12-31"))
        #expect(tasks[2].assignees.map(\.code) == ["SYT", "STC"])
        #expect(tasks[3].assignees.map(\.code) == ["STC", "SYT"])
        #expect(tasks[3].assignees.map(\.role) == [.lead, .partner])
        #expect(tasks[3].text.hasPrefix("Bố trí nhân lực để vận hành"))
    }

    @Test("'Trường hợp …' opens a condition, never a body's name")
    func conditionIsNoBody() {
        #expect(!AssigneeNames.looksLikeOrganisation("Trường hợp chậm trễ, không gửi dữ liệu"))
        #expect(AssigneeNames.looksLikeOrganisation("Trường Cao đẳng Y tế"))
    }
}

/// Communes listed after a colon, scopes after a known name, the last item
/// that carries the closing mark, and deadline phrases of the same documents.
@Suite("Danh sách xã, phạm vi tên, mục cuối và thời hạn tính từ ngày nhận")
struct ReadingListsAndClosingTests {
    @Test("'Ủy ban nhân dân các xã: A, B' names one council per commune, as a heading or as partners",
          arguments: [
              ("**12. Ủy ban nhân dân các xã: Gia Thuận, Tân Điền, Gò Công Đông**\n\n- Xây dựng kế hoạch cụ thể.\n", true),
              ("12. Ủy ban nhân dân các xã (Gia Thuận, Tân Điền và Gò Công Đông)\n\na) Xây dựng kế hoạch cụ thể.\n", true),
              ("**1. Sở Y tế**\n\n- Phối hợp với Ủy ban nhân dân 03 xã: Gia Thuận, Tân Điền, Gò Công Đông thành lập mới khu bảo vệ.\n", false),
          ])
    func communes(_ c: (String, Bool)) throws {
        let task = try #require(Fixture.read(c.0).directive.tasks.first)
        let names = task.assignees.filter { $0.role == (c.1 ? .lead : .partner) }.map(\.name)
        #expect(names == ["Ủy ban nhân dân xã Gia Thuận", "Ủy ban nhân dân xã Tân Điền", "Ủy ban nhân dân xã Gò Công Đông"])
    }

    @Test("a known name keeps its scope ('… tỉnh', '… tỉnh Đồng Tháp'); words after it that are no scope end it", arguments: [
        ("Ban Quản lý Khu kinh tế tỉnh", "Ban Quản lý Khu kinh tế tỉnh"),
        ("Ban Quản lý Khu kinh tế tỉnh Đồng Tháp, Sở Y tế", "Ban Quản lý Khu kinh tế tỉnh Đồng Tháp"),
        ("Ban Quản lý Khu kinh tế rà soát quy hoạch", "Ban Quản lý Khu kinh tế"),
    ])
    func scopes(_ c: (String, String)) {
        let names = AssigneeNames(register: Fixture.register).names(in: c.0, role: .partner, keepUnknown: true)
        #expect(names.first?.name == c.1)
        #expect(names.first?.code == "BQLKKT")
    }

    @Test("'các Đoàn thể tỉnh' is a body; an unknown name ends before 'bằng …'", arguments: [
        "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các Đoàn thể tỉnh bằng nhiều hình thức tổ chức tuyên truyền.",
        "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, các đoàn thể tỉnh tổ chức tuyên truyền.",
    ])
    func unions(_ text: String) throws {
        let task = try #require(Fixture.read("**VI. TỔ CHỨC THỰC HIỆN**\n\n\(text)\n").directive.tasks.first)
        #expect(task.assignees.map(\.name).count == 2)
        #expect(task.assignees.last.map { $0.name.lowercased() } == "các đoàn thể tỉnh")
    }

    @Test("the last item may carry the closing mark; the closing formula itself is no item", arguments: [
        "**IV. TỔ CHỨC THỰC HIỆN**\n\n**1**. Sở Y tế tổ chức khám sàng lọc.\n\n**2**. Giao Sở Tài chính có trách nhiệm theo dõi, đôn đốc thực hiện Kế hoạch./.\n",
        "## IV. Tổ chức thực hiện\n\n1\\. Sở Y tế tổ chức khám sàng lọc.\n\n2\\. Giao Sở Tài chính có trách nhiệm theo dõi, đôn đốc thực hiện Kế hoạch./.\n\nTrong quá trình triển khai thực hiện, nếu có khó khăn, Sở Y tế báo cáo Ủy ban nhân dân tỉnh.\n",
    ])
    func closingItem(_ text: String) {
        let tasks = Fixture.read(text).directive.tasks
        #expect(tasks.map { $0.assignees.map(\.code) } == [["SYT"], ["STC"]])
    }

    @Test("a heading that lists a known group and an unknown council keeps both", arguments: [
        "**1**. Các sở, ban, ngành thành phố và Ủy ban nhân dân xã, phường:\n\na) Xây dựng kế hoạch cụ thể.\n",
        "### 1. Các sở, ban, ngành thành phố và Ủy ban nhân dân xã, phường\n\n- Xây dựng kế hoạch cụ thể.\n",
    ])
    func knownAndUnknown(_ text: String) throws {
        let task = try #require(Fixture.read(text).directive.tasks.first)
        #expect(task.assignees.map(\.name) == ["Các sở, ban, ngành thành phố", "Ủy ban nhân dân xã, phường"])
    }

    struct Phrase: CustomTestStringConvertible {
        let text: String
        let kind: Deadline.Kind?
        let due: String?
        var testDescription: String { text }
    }

    @Test("days counted from receipt start at the document's date; '24/24' is standing; a target year is no deadline",
          arguments: [
              Phrase(text: "Xây dựng kế hoạch, gửi về Công an thành phố trong thời hạn 10 ngày kể từ ngày nhận Kế hoạch này.", kind: .within, due: "2025-11-27"),
              Phrase(text: "Báo cáo trong vòng 15 ngày kể từ ngày ban hành.", kind: .within, due: "2025-12-02"),
              Phrase(text: "Giải quyết trong thời hạn 10 ngày làm việc kể từ ngày nhận hồ sơ.", kind: nil, due: nil),
              Phrase(text: "Thực hiện trực ban phòng chống thiên tai 24/24.", kind: .standing, due: nil),
              Phrase(text: "Duy trì đường dây nóng 24/7.", kind: .standing, due: nil),
              Phrase(text: "Triển khai Kế hoạch, phấn đấu đạt 20% xã không ma túy ngay trong năm 2025.", kind: nil, due: nil),
              Phrase(text: "Hoàn thành rà soát trong năm 2025.", kind: .within, due: "2025-12-31"),
          ])
    func phrases(_ c: Phrase) {
        let deadline = DeadlineParser(documentDate: .iso("2025-11-17")).parse(c.text).deadline
        #expect(deadline?.kind == c.kind)
        #expect(deadline?.due == c.due.map { CivilDate.iso($0) })
    }

    @Test("'các sở, ban, ngành, đoàn thể có liên quan' names nobody")
    func vagueUnions() {
        let names = AssigneeNames(register: Fixture.register)
        #expect(names.names(in: "các sở, ban, ngành, đoàn thể có liên quan", role: .partner, keepUnknown: true).isEmpty)
    }
}

@Suite("Chủ trì, phối hợp theo từng gạch đầu dòng")
struct PartnerBulletTests {
    @Test("'b) Chủ trì, phối hợp' then bullets that each name bodies: one task per bullet, the bodies as partners",
          arguments: [
              "*2.3. Công an tỉnh*\n\na) Tham mưu Ủy ban nhân dân tỉnh.\n\nb) Chủ trì, phối hợp\n\n- Sở Tài chính và các đơn vị có liên quan tham mưu bố trí ngân sách.\n\n- Sở Nội vụ, Sở Y tế tổ chức rà soát cơ sở vật chất.\n",
              "**3. Công an tỉnh:**\n\na) Tham mưu Ủy ban nhân dân tỉnh.\n\nb) Chủ trì, phối hợp với:\n- Sở Tài chính và các đơn vị có liên quan tham mưu bố trí ngân sách.\n- Sở Nội vụ, Sở Y tế tổ chức rà soát cơ sở vật chất.\n",
          ])
    func bullets(_ text: String) {
        let tasks = Fixture.read(text).directive.tasks
        #expect(tasks.count == 3)
        guard tasks.count == 3 else { return }
        #expect(tasks[1].assignees.map(\.name) == ["Công an tỉnh", "Sở Tài chính"])
        #expect(tasks[1].assignees.map(\.role) == [.lead, .partner])
        #expect(tasks[2].assignees.map(\.code) == [nil, "SNV", "SYT"])
        #expect(tasks[2].text.hasPrefix("Sở Nội vụ, Sở Y tế tổ chức"))
    }

    @Test("a lettered item with its own object keeps its bullets as content")
    func ordinaryBullets() {
        let text = "**3. Công an tỉnh:**\n\nb) Chủ trì, phối hợp với Sở Y tế thực hiện:\n\n- Sở Tài chính tham mưu bố trí ngân sách.\n\n- Rà soát cơ sở vật chất.\n"
        let tasks = Fixture.read(text).directive.tasks
        #expect(tasks.count == 1)
    }
}

@Suite("Đối tác không tên riêng và ví dụ trong ngoặc")
struct InstitutionAndExampleTests {
    @Test("kinds of institution are partners in a sentence and in a table cell", arguments: [
        "**5. Sở Giáo dục và Đào tạo**\n\n- Phối hợp với doanh nghiệp, viện nghiên cứu, trường đại học tổ chức đào tạo.\n",
        "**PHỤ LỤC**\n\n| STT | Nhiệm vụ | Chủ trì | Phối hợp | Thời gian |\n|---|---|---|---|---|\n| 1 | Tổ chức đào tạo kỹ năng số. | Sở Giáo dục và Đào tạo | Doanh nghiệp, Viện nghiên cứu, Trường đại học, Sở, ban, ngành có liên quan | 2026 |\n",
    ])
    func institutions(_ text: String) throws {
        let task = try #require(Fixture.read(text).directive.tasks.first)
        let partners = task.assignees.filter { $0.role == .partner }.map { $0.name.lowercased() }
        #expect(partners == ["doanh nghiệp", "viện nghiên cứu", "trường đại học"])
    }

    @Test("kinds of institution never lead by themselves")
    func notLeads() {
        let names = AssigneeNames(register: Fixture.register)
        #expect(names.names(in: "doanh nghiệp, viện nghiên cứu", role: .lead, keepUnknown: true).isEmpty)
    }

    @Test("a parenthesis that names no body gives examples: the heading's name is the words before it", arguments: [
        "**13. Các doanh nghiệp viễn thông (VNPT, Viettel, MobiFone và doanh nghiệp khác):** Đảm bảo thông tin liên lạc ổn định.\n",
        "### 13. Các doanh nghiệp viễn thông (VNPT, Viettel, MobiFone và doanh nghiệp khác)\n\n- Đảm bảo thông tin liên lạc ổn định.\n",
    ])
    func examples(_ text: String) throws {
        let task = try #require(Fixture.read(text).directive.tasks.first)
        #expect(task.assignees.map(\.name) == ["Các doanh nghiệp viễn thông"])
    }
}

@Suite("Đơn vị chung chung và kế hoạch hằng năm")
struct GenericPartnerTests {
    @Test("a bare kind of body is no partner; as the subject of a duty it still leads", arguments: [
        ("c) Thực hiện các biện pháp bảo vệ tài nguyên nước, phối hợp với cơ quan trong việc kiểm tra.", [String]()),
        ("- Chủ động phối hợp với các cơ quan, đơn vị chức năng xác định chỉ tiêu.", [String]()),
        ("- Phối hợp với các đơn vị trong việc cập nhật, Sở Y tế theo dõi.", [String]()),
    ])
    func genericPartners(_ c: (String, [String])) throws {
        let task = try #require(Fixture.read("**1. Sở Xây dựng**\n\n\(c.0)\n").directive.tasks.first)
        #expect(task.assignees.filter { $0.role == .partner }.map(\.name) == c.1)
    }

    @Test("a generic subject that reports still leads")
    func genericLead() throws {
        let text = "**VI. TỔ CHỨC THỰC HIỆN**\n\n4\\. Các đơn vị, địa phương tăng cường kiểm tra, định kỳ hàng năm báo cáo kết quả về Sở Nông nghiệp và Môi trường để tổng hợp.\n"
        let task = try #require(Fixture.read(text).directive.tasks.first)
        #expect(!task.assignees.isEmpty)
    }

    @Test("'Kế hoạch phát triển kinh tế - xã hội hằng năm' names a yearly plan, not a schedule")
    func yearlyDevelopmentPlan() {
        let parser = DeadlineParser(documentDate: .iso("2025-11-17"))
        #expect(parser.parse("Lồng ghép nhiệm vụ vào Kế hoạch phát triển kinh tế - xã hội hằng năm của địa phương.").deadline == nil)
        #expect(parser.parse("Đánh giá, báo cáo kết quả hằng năm.").deadline?.kind == .recurring)
    }
}

@Suite("Mục đánh số trước tiêu đề đơn vị đầu tiên")
struct NumberedBeforeFirstHeadingTests {
    @Test("numbered items before the first body heading are read; duties laid on the public go to review", arguments: [
        "Nhằm tăng cường quản lý tài nguyên nước, Chủ tịch Ủy ban nhân dân thành phố chỉ thị:\n\n**1.** Các cơ quan quản lý nhà nước, tổ chức, cá nhân liên quan có trách nhiệm chấp hành nghiêm quy định.\n\n**2.** Kết hợp hoặc luân phiên khai thác nước mặt với nước dưới đất.\n\n**3. Sở Y tế**\n\na) Kiểm tra chất lượng nước.\n",
        "Nhằm tăng cường quản lý tài nguyên nước, Chủ tịch Ủy ban nhân dân thành phố chỉ thị:\n\n1\\. Các cơ quan quản lý nhà nước, tổ chức, cá nhân liên quan có trách nhiệm chấp hành nghiêm quy định.\n\n2\\. Kết hợp hoặc luân phiên khai thác nước mặt với nước dưới đất.\n\n## 3. Sở Y tế\n\n- Kiểm tra chất lượng nước.\n",
    ])
    func beforeFirstHeading(_ text: String) {
        let output = Fixture.read(text)
        #expect(output.directive.tasks.map { $0.assignees.map(\.code) } == [["SYT"]])
        #expect(output.directive.unassigned.count == 2)
    }
}

@Suite("Tiêu đề nêu việc, cổng thông tin và truyền thanh cơ sở")
struct DutyHeadingReviewTests {
    @Test("under a numbered heading that names a duty and no body, the review item opens with the heading", arguments: [
        "**II. NỘI DUNG**\n\n**5.** Tổ chức các nội dung hỗ trợ thi hành Luật\n\n- Các nội dung hỗ trợ thi hành Luật bao gồm:\n\n+ Hướng dẫn áp dụng văn bản.\n",
        "## II. Nội dung\n\n### 6. Tổ chức triển khai thực hiện Chiến lược tiêu chuẩn quốc gia\n\nThời gian thực hiện sau khi Chiến lược được ban hành.\n",
    ])
    func dutyHeading(_ text: String) throws {
        let item = try #require(Fixture.read(text).directive.unassigned.first)
        #expect(item.text.hasPrefix("Tổ chức"))
    }

    @Test("a topic heading in capitals does not lead its items")
    func topicHeading() throws {
        let item = try #require(Fixture.read("**IV. GIẢI PHÁP THỰC HIỆN**\n\n- Ưu tiên bố trí ngân sách.\n").directive.unassigned.first)
        #expect(item.text.hasPrefix("- Ưu tiên") || item.text.hasPrefix("Ưu tiên"))
    }

    @Test("a portal and the grassroots radio are bodies in a heading's list", arguments: [
        "**9. Báo Đắk Lắk, Sở Y tế, Cổng Thông tin điện tử tỉnh và hệ thống truyền thanh cơ sở:**\n\nTăng cường thông tin, tuyên truyền.\n",
        "### 9. Báo Đắk Lắk, Sở Y tế, Cổng thông tin điện tử tỉnh, Hệ thống truyền thanh cơ sở\n\n- Tăng cường thông tin, tuyên truyền.\n",
    ])
    func mediaBodies(_ text: String) throws {
        let task = try #require(Fixture.read(text).directive.tasks.first)
        #expect(task.assignees.count == 4)
    }
}

/// Issue 16's remaining "tests that must exist": a Thông báo kết luận in two
/// markups, and each kind of opening paragraph, one by one, giving no task
/// and no deadline.
@Suite("Thông báo kết luận và đoạn mở đầu")
struct ConclusionNoticeTests {
    @Test("a conclusion notice: 'Giao X chủ trì' sentences and 'Đề nghị' paragraphs are tasks, in two markups", arguments: [
        """
        **THÔNG BÁO**

        **Kết luận của Chủ tịch Ủy ban nhân dân thành phố tại cuộc họp về phòng chống thiên tai**

        Ngày 10/11/2025, Chủ tịch Ủy ban nhân dân thành phố chủ trì cuộc họp; sau khi nghe báo cáo, Chủ tịch kết luận như sau:

        **1.** Giao Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Sở Tài chính rà soát phương án ứng phó; hoàn thành trước ngày 30/11/2025.

        **2.** Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam thành phố vận động Nhân dân tham gia.
        """,
        """
        # THÔNG BÁO

        ## Kết luận của Chủ tịch Ủy ban nhân dân thành phố tại cuộc họp về phòng chống thiên tai

        Ngày 10/11/2025, Chủ tịch Ủy ban nhân dân thành phố chủ trì cuộc họp; sau khi nghe báo cáo, Chủ tịch kết luận như sau:

        1. Giao Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Sở Tài chính rà soát phương án ứng phó; hoàn thành trước ngày 30/11/2025.

        2. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam thành phố vận động Nhân dân tham gia.
        """,
    ])
    func notice(_ text: String) {
        let tasks = Fixture.read(text).directive.tasks
        #expect(tasks.map { $0.assignees.map(\.name) } == [
            ["Sở Nông nghiệp và Môi trường", "Sở Tài chính"], ["Ủy ban Mặt trận Tổ quốc Việt Nam thành phố"],
        ])
        #expect(tasks.first?.deadline?.due == .iso("2025-11-29"))
        #expect(tasks.last?.deadline == nil)
    }

    @Test("each kind of opening paragraph gives no task and no deadline", arguments: [
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
        "Thực hiện Công văn số 123/BTC-NSNN ngày 05/11/2025 của Bộ Tài chính, yêu cầu Sở Tài chính báo cáo trước ngày 20/11/2025;",
        "Ngày 10/10/2025, Ủy ban nhân dân tỉnh đã ban hành Kế hoạch số 99/KH-UBND, giao Sở Y tế hoàn thành trước ngày 31/10/2025.",
        "Thời gian qua, Sở Xây dựng đã hoàn thành rà soát trong tháng 9/2025.",
        "Trên cơ sở đề nghị của Sở Tài chính tại Tờ trình số 88/TTr-STC ngày 10/11/2025, Ủy ban nhân dân tỉnh chỉ đạo như sau:",
    ])
    func opening(_ paragraph: String) {
        let text = "\(paragraph)\n\n**1. Sở Tài chính**\n\na) Rà soát, tổng hợp kinh phí.\n"
        let output = Fixture.read(text)
        #expect(output.directive.tasks.count == 1)
        #expect(output.directive.tasks.allSatisfy { $0.deadline == nil })
        #expect(output.directive.unassigned.isEmpty)
    }
}

@Suite("Giao việc theo số mục")
struct AssignedByReferenceTests {
    @Test("a task that takes on 'nhiệm vụ tại mục (IV) (1)', 'mục III' or 'Phần III' assigns those items: no longer left for review",
          arguments: [
              """
              **III. PHÁT TRIỂN NỀN MÓNG**

              **1. Thể chế**

              - Hoàn thiện chính sách về dữ liệu.

              **IV. NGÀNH, LĨNH VỰC**

              **1. Nông nghiệp**

              - Xây dựng bản đồ số nông nghiệp.

              **2. Du lịch**

              - Phát triển du lịch thông minh.

              **V. GIẢI PHÁP**

              - Ưu tiên bố trí ngân sách.

              **VI. TỔ CHỨC THỰC HIỆN**

              **1. Sở Nông nghiệp và Môi trường**

              Chủ trì triển khai các nhiệm vụ tại mục (IV) (1) của Kế hoạch.

              **2. Các sở, ngành thành phố**

              Chủ động xây dựng kế hoạch (*trọng tâm các nhiệm vụ tại mục III*).
              """,
              """
              ## III. Phát triển nền móng

              ### 1. Thể chế

              1. Hoàn thiện chính sách về dữ liệu.

              ## IV. Ngành, lĩnh vực

              ### 1. Nông nghiệp

              1. Xây dựng bản đồ số nông nghiệp.

              ### 2. Du lịch

              1. Phát triển du lịch thông minh.

              ## V. Giải pháp

              1. Ưu tiên bố trí ngân sách.

              ## VI. Tổ chức thực hiện

              ### 1. Sở Nông nghiệp và Môi trường

              - Chủ trì triển khai các nhiệm vụ tại mục (IV)(1) của Kế hoạch.

              ### 2. Các sở, ngành thành phố

              - Chủ động xây dựng kế hoạch, triển khai các nhiệm vụ và giải pháp tại Phần III Kế hoạch này.
              """,
          ])
    func byReference(_ text: String) {
        let output = Fixture.read(text)
        #expect(output.directive.tasks.count == 2)
        let review = output.directive.unassigned.map { $0.text }
        #expect(review.count == 2)
        #expect(review.contains { $0.contains("du lịch thông minh") })
        #expect(review.contains { $0.contains("Ưu tiên bố trí ngân sách") })
    }
}

@Suite("Dòng nhóm trong bảng phụ lục")
struct AppendixGroupRowTests {
    @Test("a row with only 'I. …' in the duty column groups the rows below it, bold or not", arguments: [
        "**PHỤ LỤC**\n\n| TT | Chỉ tiêu | Chủ trì |\n|---|---|---|\n|  | **I. Kinh tế số** |  |\n| 1 | Tỷ trọng kinh tế số đạt 30% | Sở Tài chính |\n|  | **II. Xã hội số** |  |\n| 1 | Tỷ lệ người dân có danh tính số | Sở Nội vụ |\n",
        "## Phụ lục\n\n| STT | Nội dung | Đơn vị chủ trì |\n|---|---|---|\n| | I. Kinh tế số | |\n| 1 | Tỷ trọng kinh tế số đạt 30% | Sở Tài chính |\n| | II. Xã hội số | |\n| 1 | Tỷ lệ người dân có danh tính số | Sở Nội vụ |\n",
    ])
    func groupRows(_ text: String) {
        let output = Fixture.read(text)
        #expect(output.directive.tasks.map { $0.assignees.map(\.code) } == [["STC"], ["SNV"]])
        #expect(output.directive.tasks.map(\.id) == ["PL.1.1", "PL.2.1"])
        #expect(output.directive.unassigned.isEmpty)
    }
}

@Suite("Chỉ tiêu, phạm vi, đối tượng")
struct ScopeSectionTests {
    @Test("targets and the plan's scope are no duties and nothing to review", arguments: [
        "**II. PHẠM VI, ĐỐI TƯỢNG VÀ THỜI GIAN THỰC HIỆN**\n\na) Chương trình được thực hiện trên phạm vi toàn tỉnh.\n\n**6. Chỉ tiêu chủ yếu đến năm 2030**\n\n*6.1.* Hằng năm, giảm số người nghiện.\n\n**III. TỔ CHỨC THỰC HIỆN**\n\n**1. Sở Y tế**\n\n- Tổ chức điều trị.\n",
        "## II. Phạm vi, đối tượng\n\n- Chương trình được thực hiện trên phạm vi toàn tỉnh.\n\n### 6. Chỉ tiêu\n\n- Hằng năm, giảm số người nghiện.\n\n## III. Tổ chức thực hiện\n\n### 1. Sở Y tế\n\n- Tổ chức điều trị.\n",
    ])
    func scope(_ text: String) {
        let output = Fixture.read(text)
        #expect(output.directive.tasks.map { $0.assignees.map(\.code) } == [["SYT"]])
        #expect(output.directive.unassigned.isEmpty)
    }

    @Test("a part that goes on past its scope ('…, nhu cầu, phương án hỗ trợ') keeps its duties")
    func scopeAndPlan() {
        let text = "**III. PHẠM VI, ĐỐI TƯỢNG, NHU CẦU, PHƯƠNG ÁN HỖ TRỢ**\n\n**4. Phương án tổ chức cấp phát**\n\n- Ủy ban nhân dân xã, phường thực hiện trực ban 24/24.\n"
        let tasks = Fixture.read(text).directive.tasks
        #expect(tasks.count == 1)
        #expect(tasks.first?.deadline?.kind == .standing)
    }
}

@Suite("Mục số thập phân và đoạn nối tiếp")
struct DottedItemTests {
    @Test("plain paragraphs after a '1.1.' item are its content; the next '1.2.' starts anew", arguments: [
        "**III. NHIỆM VỤ**\n\n**1. Nhiệm vụ, giải pháp tổng thể**\n\n*1.1.* Tăng cường sự lãnh đạo của Đảng.\n\nNâng cao ý thức toàn dân trong phòng, chống ma túy.\n\n*1.2.* Nâng cao hiệu quả công tác phòng ngừa.\n",
        "## III. Nhiệm vụ\n\n### 1. Nhiệm vụ, giải pháp tổng thể\n\n1.1. Tăng cường sự lãnh đạo của Đảng.\n\nNâng cao ý thức toàn dân trong phòng, chống ma túy.\n\n1.2. Nâng cao hiệu quả công tác phòng ngừa.\n",
    ])
    func dotted(_ text: String) {
        let review = Fixture.read(text).directive.unassigned
        #expect(review.count == 2)
        #expect(review.first?.text.contains("Nâng cao ý thức toàn dân") == true)
        #expect(review.last?.text.contains("1.2.") == true)
    }
}

@Suite("Phối hợp + động từ")
struct PartneringVerbTests {
    @Test("a verb right after 'phối hợp' names no partner; a later 'phối hợp với' does", arguments: [
        ("- Phối hợp tổ chức tập huấn, bồi dưỡng cho cán bộ, doanh nghiệp trong khu công nghiệp.", [String]()),
        ("- Phối hợp thực hiện kiểm tra; phối hợp với Sở Y tế hướng dẫn doanh nghiệp.", ["Sở Y tế"]),
        ("- Chủ trì, phối hợp với doanh nghiệp, Sở Y tế tổ chức đào tạo.", ["doanh nghiệp", "Sở Y tế"]),
    ])
    func verbAfterPartnering(_ c: (String, [String])) throws {
        let task = try #require(Fixture.read("**6. Ban Quản lý Khu kinh tế**\n\n\(c.0)\n").directive.tasks.first)
        #expect(task.assignees.filter { $0.role == .partner }.map(\.name) == c.1)
    }
}

@Suite("Trường đơn vị nhiều mệnh đề; thường xuyên và định kỳ")
struct LeadClausesTests {
    @Test("'Cơ quan thực hiện: Sở X tiến hành …; Y rà soát …': each clause's subject leads", arguments: [
        "**II. NỘI DUNG**\n\n**2.** Rà soát văn bản quy phạm pháp luật\n\n- Nội dung: Rà soát văn bản có liên quan.\n\n- Cơ quan thực hiện: Sở Tư pháp tiến hành rà soát văn bản của mình; Ủy ban nhân dân các xã, phường rà soát văn bản của địa phương. Tiếp tục rà soát, cập nhật định kỳ.\n",
        "## II. Nội dung\n\n### 2. Rà soát văn bản quy phạm pháp luật\n\n- **Nội dung:** Rà soát văn bản có liên quan.\n- **Cơ quan thực hiện:** Sở Tư pháp tiến hành rà soát văn bản của mình; Ủy ban nhân dân các xã, phường rà soát văn bản của địa phương. Tiếp tục rà soát, cập nhật định kỳ.\n",
    ])
    func clauses(_ text: String) throws {
        let task = try #require(Fixture.read(text).directive.tasks.first)
        #expect(task.assignees.map(\.name) == ["Sở Tư pháp", "Ủy ban nhân dân các xã, phường"])
        // "Tiếp tục … định kỳ": standing, its rhythm unsaid.
        #expect(task.deadline?.kind == .standing)
    }

    @Test("'các đoàn thể' alone is no partner")
    func unionsAlone() {
        let names = AssigneeNames(register: Fixture.register)
        #expect(names.names(in: "Sở Y tế và các đoàn thể", role: .partner, keepUnknown: true).map(\.name) == ["Sở Y tế"])
        #expect(names.names(in: "các sở, ban, ngành, đoàn thể", role: .partner, keepUnknown: true).map(\.name) == ["các sở, ban, ngành, đoàn thể"])
    }
}

@Suite("Vai trò theo việc được giao; việc của mọi đơn vị")
struct AssignedRoleTests {
    @Test("'Các cơ quan được phân công chủ trì … theo Kế hoạch này' is one role, up to its duty; one who reports is a task", arguments: [
        "**III. KINH PHÍ**\n\n**4.** Các cơ quan được phân công chủ trì thực hiện nhiệm vụ theo Kế hoạch này có trách nhiệm lập dự toán và báo cáo cấp có thẩm quyền.\n",
        "## VII. Chế độ báo cáo\n\nCác cơ quan, đơn vị được giao nhiệm vụ trong Kế hoạch và tại Phụ lục kèm theo có trách nhiệm báo cáo kết quả trước ngày 15/11 hằng năm.\n",
    ])
    func role(_ text: String) throws {
        let task = try #require(Fixture.read(text).directive.tasks.first)
        let name = try #require(task.assignees.first?.name)
        #expect(name.hasPrefix("Các cơ quan"))
        #expect(name.contains("được"))
        #expect(!name.contains("Phụ lục") && !name.contains("có trách nhiệm"))
    }

    @Test("a duty laid on every body at once that is no report goes to review", arguments: [
        "**IV. TỔ CHỨC THỰC HIỆN**\n\n**7.** Các cơ quan, đơn vị được phân công nhiệm vụ có trách nhiệm thực hiện nghiêm túc Kế hoạch này.\n",
        "## IV. Tổ chức thực hiện\n\n- Các cơ quan, đơn vị, địa phương có trách nhiệm thực hiện nghiêm túc Kế hoạch này.\n",
    ])
    func everyone(_ text: String) {
        let output = Fixture.read(text)
        #expect(output.directive.tasks.isEmpty)
        #expect(output.directive.unassigned.count == 1)
    }
}

@Suite("Đối tác nhắc lại vai trò chủ trì")
struct LeadRolePartnerTests {
    @Test("a partner that only repeats the lead's role is the lead, not a partner", arguments: [
        "**3.** Cơ quan chủ trì giải quyết thủ tục đầu tư dự án\n\nd) Trường hợp các đơn vị có ý kiến khác nhau, cơ quan chủ trì có trách nhiệm phối hợp với cơ quan chủ trì làm rõ nội dung.\n",
        "### 3. Cơ quan chủ trì giải quyết thủ tục đầu tư dự án\n\n- Phối hợp với cơ quan chủ trì và Sở Tài chính làm rõ nội dung.\n",
    ])
    func rolePartner(_ text: String) throws {
        let task = try #require(Fixture.read(text).directive.tasks.first)
        let partners = task.assignees.filter { $0.role == .partner }.map(\.name)
        #expect(!partners.contains { $0.lowercased() == "cơ quan chủ trì" })
        #expect(task.assignees.first?.name == "Cơ quan chủ trì giải quyết thủ tục đầu tư dự án")
    }
}
