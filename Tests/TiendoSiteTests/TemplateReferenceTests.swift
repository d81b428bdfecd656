import Foundation
import Mustache
import Testing
import TiendoCore
@testable import TiendoSite

/// The site renders its templates with its own compiled renderer
/// (TemplateLibrary). swift-mustache, the library the theme was written
/// for, is kept here as the reference: whole sites and a table of small
/// templates must come out byte for byte as it renders them.
@Suite struct TemplateReferenceTests {
    // MARK: Whole sites

    @Test(arguments: ["mini", "sample"])
    func siteRendersAsTheReferenceDoes(_ name: String) throws {
        let content = name == "mini" ? Support.miniContent : Support.sampleContent
        let tracker = try #require(Support.loaded(content).tracker)
        let theme = Support.theme
        var reference = theme
        reference.renderer = try MustacheReference(theme: theme)
        let compiled = SiteBuilder(tracker: tracker, theme: theme).build(threads: 2)
        let expected = SiteBuilder(tracker: tracker, theme: reference).build(threads: 2)
        #expect(compiled.map(\.path) == expected.map(\.path))
        var compared = 0
        for (mine, theirs) in zip(compiled, expected) where mine.path.hasSuffix(".html") {
            compared += 1
            if mine.bytes != theirs.bytes {
                let offset = zip(mine.bytes, theirs.bytes).prefix { $0 == $1 }.count
                let context = { (bytes: [UInt8]) in String(decoding: bytes[max(0, offset - 60)..<min(bytes.count, offset + 60)], as: UTF8.self) }
                Issue.record("\(mine.path) differs at byte \(offset):\n  compiled:  \(context(mine.bytes))\n  reference: \(context(theirs.bytes))")
            }
        }
        #expect(compared > 10)
    }

    // MARK: Small templates, both renderers

    struct Item: ViewModel {
        let name: String
        let count: Int
        let on: Bool
    }

    struct Model: ViewModel {
        let title: String
        let html: String
        let empty: String
        let zero: Int
        let yes: Bool
        let no: Bool
        let items: [Item]
        let none: [Item]
        let words: [String]
        let child: Item
    }

    static let model = Model(
        title: "Tiến độ <b> & \"x\" 'y'", html: "<em>đậm</em>", empty: "", zero: 0, yes: true, no: false,
        items: [Item(name: "Xã A", count: 1, on: true), Item(name: "Phường B", count: 2, on: false)],
        none: [], words: ["một", "hai"], child: Item(name: "con", count: 7, on: true))

    static let snippets: [String] = [
        "{{title}}|{{{title}}}|{{&title}}|{{html}}|{{{html}}}",
        "{{zero}} {{yes}} {{no}} {{missing}}|",
        "{{#items}}<li>{{name}} {{count}}{{#on}}!{{/on}}{{^on}}?{{/on}} {{title}}</li>{{/items}}",
        "{{^none}}không có{{/none}}{{#none}}x{{/none}}{{^items}}x{{/items}}",
        "{{#words}}[{{.}}]{{/words}}",
        "{{#child}}{{name}}-{{count}}-{{title}}{{/child}} {{child.name}} {{child.count}} {{#child}}{{.name}}|{{.title}}{{/child}}",
        "{{#empty}}rỗng vẫn vào{{/empty}}{{^empty}}x{{/empty}}{{#zero}}0 vẫn vào{{/zero}}{{^missing}}thiếu{{/missing}}",
        "{{#title}}{{.}}{{/title}}",
        "<ul>\n  {{#items}}\n  <li>{{name}}</li>\n  {{/items}}\n</ul>\n",
        "a\n  {{! chú thích }}  \nb {{! giữa dòng }} c\n",
        "x\n{{#yes}}\r\nwindows\r\n{{/yes}}\r\ny",
        "  {{#yes}} không đứng riêng {{/yes}}\n",
        "{{=<% %>=}}<% title %> {{title}} <%={{ }}=%>{{title}}",
        "{{#items}}{{#child}}{{name}}{{/child}}{{/items}}",
        "  {{>part}}\n{{>part}}|{{#items}}  {{>part}}\n{{/items}}",
        "tail without newline {{#yes}}",
    ]

    static let part = "<p>{{name}}</p>\n<p>{{title}}</p>\n"

    @Test(arguments: snippets.indices)
    func snippetRendersAsTheReferenceDoes(_ index: Int) throws {
        let source = Self.snippets[index]
        let sources = ["page": Array(source.utf8), "part": Array(Self.part.utf8)]
        let mine: [UInt8]
        do {
            mine = try TemplateLibrary(sources: sources, pages: ["page"]).render("page", Self.model, sizeHint: 0)
        } catch {
            // A template the reference reads must compile here too, except an unclosed section at the end.
            #expect(index == Self.snippets.count - 1, "\(error)")
            return
        }
        var library = MustacheLibrary()
        for (name, text) in sources {
            library.register(try MustacheTemplate(string: String(decoding: text, as: UTF8.self)), named: name)
        }
        let theirs = library.render(Self.model, withTemplate: "page") ?? ""
        #expect(String(decoding: mine, as: UTF8.self) == theirs, "template: \(source.debugDescription)")
    }

    // MARK: What the reference would accept silently, or not at all

    func compileError(_ source: String, extra: [String: String] = [:]) -> TemplateLibrary.CompileError? {
        var sources = ["page": Array(source.utf8)]
        for (name, text) in extra { sources[name] = Array(text.utf8) }
        do {
            _ = try TemplateLibrary(sources: sources, pages: ["page"])
            return nil
        } catch {
            return error
        }
    }

    @Test func errorsNameTheTemplateAndLine() {
        let unclosed = compileError("a\nb\n{{#items}}\nc\n")
        #expect(unclosed == .init(template: "page", line: 3, message: "thẻ mở {{#items}} chưa được đóng bằng {{/items}}"))
        let mismatched = compileError("{{#a}}\n{{^b}}\n{{/a}}\n{{/b}}")
        #expect(mismatched?.line == 3)
        #expect(mismatched?.message == "thẻ đóng {{/a}} không khớp thẻ mở {{^b}} ở dòng 2")
        #expect(compileError("x {{/a}}")?.message == "thẻ đóng {{/a}} không có thẻ mở {{#a}} tương ứng")
        #expect(compileError("x\n{{title")?.line == 2)
        #expect(compileError("{{upper(title)}}")?.message.contains("biến đổi") == true)
        #expect(compileError("{{%PRAGMA}}")?.message.contains("không được hỗ trợ") == true)
        #expect(compileError("{{<parent}}{{/parent}}")?.message.contains("không được hỗ trợ") == true)
        #expect(compileError("{{ }}")?.message == "thẻ không có tên")
        #expect(compileError("{{tên}}")?.message.contains("không hợp lệ") == true)
    }

    @Test func partialsMustExistAndNotIncludeThemselves() {
        let missing = compileError("a\n{{>nope}}")
        #expect(missing == .init(template: "page", line: 2, message: "mẫu con {{>nope}} không có trong templates/ (cần tệp nope.mustache)"))
        let loop = compileError("{{>a}}", extra: ["a": "x\n{{>b}}", "b": "{{>a}}"])
        #expect(loop?.template == "b")
        #expect(loop?.message.contains("page → a → b → a") == true)
        let inner = compileError("{{>a}}", extra: ["a": "ok\n{{#x}}"])
        #expect(inner == .init(template: "a", line: 2, message: "thẻ mở {{#x}} chưa được đóng bằng {{/x}}"))
    }

    @Test func themeReportsTheFileAndLine() throws {
        let folder = Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: Support.repository + "/theme", toPath: folder + "/theme")
        let unit = folder + "/theme/templates/unit.mustache"
        try ("<p>\n{{#tasks}}\n" as String).write(toFile: unit, atomically: false, encoding: .utf8)
        #expect {
            _ = try Theme(directory: folder + "/theme")
        } throws: { error in
            "\(error)" == "\(unit):2: mẫu trang viết sai: thẻ mở {{#tasks}} chưa được đóng bằng {{/tasks}}"
        }
    }

    @Test func themeMayAddItsOwnPartials() throws {
        let folder = Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: Support.repository + "/theme", toPath: folder + "/theme")
        let templates = folder + "/theme/templates/"
        try "<footer>{{siteName}}</footer>".write(toFile: templates + "chan-trang.mustache", atomically: false, encoding: .utf8)
        let layout = try String(contentsOfFile: templates + "layout.mustache", encoding: .utf8)
        try layout.replacingOccurrences(of: "</body>", with: "{{>chan-trang}}</body>")
            .write(toFile: templates + "layout.mustache", atomically: false, encoding: .utf8)
        let theme = try Theme(directory: folder + "/theme")
        let tracker = try #require(Support.loaded(Support.miniContent).tracker)
        let home = try #require(SiteBuilder(tracker: tracker, theme: theme).build().first { $0.path == SitePaths.home })
        #expect(String(decoding: home.bytes, as: UTF8.self).contains("<footer>Theo dõi tiến độ thực hiện văn bản chỉ đạo</footer></body>"))
    }
}

/// swift-mustache over the theme's own template text. Page templates use a
/// content type that escapes by bytes, as the site's renderer does (the
/// library's default compares whole characters, so it would leave a quote
/// followed by a combining mark unescaped).
struct MustacheReference: PageRenderer {
    let library: MustacheLibrary

    init(theme: Theme) throws {
        _ = ByteEscape.registered
        var library = MustacheLibrary()
        for (name, source) in theme.templateSources {
            let pragma = Theme.pageTemplates.contains(name) ? "{{% CONTENT_TYPE: \(ByteEscape.name)}}" : ""
            library.register(try MustacheTemplate(string: pragma + String(decoding: source, as: UTF8.self)), named: name)
        }
        self.library = library
    }

    func render(_ template: String, _ model: any ViewModel, sizeHint: Int) -> [UInt8] {
        Array((library.render(model, withTemplate: template) ?? "").utf8)
    }

    struct ByteEscape: MustacheContentType {
        static let name = "TIENDO_REFERENCE_HTML"
        static let registered: Void = { MustacheContentTypes.register(ByteEscape(), named: name) }()
        func escapeText(_ text: String) -> String { HTML.escape(text) }
    }
}

extension RenderedMarkup: MustacheCustomRenderable {
    public var renderText: String { String(decoding: bytes, as: UTF8.self) }
    public var isNull: Bool { false }
}
