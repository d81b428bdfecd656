import Foundation
import Testing
@testable import TiendoOffice

/// The converter on small hand-written WordprocessingML: each Word structure
/// and the Markdown it must give.
@Suite struct WordDocumentTests {
    static let ns = #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#

    static func document(_ body: String) -> Data {
        Data(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document \#(ns)><w:body>\#(body)</w:body></w:document>"#.utf8)
    }

    static func markdown(_ body: String, numbering: String? = nil, styles: String? = nil, footnotes: String? = nil) throws -> String {
        let parts = WordParts(document: document(body),
                              styles: styles.map { Data(#"<w:styles \#(ns)>\#($0)</w:styles>"#.utf8) },
                              numbering: numbering.map { Data(#"<w:numbering \#(ns)>\#($0)</w:numbering>"#.utf8) },
                              footnotes: footnotes.map { Data(#"<w:footnotes \#(ns)>\#($0)</w:footnotes>"#.utf8) })
        return try WordDocument.convert(parts).markdown
    }

    static func numbered(_ numID: Int, _ level: Int, _ text: String, bold: Bool = false) -> String {
        let mark = bold ? "<w:rPr><w:b/></w:rPr>" : ""
        let run = bold ? "<w:r><w:rPr><w:b/></w:rPr><w:t>\(text)</w:t></w:r>" : "<w:r><w:t>\(text)</w:t></w:r>"
        return #"<w:p><w:pPr><w:numPr><w:ilvl w:val="\#(level)"/><w:numId w:val="\#(numID)"/></w:numPr>\#(mark)</w:pPr>\#(run)</w:p>"#
    }

    static func level(_ index: Int, _ format: String, _ text: String, start: Int = 1) -> String {
        #"<w:lvl w:ilvl="\#(index)"><w:start w:val="\#(start)"/><w:numFmt w:val="\#(format)"/><w:lvlText w:val="\#(text)"/></w:lvl>"#
    }

    @Test func splitRunsJoinIntoOneBoldPhrase() throws {
        let body = #"<w:p><w:r><w:t xml:space="preserve">hoàn thành </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">chậm nhất </w:t></w:r><w:proofErr w:type="spellStart"/><w:r><w:rPr><w:b/><w:lang w:val="vi-VN"/></w:rPr><w:t>trong ngày </w:t></w:r><w:r><w:rPr><w:b/><w:rFonts w:ascii="Times New Roman"/></w:rPr><w:t>24/6/2026</w:t></w:r><w:r><w:t>.</w:t></w:r></w:p>"#
        #expect(try Self.markdown(body) == "hoàn thành **chậm nhất trong ngày 24/6/2026**.\n")
    }

    @Test func italicInsideBoldAndSpacesOutsideMarkers() throws {
        let body = #"<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Sở </w:t></w:r><w:r><w:rPr><w:b/><w:i/></w:rPr><w:t>Nội vụ </w:t></w:r><w:r><w:t>chủ trì; </w:t></w:r><w:r><w:rPr><w:i/><w:u w:val="single"/></w:rPr><w:t>gạch chân</w:t></w:r><w:r><w:rPr><w:u w:val="single"/></w:rPr><w:t> chỉ gạch</w:t></w:r></w:p>"#
        #expect(try Self.markdown(body) == "**Sở *Nội vụ*** chủ trì; *gạch chân* chỉ gạch\n")
    }

    @Test func lineBreaksTabsAndEscapes() throws {
        let body = #"<w:p><w:r><w:t>Dòng một</w:t><w:br/><w:t># không phải tiêu đề</w:t><w:tab/><w:t>a*b_c &lt;u&gt; [1]</w:t></w:r></w:p><w:p><w:r><w:t>---</w:t></w:r></w:p>"#
        #expect(try Self.markdown(body) == "Dòng một  \n\\# không phải tiêu đề\ta\\*b\\_c \\<u> [1]\n\n\\---\n")
    }

    @Test func multilevelNumberingContinuesAndRestarts() throws {
        let numbering = "<w:abstractNum w:abstractNumId=\"1\">" + Self.level(0, "decimal", "%1.") + Self.level(1, "decimal", "%1.%2.")
            + Self.level(2, "lowerLetter", "%3)") + "</w:abstractNum>"
            + "<w:abstractNum w:abstractNumId=\"2\">" + Self.level(0, "upperRoman", "%1.") + "</w:abstractNum>"
            + #"<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>"#
            + #"<w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>"#
            + #"<w:num w:numId="4"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>"#
        let body = Self.numbered(2, 0, "MỤC ĐÍCH") + Self.numbered(1, 0, "Sở Nội vụ", bold: true) + Self.numbered(1, 1, "Rà soát")
            + Self.numbered(1, 2, "bước một") + Self.numbered(1, 2, "bước hai") + Self.numbered(1, 1, "Tổng hợp")
            + Self.numbered(2, 0, "TỔ CHỨC")
            // Another instance of the same list continues it (as in Word)...
            + Self.numbered(3, 0, "Sở Tài chính", bold: true) + Self.numbered(3, 1, "Bố trí")
            // ...unless it overrides the start.
            + Self.numbered(4, 0, "Lại từ đầu")
        #expect(try Self.markdown(body, numbering: numbering) == """
            I. MỤC ĐÍCH

            **1. Sở Nội vụ**

            1.1. Rà soát

            a) bước một

            b) bước hai

            1.2. Tổng hợp

            II. TỔ CHỨC

            **2. Sở Tài chính**

            2.1. Bố trí

            1. Lại từ đầu

            """)
    }

    @Test func bulletsAsTheDocumentShowsThem() throws {
        let numbering = #"<w:abstractNum w:abstractNumId="5"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/><w:lvlText w:val="+"/></w:lvl><w:lvl w:ilvl="2"><w:numFmt w:val="bullet"/><w:lvlText w:val="\#u{F0B7}"/><w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/></w:rPr></w:lvl></w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="5"/></w:num>"#
        let body = Self.numbered(7, 0, "gạch") + Self.numbered(7, 1, "cộng") + Self.numbered(7, 2, "chấm")
            + #"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>không số</w:t></w:r></w:p>"#
        #expect(try Self.markdown(body, numbering: numbering) == "- gạch\n\n+ cộng\n\n- chấm\n\nkhông số\n")
    }

    @Test func headingStylesByNameThroughBasedOn() throws {
        let styles = #"<w:style w:type="paragraph" w:styleId="u2"><w:name w:val="heading 2"/><w:rPr><w:b/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Muc"><w:name w:val="Mục"/><w:basedOn w:val="u2"/></w:style><w:style w:type="paragraph" w:styleId="Dam"><w:name w:val="Đậm"/><w:rPr><w:b/></w:rPr></w:style>"#
        let body = #"<w:p><w:pPr><w:pStyle w:val="Muc"/></w:pPr><w:r><w:t>2. Các sở</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="Dam"/></w:pPr><w:r><w:t>Nơi nhận:</w:t></w:r></w:p>"#
        #expect(try Self.markdown(body, styles: styles) == "## 2. Các sở\n\n**Nơi nhận:**\n")
    }

    @Test func trackedChangesTakeInsertionsDropDeletions() throws {
        let body = #"<w:p><w:r><w:t xml:space="preserve">hoàn thành trước ngày </w:t></w:r><w:del w:id="1" w:author="A"><w:r><w:delText>30/6/2026</w:delText></w:r></w:del><w:ins w:id="2" w:author="A"><w:r><w:t>27/6/2026</w:t></w:r></w:ins><w:moveFrom w:id="3"><w:r><w:t>cũ</w:t></w:r></w:moveFrom></w:p><w:tbl><w:tr><w:trPr><w:del w:id="4"/></w:trPr><w:tc><w:p><w:r><w:t>hàng đã xóa</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>TT</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#
        let conversion = try WordDocument.convert(WordParts(document: Self.document(body)))
        #expect(conversion.markdown == "hoàn thành trước ngày 27/6/2026\n\n| TT |\n|---|\n")
        #expect(conversion.insertions == 1)
        #expect(conversion.deletions == 3)
    }

    @Test func pageFieldsDroppedOtherFieldResultsKept() throws {
        let body = #"<w:p><w:r><w:t xml:space="preserve">Trang </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>9</w:t></w:r></w:fldSimple><w:r><w:t xml:space="preserve"> xem </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>HYPERLINK "http://x"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>cổng</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"#
        #expect(try Self.markdown(body) == "Trang  xem cổng\n")
    }

    @Test func tablesWithMergedCellsAsPipeTables() throws {
        func cell(_ text: String, _ properties: String = "") -> String {
            "<w:tc><w:tcPr>\(properties)</w:tcPr><w:p><w:r><w:t>\(text)</w:t></w:r></w:p></w:tc>"
        }
        let body = "<w:tbl>"
            + "<w:tr>" + cell("TT") + cell("Nhiệm vụ") + cell("Chủ trì") + cell("Thời gian") + "</w:tr>"
            + "<w:tr>" + cell("I") + cell("Nhóm một", #"<w:gridSpan w:val="3"/>"#) + "</w:tr>"
            + "<w:tr>" + cell("1", #"<w:vMerge w:val="restart"/>"#) + cell("Rà soát | đánh giá") + cell("Sở Nội vụ") + cell("Quý IV/2026") + "</w:tr>"
            + "<w:tr>" + cell("", "<w:vMerge/>") + "<w:tc><w:p><w:r><w:t>Tiếp</w:t></w:r></w:p><w:p><w:r><w:t>theo</w:t></w:r></w:p></w:tc>" + cell("Sở Tài chính") + cell("") + "</w:tr>"
            + "</w:tbl>"
        let conversion = try WordDocument.convert(WordParts(document: Self.document(body)))
        #expect(conversion.markdown == """
            | TT | Nhiệm vụ | Chủ trì | Thời gian |
            |---|---|---|---|
            | I | Nhóm một |  |  |
            | 1 | Rà soát \\| đánh giá | Sở Nội vụ | Quý IV/2026 |
            |  | Tiếp<br>theo | Sở Tài chính |  |

            """)
        #expect(conversion.tables == 1)
    }

    @Test func headerTableReadAsParagraphsRowByRow() throws {
        func cell(_ text: String) -> String { "<w:tc><w:p><w:r><w:t>\(text)</w:t></w:r></w:p></w:tc>" }
        let body = "<w:tbl><w:tr>" + cell("ỦY BAN NHÂN DÂN TỈNH X") + cell("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") + "</w:tr>"
            + "<w:tr>" + cell("Số: 12/KH-UBND") + cell("X, ngày 19 tháng 11 năm 2025") + "</w:tr></w:tbl>"
            + "<w:p><w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p>"
        #expect(try Self.markdown(body) == "ỦY BAN NHÂN DÂN TỈNH X\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nSố: 12/KH-UBND\n\nX, ngày 19 tháng 11 năm 2025\n\nKẾ HOẠCH\n")
    }

    @Test func footnotesNumberedInOrderAndKeptAtTheEnd() throws {
        let footnotes = #"<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="5"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Xã A, Xã B.</w:t></w:r></w:p></w:footnote><w:footnote w:id="2"><w:p><w:r><w:t>Nghị quyết 163.</w:t></w:r></w:p></w:footnote>"#
        let body = #"<w:p><w:r><w:t>các xã</w:t></w:r><w:r><w:footnoteReference w:id="5"/></w:r><w:r><w:t xml:space="preserve"> theo nghị quyết</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r></w:p>"#
        let conversion = try WordDocument.convert(WordParts(document: Self.document(body),
                                                            footnotes: Data(#"<w:footnotes \#(Self.ns)>\#(footnotes)</w:footnotes>"#.utf8)))
        #expect(conversion.markdown == "các xã[1] theo nghị quyết[2]\n\n[1] Xã A, Xã B.\n\n[2] Nghị quyết 163.\n")
        #expect(conversion.footnotes == 2)
    }

    @Test func imagesSkippedAndCountedTextInNFC() throws {
        // "Hòa" written decomposed (o + combining grave) comes out composed.
        let body = "<w:p><w:r><w:drawing><wp:inline xmlns:wp=\"x\"/></w:drawing></w:r></w:p><w:p><w:r><w:t>Ho\u{0300}a</w:t></w:r></w:p>"
        let conversion = try WordDocument.convert(WordParts(document: Self.document(body)))
        #expect(conversion.markdown == "H\u{F2}a\n")
        #expect(conversion.skippedImages == 1)
    }

    @Test func noBodyTextIsRefused() {
        #expect(throws: WordImportError.noBodyText) {
            try Self.markdown("<w:p/><w:p><w:r><w:t>  </w:t></w:r></w:p>")
        }
    }

    @Test func entityExpansionIsRefusedBeforeParsing() {
        let laughs = """
            <?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">\
            <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>\
            <w:document \(Self.ns)><w:body><w:p><w:r><w:t>&d;&d;&d;&d;</w:t></w:r></w:p></w:body></w:document>
            """
        #expect(throws: WordImportError.declarationRefused(part: "word/document.xml")) {
            try WordDocument.convert(WordParts(document: Data(laughs.utf8)))
        }
        // The same declaration in UTF-16 is found too.
        var utf16 = Data([0xFF, 0xFE])
        utf16.append(laughs.data(using: .utf16LittleEndian)!)
        #expect(throws: WordImportError.declarationRefused(part: "word/document.xml")) {
            try WordDocument.convert(WordParts(document: utf16))
        }
    }

    /// Found by the docx fuzz target: an element name with bytes that are not
    /// UTF-8 made FoundationXML's XMLParser trap. Refused before parsing now.
    @Test func elementNameNotUTF8IsRefusedNotACrash() throws {
        let url = try #require(Bundle.module.url(forResource: "element-name-not-utf8", withExtension: "xml",
                                                 subdirectory: "Fixtures/fuzz-regressions"))
        let data = try Data(contentsOf: url)
        #expect(throws: WordImportError.malformedXML(part: "word/document.xml", line: 1, detail: "có byte không phải UTF-8")) {
            try WordDocument.convert(WordParts(document: data))
        }
    }

    /// Found by the docx fuzz target: a zip whose directory points past the
    /// end made ZIPFoundation's in-memory file trap. Refused as damaged now.
    @Test func zipPointingPastItsEndIsDamagedNotACrash() throws {
        let url = try #require(Bundle.module.url(forResource: "central-directory-past-the-end", withExtension: "docx",
                                                 subdirectory: "Fixtures/fuzz-regressions"))
        #expect {
            try WordDocument.convert(Data(contentsOf: url))
        } throws: { error in
            guard case .damagedZip? = error as? WordImportError else { return false }
            return true
        }
    }

    @Test func malformedXMLNamesThePart() {
        #expect {
            try WordDocument.convert(WordParts(document: Data("<w:document><w:body><w:p>".utf8)))
        } throws: { error in
            guard case .malformedXML(let part, _, _)? = error as? WordImportError else { return false }
            return part == "word/document.xml"
        }
    }
}
