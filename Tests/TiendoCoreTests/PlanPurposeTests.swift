import Testing
@testable import TiendoCore

/// A plan's "MỤC ĐÍCH, YÊU CẦU" states aims; its paragraphs are not tasks.
@Suite struct PlanPurposeTests {
    @Test func purposeSectionsAssignNothing() {
        let register = Fixture.register
        let text = """
        **KẾ HOẠCH**

        **Sắp xếp trụ sở, tài sản công**

        ## I. MỤC ĐÍCH, YÊU CẦU

        1. Mục đích

        Bảo đảm việc sắp xếp trụ sở được thực hiện đúng quy định.

        ## II. NHIỆM VỤ CỤ THỂ

        **1. Sở Tài chính**

        - Tổng hợp phương án xử lý tài sản công; hoàn thành trong quý III/2026.
        """
        let output = DirectiveReader(register: register).read(text, file: "kh.md", defaultID: "kh")
        #expect(output.directive.tasks.map(\.id) == ["2.1.1"])
        #expect(output.directive.tasks.first?.units == ["STC"])
        #expect(!output.diagnostics.contains { $0.message.contains("không rõ giao cho") })
    }

    @Test(arguments: ["MỤC ĐÍCH, YÊU CẦU", "Mục đích", "Yêu cầu", "Mục tiêu cụ thể", "QUAN ĐIỂM"])
    func purposeTitles(_ title: String) {
        #expect(ReadingContext.isPurposeTitle(title))
    }

    @Test(arguments: ["NHIỆM VỤ CỤ THỂ", "Tổ chức thực hiện", "Sở Tài chính"])
    func dutyTitles(_ title: String) {
        #expect(!ReadingContext.isPurposeTitle(title))
    }
}
