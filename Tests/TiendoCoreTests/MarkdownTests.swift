import Testing
import TiendoMarkdown

/// The one door to libcmark: Sendable values out, safe HTML always,
/// Vietnamese text never truncated, positions kept for diagnostics.
@Suite("Markdown (libcmark)")
struct MarkdownTests {
    @Test("Vietnamese text is rendered whole (lengths are bytes, not characters)")
    func vietnameseWhole() {
        let text = "Ủy ban nhân dân thành phố Hải Phòng yêu cầu **chậm nhất trong ngày 24/6/2026** hoàn thành."
        #expect(Markdown.html(text) == "<p>Ủy ban nhân dân thành phố Hải Phòng yêu cầu <strong>chậm nhất trong ngày 24/6/2026</strong> hoàn thành.</p>\n")
        #expect(Markdown.inlineHTML(text).hasSuffix("hoàn thành."))
    }

    static let unsafe: [(String, String)] = [
        ("<script>alert(1)</script>", "<script"),
        ("Xin chào <b onclick=\"x()\">bạn</b>", "onclick"),
        ("[bấm](javascript:alert(1))", "javascript:"),
        ("[bấm](JavaScript:alert(1))", "avascript:"),
        ("[tệp](file:///etc/passwd)", "file:"),
        ("[dữ liệu](data:text/html;base64,PHNjcmlwdD4=)", "data:"),
        ("[ngoài](//evil.example/x)", "evil.example"),
        ("![ảnh](https://example.com/a.png)", "<img"),
    ]

    @Test("safe mode: raw HTML dropped, unsafe links emptied, nothing loaded from outside", arguments: unsafe)
    func safe(_ source: String, _ forbidden: String) {
        #expect(!Markdown.html(source).contains(forbidden), "\(Markdown.html(source))")
    }

    @Test("ordinary links and local images stay")
    func allowed() {
        #expect(Markdown.html("[Cổng](https://haiphong.gov.vn)").contains("href=\"https://haiphong.gov.vn\""))
        #expect(Markdown.html("[thư](mailto:snv@haiphong.gov.vn)").contains("href=\"mailto:snv@haiphong.gov.vn\""))
        #expect(Markdown.html("[trang](../don-vi/index.html)").contains("href=\"../don-vi/index.html\""))
        #expect(Markdown.html("![sơ đồ](so-do.png)").contains("<img src=\"so-do.png\" alt=\"sơ đồ\" />"))
        // An outside image keeps what it meant to show, as a link.
        #expect(Markdown.html("![ảnh](https://example.com/a.png)") == "<p><a href=\"https://example.com/a.png\">ảnh</a></p>\n")
    }

    @Test("inline HTML drops the paragraph around a single paragraph only")
    func inline() {
        #expect(Markdown.inlineHTML("Đã gửi **đúng hạn**") == "Đã gửi <strong>đúng hạn</strong>")
        #expect(Markdown.inlineHTML("Một\n\nHai") == "<p>Một</p>\n<p>Hai</p>")
        #expect(Markdown.inlineHTML("") == "")
    }

    @Test("blocks with kinds, lines and columns")
    func blocks() {
        let source = "---\n\n**1. Sở Nội vụ**\n\n   Đoạn thụt lề\n\n## 2. Sở Tài chính\n\n- Một\n- Hai\n"
        let blocks = Markdown.parse(source, renderHTML: true)
        #expect(blocks.map(\.kind) == [.thematicBreak, .paragraph, .paragraph, .heading(level: 2), .list(ordered: false, start: 0, tight: true)])
        #expect(blocks.map(\.startLine) == [1, 3, 5, 7, 9])
        #expect(blocks[4].endLine == 10)
        #expect(blocks[4].children.map(\.kind) == [.item, .item])
        #expect(blocks[4].children[1].children.first?.text == "Hai")
        #expect(blocks[2].startColumn == 4)
        #expect(blocks[1].html == "<p><strong>1. Sở Nội vụ</strong></p>\n")
        #expect(Markdown.parse(source).allSatisfy { $0.html.isEmpty })
    }

    static let strong: [(String, Bool)] = [
        ("**1. Sở Nội vụ**", true),
        ("**ỦY BAN NHÂN DÂN  \nTHÀNH PHỐ HẢI PHÒNG**", true),
        ("**TM. ỦY BAN NHÂN DÂN**  \n**KT. CHỦ TỊCH**", true),
        ("**Nơi nhận:**", true),
        ("**a** và b", false),
        ("Hoàn thành **chậm nhất trước ngày 27/6/2026**.", false),
        ("*1. Sở Nội vụ*", false),
        ("Không đậm", false),
    ]

    @Test("a paragraph all in bold is recognised (how untidy drafts mark headings)", arguments: strong)
    func allStrong(_ source: String, _ expected: Bool) {
        #expect(Markdown.parse(source).first?.isAllStrong == expected)
    }

    @Test("line breaks are kept in block text; the text is what a reader sees")
    func text() {
        let block = Markdown.parse("Dòng một  \nDòng **hai** và `mã` [liên kết](x.html)\n").first
        #expect(block?.text == "Dòng một\nDòng hai và mã liên kết")
    }

    @Test("a thousand parses in a row do not leak or crash")
    func repeated() {
        for _ in 0..<1000 { _ = Markdown.parse("- **Hải Phòng** [x](javascript:y) ![a](https://b/c.png)", renderHTML: true) }
    }
}
