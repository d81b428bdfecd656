import Foundation
import Testing
import TiendoMarkdown
@testable import TiendoCore

/// Directives and notes come from outside: whatever they contain, what the
/// core renders must be inert. Checked the way a browser reads the HTML:
/// every "<" cmark writes starts a tag (text "<" is escaped), so the tags
/// and their attributes are scanned, entities decoded, and each link's
/// scheme taken as a browser takes it (tabs and newlines removed, leading
/// control characters and spaces ignored).
enum Inert {
    static let activeElements: Set<String> = ["script", "iframe", "object", "embed", "svg", "math", "style", "form",
                                              "meta", "link", "base", "frame", "frameset", "applet", "template", "img"]

    /// What makes `html` active, if anything; empty when inert.
    /// Local images are allowed by the caller (`allowImages`).
    static func problems(_ html: String, allowLocalImages: Bool = true) -> [String] {
        var problems: [String] = []
        let scalars = Array(html.unicodeScalars)
        var i = 0
        while i < scalars.count {
            guard scalars[i] == "<" else { i += 1; continue }
            i += 1
            if scalars[i...].starts(with: "!--".unicodeScalars) {
                var j = i + 3
                while j + 2 < scalars.count, !(scalars[j] == "-" && scalars[j + 1] == "-" && scalars[j + 2] == ">") { j += 1 }
                let comment = String(String.UnicodeScalarView(scalars[i..<min(j, scalars.count)]))
                if comment != "!-- raw HTML omitted " { problems.append("comment <\(comment)>") }
                i = j + 3
                continue
            }
            if i < scalars.count, scalars[i] == "/" { i += 1 }
            var name = ""
            while i < scalars.count, scalars[i].properties.isAlphabetic || ("0"..."9").contains(scalars[i]) {
                name.unicodeScalars.append(scalars[i]); i += 1
            }
            let tag = name.lowercased()
            var attributes: [(String, String)] = []
            while i < scalars.count, scalars[i] != ">" {
                if scalars[i] == " " || scalars[i] == "/" || scalars[i] == "\n" { i += 1; continue }
                var attribute = ""
                while i < scalars.count, !" =>/\n".unicodeScalars.contains(scalars[i]) {
                    attribute.unicodeScalars.append(scalars[i]); i += 1
                }
                var value = ""
                if i < scalars.count, scalars[i] == "=" {
                    i += 1
                    guard i < scalars.count, scalars[i] == "\"" else { problems.append("unquoted attribute \(attribute)"); break }
                    i += 1
                    while i < scalars.count, scalars[i] != "\"" { value.unicodeScalars.append(scalars[i]); i += 1 }
                    i += 1
                }
                attributes.append((attribute.lowercased(), decodeEntities(value)))
            }
            i += 1
            if activeElements.contains(tag), !(tag == "img" && allowLocalImages) { problems.append("element <\(tag)>") }
            for (attribute, value) in attributes {
                if attribute.hasPrefix("on") { problems.append("event attribute \(attribute) on <\(tag)>") }
                if !["href", "src", "alt", "title", "start", "class", "id", "align", "scope", "colspan", "rowspan"].contains(attribute) {
                    problems.append("attribute \(attribute) on <\(tag)>")
                }
                if attribute == "href" || attribute == "src", let scheme = browserScheme(value),
                   !["http", "https", "mailto"].contains(scheme) || attribute == "src" {
                    problems.append("\(attribute) with scheme \(scheme): on <\(tag)>")
                }
                if attribute == "href" || attribute == "src", value.hasPrefix("//") { problems.append("protocol-relative \(attribute)") }
            }
        }
        return problems
    }

    static func decodeEntities(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            guard let semi = rest[amp...].firstIndex(of: ";") else { out += rest[amp...]; return out }
            let entity = rest[rest.index(after: amp)..<semi]
            switch entity {
            case "amp": out += "&"
            case "quot": out += "\""
            case "lt": out += "<"
            case "gt": out += ">"
            case "#39", "apos": out += "'"
            default:
                if entity.hasPrefix("#x") || entity.hasPrefix("#X"), let code = UInt32(entity.dropFirst(2), radix: 16), let s = Unicode.Scalar(code) {
                    out.unicodeScalars.append(s)
                } else if entity.hasPrefix("#"), let code = UInt32(entity.dropFirst()), let s = Unicode.Scalar(code) {
                    out.unicodeScalars.append(s)
                } else {
                    out += "&" + entity + ";"
                }
            }
            rest = rest[rest.index(after: semi)...]
        }
        return out + rest
    }

    /// `html` without the visible text of the one hostile autolink in the
    /// fixtures, "<javascript:alert(10)>", whose words are kept as text
    /// (what the author typed), not as a link.
    static func withoutAutolinkText(_ html: String) -> String {
        html.replacingOccurrences(of: "javascript:alert(10)", with: "")
    }

    /// The scheme a browser would see: ASCII tab and newlines removed
    /// anywhere, leading C0 controls and spaces dropped; nil if relative.
    static func browserScheme(_ url: String) -> String? {
        var scalars = url.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }
        while let first = scalars.first, first.value <= 0x20 { scalars.removeFirst() }
        let text = String(String.UnicodeScalarView(scalars))
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let candidate = text[..<colon]
        guard let first = candidate.first, first.isASCII, first.isLetter,
              candidate.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) else { return nil }
        return candidate.lowercased()
    }
}

@Suite("Nội dung độc hại không chạy được")
struct MarkdownSafetyTests {
    static let file = "hostile/hostile.md"

    static func output() throws -> DirectiveReader.Output {
        let text = try Fixture.text(file)
        return DirectiveReader(register: Fixture.register).read(text, file: file, defaultID: "hostile", renderHTML: true)
    }

    static func leaves(_ blocks: [MarkdownBlock]) -> [MarkdownBlock] {
        blocks.flatMap { $0.children.isEmpty ? [$0] : leaves($0.children) }
    }

    @Test("the scanner itself sees what a browser would run")
    func scannerCatchesActiveContent() {
        #expect(Inert.problems("<p>an toàn &lt;script&gt; <a href=\"https://haiphong.gov.vn\">x</a></p>").isEmpty)
        #expect(!Inert.problems("<script>alert(1)</script>").isEmpty)
        #expect(!Inert.problems("<a href=\"&#106;avascript:alert(1)\">x</a>").isEmpty)
        #expect(!Inert.problems("<a href=\"java\tscript:alert(1)\">x</a>").isEmpty)
        #expect(!Inert.problems("<a href=\"\u{01}javascript:alert(1)\">x</a>").isEmpty)
        #expect(!Inert.problems("<p title=\"x\" onmouseover=\"alert(1)\">x</p>").isEmpty)
        #expect(!Inert.problems("<svg onload=alert(1)>").isEmpty)
        #expect(!Inert.problems("<img src=\"https://evil.example/x.png\" />").isEmpty)
    }

    @Test("a directive full of scripts, event attributes and javascript: links renders inert, block by block")
    func directiveBlocks() throws {
        let output = try Self.output()
        let blocks = Self.leaves(output.directive.blocks)
        #expect(blocks.count >= 10)
        for block in blocks {
            #expect(Inert.problems(block.html).isEmpty, "\(Inert.problems(block.html)) in \(block.html)")
            #expect(!Inert.withoutAutolinkText(block.html).lowercased().contains("javascript:"), "\(block.html)")
            #expect(!block.html.lowercased().contains("vbscript:"), "\(block.html)")
            #expect(!block.html.lowercased().contains("<script"), "\(block.html)")
        }
        // The tasks are still read, with their deadlines, despite the markup.
        #expect(output.directive.tasks.map(\.id) == ["1.1", "1.2", "1.3", "1.4", "1.5", "2.1", "2.2"])
        #expect(output.directive.tasks.first?.deadline?.due == .iso("2026-06-24"))
    }

    @Test("each task's text, the whole file, each line and each table cell render inert")
    func tasksLinesAndCells() throws {
        let output = try Self.output()
        let text = try Fixture.text(Self.file)
        var rendered = output.directive.tasks.map { Markdown.html($0.text) } + [Markdown.html(text)]
        rendered += text.split(separator: "\n").map { Markdown.inlineHTML(String($0)) }
        let tableLines = output.directive.bodyLines.filter { $0.hasPrefix("|") }
        let table = try #require(PipeTable.parse(lines: tableLines, firstLine: 1))
        rendered += (table.header + table.rows.flatMap { $0 }).map(Markdown.inlineHTML)
        for html in rendered {
            #expect(Inert.problems(html).isEmpty, "\(Inert.problems(html)) in \(html)")
            let lowered = Inert.withoutAutolinkText(html).lowercased()
            #expect(!lowered.contains("javascript:") && !lowered.contains("<script") && !lowered.contains("<svg")
                    && !lowered.contains("<iframe") && !lowered.contains("onerror") && !lowered.contains("onload="), "\(html)")
        }
        // What the author wrote around the raw HTML is still there, as text.
        let task2 = try #require(output.directive.tasks[id: "1.2"])
        #expect(Markdown.html(task2.text).contains("Tổng hợp &quot;&gt;"))
        // Safe links survive; the title's quote stays inside its attribute.
        let task5 = try #require(output.directive.tasks[id: "1.5"])
        #expect(Markdown.html(task5.text).contains("<a href=\"https://haiphong.gov.vn\" title=\"&quot; onmouseover=&quot;alert(14)\">tiêu đề</a>"))
    }

    static let notes: [String] = [
        "<script>alert(1)</script>",
        "\"><svg onload=alert(1)>",
        "Đã gửi <img src=x onerror=alert(1)>",
        "[bấm](javascript:alert(1))",
        "[bấm](  javascript:alert(1))",
        "[bấm](<java\tscript:alert(1)>)",
        "[bấm](&#x6A;avascript:alert(1))",
        "<javascript:alert(10)>",
        "<a href=\"javascript:alert(1)\">bấm</a>",
        "[bấm][r]\n\n[r]: javascript:alert(1)",
        "![ảnh](javascript:alert(1))",
        "[bấm](https://x.example \"\\\" onclick=\\\"alert(1)\")",
        "<style>body{display:none}</style>",
        "<!-- --><script>alert(1)</script>",
        "`<script>` là mã, không chạy",
    ]

    @Test("a note (rendered inline) never carries active content", arguments: notes)
    func note(_ note: String) {
        for html in [Markdown.inlineHTML(note), Markdown.html(note)] {
            #expect(Inert.problems(html).isEmpty, "\(Inert.problems(html)) in \(html)")
            #expect(!Inert.withoutAutolinkText(html).lowercased().contains("javascript:"), "\(html)")
            #expect(!html.contains("href=\"\""), "a forbidden link is plain text, not a dead link: \(html)")
        }
    }

    @Test("a one-paragraph note loses its <p>; a note of several paragraphs keeps them")
    func inlineNotes() {
        #expect(Markdown.inlineHTML("Đã gửi **báo cáo**") == "Đã gửi <strong>báo cáo</strong>")
        #expect(Markdown.inlineHTML("Đoạn một\n\nĐoạn hai") == "<p>Đoạn một</p>\n<p>Đoạn hai</p>")
        #expect(Markdown.inlineHTML("Ghi `<p>` trong mã") == "Ghi <code>&lt;p&gt;</code> trong mã")
        #expect(Markdown.inlineHTML("") == "")
    }

    @Test("a forbidden link keeps its words as plain text; a tab inside the scheme fools nobody")
    func forbiddenLinksBecomeText() {
        #expect(Markdown.inlineHTML("Xem [danh sách](javascript:alert(1)) nhé") == "Xem danh sách nhé")
        #expect(Markdown.inlineHTML("[thẻ tab](<java\tscript:alert(8)>)") == "thẻ tab")
        #expect(Markdown.inlineHTML("![ảnh](javascript:alert(1))") == "ảnh")
        #expect(Markdown.inlineHTML("[**đậm** và `mã`](data:text/html,x)") == "<strong>đậm</strong> và <code>mã</code>")
        // The autolink's visible text is what the author typed: text, not a link.
        #expect(Markdown.inlineHTML("<javascript:alert(10)>") == "javascript:alert(10)")
        #expect(Markdown.inlineHTML("[trang](../don-vi/index.html)") == "<a href=\"../don-vi/index.html\">trang</a>")
    }
}
