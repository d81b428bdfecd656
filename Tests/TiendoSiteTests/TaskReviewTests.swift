import Foundation
import Testing
import TiendoCore
@testable import TiendoSite

/// The review `tiendo tasks` prints and the marks on the directive page.
@Suite("Rà soát nhiệm vụ đọc được")
struct TaskReviewTests {
    static let plan = """
    **II. NHIỆM VỤ, GIẢI PHÁP**

    1. Đẩy mạnh chuyển đổi số trong các ngành.

    2. Giao Sở Tài chính chủ trì, phối hợp với Sở Nội vụ rà soát kinh phí; hoàn thành trong quý I/2026.
    """

    static func directive() -> Directive {
        let register = Support.loaded(Support.sampleContent).register
        return DirectiveReader(register: register).read(plan, file: "ke-hoach.md", defaultID: "ke-hoach").directive
    }

    @Test("each task with id, lead, partners, deadline and how it was read; then the items left unassigned")
    func reviewText() {
        let text = TaskReview.text([Self.directive()])
        #expect(text.contains("1 nhiệm vụ, 1 nội dung chưa giao cho đơn vị nào"))
        #expect(text.contains("[2.2] dòng 5"))
        #expect(text.contains("Chủ trì: Sở Tài chính [STC]"))
        #expect(text.contains("Phối hợp: Sở Nội vụ [SNV]"))
        #expect(text.contains("Cách đọc: " + Task.Reading.sentence.rawValue))
        #expect(text.contains("Thời hạn: \"trong quý I/2026\" (trong khoảng thời gian) → hạn 31/03/2026"))
        let review = try? #require(text.range(of: "-- Nội dung chưa giao cho đơn vị nào"))
        #expect(review.map { text[$0.upperBound...].contains("[2.1] dòng 3") } == true)
    }

    @Test("the directive page marks a task and an item left for review apart")
    func pageMarks() throws {
        let folder = Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/directives", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Support.sampleContent + "/units.yaml", toPath: folder + "/units.yaml")
        try Self.plan.write(toFile: folder + "/directives/ke-hoach.md", atomically: false, encoding: .utf8)
        try "directive,task,unit,state,completed,report,updated,note\n".write(toFile: folder + "/status.csv", atomically: false, encoding: .utf8)
        let files = Support.build(folder, asOf: CivilDate(year: 2026, month: 1, day: 10))
        let page = try #require(files.first { $0.key.hasPrefix("van-ban/") && $0.key.hasSuffix(".html") }?.value)
        #expect(page.contains("class=\"review-mark\""))
        #expect(page.contains("Mục 2.1: nội dung chưa giao cho đơn vị nào"))
        #expect(page.contains("class=\"task-mark\""))
    }
}
