import Foundation
import Testing
@testable import TiendoCore
import TiendoMarkdown

/// The tokenizer behind both the reader's view of an HTML table and the
/// table the directive page shows: only text, line breaks, bold, italics
/// and bounded spans come out, whatever the HTML holds, in linear time.
@Suite("Bảng HTML trong văn bản")
struct HTMLTableTests {
    static func read(_ html: String, firstLine: Int = 1) throws -> HTMLTable {
        try #require(HTMLTable.read(lines: html.components(separatedBy: "\n"), firstLine: firstLine))
    }

    static func texts(_ table: HTMLTable) -> [[String]] { table.rows.map { $0.cells.map(\.text) } }

    @Test("hostile cells keep their words and nothing else: no script, handler, style, link or image")
    func hostileCells() throws {
        let table = try Self.read("""
            <table>
            <tr><th>STT</th><th>Nội dung</th></tr>
            <tr><td>1</td><td style="background:url(http://x.example/a)" onclick="alert(1)">Rà soát <script>alert('x')</script>hồ sơ</td></tr>
            <tr><td>2</td><td><img src="http://x.example/a.png" onerror="alert(2)"><a href="http://x.example/">theo hướng dẫn</a> &lt;script&gt;alert(3)&lt;/script&gt;</td></tr>
            <tr><td>3</td><td><style>td { color: red }</style>Chữ<iframe src="javascript:alert(4)"></iframe> &amp;lt; &#60;b&#62; &#0; &#x1F;</td></tr>
            </table>
            """)
        #expect(Self.texts(table) == [
            ["STT", "Nội dung"],
            ["1", "Rà soát hồ sơ"],
            ["2", "theo hướng dẫn <script>alert(3)</script>"],
            ["3", "Chữ &lt; <b> \u{FFFD} \u{FFFD}"],
        ])
        // What the page escapes is text: "<script>" decoded from entities never is a tag.
        #expect(table.rows.allSatisfy { $0.cells.allSatisfy { $0.rowspan == 1 && $0.colspan == 1 } })
    }

    @Test("line breaks, paragraphs, bold and italics are kept as lines and runs")
    func linesAndEmphasis() throws {
        let table = try Self.read("""
            <table><tr><th>A</th><th>B</th></tr>
            <tr><td><p>Một   <strong>hai</strong></p><p><em>ba</em>  bốn</p></td><td>Sở Nội vụ,<br/>Sở Tài chính<br></td></tr></table>
            """)
        let cell = table.rows[1].cells[0]
        #expect(cell.lines == [
            [.init(text: "Một ", isStrong: false, isEmphasis: false), .init(text: "hai", isStrong: true, isEmphasis: false)],
            [.init(text: "ba", isStrong: false, isEmphasis: true), .init(text: " bốn", isStrong: false, isEmphasis: false)],
        ])
        #expect(cell.text == "Một hai<br>ba bốn")
        #expect(table.rows[1].cells[1].text == "Sở Nội vụ,<br>Sở Tài chính")
    }

    @Test("spans are whole numbers from 1 to 1000, whatever the attribute says",
          arguments: [("2", 2), ("\"3\"", 3), ("'1000'", 1000), ("99999999", 1000), ("0", 1), ("-4", 1), ("x", 1), ("\"\"", 1)])
    func spans(_ written: String, _ expected: Int) throws {
        let table = try Self.read("<table><tr><td colspan=\(written) rowspan=\(written)>a</td><td data-colspan=\"9\">b</td></tr></table>")
        #expect(table.rows[0].cells.map(\.colspan) == [expected, 1])
        #expect(table.rows[0].cells.map(\.rowspan) == [expected, 1])
    }

    @Test("unclosed rows and cells end where the next one starts, as a browser ends them")
    func unclosedTags() throws {
        let table = try Self.read("<table><tr><td>a<td><b>b<tr><td>c<td>d")
        #expect(Self.texts(table) == [["a", "b"], ["c", "d"]])
        #expect(table.rows[1].cells[0].lines[0][0].isStrong == false, "bold ends with its cell")
        #expect(HTMLTable.read(lines: ["<div><p>không có bảng</p></div>"], firstLine: 1) == nil)
        #expect(try Self.texts(Self.read("<table><tr><td>a</td><td>b <!-- ghi chú <td>x</td> --></td></tr><tr><td")) == [["a", "b"], [""]])
    }

    @Test("a table inside a cell gives its text to the cell, row by row; the outer rows stay")
    func nestedTable() throws {
        let table = try Self.read("""
            <table><tr><th>STT</th><th>Nội dung</th></tr>
            <tr><td>1</td><td>Trước<table><tr><td>trong 1</td><td>trong 2</td></tr><tr><td>trong 3</td></tr></table>Sau</td></tr>
            <tr><td>2</td><td>Tiếp</td></tr></table>
            <table><tr><td>bảng thứ hai</td></tr></table>
            """)
        #expect(Self.texts(table) == [["STT", "Nội dung"], ["1", "Trước<br>trong 1 trong 2<br>trong 3<br>Sau"], ["2", "Tiếp"]])
    }

    @Test("rows keep the source line they start on, so task rows and page rows meet")
    func rowLines() throws {
        let table = try Self.read("<table>\n<tr><td>A</td><td>B</td></tr>\n\n<tr><td>1</td>\n<td>2</td></tr>\n<tr><td>1</td><td>2</td></tr></table>", firstLine: 40)
        #expect(table.rows.map(\.line) == [41, 43, 45])
        #expect(table.pipeTable?.rowLines == [43, 45])
    }

    @Test("Vietnamese text comes out in NFC, also when an entity spells the combining mark")
    func nfc() throws {
        let decomposed = "Ha\u{0300} No\u{0302}\u{0323}i"
        let table = try Self.read("<table><tr><td>\(decomposed)</td><td>Ha&#x300; Nội</td></tr></table>")
        #expect(table.rows[0].cells.map(\.text) == ["Hà Nội", "Hà Nội"])
        #expect(table.rows[0].cells.allSatisfy { $0.text.unicodeScalars.elementsEqual($0.text.precomposedStringWithCanonicalMapping.unicodeScalars) })
    }

    @Test("the reader's grid is the page's rows: merged cells repeated down, spread across as empty cells")
    func gridMatchesRows() throws {
        let table = try Self.read("""
            <table><thead><tr><th>STT</th><th>Nhiệm vụ</th><th>Chủ trì</th></tr></thead>
            <tbody><tr><td colspan="3">I. NHÓM</td></tr>
            <tr><td>1</td><td>Việc một</td><td rowspan="2">Sở Tư pháp</td></tr>
            <tr><td>2</td><td>Việc hai</td></tr>
            <tr></tr></tbody></table>
            """)
        let pipe = try #require(table.pipeTable)
        #expect(pipe.header == ["STT", "Nhiệm vụ", "Chủ trì"])
        #expect(pipe.rows == [["I. NHÓM", "", ""], ["1", "Việc một", "Sở Tư pháp"], ["2", "Việc hai", "Sở Tư pháp"]])
        #expect(table.grid.map(\.row) == [0, 1, 2, 3], "the empty <tr> gives no grid row")
        #expect(table.rows.map(\.isHead) == [true, false, false, false, false])
    }

    @Test("a huge table is read in bounded time and kept to the cell limit")
    func hugeTables() throws {
        // About 10 MB each: many plain rows; rows whose tags never close;
        // every cell spanning 1000 columns and rows.
        let plain = "<table>" + String(repeating: "<tr><td>1</td><td>Rà soát hồ sơ</td></tr>\n", count: 250_000) + "</table>"
        let unclosed = "<table>" + String(repeating: "<tr><td>x<td>y", count: 700_000)
        let spread = "<table>" + String(repeating: "<tr><td colspan=1000 rowspan=1000>x</td></tr>", count: 220_000) + "</table>"
        let oneCell = "<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>" + String(repeating: "Rà soát  hồ sơ &amp; <b>báo cáo</b><br>", count: 250_000) + "</td></tr></table>"
        for html in [plain, unclosed, spread, oneCell] {
            let clock = ContinuousClock()
            let started = clock.now
            let table = try Self.read(html)
            let pipe = table.pipeTable
            let elapsed = clock.now - started
            #expect(table.rows.reduce(0) { $0 + $1.cells.count } <= HTMLTable.maximumCells)
            let gridCells = table.grid.reduce(0) { $0 + $1.cells.count }
            #expect(gridCells <= HTMLTable.maximumCells)
            #expect((pipe?.rows.count ?? 0) > 0 || html == spread)
            #expect(elapsed < .seconds(20), "\(html.utf8.count) bytes took \(elapsed)")
            // All but the one huge cell pass the cell limit, and say so.
            #expect((table.isCut || HTMLTable.parseChecked(lines: [html], firstLine: 1).isCut) == (html != oneCell))
        }
    }

    /// Past the cell limit the rows are neither read nor shown: an error on
    /// the table's line says so, never a shorter appendix in silence.
    @Test("a table past the cell limit is an error on its line; one at the limit is not")
    func aTablePastTheLimitIsAnError() {
        func directive(rows: Int) -> String {
            "**I. TỔ CHỨC THỰC HIỆN**\n\n1. Sở Nội vụ theo dõi, đôn đốc.\n\n<table>\n<tr><th>Nhiệm vụ</th><th>Chủ trì</th></tr>\n"
                + String(repeating: "<tr><td>Rà soát hồ sơ</td><td>Sở Tư pháp</td></tr>\n", count: rows) + "</table>\n"
        }
        let limit = HTMLTable.maximumCells / 2 - 1 // rows of two cells under a header of two
        let atLimit = Fixture.read(directive(rows: limit), file: "pl.md")
        #expect(!atLimit.diagnostics.contains { $0.message.contains("bảng HTML") }, "\(atLimit.diagnostics.prefix(3))")
        let past = Fixture.read(directive(rows: limit + 1), file: "pl.md")
        let errors = past.diagnostics.filter { $0.severity == .error && $0.message.contains("bảng HTML có hơn \(HTMLTable.maximumCells) ô") }
        #expect(errors.map(\.line) == [5], "\(past.diagnostics.prefix(3))")
        // A cut in the tokenizer (no closing tags) is found as well as one in the grid.
        let unclosed = "<table>" + String(repeating: "<tr><td>x<td>y", count: HTMLTable.maximumCells)
        #expect(HTMLTable.parseChecked(lines: [unclosed], firstLine: 1).isCut)
        #expect(!HTMLTable.parseChecked(lines: ["<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>"], firstLine: 1).isCut)
    }
}

extension HTMLTableTests {
    @Test("each row fills the columns of its own cells and of merged cells still covering it")
    func occupiedColumns() throws {
        let table = try Self.read("""
            <table><tr><th>A</th><th>B</th><th>C</th><th>D</th></tr>
            <tr><td rowspan="3" colspan="2">x</td><td>y</td></tr>
            <tr><td>z</td><td>w</td></tr>
            <tr></tr>
            <tr><td colspan="4">v</td></tr></table>
            """)
        #expect(table.occupiedColumns == [4, 3, 4, 2, 4])
    }
}

extension HTMLTableTests {
    /// A fixed-seed generator, so a failure replays.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test("tag soup never crashes, and what comes out keeps the bounds")
    func tagSoup() {
        let pieces = ["<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", "<th colspan=3>", "<td rowspan='7'>", "<td colspan=\"1001\" rowspan=0>",
                      "<thead>", "</thead>", "<tbody>", "<b>", "</b>", "<em>", "<br>", "<p>", "</p>", "<!--", "-->", "<script>", "</script>",
                      "<", ">", "&", "&#", "&#x110000;", "&#xD800;", "&lt;", ";", "\"", "'", "\n", "\n\n", " ", "Hà Nội", "a\u{0300}", "1", "x"]
        var random = SplitMix(state: 2026)
        for _ in 0..<3000 {
            let count = Int.random(in: 1...40, using: &random)
            let html = (0..<count).map { _ in pieces.randomElement(using: &random)! }.joined()
            guard let table = HTMLTable.read(lines: html.components(separatedBy: "\n"), firstLine: 1) else { continue }
            for cell in table.rows.flatMap(\.cells) {
                #expect((1...HTMLTable.maximumSpan).contains(cell.rowspan) && (1...HTMLTable.maximumSpan).contains(cell.colspan), "\(html)")
                #expect(!cell.text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" }, "\(html)")
            }
            #expect(table.occupiedColumns.count == table.rows.count)
            if let pipe = table.pipeTable {
                #expect(pipe.rows.allSatisfy { $0.count == pipe.header.count }, "\(html)")
                #expect(pipe.rowLines.allSatisfy { (1...html.split(separator: "\n", omittingEmptySubsequences: false).count).contains($0) }, "\(html)")
            }
        }
    }
}

extension HTMLTableTests {
    static let cutTable = """
        **PHỤ LỤC**

        <table>
        <tr><th>STT</th><th>Nhiệm vụ</th><th>Cơ quan chủ trì</th><th>Thời hạn</th></tr>

        <tr><td>1</td><td>Rà soát văn bản</td><td>Sở Tư pháp</td><td>Quý I/2026</td></tr>
           
        <tr><td>2</td><td>Xây dựng quy chế</td><td>Sở Nội vụ</td><td>Tháng 3/2026</td></tr>
        </table>

        Đoạn sau bảng.
        """

    @Test("a blank line inside an HTML table does not cut it: one block, same lines, every row read")
    func blankLinesInsideATable() throws {
        let blocks = Markdown.parse(Self.cutTable)
        #expect(blocks.map(\.kind) == [.paragraph, .htmlBlock, .paragraph])
        #expect(blocks.map(\.startLine) == [1, 3, 11])
        #expect(blocks[1].endLine == 9)
        let directive = Fixture.read("**I. TỔ CHỨC THỰC HIỆN**\n\n1. Sở Nội vụ theo dõi, đôn đốc.\n\n" + Self.cutTable + "\n").directive
        #expect(directive.tasks.filter { $0.id.hasPrefix("PL") }.map(\.text) == ["Rà soát văn bản", "Xây dựng quy chế"])
    }

    @Test("a table never closed, or text that only mentions <table, keeps cmark's blocks")
    func unclosedTableKeepsBlocks() {
        let unclosed = "<table>\n<tr><td>a</td></tr>\n\nĐoạn văn.\n\n<table><tr><td>b</td></tr></table>\n"
        #expect(Markdown.parse(unclosed).map(\.kind) == [.htmlBlock, .paragraph, .htmlBlock])
        let mention = "Viết `<table>` trong đoạn văn.\n\nĐoạn hai. </table>\n"
        #expect(Markdown.parse(mention).map(\.kind) == [.paragraph, .paragraph])
        let code = "```html\n<table>\n\n</table>\n```\n"
        #expect(Markdown.parse(code).map(\.text) == ["<table>\n\n</table>\n"], "code keeps its blank line")
    }
}
