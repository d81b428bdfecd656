import Foundation
import Testing
import TiendoCore
@testable import TiendoSite

/// An appendix table a converter left as raw HTML is shown on the directive
/// page, rebuilt from its text: the rows the reader took as tasks are the
/// rows the page shows, and nothing of the source's markup gets through.
@Suite struct HTMLTableSiteTests {
    static let directive = """
        ---
        id: kh-8
        ---
        Số: 8/KH-UBND

        V/v kế hoạch thử

        **PHỤ LỤC: DANH MỤC NHIỆM VỤ**

        <table>
        <thead><tr><th>STT</th><th>Tên nhiệm vụ</th><th>Cơ quan chủ trì</th><th>Cơ quan phối hợp</th><th>Thời gian hoàn thành</th></tr></thead>
        <tbody>
        <tr><td colspan="5"><strong>I. NHÓM MỘT</strong></td></tr>
        <tr><td>1</td><td><p>Rà soát trụ sở</p><p><em>(ưu tiên xã)</em></p></td><td rowspan="2">Sở Tài chính</td><td>Sở Nội vụ</td><td>Quý III/2026</td></tr>
        <tr><td>2</td><td style="color:red" onmouseover="alert(1)">Báo cáo &lt;script&gt; <script>alert(2)</script><img src="http://evil.example/a.png" onerror="alert(3)"><a href="http://evil.example/">kết quả</a></td><td>Sở Nội vụ</td><td>30/9/2026</td></tr>
        <tr><td>3</td><td>Lập danh sách</td><td>Sở Nội vụ</td></tr>
        <tr></tr>
        </tbody></table>

        <div onclick="alert(4)">Ghi chú của người chuyển đổi</div>
        """

    static func content() throws -> String {
        let content = Support.temporaryDirectory() + "/content"
        try FileManager.default.copyItem(atPath: Support.miniContent, toPath: content)
        try directive.write(toFile: content + "/directives/kh-8.md", atomically: false, encoding: .utf8)
        return content
    }

    /// The rebuilt table, from its wrapper to its end.
    static func table(in page: String) throws -> String {
        let start = try #require(page.range(of: "<div class=\"table-scroll merged-scroll\"><table class=\"merged\">"))
        let end = try #require(page.range(of: "</table></div>", range: start.upperBound..<page.endIndex))
        return String(page[start.lowerBound..<end.upperBound])
    }

    @Test func theTableIsShownWithItsSpansLinesAndEmphasis() throws {
        let site = Support.build(try Self.content())
        let page = try #require(site["van-ban/kh-8.html"])
        let table = try Self.table(in: page)
        #expect(table.contains("<caption>PHỤ LỤC: DANH MỤC NHIỆM VỤ — bảng nhiệm vụ</caption>"))
        #expect(table.contains("<thead><tr><th scope=\"col\">STT</th><th scope=\"col\">Tên nhiệm vụ</th>"))
        #expect(table.contains("<th scope=\"col\">Theo dõi</th></tr></thead>"))
        #expect(table.contains("<tr><td colspan=\"5\"><strong>I. NHÓM MỘT</strong></td><td></td></tr>"))
        #expect(table.contains("<td>Rà soát trụ sở<br><em>(ưu tiên xã)</em></td><td rowspan=\"2\">Sở Tài chính</td>"))
        #expect(table.contains("<td>Báo cáo &lt;script&gt; kết quả</td><td>Sở Nội vụ</td>"), "text only; the entity stays text")
        #expect(table.contains("<td>Lập danh sách</td><td>Sở Nội vụ</td><td></td><td></td><td><a href="), "a short row is filled up to the tracking column")
        #expect(!table.contains("<tr></tr>"), "a row with no cell is not shown")
    }

    @Test func nothingOfTheSourceMarkupReachesThePage() throws {
        let site = Support.build(try Self.content())
        let page = try #require(site["van-ban/kh-8.html"])
        for word in ["alert(", "evil.example", "onmouseover", "onerror", "onclick", "color:red", "Ghi chú của người chuyển đổi"] {
            #expect(!page.contains(word), "\(word) reached the page")
        }
        #expect(page.contains("<!-- raw HTML omitted -->"), "an HTML block that is no table stays omitted")
        let allowed: Set<String> = ["div", "table", "caption", "thead", "tbody", "tr", "th", "td", "br", "strong", "em", "a", "svg", "rect"]
        for tag in LinkScanner.tags(in: try Self.table(in: page)) {
            let name = String(tag.drop { $0 == "/" }.prefix { $0.isLetter })
            #expect(allowed.contains(name), "<\(tag)> in the table")
            // Values are quoted with '"' escaped inside: without them, only names are left.
            let names = tag.split(separator: "\"", omittingEmptySubsequences: false)
                .enumerated().filter { $0.offset % 2 == 0 }.map(\.element).joined(separator: "\"\"")
            let attributes = names.split(separator: " ").dropFirst().map { String($0.prefix { $0 != "=" && $0 != "/" }) }.filter { !$0.isEmpty }
            let known: Set<String> = ["class", "id", "scope", "colspan", "rowspan", "href", "viewBox", "preserveAspectRatio",
                                      "role", "aria-label", "x", "y", "width", "height"]
            #expect(attributes.allSatisfy(known.contains), "attributes of <\(tag)>")
            if tag.hasPrefix("a ") { #expect(tag.hasPrefix("a href=\"../nhiem-vu/kh-8/"), "only task links: <\(tag)>") }
        }
    }

    @Test func theRowsTheReaderTookAreTheRowsThePageMarks() throws {
        let content = try Self.content()
        let tracker = try #require(Support.loaded(content).tracker)
        let directive = try #require(tracker.directives.first { $0.id == "kh-8" })
        let rows = directive.tasks.filter { $0.id.hasPrefix("PL") }
        #expect(rows.map(\.text) == ["Rà soát trụ sở\n(ưu tiên xã)", "Báo cáo <script> kết quả", "Lập danh sách"])
        let page = try #require(Support.build(content)["van-ban/kh-8.html"])
        let table = try Self.table(in: page)
        let marked = table.components(separatedBy: "<tr id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(marked == rows.map { SitePaths.taskAnchor($0.id) })
        for task in rows {
            let row = try #require(table.components(separatedBy: "<tr id=\"\(SitePaths.taskAnchor(task.id))\">").dropFirst().first)
            let line = String(row.prefix { $0 != "\n" })
            #expect(line.contains(HTML.escape(task.text.components(separatedBy: "\n")[0])), "\(task.id): \(line)")
            #expect(line.contains("href=\"../nhiem-vu/kh-8/\(task.id.lowercased().replacingOccurrences(of: ".", with: "-")).html\""))
        }
    }

    /// Word converters write the whole table on one line: every row has
    /// the same source line, and each task row still gets its own mark.
    @Test func aTableOnOneLineMarksEachTaskRow() throws {
        let content = try Self.content()
        try """
            ---
            id: kh-9
            ---
            Số: 9/KH-UBND

            V/v kế hoạch thử

            **PHỤ LỤC**

            <table><tr><td><p><strong>STT</strong></p></td><td><p><strong>Tên nhiệm vụ</strong></p></td><td><p><strong>Cơ quan chủ trì</strong></p></td><td><p><strong>Thời gian hoàn thành</strong></p></td></tr><tr><td colspan="4"><p><strong>I. NHÓM</strong></p></td></tr><tr><td><p>1</p></td><td><p>Rà soát trụ sở</p></td><td><p>Sở Tài chính</p></td><td><p>Quý III/2026</p></td></tr><tr><td><p>2</p></td><td><p>Báo cáo *kết quả*</p></td><td><p>Sở Nội vụ</p></td><td><p>30/9/2026</p></td></tr></table>
            """.write(toFile: content + "/directives/kh-9.md", atomically: false, encoding: .utf8)
        let tracker = try #require(Support.loaded(content).tracker)
        let rows = try #require(tracker.directives.first { $0.id == "kh-9" }).tasks
        #expect(rows.map(\.id) == ["PL.1", "PL.2"])
        let page = try #require(Support.build(content)["van-ban/kh-9.html"])
        let start = try #require(page.range(of: "<div class=\"table-scroll\"><table>"))
        let table = String(page[start.lowerBound...])
        let marked = table.components(separatedBy: "<tr id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(marked == rows.map { SitePaths.taskAnchor($0.id) })
        #expect(table.contains("<tr><td colspan=\"4\"><strong>I. NHÓM</strong></td><td></td></tr>"), "the group row holds no task")
        #expect(table.contains("<td>Báo cáo *kết quả*</td>"), "cell text is text, never Markdown")
    }
}
