import Foundation
import Testing
import TiendoMarkdown
@testable import TiendoCore

/// Inputs libFuzzer found (Fuzz/run), kept in Fixtures/fuzz-regressions/
/// TARGET: each runs through the function it broke, which must return and
/// keep the property the fuzz target checks. Some files are the fuzzer's
/// crash input as saved; others are the same fault cut down by hand.
@Suite("Đầu vào do fuzzing tìm ra")
struct FuzzRegressionTests {
    static func files(_ target: String) -> [String] {
        let folder = Fixture.root.appendingPathComponent("fuzz-regressions/\(target)")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    static func bytes(_ target: String, _ file: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: Fixture.root.appendingPathComponent("fuzz-regressions/\(target)/\(file)")))
    }

    /// A cell in quotes with its quotes doubled, over Unicode scalars (a
    /// quote followed by a combining mark is one Character, not "\"").
    static func quoted(_ cell: String) -> String {
        var out = String.UnicodeScalarView()
        out.append("\"")
        for scalar in cell.unicodeScalars {
            out.append(scalar)
            if scalar == "\"" { out.append("\"") }
        }
        out.append("\"")
        return String(out)
    }

    @Test("status files: read or refused, never a crash; a table written back reads the same", arguments: files("csv"))
    func statusFile(_ file: String) throws {
        let bytes = try Self.bytes("csv", file)
        guard case .success(let table) = CSVTable.read(bytes) else { return }
        if let first = table.rows.first, first.cells.count > 1 {
            let csv = table.rows.map { $0.cells.map(Self.quoted).joined(separator: String(table.separator)) }.joined(separator: "\r\n")
            #expect(try CSVTable.read(Array(csv.utf8)).get().rows.map(\.cells) == table.rows.map(\.cells))
        }
        let reader = StatusReaderTests.reader
        _ = reader.read(table, file: file, asOf: nil)
        let sheet = reader.read(table, file: file, asOf: .iso("2026-06-25"), sheet: "Sheet1")
        #expect(sheet.diagnostics.allSatisfy { $0.line == 0 || $0.cell?.hasPrefix("Sheet1!") == true })
    }

    @Test("what each status-file input reads as")
    func statusFileReadings() throws {
        // UTF-16 without a BOM that decodes to a zero character: not text.
        #expect(CSVTable.read(try Self.bytes("csv", "utf16-with-zero-character.csv")).failure == .binary(line: 4))
        // A quote inside an unquoted cell is kept, even with a combining mark after it.
        #expect(try CSVTable.read(try Self.bytes("csv", "quote-then-combining-mark.csv")).get().rows.map(\.cells)
                == [["so", "ngan\"\u{065F};"]])
        // The separator is guessed over scalars: a combining mark after the
        // opening quote does not hide the quote (";" inside it do not count).
        let mark = try CSVTable.read(try Self.bytes("csv", "separator-guess-combining-mark-after-quote.csv")).get()
        #expect(mark.separator == ",")
        #expect(mark.rows.map(\.cells) == [["\u{0300}x;y;z", "a"], ["b", "c"]])
        // Blank lines before the header do not make the guess fall back to ",".
        let blank = try CSVTable.read(try Self.bytes("csv", "separator-guess-blank-first-lines.csv")).get()
        #expect(blank.separator == ";")
        #expect(blank.rows.map(\.cells) == [["a;b", "c", "d"], ["1", "2", "3"]])
        #expect(blank.rows.map(\.line) == [3, 4])
    }

    static let parsers = [DeadlineParser(), DeadlineParser(documentDate: .iso("2026-06-20"))]

    @Test("deadline phrases: any text returns, any day given exists", arguments: files("deadline"))
    func deadline(_ file: String) throws {
        let text = String(decoding: try Self.bytes("deadline", file), as: UTF8.self)
        for parser in Self.parsers {
            for labelled in [false, true] {
                if let due = parser.parse(text, labelled: labelled).deadline?.due {
                    #expect(CivilDate(year: due.year, month: due.month, day: due.day) == due)
                }
            }
        }
    }

    @Test("digits that are not ASCII are not read as a day (ICU's \\d matched them, Int() did not: a crash)")
    func nonASCIIDigits() throws {
        for file in ["fullwidth-digit-in-date.txt", "arabic-indic-digits.txt", "fullwidth-digits-written-date.txt"] {
            let text = String(decoding: try Self.bytes("deadline", file), as: UTF8.self)
            let result = DeadlineParser(documentDate: .iso("2026-06-20")).parse(text)
            #expect(result.deadline?.kind != .on && result.deadline?.kind != .before, "\(file): \(String(describing: result.deadline))")
        }
        // ASCII digits beside them still read.
        #expect(DeadlineParser().parse("hạn ٢٤/٦/٢٠٢٦, chậm nhất ngày 24/6/2026").deadline?.due == .iso("2026-06-24"))
    }

    /// The frontmatter target's check once counted only "\n" as a line end;
    /// lone carriage returns end lines for YAML and for the reader alike.
    @Test("front matter: any YAML returns, diagnostics fall on a line of the file", arguments: files("frontmatter"))
    func frontMatter(_ file: String) throws {
        let yaml = String(decoding: try Self.bytes("frontmatter", file), as: UTF8.self)
        let document = "---\n" + yaml + "\n---\n# Văn bản\n"
        let lines = document.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).count
        let output = Fixture.read(document, file: "dau-tep.md")
        #expect(output.diagnostics.allSatisfy { $0.file == "dau-tep.md" && $0.line <= lines + 1 }, "\(output.diagnostics)")
        var diagnostics: [Diagnostic] = []
        _ = UnitRegisterFile.parse(yaml, file: "units.yaml", diagnostics: &diagnostics)
        #expect(diagnostics.allSatisfy { $0.file == "units.yaml" })
    }

    @Test("directives: any Markdown returns, ids are unique, rendered HTML is inert", arguments: files("directive"))
    func directive(_ file: String) throws {
        let text = String(decoding: try Self.bytes("directive", file), as: UTF8.self)
        let output = DirectiveReader(register: Fixture.register).read(text, file: file, defaultID: "fuzz", renderHTML: true)
        let ids = output.directive.tasks.map(\.id)
        #expect(Set(ids).count == ids.count)
        for block in MarkdownSafetyTests.leaves(output.directive.blocks) {
            #expect(Inert.problems(block.html).isEmpty, "\(block.html)")
        }
        #expect(Inert.problems(Markdown.html(text)).isEmpty)
    }
}
