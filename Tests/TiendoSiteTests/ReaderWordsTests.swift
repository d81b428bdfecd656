import Foundation
import Testing
import TiendoCore
@testable import TiendoSite

/// What a reader sees on the pages, as text: directives named by kind and
/// number, no label left without its value, the site's identity shown.
@Suite struct ReaderWordsTests {
    static let sample = Support.build(Support.sampleContent)
    static let mini = Support.build(Support.miniContent)
    static let sampleLoaded = Support.loaded(Support.sampleContent)
    static let miniLoaded = Support.loaded(Support.miniContent)

    /// The text a browser shows: tags, comments and scripts removed, entities decoded.
    static func visibleText(_ html: String) -> String {
        var text = html
        for pattern in ["<!--[\\s\\S]*?-->", "<script[\\s\\S]*?</script>", "<style[\\s\\S]*?</style>", "<head>[\\s\\S]*?</head>"] {
            text = text.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        text = text.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
        for (entity, char) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: char)
        }
        return text.replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression)
    }

    /// Every `<td>`, `<dd>` and status detail with its text.
    static func cells(_ html: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: "<(td|dd)\\b[^>]*>([\\s\\S]*?)</\\1>|<span class=\"status-detail\">((?:[^<]|<span[^>]*>[^<]*</span>)*)</span>")
        let range = NSRange(html.startIndex..., in: html)
        return regex.matches(in: html, range: range).map { match in
            let group = match.range(at: 2).location != NSNotFound ? 2 : 3
            return visibleText(String(html[Range(match.range(at: group), in: html)!])).trimmingCharacters(in: .whitespaces)
        }
    }

    @Test(arguments: ["sample", "mini"])
    func noPageShowsADirectiveFileID(_ which: String) {
        let site = which == "sample" ? Self.sample : Self.mini
        let loaded = which == "sample" ? Self.sampleLoaded : Self.miniLoaded
        let ids = loaded.directives.map(\.id)
        #expect(!ids.isEmpty)
        for (path, html) in site where path.hasSuffix(".html") {
            let text = Self.visibleText(html)
            for id in ids {
                #expect(!text.contains(id), "\(path) shows the file id \"\(id)\" as text")
            }
        }
    }

    @Test(arguments: ["sample", "mini"])
    func noCellHoldsOnlyALabel(_ which: String) {
        let site = which == "sample" ? Self.sample : Self.mini
        var checked = 0
        for (path, html) in site where path.hasSuffix(".html") {
            for cell in Self.cells(html) {
                checked += 1
                #expect(!cell.hasSuffix(":"), "\(path): a cell or detail holds only a label: \"\(cell)\"")
                #expect(!cell.contains(": ;") && !cell.contains(": )") && !cell.hasSuffix(";"), "\(path): a stray separator in \"\(cell)\"")
            }
        }
        #expect(checked > 100)
    }

    @Test func noListEndsWithAStraySeparator() {
        for (path, html) in Self.sample where path.hasSuffix(".html") {
            #expect(!html.contains("</a>; </p>") && !html.contains("; </p>"), "\(path): a list ends with \"; \"")
        }
    }

    @Test func noRoleColumnWhenEveryAssigneeLeads() throws {
        // Every unit leads the sample's task 1.4: no "Vai trò" column, no "Chủ trì" on each row.
        let page = try #require(Self.sample["nhiem-vu/trien-khai-tb-406/1-4.html"])
        #expect(!page.contains("<th scope=\"col\">Vai trò</th>"))
        let rows = page.components(separatedBy: "<tr").filter { $0.contains("scope=\"row\"") }
        #expect(rows.count > 100)
        #expect(rows.allSatisfy { !$0.contains("Chủ trì") })
    }

    @Test func directiveNamedByKindAndNumber() {
        var metadata = DirectiveMetadata()
        metadata.kind = "Công văn"
        metadata.number = "/UBND-NVKTGS"
        #expect(metadata.shortName == "Công văn số …/UBND-NVKTGS")
        metadata.number = "1234/UBND-NVKTGS"
        #expect(metadata.shortName == "Công văn số 1234/UBND-NVKTGS")
        metadata.short = "Công văn sơ kết 01 năm"
        #expect(metadata.shortName == "Công văn sơ kết 01 năm")
        var bare = DirectiveMetadata()
        bare.kind = "Kế hoạch"
        #expect(bare.shortName == "Kế hoạch chưa có số")
        #expect(Self.sample["index.html"]!.contains("Công văn số …/UBND-NVKTGS"))
    }

    @Test func shortNameFromFrontMatter() {
        var diagnostics: [Diagnostic] = []
        let text = "---\nid: cv-x\nshort: Công văn sơ kết\n---\n\n**ỦY BAN NHÂN DÂN**\n\nSố: /UBND-NV\n"
        let (matter, _) = FrontMatter.split(text, file: "x.md", diagnostics: &diagnostics)
        #expect(matter.short == "Công văn sơ kết")
    }

    @Test func identityInHeaderFooterAndFeed() throws {
        let identity = Self.sampleLoaded.identity
        #expect(identity.agency == "Ủy ban nhân dân thành phố Hải Phòng")
        #expect(!identity.contact.isEmpty)
        let home = try #require(Self.sample["index.html"])
        #expect(home.contains("<p class=\"site-agency\">Ủy ban nhân dân thành phố Hải Phòng</p>"))
        #expect(home.contains(identity.contact))
        let feed = try #require(Self.sample["cap-nhat/cap-nhat.xml"])
        #expect(feed.contains("<author><name>Ủy ban nhân dân thành phố Hải Phòng</name></author>"))
        #expect(feed.contains("<title>Cập nhật gần đây — \(identity.title)</title>"))
        // Without site.yaml: no agency line, no empty contact paragraph.
        let mini = try #require(Self.mini["index.html"])
        #expect(!mini.contains("site-agency") && !mini.contains("class=\"contact\""))
    }

    @Test func identityUnknownKeyWarned() {
        var diagnostics: [Diagnostic] = []
        let identity = SiteIdentity.parse("agency: Sở Nội vụ\nagncy: x\ntitle: Theo dõi\n", file: "content/site.yaml", diagnostics: &diagnostics)
        #expect(identity.agency == "Sở Nội vụ")
        #expect(identity.title == "Theo dõi")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.description.contains("content/site.yaml:2") == true)
        #expect(diagnostics.first?.description.contains("agncy") == true)
        #expect(!diagnostics.hasErrors)
        var more: [Diagnostic] = []
        _ = SiteIdentity.parse("agency: [a, b]\n", file: "s.yaml", diagnostics: &more)
        #expect(more.hasErrors)
    }

    @Test func unitPageListsOverdueAndDueSoonFirst() throws {
        let page = try #require(Self.sample["don-vi/so-noi-vu.html"])
        let soon = try #require(page.range(of: "Sắp đến hạn (14 ngày tới)"))
        let rest = try #require(page.range(of: "Các nhiệm vụ khác"))
        #expect(soon.lowerBound < rest.lowerBound)
        // The consolidator's lists are printed: plain lists, not folded <details>.
        #expect(!page.contains("<details"))
        #expect(page.contains("Các đơn vị chưa báo cáo (26), theo thứ tự chữ cái:"))
    }

    @Test(arguments: [
        ("theo Kế hoạch số 192/KH-UBND", "theo Kế hoạch số <span class=\"nowrap\">192/KH-UBND</span>"),
        ("chậm nhất trong ngày 24/6/2026.", "chậm nhất trong ngày <span class=\"nowrap\">24/6/2026</span>."),
        ("Công văn số …/UBND-NVKTGS", "Công văn số <span class=\"nowrap\">…/UBND-NVKTGS</span>"),
        ("<b>1/2</b> & x", "&lt;b&gt;<span class=\"nowrap\">1/2</span>&lt;<span class=\"nowrap\">/b</span>&gt; &amp; x"),
        ("không có số", "không có số"),
    ])
    func codesAndDatesNeverBreakInside(_ text: String, _ html: String) {
        #expect(WholeCodes.html(text) == html)
    }

    @Test func reportNumbersKeptWhole() throws {
        let page = try #require(Self.sample["nhiem-vu/trien-khai-tb-406/1-4.html"])
        #expect(page.contains("Báo cáo số <span class=\"nowrap\">"))
        #expect(page.contains("Hoàn thành ngày <span class=\"nowrap\">"))
    }

    @Test func plainWords() {
        for (path, html) in Self.sample where path.hasSuffix(".html") {
            #expect(!html.contains("lượt đơn vị × nhiệm vụ"), "\(path)")
            #expect(!html.contains("— thêm vào ứng dụng lịch"), "\(path)")
        }
    }
}
