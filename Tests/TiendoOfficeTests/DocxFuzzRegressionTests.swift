import Foundation
import Testing
@testable import TiendoOffice

/// Every input the docx fuzz target saved, run as the target runs it
/// (bytes starting "PK" through the whole reader, others as the document
/// part and, after a NUL, the numbering part), with the target's checks.
@Suite struct DocxFuzzRegressionTests {
    static var inputs: [URL] {
        guard let folder = Bundle.module.url(forResource: "fuzz-regressions", withExtension: nil, subdirectory: "Fixtures"),
              let files = try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil) else { return [] }
        return files.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    @Test func thereAreRegressionInputs() {
        #expect(Self.inputs.count >= 2)
    }

    @Test(arguments: inputs)
    func regressionInputReturnsOrRefuses(url: URL) throws {
        let bytes = try Data(contentsOf: url)
        let limits = OfficeLimits(fileBytes: 1 << 20, entries: 200, partBytes: 4 << 20, totalBytes: 8 << 20, depth: 100)
        let result: Result<WordConversion, WordImportError>
        if bytes.starts(with: [0x50, 0x4B]) {
            result = Result { () throws(WordImportError) in try WordDocument.convert(bytes, limits: limits) }
        } else {
            let pieces = bytes.split(separator: 0, maxSplits: 1, omittingEmptySubsequences: false)
            let parts = WordParts(document: Data(pieces[0]), numbering: pieces.count > 1 ? Data(pieces[1]) : nil)
            result = Result { () throws(WordImportError) in try WordDocument.convert(parts, limits: limits) }
        }
        if case .success(let conversion) = result {
            #expect(conversion.markdown == conversion.markdown.precomposedStringWithCanonicalMapping)
            #expect(conversion.markdown.contains { !$0.isWhitespace })
        }
    }
}
