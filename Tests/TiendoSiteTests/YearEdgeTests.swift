import Foundation
import Testing
import TiendoCore
@testable import TiendoSite

/// A deadline in year 1 passed `check` and trapped in `build` (issue 12).
/// Now it is an error naming the line, and the days at the edges of the
/// supported years build a site.
@Suite struct YearEdgeTests {
    func content(deadline: String) throws -> String {
        let content = Support.temporaryDirectory() + "/content"
        try FileManager.default.copyItem(atPath: Support.miniContent, toPath: content)
        var directive = try String(contentsOfFile: content + "/directives/cv-12.md", encoding: .utf8)
        directive = directive.replacingOccurrences(of: "chậm nhất trước ngày 27/6/2026", with: deadline)
        try directive.write(toFile: content + "/directives/cv-12.md", atomically: false, encoding: .utf8)
        return content
    }

    @Test(arguments: ["chậm nhất trước ngày 01/01/0001", "chậm nhất trong ngày 31/12/9999", "hạn 05/05/1800"])
    func checkRefusesWhatBuildCouldNotShow(_ deadline: String) throws {
        let loaded = Support.loaded(try content(deadline: deadline))
        #expect(loaded.tracker == nil)
        #expect(loaded.diagnostics.errors.contains { $0.file.hasSuffix("cv-12.md") && $0.line > 0 }, "\(loaded.diagnostics)")
    }

    @Test(arguments: ["chậm nhất trước ngày 01/01/1900", "chậm nhất trong ngày 31/12/2200"])
    func theEdgesOfTheSupportedYearsBuild(_ deadline: String) throws {
        let files = Support.build(try content(deadline: deadline), asOf: CivilDate(year: 2026, month: 6, day: 26))
        let calendar = try #require(files["lich/index.html"])
        #expect(calendar.contains(deadline.hasSuffix("1900") ? "Tháng 12/1899" : "Tháng 12/2200"))
    }
}
