import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import TiendoCore
@testable import TiendoSite

/// Control characters and noncharacters in any text never reach a page,
/// feed or export, and every format stays valid by its own rules (issue 12:
/// a U+FFFF in a note made the Atom feed invalid XML).
@Suite struct ControlCharacterTests {
    /// NUL, a lone C0 control, form feed, DEL, a C1 control, U+FDD0, U+FFFE, U+FFFF, U+1FFFF, U+10FFFF.
    static let hostile = String(String.UnicodeScalarView(
        [0x0, 0x1, 0xC, 0x7F, 0x85, 0xFDD0, 0xFFFE, 0xFFFF, 0x1FFFF, 0x10FFFF].map { Unicode.Scalar($0)! }))

    static func carriesNone(_ text: String) -> Bool {
        !text.unicodeScalars.contains { ControlCharacters.isDropped($0) }
    }

    @Test func everyEncoderDropsThem() throws {
        let text = "a\(Self.hostile)b & <c> \"d\" é\u{A0}ẹ 😀"
        #expect(HTML.escape(text) == "ab &amp; &lt;c&gt; &quot;d&quot; é\u{A0}ẹ 😀")
        #expect(XML.escape(text) == "ab &amp; &lt;c&gt; &quot;d&quot; é\u{A0}ẹ 😀")
        #expect(String(decoding: ICalendar.escaped(text), as: UTF8.self) == "ab & <c> \"d\" é\u{A0}ẹ 😀")
        #expect(CSVWriter.cell(text) == "\"ab & <c> \"\"d\"\" é\u{A0}ẹ 😀\"")
        var json: [UInt8] = []
        JSONValue.escape(text, into: &json)
        let decoded = try JSONSerialization.jsonObject(with: Data(json), options: .fragmentsAllowed) as? String
        #expect(decoded == "ab & <c> \"d\" é\u{A0}ẹ 😀")
        for scalar in Self.hostile.unicodeScalars { #expect(ControlCharacters.isDropped(scalar), "U+\(String(scalar.value, radix: 16))") }
        for kept in "\t\n\r aZ~\u{A0}\u{FFFD}\u{1F600}\u{FDCF}\u{FDF0}ẹĐ".unicodeScalars { #expect(!ControlCharacters.isDropped(kept)) }
    }

    @Test func theBytesCheckAgreesWithTheScalarCheck() {
        // Every scalar up to U+30000 and the last plane's end, through its UTF-8 bytes.
        let scalars = (0...0x30000).compactMap(Unicode.Scalar.init) + (0x10FFF0...0x10FFFF).compactMap(Unicode.Scalar.init)
        for scalar in scalars {
            let bytes = Array(String(scalar).utf8)
            let length = bytes.withUnsafeBufferPointer { ControlCharacters.droppedLength($0, at: 0) }
            let expected = ControlCharacters.isDropped(scalar) ? bytes.count : 0
            if length != expected { Issue.record("U+\(String(scalar.value, radix: 16)): \(length) bytes dropped, expected \(expected)") }
            if expected > 0 { #expect(ControlCharacters.mayBeginDropped(bytes[0])) }
        }
    }

    @Test func aSiteBuiltFromTextFullOfThemIsValidInEveryFormat() throws {
        let content = Support.temporaryDirectory() + "/content"
        try FileManager.default.copyItem(atPath: Support.miniContent, toPath: content)
        let h = Self.hostile
        // The status reader refuses a NUL byte as a sign of a binary file; the directive keeps it.
        let withoutNUL = h.replacingOccurrences(of: "\u{0}", with: "")
        var status = try String(contentsOfFile: content + "/status.csv", encoding: .utf8)
        status = status.replacingOccurrences(of: "Đã gửi **đúng hạn**.", with: "Đã\(withoutNUL) gửi **đúng\(withoutNUL) hạn**.")
            .replacingOccurrences(of: "10/BC-UBND", with: "10/BC\(withoutNUL)-UBND")
        try status.write(toFile: content + "/status.csv", atomically: false, encoding: .utf8)
        var directive = try String(contentsOfFile: content + "/directives/cv-12.md", encoding: .utf8)
        directive = directive.replacingOccurrences(of: "Rà soát trụ sở", with: "Rà\(h) soát trụ sở")
            .replacingOccurrences(of: "V/v kiểm tra", with: "V/v kiểm\(h) tra")
        try directive.write(toFile: content + "/directives/cv-12.md", atomically: false, encoding: .utf8)

        let files = Support.build(content)
        #expect(files.values.contains { $0.contains("Rà soát trụ sở") }, "the text around them is kept")
        #expect(files.values.contains { $0.contains("10/BC-UBND") })
        // The workbook export is binary (a zip); its cells come from the same encoders' input.
        for (path, text) in files where !path.hasSuffix(".xlsx") {
            #expect(Self.carriesNone(text), "\(path) carries a control character or noncharacter")
            if path.hasSuffix(".xml") {
                let parser = XMLParser(data: Data(text.utf8))
                #expect(parser.parse(), "\(path) is not well-formed XML: \(String(describing: parser.parserError))")
            }
            if path.hasSuffix(".json") {
                #expect(throws: Never.self, "\(path) is not JSON") { try JSONSerialization.jsonObject(with: Data(text.utf8)) }
            }
            if path.hasSuffix(".ics") {
                // RFC 5545: CONTROL characters (other than HTAB) never appear in a content line.
                let lines = text.components(separatedBy: "\r\n")
                #expect(lines.allSatisfy { !$0.unicodeScalars.contains { $0.value < 0x20 && $0 != "\t" || $0.value == 0x7F } }, "\(path)")
            }
        }
        #expect(files.keys.contains { $0.hasSuffix(".xml") } && files.keys.contains { $0.hasSuffix(".csv") }
                && files.keys.contains { $0.hasSuffix(".json") } && files.keys.contains { $0.hasSuffix(".ics") })
    }
}
