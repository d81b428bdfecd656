// libFuzzer target: any bytes as a Word document. Bytes that start like a
// zip go through the whole reader (file signature, zip within the limits,
// parts found through relationships); others are the document part itself
// (and, split at a NUL byte, its numbering part), to reach the XML reader
// and the converter. It must return or refuse for any input, and what it
// returns must be NFC Markdown with some text.
import Foundation
import TiendoOffice

let fuzzLimits = OfficeLimits(fileBytes: 1 << 20, entries: 200, partBytes: 4 << 20, totalBytes: 8 << 20, depth: 100)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDocx(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    let result: WordConversion?
    if bytes.starts(with: [0x50, 0x4B]) {
        result = try? WordDocument.convert(bytes, limits: fuzzLimits)
    } else {
        let pieces = bytes.split(separator: 0, maxSplits: 1, omittingEmptySubsequences: false)
        let parts = WordParts(document: Data(pieces[0]), numbering: pieces.count > 1 ? Data(pieces[1]) : nil)
        result = try? WordDocument.convert(parts, limits: fuzzLimits)
    }
    if let result {
        require(result.markdown == result.markdown.precomposedStringWithCanonicalMapping, "Markdown not in NFC")
        require(result.markdown.contains { !$0.isWhitespace }, "a conversion with no text was not refused")
    }
    return 0
}
