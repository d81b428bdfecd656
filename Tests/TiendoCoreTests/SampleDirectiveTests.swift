import Foundation
import Testing
@testable import TiendoCore

/// The Hải Phòng dispatch the product is built around: every task, every
/// assignee, every deadline, as a careful clerk reads it.
@Suite("Công văn mẫu của UBND thành phố Hải Phòng")
struct SampleDirectiveTests {
    static let path = "directives/trien-khai-tb-406.md"

    enum Falls: Sendable { case communes, departments, unit(String) }

    struct Expected: Sendable, CustomTestStringConvertible {
        var id: String
        var falls: Falls
        var phrase: String?
        var kind: Deadline.Kind?
        var due: String?
        var consolidator: String?
        var reference: String?
        var testDescription: String { id }
    }

    static let commune = Falls.communes, departments = Falls.departments
    static let stc = Falls.unit("STC"), snv = Falls.unit("SNV")
    static let onDay = "chậm nhất trong ngày 24/6/2026", before27 = "chậm nhất trước ngày 27/6/2026"

    static let expected: [Expected] = [
        .init(id: "1.1", falls: commune, phrase: "Tiếp tục", kind: .standing),
        .init(id: "1.2", falls: commune),
        .init(id: "1.3", falls: commune, phrase: "theo Kế hoạch số 192/KH-UBND", kind: .reference, reference: "Kế hoạch số 192/KH-UBND"),
        .init(id: "1.4", falls: commune, phrase: onDay, kind: .on, due: "2026-06-24", consolidator: "SNV"),
        .init(id: "1.5", falls: commune, phrase: onDay, kind: .on, due: "2026-06-24", consolidator: "STC"),
        .init(id: "2.1", falls: departments, phrase: "Tiếp tục", kind: .standing),
        .init(id: "2.2", falls: departments, phrase: "Tiếp tục", kind: .standing),
        .init(id: "2.3", falls: departments, phrase: onDay, kind: .on, due: "2026-06-24", consolidator: "SNV"),
        .init(id: "3.1", falls: stc, phrase: before27, kind: .before, due: "2026-06-26"),
        .init(id: "4.1", falls: snv),
        .init(id: "4.2", falls: snv, phrase: before27, kind: .before, due: "2026-06-26"),
        .init(id: "4.3", falls: snv, phrase: before27, kind: .before, due: "2026-06-26"),
        .init(id: "4.4", falls: snv, phrase: before27, kind: .before, due: "2026-06-26"),
        .init(id: "4.5", falls: snv),
        .init(id: "4.6", falls: snv, phrase: before27, kind: .before, due: "2026-06-26"),
        .init(id: "4.7", falls: snv, phrase: "chậm nhất trước ngày 26/9/2026", kind: .before, due: "2026-09-25"),
    ]

    static func sample() throws -> DirectiveReader.Output { try Fixture.directive(path) }

    @Test("every task, in order, and nothing else")
    func taskIDs() throws {
        let output = try Self.sample()
        #expect(output.directive.tasks.map(\.id) == Self.expected.map(\.id))
        #expect(output.directive.id == "trien-khai-tb-406")
        #expect(output.diagnostics.isEmpty, "\(output.diagnostics)")
    }

    @Test("assignees, units, deadline and consolidator", arguments: expected)
    func task(_ expected: Expected) throws {
        let task = try #require(try Self.sample().directive.tasks[id: expected.id])
        switch expected.falls {
        case .communes:
            #expect(task.assignees.map(\.code) == ["CAP-XA"])
            #expect(task.units == Fixture.communeCodes)
            #expect(task.units.count == 114)
        case .departments:
            #expect(task.assignees.map(\.code) == ["SO-NGANH"])
            #expect(task.units == Fixture.departmentCodes)
            #expect(task.units.count == 14)
        case .unit(let code):
            #expect(task.assignees.map(\.code) == [code])
            #expect(task.units == [code])
        }
        #expect(task.assignees.allSatisfy { $0.role == .lead })
        #expect(task.deadline?.text == expected.phrase)
        #expect(task.deadline?.kind == expected.kind)
        #expect(task.deadline?.due == expected.due.map(CivilDate.iso))
        #expect(task.deadline?.reference == expected.reference)
        #expect(task.consolidator?.code == expected.consolidator)
        if expected.consolidator != nil {
            #expect(task.consolidator?.name == Fixture.register.unit(code: expected.consolidator!)?.name)
        }
    }

    @Test("each task's line is where its text starts in the file")
    func taskLines() throws {
        let lines = try Fixture.text(Self.path).components(separatedBy: "\n")
        for task in try Self.sample().directive.tasks {
            let firstWords = String(task.text.prefix(24))
            #expect(lines[task.line - 1].contains(firstWords), "\(task.id) at line \(task.line)")
        }
    }

    @Test("section headings are kept as written, whatever their markup")
    func sectionHeadings() throws {
        let tasks = try Self.sample().directive.tasks
        #expect(tasks[id: "1.1"]?.section == "1. Ủy ban nhân dân xã, phường, đặc khu")
        #expect(tasks[id: "2.1"]?.section == "2. Các Sở, ngành thành phố")
        #expect(tasks[id: "3.1"]?.section == "3. Sở Tài chính")
        #expect(tasks[id: "4.1"]?.section == "4. Sở Nội vụ")
        #expect(tasks[id: "2.1"]?.assignees.first?.name == "Các Sở, ngành thành phố")
    }

    @Test("the loose paragraph in section 4 is task 4.2, kept as Markdown")
    func looseParagraph() throws {
        let task = try #require(try Self.sample().directive.tasks[id: "4.2"])
        #expect(task.text.hasPrefix("Tổng hợp, báo cáo Ủy ban nhân dân thành phố kết quả thực hiện sắp xếp"))
        #expect(task.text.hasSuffix("hoàn thành **chậm nhất trước ngày 27/6/2026**."))
    }

    @Test("list items keep their Markdown without the bullet")
    func itemText() throws {
        let tasks = try Self.sample().directive.tasks
        #expect(tasks[id: "1.4"]?.text.hasPrefix("Căn cứ khung số lượng") == true)
        #expect(tasks[id: "1.4"]?.text.hasSuffix("**chậm nhất trong ngày 24/6/2026**.") == true)
        #expect(tasks.allSatisfy { !$0.text.hasPrefix("- ") })
    }

    @Test("document references in the text are recognised")
    func references() throws {
        let tasks = try Self.sample().directive.tasks
        #expect(tasks[id: "1.3"]?.references == ["192/KH-UBND"])
        #expect(tasks[id: "2.1"]?.references == ["406-TB/TU"])
        #expect(tasks[id: "3.1"]?.references == ["18-KL/TW", "27-KL/TW"])
        #expect(tasks[id: "4.5"]?.references == ["192/KH-UBND"])
    }

    @Test("a cited document's date is never the deadline")
    func citedDates() throws {
        let tasks = try Self.sample().directive.tasks
        // 1.3 cites "Kế hoạch số 192/KH-UBND ngày 27/5/2026"; 3.1 cites conclusions of 02/4 and 24/4/2026.
        #expect(tasks[id: "1.3"]?.deadline?.due == nil)
        #expect(tasks[id: "3.1"]?.deadline?.due == .iso("2026-06-26"))
    }

    @Test("Nơi nhận, the closing formula and the preamble are not tasks")
    func notTasks() throws {
        let tasks = try Self.sample().directive.tasks
        for phrase in ["Như trên", "BTVTU", "nghiêm túc triển khai thực hiện./.", "Để triển khai hiệu quả",
                       "Căn cứ Nghị quyết", "Vũ Tiến Phụng", "Kính gửi"] {
            #expect(!tasks.contains { $0.text.contains(phrase) }, "\(phrase)")
        }
    }

    @Test("metadata: issuer, blank number and date, subject, recipients, bases, signature, distribution")
    func metadata() throws {
        let meta = try Self.sample().directive.metadata
        #expect(meta.issuer == "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG")
        #expect(meta.number == "/UBND-NVKTGS")
        #expect(meta.isNumberBlank)
        #expect(meta.place == "Hải Phòng")
        #expect(meta.year == 2026)
        #expect(meta.date == nil)
        #expect(meta.dateLine == "Hải Phòng, ngày tháng năm 2026")
        #expect(meta.kind == "Công văn")
        #expect(meta.subject == "triển khai thực hiện Thông báo số 406-TB/TU ngày 04/6/2026 của Ban Thường vụ Thành ủy")
        #expect(meta.recipients == ["Các sở, ngành thành phố", "Ủy ban nhân dân các xã, phường, đặc khu"])
        #expect(meta.legalBases.count == 2)
        #expect(meta.legalBases.first?.hasPrefix("Căn cứ Nghị quyết số 148/NQ-CP ngày 06/6/2026") == true)
        #expect(meta.legalBases.last?.hasPrefix("Thực hiện Thông báo số 406-TB/TU ngày 04/6/2026") == true)
        #expect(meta.signature == Signature(onBehalfOf: "TM. ỦY BAN NHÂN DÂN", forTitle: "KT. CHỦ TỊCH",
                                            title: "PHÓ CHỦ TỊCH", name: "Vũ Tiến Phụng"))
        #expect(meta.distribution == ["Như trên", "BTVTU", "CT, các PCT UBND TP", "VPTU", "CVP, các PCVP UBND TP",
                                      "Các Phòng: TC, TH, NVKTGS", "Lưu: VT, H.H.Hà"])
    }

    @Test("the title says what the draft says, and invents no number")
    func title() throws {
        let directive = try Self.sample().directive
        #expect(directive.title == "Công văn về việc triển khai thực hiện Thông báo số 406-TB/TU ngày 04/6/2026 của Ban Thường vụ Thành ủy")
    }

    @Test("ids are stable: the same text read twice, or without its front matter, gives the same tasks")
    func stableIDs() throws {
        let text = try Fixture.text(Self.path)
        let first = try Self.sample().directive.tasks
        let again = Fixture.read(text).directive.tasks
        #expect(first == again)
        let body = text.components(separatedBy: "\n").dropFirst(4).joined(separator: "\n")
        let bare = Fixture.read(body).directive.tasks
        #expect(bare.map(TaskSummary.init) == first.map(TaskSummary.init))
        #expect(bare.map(\.text) == first.map(\.text))
        #expect(zip(bare, first).allSatisfy { $0.line == $1.line - 4 })
    }

    @Test("the same text in decomposed Unicode (NFD) reads the same")
    func decomposed() throws {
        let text = try Fixture.text(Self.path)
        let nfd = Fixture.read(text.decomposedStringWithCanonicalMapping).directive.tasks
        let nfc = try Self.sample().directive.tasks
        #expect(nfd.map(TaskSummary.init) == nfc.map(TaskSummary.init))
    }

    @Test("a UTF-8 byte-order mark changes nothing")
    func byteOrderMark() throws {
        let text = try Fixture.text(Self.path)
        let withBOM = Fixture.read("\u{FEFF}" + text)
        #expect(withBOM.directive.id == "trien-khai-tb-406")
        #expect(withBOM.directive.tasks == (try Self.sample().directive.tasks))
        let body = text.components(separatedBy: "\n").dropFirst(4).joined(separator: "\n")
        let bareBOM = Fixture.read("\u{FEFF}" + body)
        #expect(bareBOM.directive.metadata == (try Self.sample().directive.metadata))
    }

    @Test("CRLF line ends read the same")
    func crlf() throws {
        let text = try Fixture.text(Self.path)
        let crlf = Fixture.read(text.replacingOccurrences(of: "\n", with: "\r\n"))
        let lf = try Self.sample()
        #expect(crlf.directive.tasks.map(TaskSummary.init) == lf.directive.tasks.map(TaskSummary.init))
        #expect(crlf.directive.tasks.map(\.text) == lf.directive.tasks.map(\.text))
        #expect(crlf.directive.metadata == lf.directive.metadata)
    }
}
