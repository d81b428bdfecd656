import Foundation
import Testing
@testable import TiendoCore

/// The sample directive with its sections written the ways other drafts
/// write them (hand-made copies under Fixtures/markups) must give the same
/// tasks: ids, assignees, units, deadlines, consolidators, text.
@Suite("Cùng văn bản, cách trình bày khác")
struct MarkupVariantTests {
    static let variants = [
        "all-h2.md",       // every section "## 1. ..."
        "all-bold.md",     // every section a bold paragraph
        "roman.md",        // "I. UBND xã, phường, đặc khu", "**II. ...**", "### III. ...", "IV. ..."
        "lettered.md",     // "a) b) c)" items instead of bullets, section 2 in one paragraph
        "ordered-list.md", // "1. Sở Tài chính" as an ordered list item
        "nested.md",       // "1. Sở Nội vụ:" with the tasks indented under it
    ]

    static let sample: [Task] = (try? Fixture.directive(SampleDirectiveTests.path).directive.tasks) ?? []

    /// "a) Tiếp tục ..." → "Tiếp tục ...": the marker is numbering, not text.
    static func withoutMarker(_ text: String) -> String {
        guard let close = text.prefix(3).firstIndex(of: ")"), text.distance(from: text.startIndex, to: close) <= 1 else { return text }
        return String(text[text.index(after: close)...]).trimmingCharacters(in: .whitespaces)
    }

    @Test("same ids, assignees, units and deadlines", arguments: variants)
    func sameTasks(_ file: String) throws {
        let output = try Fixture.directive("markups/" + file)
        let tasks = output.directive.tasks
        #expect(tasks.map(TaskSummary.init) == Self.sample.map(TaskSummary.init))
        #expect(tasks.map(\.units) == Self.sample.map(\.units))
        #expect(tasks.map(\.deadline) == Self.sample.map(\.deadline))
        #expect(tasks.map(\.consolidator) == Self.sample.map(\.consolidator))
        #expect(output.diagnostics.isEmpty, "\(output.diagnostics)")
    }

    @Test("same text, without the letter markers", arguments: variants)
    func sameText(_ file: String) throws {
        let tasks = try Fixture.directive("markups/" + file).directive.tasks
        #expect(tasks.map { Self.withoutMarker($0.text) } == Self.sample.map(\.text))
    }

    @Test("same metadata", arguments: variants)
    func sameMetadata(_ file: String) throws {
        let meta = try Fixture.directive("markups/" + file).directive.metadata
        let expected = try Fixture.directive(SampleDirectiveTests.path).directive.metadata
        #expect(meta == expected)
    }

    @Test("the section is the heading as written")
    func sectionAsWritten() throws {
        let roman = try Fixture.directive("markups/roman.md").directive.tasks
        #expect(roman[id: "1.1"]?.section == "I. UBND xã, phường, đặc khu")
        #expect(roman[id: "2.1"]?.section == "II. Các sở, ngành thành phố")
        #expect(roman[id: "3.1"]?.section == "III. Sở Tài chính")
        #expect(roman[id: "1.1"]?.assignees.first?.name == "UBND xã, phường, đặc khu")
        let ordered = try Fixture.directive("markups/ordered-list.md").directive.tasks
        #expect(ordered[id: "3.1"]?.section == "3. Sở Tài chính")
    }

    @Test("each lettered item is a task on its own line")
    func letteredLines() throws {
        let lines = try Fixture.text("markups/lettered.md").components(separatedBy: "\n")
        for task in try Fixture.directive("markups/lettered.md").directive.tasks {
            #expect(lines[task.line - 1].hasPrefix(String(task.text.prefix(20))), "\(task.id) at line \(task.line)")
        }
    }
}
