import Foundation
import Testing
@testable import TiendoCore

/// The other shapes a city's directives take (hand-written fixtures under
/// Fixtures/shapes), and the invalid ones with the diagnostics they must give.
@Suite("Các dạng văn bản khác")
struct DirectiveShapeTests {
    static func read(_ name: String) throws -> DirectiveReader.Output {
        try Fixture.directive("shapes/" + name)
    }

    static func lead(_ task: Task?) -> [String?] { task?.assignees.filter { $0.role == .lead }.map(\.code) ?? [] }
    static func partners(_ task: Task?) -> [String?] { task?.assignees.filter { $0.role == .partner }.map(\.code) ?? [] }

    /// (severity, line, message): what a clerk sees, without the hint.
    static func shown(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.severity.rawValue) \($0.file):\($0.line) \($0.message)" }
    }

    // MARK: Sub-headings with a verb

    @Test("\"1.1. Giao Sở Nông nghiệp và Môi trường\": the verb is not part of the name")
    func verbSubheadings() throws {
        let output = try Self.read("ke-hoach-giao-so.md")
        let tasks = output.directive.tasks
        #expect(tasks.map(\.id) == ["1.1.1", "1.1.2", "1.2.1", "1.3.1"])
        #expect(tasks[id: "1.1.1"]?.assignees == [Assignee(name: "Sở Nông nghiệp và Môi trường", code: "SNNMT", role: .lead)])
        #expect(tasks[id: "1.1.2"]?.units == ["SNNMT"])
        #expect(Self.lead(tasks[id: "1.2.1"]) == ["SXD"])
        #expect(Self.lead(tasks[id: "1.3.1"]) == ["STC"])
        #expect(tasks[id: "1.1.1"]?.section == "1.1. Giao Sở Nông nghiệp và Môi trường")
        #expect(tasks[id: "1.1.1"]?.deadline?.due == .iso("2026-08-31"))
        #expect(tasks[id: "1.2.1"]?.deadline?.due == .iso("2026-12-31"))
        #expect(tasks[id: "1.3.1"]?.deadline?.kind == .on)
        #expect(output.diagnostics.isEmpty, "\(output.diagnostics)")
    }

    @Test("a plan's header: kind, number, full date, subject")
    func planMetadata() throws {
        let meta = try Self.read("ke-hoach-giao-so.md").directive.metadata
        #expect(meta.kind == "Kế hoạch")
        #expect(meta.number == "215/KH-UBND")
        #expect(!meta.isNumberBlank)
        #expect(meta.date == .iso("2026-07-15"))
        #expect(meta.subject == "Sắp xếp trụ sở, tài sản công sau sắp xếp đơn vị hành chính")
        #expect(meta.signature?.name == "Nguyễn Văn A")
    }

    struct TitleCase: Sendable, CustomTestStringConvertible {
        let line: String
        let subject: String?
        var testDescription: String { line }
    }

    @Test("the title under the kind, in bold or in capitals, is the subject; a basis is not",
          arguments: [
            TitleCase(line: "PHÁT TRIỂN KINH TẾ SỐ TỈNH MẪU GIAI ĐOẠN 2026 - 2030", subject: "PHÁT TRIỂN KINH TẾ SỐ TỈNH MẪU GIAI ĐOẠN 2026 - 2030"),
            TitleCase(line: "VỀ TĂNG CƯỜNG CÔNG TÁC BẢO VỆ NGUỒN NƯỚC", subject: "TĂNG CƯỜNG CÔNG TÁC BẢO VỆ NGUỒN NƯỚC"),
            TitleCase(line: "THỰC HIỆN NGHỊ QUYẾT SỐ 48/NQ-CP NGÀY 03/4/2023 CỦA CHÍNH PHỦ", subject: "THỰC HIỆN NGHỊ QUYẾT SỐ 48/NQ-CP NGÀY 03/4/2023 CỦA CHÍNH PHỦ"),
            TitleCase(line: "**Ứng phó mưa lũ cuối năm**", subject: "Ứng phó mưa lũ cuối năm"),
            TitleCase(line: "Thực hiện Công văn số 12/UBND-NV ngày 02/10/2025 của Ủy ban nhân dân tỉnh.", subject: nil),
          ])
    func titleUnderTheKind(_ c: TitleCase) {
        let text = """
            **ỦY BAN NHÂN DÂN**
            TỈNH MẪU

            Số: 77/KH-UBND

            *Mẫu, ngày 21 tháng 11 năm 2025*

            **KẾ HOẠCH**

            \(c.line)

            **I. TỔ CHỨC THỰC HIỆN**

            1. Sở Công Thương: bảo đảm hàng hóa thiết yếu trước ngày 30/11/2025.

            """
        let directive = Fixture.read(text).directive
        #expect(directive.metadata.kind == "Kế hoạch")
        #expect(directive.metadata.subject == c.subject)
        #expect(directive.tasks.count == 1)
    }

    @Test("a comment above the header (where the file came from) hides none of it",
          arguments: [
            "<!-- Nguồn: bản chụp từ cổng thông tin; đã chuyển sang Markdown. -->\n\n",
            "<!--\nChuyển từ .docx ngày 02/12/2025\nngười chuyển: văn thư\n-->\n",
          ])
    func commentAboveTheHeader(comment: String) throws {
        let header = """
            **ỦY BAN NHÂN DÂN**
            TỈNH MẪU

            Số: 77/KH-UBND

            *Mẫu, ngày 21 tháng 11 năm 2025*

            **KẾ HOẠCH**

            **Ứng phó mưa lũ**

            **I. TỔ CHỨC THỰC HIỆN**

            1. Sở Công Thương: bảo đảm hàng hóa thiết yếu trước ngày 30/11/2025.

            """
        let plain = Fixture.read(header).directive
        let commented = Fixture.read(comment + header).directive
        #expect(plain.metadata.number == "77/KH-UBND")
        #expect(commented.metadata.number == plain.metadata.number)
        #expect(commented.metadata.date == CivilDate.iso("2025-11-21"))
        #expect(commented.metadata.kind == "Kế hoạch")
        #expect(commented.metadata.issuer == plain.metadata.issuer)
        #expect(commented.tasks.count == 1)
        #expect(commented.tasks.map { $0.id } == plain.tasks.map { $0.id })
        #expect(commented.tasks.first?.deadline?.due == CivilDate.iso("2025-11-29"))
    }

    // MARK: Assignment inside the sentence

    @Test("\"Giao Sở Xây dựng chủ trì, phối hợp với Công an Thành phố, Sở Tài chính và các đơn vị liên quan\"")
    func assignmentInSentence() throws {
        let output = try Self.read("giao-trong-cau.md")
        let task = try #require(output.directive.tasks[id: "1.1"])
        #expect(task.assignees == [
            Assignee(name: "Sở Xây dựng", code: "SXD", role: .lead),
            Assignee(name: "Công an Thành phố", code: nil, role: .partner),
            Assignee(name: "Sở Tài chính", code: "STC", role: .partner),
        ])
        #expect(task.units == ["STC", "SXD"])
        #expect(task.deadline?.due == .iso("2026-09-14"))
        #expect(task.text.hasPrefix("Giao Sở Xây dựng chủ trì"))
        // The unknown partner is reported with the task's line, not dropped.
        #expect(Self.shown(output.diagnostics) == [
            "cảnh báo shapes/giao-trong-cau.md:14 nhiệm vụ 1.1: \"Công an Thành phố\" không có trong danh sách đơn vị",
        ])
    }

    @Test("every assigning paragraph is a task; the lead-in sentence assigns the items under it")
    func sentenceTasks() throws {
        let tasks = try Self.read("giao-trong-cau.md").directive.tasks
        #expect(tasks.map(\.id) == ["1.1", "1.2", "1.3", "1.4"])
        #expect(Self.lead(tasks[id: "1.2"]) == ["SNV"])
        #expect(Self.partners(tasks[id: "1.2"]) == ["STP"])
        #expect(tasks[id: "1.2"]?.deadline?.due == .iso("2026-10-31"))
        for id in ["1.3", "1.4"] {
            #expect(Self.lead(tasks[id: id]) == ["SYT"])
            #expect(Self.partners(tasks[id: id]) == ["SGDDT"])
        }
        #expect(tasks[id: "1.3"]?.text.hasPrefix("Kiểm tra an toàn công trình") == true)
        #expect(tasks[id: "1.4"]?.deadline?.kind == .recurring)
        // "Xét đề nghị của Sở Xây dựng ..." is a basis, "Yêu cầu ... nghiêm túc thực hiện./." the closing.
        #expect(!tasks.contains { $0.text.hasPrefix("Xét đề nghị") || $0.text.hasPrefix("Yêu cầu") })
    }

    static let sentences: [(String, [String?], [String?])] = [
        ("Giao Sở Xây dựng chủ trì, phối hợp với Sở Tài chính rà soát.", ["SXD"], ["STC"]),
        ("Giao Sở Tài chính chủ trì, phối hợp với Sở Xây dựng tổ chức kiểm tra.", ["STC"], ["SXD"]),
        ("Giao Sở Xây dựng xây dựng quy chế phối hợp.", ["SXD"], []),
        ("Đề nghị Sở Khoa học và Công nghệ chủ trì, phối hợp chặt chẽ với Sở Văn hoá, Thể thao và Du lịch triển khai.", ["SKHCN"], ["SVHTTDL"]),
        ("Giao UBND các xã, phường, đặc khu tổ chức thực hiện.", ["CAP-XA"], []),
        ("Yêu cầu Sở Y tế, Sở Giáo dục và Đào tạo khẩn trương rà soát.", ["SYT", "SGDDT"], []),
        ("Giao Công an thành phố chủ trì, phối hợp với Sở Tư pháp kiểm tra.", [nil], ["STP"]),
        ("Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp tham mưu.", ["SNV"], ["STP"]),
    ]

    @Test("lead and partners of an assignment sentence", arguments: sentences)
    func sentence(_ text: String, _ lead: [String?], _ partners: [String?]) {
        let found = AssigneeNames(register: Fixture.register).sentence(text)
        #expect(found.lead.map(\.code) == lead)
        #expect(found.partners.map(\.code) == partners)
    }

    // MARK: Small shapes

    struct Small: Sendable, CustomTestStringConvertible {
        var name: String
        var markdown: String
        /// "id lead-codes/partner-codes units"
        var tasks: [String]
        var testDescription: String { name }
    }

    static let small: [Small] = [
        .init(name: "\"1\\. Sở Tài chính\" as Word converters escape it",
              markdown: "1\\. Sở Tài chính\n\n- Rà soát tài sản.\n\n2\\. Sở Nội vụ\n\n- Rà soát biên chế.\n",
              tasks: ["1.1 STC/ 1", "2.1 SNV/ 1"]),
        .init(name: "tasks numbered \"1.1.\" as paragraphs",
              markdown: "**1. Sở Nội vụ**\n\n1.1. Rà soát vị trí việc làm.\n\n1.2. Tổng hợp nhu cầu; hoàn thành trong tháng 9/2026.\n\n**2. Sở Tài chính**\n\n2.1. Bố trí kinh phí.\n",
              tasks: ["1.1 SNV/ 1", "1.2 SNV/ 1", "2.1 STC/ 1"]),
        .init(name: "topic sub-headings \"1.1. Về ...\" inherit the section's assignee",
              markdown: "**1. Sở Nội vụ**\n\n1.1. Về công tác cán bộ\n\n- Rà soát vị trí việc làm.\n\n1.2. Về đào tạo\n\n- Tổng hợp nhu cầu.\n",
              tasks: ["1.1.1 SNV/ 1", "1.2.1 SNV/ 1"]),
        .init(name: "\"a) b)\" paragraphs under a heading with a colon",
              markdown: "**1. Sở Nội vụ:**\n\na) Rà soát vị trí việc làm;\n\nb) Tổng hợp nhu cầu đào tạo.\n",
              tasks: ["1.1 SNV/ 1", "1.2 SNV/ 1"]),
        .init(name: "ordered task lists under \"##\" headings",
              markdown: "## 1. Sở Nội vụ\n\n1. Rà soát vị trí việc làm.\n2. Tổng hợp nhu cầu đào tạo.\n\n## 2. Sở Tài chính\n\n- Bố trí kinh phí.\n",
              tasks: ["1.1 SNV/ 1", "1.2 SNV/ 1", "2.1 STC/ 1"]),
        .init(name: "a setext heading without a number",
              markdown: "Sở Nội vụ\n=========\n\n- Rà soát vị trí việc làm.\n",
              tasks: ["1.1 SNV/ 1"]),
        .init(name: "two leads in one heading",
              markdown: "**1. Sở Nội vụ, Sở Tài chính**\n\n- Phối hợp rà soát.\n",
              tasks: ["1.1 SNV,STC/ 2"]),
        .init(name: "lead and partners in the heading",
              markdown: "**3. Giao Sở Y tế chủ trì, phối hợp với Sở Giáo dục và Đào tạo và UBND các xã, phường, đặc khu:**\n\n- Kiểm tra an toàn thực phẩm.\n",
              tasks: ["3.1 SYT/SGDDT,CAP-XA 116"]),
        .init(name: "two groups in one heading",
              markdown: "### 5. Các sở, ban, ngành thành phố và UBND các xã, phường, đặc khu\n\n- Tiếp tục quán triệt.\n",
              tasks: ["5.1 SO-NGANH,CAP-XA/ 128"]),
    ]

    @Test("small shapes", arguments: small)
    func smallShape(_ c: Small) {
        let output = Fixture.read(c.markdown)
        let summary = output.directive.tasks.map { task in
            "\(task.id) \(Self.lead(task).map { $0 ?? "nil" }.joined(separator: ","))/\(Self.partners(task).map { $0 ?? "nil" }.joined(separator: ",")) \(task.units.count)"
        }
        #expect(summary == c.tasks)
        #expect(output.diagnostics.isEmpty, "\(output.diagnostics)")
    }

    // MARK: Labelled fields

    @Test("\"a) Nhiệm vụ: ... b) Đơn vị chủ trì: ...; đơn vị phối hợp: ... c) Thời gian thực hiện: ...\"")
    func labelledFields() throws {
        let output = try Self.read("nhiem-vu-co-cau-truc.md")
        let tasks = output.directive.tasks
        #expect(tasks.map(\.id) == ["3.1.1", "3.2.1", "3.3.1"])

        let first = try #require(tasks[id: "3.1.1"])
        #expect(Self.lead(first) == ["SNV"])
        #expect(Self.partners(first) == ["SKHCN", "CAP-XA"])
        #expect(first.units.count == 116)
        #expect(first.deadline == Deadline(text: "Quý IV/2026", kind: .within, due: .iso("2026-12-31")))
        #expect(first.section == "1. Số hóa hồ sơ, tài liệu")

        // The same fields as lines of one paragraph.
        let second = try #require(tasks[id: "3.2.1"])
        #expect(Self.lead(second) == ["VPUBND"])
        #expect(Self.partners(second) == ["SO-NGANH"])
        #expect(second.deadline?.kind == .before)
        #expect(second.deadline?.due == .iso("2026-12-04"))

        // No "Nhiệm vụ:" field: the heading names the duty.
        let third = try #require(tasks[id: "3.3.1"])
        #expect(third.text.hasPrefix("Bồi dưỡng kỹ năng số cho công chức"))
        #expect(Self.lead(third) == ["SKHCN"])
        #expect(third.deadline?.due == .iso("2026-12-31"))
        #expect(output.diagnostics.isEmpty, "\(output.diagnostics)")
    }

    // MARK: Appendix table

    @Test("a task table in an appendix after the signature")
    func appendixTable() throws {
        let output = try Self.read("phu-luc-bang.md")
        let tasks = output.directive.tasks
        // Rows "I", "II" only group the rows under them.
        #expect(tasks.map(\.id) == ["PL.1", "PL.2", "PL.3", "PL.4"])
        #expect(tasks.map(\.section) == Array(repeating: "PHỤ LỤC", count: 4))

        #expect(tasks[id: "PL.1"]?.text == "Rà soát, đơn giản hóa thủ tục hành chính")
        #expect(Self.lead(tasks[id: "PL.1"]) == ["STP"])
        #expect(Self.partners(tasks[id: "PL.1"]) == ["SO-NGANH"])
        #expect(tasks[id: "PL.1"]?.deadline?.due == .iso("2026-12-31"))

        #expect(Self.lead(tasks[id: "PL.2"]) == ["VPUBND"])
        #expect(Self.partners(tasks[id: "PL.2"]) == ["SKHCN", nil])
        #expect(tasks[id: "PL.2"]?.deadline == Deadline(text: "30/6/2027", kind: .on, due: .iso("2027-06-30")))

        #expect(Self.lead(tasks[id: "PL.3"]) == ["CAP-XA"])
        #expect(tasks[id: "PL.3"]?.units.count == 115)
        #expect(tasks[id: "PL.3"]?.deadline?.kind == .standing)

        // An escaped pipe stays in the cell.
        #expect(tasks[id: "PL.4"]?.text == "Sắp xếp trụ sở làm việc | tài sản công")
        #expect(tasks[id: "PL.4"]?.deadline?.due == .iso("2026-11-30"))
        #expect(tasks[id: "PL.4"]?.assignees.count == 1)

        let lines = try Fixture.text("shapes/phu-luc-bang.md").components(separatedBy: "\n")
        for task in tasks { #expect(lines[task.line - 1].contains(task.text.prefix(20).replacingOccurrences(of: "|", with: "\\|"))) }

        // The signature before the appendix is still the signature.
        #expect(output.directive.metadata.signature?.name == "Nguyễn Văn A")
        #expect(output.directive.metadata.distribution == ["Như trên", "Lưu: VT"])
        #expect(Self.shown(output.diagnostics) == [
            "cảnh báo shapes/phu-luc-bang.md:33 nhiệm vụ PL.2: \"Công an thành phố\" không có trong danh sách đơn vị",
        ])
    }

    @Test("numbering that starts again in each group of an appendix keeps ids unique")
    func restartedNumbering() {
        let markdown = """
        **PHỤ LỤC II**

        | TT | Nội dung công việc | Đơn vị chủ trì | Thời hạn |
        |----|----|----|----|
        | I | Cải cách hành chính | | |
        | 1 | Rà soát thủ tục | Sở Tư pháp | Quý III/2026 |
        | 2 | Số hóa hồ sơ | Sở Nội vụ | Quý IV/2026 |
        | II | Tài chính | | |
        | 1 | Bố trí kinh phí | Sở Tài chính | Tháng 9/2026 |
        """
        let tasks = Fixture.read(markdown).directive.tasks
        #expect(tasks.map(\.id) == ["PL2.1.1", "PL2.1.2", "PL2.2.1"])
        #expect(tasks.map { $0.assignees.first?.code } == ["STP", "SNV", "STC"])
        #expect(tasks.map(\.line) == [6, 7, 9])
    }

    @Test("a task table with no heading above it is still read")
    func bareTable() {
        let markdown = "Kính gửi: Các sở, ngành thành phố.\n\n| STT | Nhiệm vụ | Cơ quan chủ trì | Thời hạn |\n|---|---|---|---|\n| 1 | Rà soát | Sở Tư pháp | 30/9/2026 |\n"
        let tasks = Fixture.read(markdown).directive.tasks
        #expect(tasks.map(\.id) == ["1.1"])
        #expect(tasks.first?.deadline?.due == .iso("2026-09-30"))
    }

    @Test("pipe tables are recognised on top of cmark's paragraphs")
    func pipeTable() throws {
        let table = try #require(PipeTable.parse(lines: [
            "| STT | Tên nhiệm vụ | Thời gian |",
            "|:---:|:-------------|----------:|",
            "| 1 | A \\| B | Quý I/2027 |",
            "| 2 | C |",
        ], firstLine: 10))
        #expect(table.header == ["STT", "Tên nhiệm vụ", "Thời gian"])
        #expect(table.alignments == [.center, .left, .right])
        #expect(table.rows == [["1", "A | B", "Quý I/2027"], ["2", "C", ""]])
        #expect(table.rowLines == [12, 13])
        #expect(PipeTable.parse(lines: ["a | b", "not a delimiter"], firstLine: 1) == nil)
        #expect(PipeTable.parse(lines: ["| a | b |"], firstLine: 1) == nil)
    }

    // MARK: Corrections in front matter

    @Test("front matter corrects a task's deadline, lead and partners, assignees, consolidator")
    func corrections() throws {
        let output = try Self.read("sua-loi.md")
        let tasks = output.directive.tasks
        #expect(output.diagnostics.isEmpty, "\(output.diagnostics)")
        #expect(output.directive.id == "sua-loi")
        #expect(tasks[id: "1.1"]?.deadline == nil)
        #expect(tasks[id: "1.2"]?.deadline == Deadline(text: "trong tháng 8/2026", kind: .within, due: .iso("2026-08-31")))
        #expect(tasks[id: "1.3"]?.assignees == [
            Assignee(name: "Sở Xây dựng", code: "SXD", role: .lead),
            Assignee(name: "Sở Tài chính", code: "STC", role: .partner),
            Assignee(name: "Sở Nội vụ", code: "SNV", role: .partner),
        ])
        #expect(tasks[id: "1.3"]?.units == ["SNV", "STC", "SXD"])
        #expect(tasks[id: "2.1"]?.assignees.map(\.code) == ["11413", "11914"])
        #expect(tasks[id: "2.1"]?.units == ["11413", "11914"])
        #expect(tasks[id: "2.1"]?.consolidator == Consolidator(name: "Sở Nội vụ", code: "SNV"))
        #expect(tasks[id: "2.2"]?.deadline?.due == .iso("2026-12-31"))
        #expect(tasks[id: "2.2"]?.consolidator == Consolidator(name: "Sở Nội vụ", code: "SNV"))
        #expect(tasks[id: "2.2"]?.units.count == 114)
    }

    @Test("front matter fills what the draft leaves blank")
    func frontMatterMetadata() throws {
        let meta = try Self.read("sua-loi.md").directive.metadata
        #expect(meta.number == "250/UBND-NV")
        #expect(!meta.isNumberBlank)
        #expect(meta.date == .iso("2026-08-10"))
        #expect(meta.year == 2026)
    }

    @Test("wrong corrections are errors on their front-matter line")
    func wrongCorrections() throws {
        let output = try Self.read("sua-loi-sai.md")
        #expect(output.directive.tasks.map(\.id) == ["1.1", "1.2"])
        #expect(Self.shown(output.diagnostics) == [
            "lỗi shapes/sua-loi-sai.md:4 không hiểu thời hạn \"sớm nhất có thể\" khai báo cho nhiệm vụ 1.1",
            "lỗi shapes/sua-loi-sai.md:6 nhiệm vụ 1.2: \"Sở Du lịch\" không có trong danh sách đơn vị",
            "lỗi shapes/sua-loi-sai.md:8 phần khai báo sửa nhiệm vụ 9.9, nhưng văn bản không có nhiệm vụ này",
        ])
        #expect(output.diagnostics.last?.hint == "các mục đọc được: 1.1, 1.2; để thêm nhiệm vụ mới, ghi cả \"text\"")
        // The task keeps its own deadline when the correction cannot be read.
        #expect(output.directive.tasks[id: "1.1"]?.deadline == nil)
    }

    // MARK: Problems reported, not dropped

    @Test("a section naming a body the register does not know is reported, and its tasks kept")
    func unmatchedSection() throws {
        let output = try Self.read("muc-khong-khop.md")
        let tasks = output.directive.tasks
        #expect(tasks.map(\.id) == ["1.1", "1.2", "2.1"])
        #expect(tasks[id: "1.1"]?.assignees == [Assignee(name: "Sở Du lịch", code: nil, role: .lead)])
        #expect(tasks[id: "1.1"]?.units == [])
        #expect(tasks[id: "1.1"]?.deadline?.due == .iso("2026-04-14"))
        #expect(Self.shown(output.diagnostics) == [
            "cảnh báo shapes/muc-khong-khop.md:10 mục \"1. Sở Du lịch\" giao việc cho \"Sở Du lịch\" nhưng tên này không có trong danh sách đơn vị",
        ])
        // Old tone placement ("Văn hoá") still finds the department.
        #expect(tasks[id: "2.1"]?.assignees.map(\.code) == ["SVHTTDL"])
    }

    @Test("an impossible date in a task is an error naming file and line; the task stays")
    func impossibleDate() throws {
        let output = try Self.read("ngay-khong-co-that.md")
        #expect(output.directive.tasks.map(\.id) == ["1.1", "1.2"])
        #expect(output.directive.tasks[id: "1.1"]?.deadline == nil)
        #expect(output.directive.tasks[id: "1.2"]?.deadline?.due == .iso("2026-06-30"))
        #expect(Self.shown(output.diagnostics) == [
            "lỗi shapes/ngay-khong-co-that.md:3 nhiệm vụ 1.1: ngày \"31/02/2026\" không có thật (trong \"trước ngày 31/02/2026\")",
        ])
        #expect(output.diagnostics.hasErrors)
    }

    @Test("lines count from the top of the file, front matter included")
    func lineWithFrontMatter() {
        let text = "---\nid: x\n---\n\n**1. Sở Tài chính**\n\n- Báo cáo chậm nhất ngày 30/02/2026.\n"
        let output = Fixture.read(text, file: "x.md")
        #expect(output.directive.tasks.first?.line == 7)
        #expect(output.diagnostics.map(\.line) == [7])
    }

    @Test("\"II. UBND các xã, phường\": a city teaches the register a new wording, not the code")
    func aliasInRegister() throws {
        let markdown = "II. UBND các xã, phường\n\n- Rà soát trụ sở dôi dư; hoàn thành trong tháng 9/2026.\n"
        let before = Fixture.read(markdown).directive.tasks.first
        #expect(before?.assignees.map(\.code) == [nil])
        #expect(before?.units == [])

        let yaml = try Fixture.text("units.yaml").replacingOccurrences(
            of: "aliases: [Ủy ban nhân dân cấp xã,", with: "aliases: [\"Các xã, phường\", Ủy ban nhân dân cấp xã,")
        var diagnostics: [Diagnostic] = []
        let register = UnitRegisterFile.parse(yaml, file: "units.yaml", diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty)
        #expect(register.resolve("UBND các xã, phường")?.code == "CAP-XA")
        let after = DirectiveReader(register: register).read(markdown, file: "x.md", defaultID: "x").directive.tasks.first
        #expect(after?.id == "2.1")
        #expect(after?.assignees.map(\.code) == ["CAP-XA"])
        #expect(after?.units.count == 114)
    }

    @Test("front matter declares a task the reader cannot find")
    func declaredTask() {
        let text = """
        ---
        tasks:
          "3.1":
            text: Sở Y tế tổ chức kiểm tra an toàn thực phẩm dịp Tết.
            lead: [SYT]
            partners: [Công an thành phố]
            deadline: trước ngày 15/01/2027
          "3.2":
            text: Việc chưa rõ ai làm.
        ---

        **1. Sở Nội vụ**

        - Rà soát biên chế.
        """
        let output = Fixture.read(text, file: "x.md")
        let task = output.directive.tasks[id: "3.1"]
        #expect(output.directive.tasks.map(\.id) == ["1.1", "3.1", "3.2"])
        #expect(task?.text == "Sở Y tế tổ chức kiểm tra an toàn thực phẩm dịp Tết.")
        #expect(task?.assignees.map(\.code) == ["SYT", nil])
        #expect(task?.units == ["SYT"])
        #expect(task?.deadline?.due == .iso("2027-01-14"))
        #expect(task?.line == 3)
        #expect(Self.shown(output.diagnostics) == [
            "lỗi x.md:3 nhiệm vụ 3.1: \"Công an thành phố\" không có trong danh sách đơn vị",
            "cảnh báo x.md:8 nhiệm vụ 3.2 không rõ giao cho đơn vị nào",
        ])
    }

    @Test("a misspelt field or a correction that is not a list of fields is reported")
    func malformedCorrections() {
        let text = "---\ntasks:\n  \"1.1\":\n    deadlin: trong tháng 8/2026\n  \"1.2\": trong tháng 9/2026\n---\n\n**1. Sở Nội vụ**\n\n- Một.\n- Hai.\n"
        let output = Fixture.read(text, file: "x.md")
        #expect(Self.shown(output.diagnostics) == [
            "cảnh báo x.md:4 trường \"deadlin\" của nhiệm vụ 1.1 không được dùng (có phải \"deadline\"?)",
            "lỗi x.md:5 khai báo cho nhiệm vụ 1.2 phải gồm các trường như deadline, lead, partners",
        ])
        #expect(output.directive.tasks.allSatisfy { $0.deadline == nil })
    }

    @Test("a correction's names that are not names are an error on the field's line, the names kept")
    func correctionNamesThatAreNotNames() {
        let text = "---\ntasks:\n  \"1.1\":\n    lead: [Sở Nội vụ, [Sở Y tế]]\n    partners: {Sở Tài chính: x}\n---\n\n**1. Sở Nội vụ**\n\n- Một.\n- Hai.\n"
        let output = Fixture.read(text, file: "x.md")
        #expect(Self.shown(output.diagnostics) == [
            "lỗi x.md:4 1 phần tử của \"lead\" không phải là tên",
            "lỗi x.md:5 \"partners\" phải là một tên hoặc danh sách tên",
        ])
    }

    @Test("corrections keyed without quotes")
    func unquotedKeys() {
        let text = "---\ntasks:\n  1.2:\n    deadline: trong quý III/2026\n---\n\n**1. Sở Nội vụ**\n\n- Một.\n- Hai.\n"
        let output = Fixture.read(text)
        #expect(output.diagnostics.isEmpty, "\(output.diagnostics)")
        #expect(output.directive.tasks[id: "1.2"]?.deadline?.due == .iso("2026-09-30"))
    }

    @Test("a document with no task at all says so")
    func noTasks() {
        let output = Fixture.read("Kính gửi: Sở Nội vụ.\n\nĐề nghị quý cơ quan quan tâm.\n", file: "trong.md")
        #expect(output.directive.tasks.isEmpty)
        #expect(output.diagnostics.map(\.severity) == [.warning])
    }
}
