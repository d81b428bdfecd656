import Foundation
import Testing
@testable import TiendoOffice

/// What arrives instead of a .docx, and zips made to exhaust the reader.
@Suite struct OfficePackageTests {
    static let minimalDocument = Data(#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Nội dung</w:t></w:r></w:p></w:body></w:document>"#.utf8)

    /// A zip made in memory: entries of given bytes, or of `size` zero bytes streamed in.
    static func zip(_ entries: [(String, Data)], zeros: (String, Int)? = nil) throws -> Data {
        let zeroEntry = zeros.map { path, size in ZipWriter.Entry(path: path, size: size) { _, count in Data(count: count) } }
        return try ZipWriter.zip(entries.map(ZipWriter.Entry.init(path:data:)) + [zeroEntry].compactMap { $0 }, chunk: 1 << 20)
    }

    @Test func aMinimalPackageReads() throws {
        let data = try Self.zip([("word/document.xml", Self.minimalDocument)])
        #expect(try WordDocument.convert(data).markdown == "Nội dung\n")
    }

    @Test(arguments: [
        (Data("%PDF-1.7\n".utf8), WordImportError.pdf),
        (Data("{\\rtf1\\ansi".utf8), .rtf),
        (Data("xin chào".utf8), .notZip),
        (Data(), .empty),
        (Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + FileSignature.utf16("EncryptionInfo"), .encrypted),
        (Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + FileSignature.utf16("WordDocument"), .legacyWord),
        (Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + FileSignature.utf16("Workbook"), .otherCompoundFile),
        (Data([0x50, 0x4B, 0x03, 0x04, 1, 2, 3]), .damagedZip("thiếu phần cuối tệp nén")),
    ])
    func whatIsNotADocxIsNamed(data: Data, expected: WordImportError) {
        #expect(throws: expected) { try WordDocument.convert(data) }
    }

    @Test func aZipThatIsNotAWordDocument() throws {
        let data = try Self.zip([("xl/workbook.xml", Data("<workbook/>".utf8))])
        #expect(throws: WordImportError.notWordDocument) { try WordDocument.convert(data) }
    }

    /// 200 MB of zeros deflate to about 200 KB: stopped at the part limit
    /// while inflating, whatever the entry header claims.
    @Test func zipBombStoppedWhileInflating() throws {
        let limits = OfficeLimits(fileBytes: 10 << 20, entries: 100, partBytes: 4 << 20, totalBytes: 8 << 20, depth: 100)
        let data = try Self.zip([], zeros: ("word/document.xml", 24 << 20))
        #expect(data.count < 200_000)
        #expect(throws: WordImportError.partTooLarge(part: "word/document.xml", limit: 4 << 20)) {
            try WordDocument.convert(data, limits: limits)
        }
        // Parts each under the part limit still meet the total.
        let several = try Self.zip([("word/document.xml", Self.minimalDocument)], zeros: ("word/styles.xml", 3 << 20))
        let tight = OfficeLimits(fileBytes: 10 << 20, entries: 100, partBytes: 4 << 20, totalBytes: 2 << 20, depth: 100)
        #expect(throws: WordImportError.totalTooLarge(limit: 2 << 20)) { try WordDocument.convert(several, limits: tight) }
    }

    @Test func tooManyEntries() throws {
        let entries = (0..<60).map { ("word/media/image\($0).png", Data([0])) } + [("word/document.xml", Self.minimalDocument)]
        let data = try Self.zip(entries)
        let limits = OfficeLimits(fileBytes: 10 << 20, entries: 50, partBytes: 1 << 20, totalBytes: 1 << 20, depth: 100)
        #expect(throws: WordImportError.tooManyEntries(limit: 50)) { try WordDocument.convert(data, limits: limits) }
    }

    @Test func deepNestingIsRefused() throws {
        let deep = String(repeating: "<w:sdt>", count: 300) + String(repeating: "</w:sdt>", count: 300)
        let document = Data(#"<w:document xmlns:w="x"><w:body>\#(deep)</w:body></w:document>"#.utf8)
        #expect {
            try WordDocument.convert(WordParts(document: document))
        } throws: { error in
            guard case .malformedXML(let part, _, _)? = error as? WordImportError else { return false }
            return part == "word/document.xml"
        }
    }

    @Test func everyErrorSaysWhatToDoInVietnamese() {
        let errors: [WordImportError] = [.empty, .tooLarge(limit: 1 << 20), .pdf, .legacyWord, .encrypted, .otherCompoundFile, .rtf,
                                         .notZip, .damagedZip("x"), .notWordDocument, .tooManyEntries(limit: 5),
                                         .partTooLarge(part: "p", limit: 1 << 20), .totalTooLarge(limit: 1 << 20),
                                         .declarationRefused(part: "p"), .malformedXML(part: "p", line: 1, detail: "d"), .noBodyText]
        for error in errors {
            #expect(error.description.contains(" — "), "\(error) lacks what to do")
        }
        #expect(WordImportError.legacyWord.description.contains("Tệp > Lưu thành > Word Document (.docx)"))
        #expect(WordImportError.pdf.description.contains("chỉ đọc văn bản Word (.docx)"))
    }
}
