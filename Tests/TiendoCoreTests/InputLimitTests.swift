import Foundation
import Testing
@testable import TiendoCore
import TiendoMarkdown

/// Input that crashed or trapped tiendo before issue 12 is an error naming
/// the file and line.
@Suite struct InputLimitTests {
    @Test(arguments: [
        ("block quotes", String(repeating: "> ", count: 20_000) + "a\n"),
        ("lists", (0..<600).map { String(repeating: "  ", count: $0) + "- a\n" }.joined()),
        ("lists in quotes", String(repeating: "> 1. ", count: 5_000) + "a\n"),
    ])
    func deepNestingIsAnErrorNamingTheLine(_ kind: String, _ body: String) {
        let text = "---\nid: sau\n---\n# Văn bản\n\n" + body
        let output = Fixture.read(text, file: "sau.md")
        let error = output.diagnostics.errors.first { $0.message.contains("lồng nhau quá \(InputLimits.markdownNesting) tầng") }
        #expect(error != nil, "\(kind): \(output.diagnostics)")
        #expect(error?.file == "sau.md")
        #expect((error?.line ?? 0) > 5, "the line is in the file, after the front matter")
        // The blocks kept never nest deeper than the limit.
        var deepest = 0
        var pending = output.directive.blocks.map { ($0, 0) }
        while let (block, depth) = pending.popLast() {
            deepest = max(deepest, depth)
            pending += block.children.map { ($0, depth + 1) }
        }
        #expect(deepest <= InputLimits.markdownNesting)
    }

    @Test func nestingWithinTheLimitIsRead() {
        let body = (0..<20).map { String(repeating: "  ", count: $0) + "- mục \($0)\n" }.joined()
        let output = Fixture.read("# Văn bản\n\n" + body)
        #expect(!output.diagnostics.contains { $0.message.contains("lồng nhau") })
    }

    @Test func deepInlineEmphasisIsWalkedWithoutRecursion() {
        let stars = String(repeating: "**", count: 30_000)
        let blocks = Markdown.parse(stars + "x" + stars)
        #expect(blocks.count == 1)
        #expect(blocks[0].text.contains("x"))
        let links = String(repeating: "*a [b ", count: 20_000) + "c"
        #expect(Markdown.parse(links).first?.text.hasSuffix("c") == true)
    }

    @Test(arguments: ["01/01/0001", "31/12/9999", "15/06/1899", "01/01/2201"])
    func aDeadlineOutsideTheSupportedYearsIsAnError(_ day: String) {
        let output = Fixture.read("""
            **1. Sở Nội vụ:**

            - Rà soát hồ sơ, hoàn thành chậm nhất trước ngày \(day).
            """, file: "nam.md")
        let error = output.diagnostics.errors.first { $0.message.contains(day) }
        #expect(error?.file == "nam.md" && error?.line == 3, "\(output.diagnostics)")
        #expect(output.directive.tasks.allSatisfy { $0.deadline?.due.map { CivilDate.supportedYears.contains($0.year) } ?? true })
    }

    @Test(arguments: ["date: 0001-01-01", "date: 31/12/9999"])
    func aFrontMatterDateOutsideTheSupportedYearsIsAnError(_ line: String) {
        let output = Fixture.read("---\n\(line)\n---\n# Văn bản\n", file: "fm.md")
        #expect(output.diagnostics.errors.contains { $0.file == "fm.md" && $0.line == 2 }, "\(output.diagnostics)")
    }

    @Test func dateTextExplainsTheYear() {
        #expect(DateText.classify("01/01/0001") == .impossible)
        #expect(DateText.whyImpossible("01/01/0001")?.contains("năm 1 nằm ngoài khoảng 1900–2200") == true)
        #expect(DateText.parseDay("31/12/2200") != nil)
        #expect(DateText.parseDay("01/01/1900") != nil)
    }

    @Test func dateArithmeticNeverTraps() throws {
        let day = try #require(CivilDate(year: 2026, month: 6, day: 24))
        #expect(day.adding(days: Int.max).year == 9999)
        #expect(day.adding(days: Int.min).year == 1)
        #expect(day.adding(days: Int.max).adding(days: 1).year == 9999)
        #expect(CivilDate(dayNumber: Int.min).iso == "0001-01-01")
        #expect(CivilDate(dayNumber: Int.max).iso == "9999-12-31")
        #expect(CivilDate(year: 1, month: 1, day: 1) == nil)
        #expect(CivilDate(year: Int.max, month: 1, day: 1) == nil)
        #expect(CivilDate.earliest.iso == "1900-01-01")
    }

    @Test func aStatusDateInYearOneIsAnErrorNamingTheCell() {
        let csv = "directive,task,unit,state,completed,report,updated,note\ntrien-khai-tb-406,1.4,11413,hoàn thành,01/01/0001,1/BC,23/06/2026,\n"
        let directive = (try? Fixture.directive("directives/trien-khai-tb-406.md"))?.directive
        let reader = StatusReader(register: Fixture.register, directives: directive.map { [$0] } ?? [])
        let output = reader.read(bytes: Array(csv.utf8), file: "status.csv", asOf: nil)
        #expect(output.diagnostics.errors.contains { $0.line == 2 && $0.column == 5 && $0.message.contains("năm 1 nằm ngoài") },
                "\(output.diagnostics)")
    }
}
