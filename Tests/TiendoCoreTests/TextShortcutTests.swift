import Foundation
import Testing
@testable import TiendoCore

/// Trimming and NFC without Foundation's round trip through an NSString
/// must give exactly Foundation's text: these compare the two.
@Suite("Cắt khoảng trắng, chuẩn hóa NFC: như Foundation")
struct TextShortcutTests {
    static func scalars() -> [Unicode.Scalar] {
        (0..<0x110000).compactMap(Unicode.Scalar.init)
    }

    @Test("blanks are Foundation's whitespace sets, scalar by scalar")
    func blankSets() {
        for scalar in Self.scalars() {
            #expect(Blank.isSpace(scalar) == CharacterSet.whitespaces.contains(scalar), "U+\(String(scalar.value, radix: 16))")
            #expect(Blank.isSpaceOrNewline(scalar) == CharacterSet.whitespacesAndNewlines.contains(scalar),
                    "U+\(String(scalar.value, radix: 16))")
        }
    }

    static let edges = [
        "", "  ", " a ", "\u{A0}Phường Hải An\u{3000}", "\u{200B}x\u{200B}", " \u{301}x", "x \u{301}", "\t\n a \r\n",
        "\u{2028}Sở\u{85}", "Hà Nội", "a\u{FEFF}", "\u{FEFF}", " .:;Sở Tài chính;. ", "“Sở Nội vụ”,", "\u{202F}\u{205F}\u{1680}đ\u{2000}",
    ]

    @Test("trimming gives Foundation's text, byte for byte", arguments: edges)
    func trimming(_ text: String) {
        #expect(Array(text.trimmedSpaces.utf8) == Array(text.trimmingCharacters(in: .whitespaces).utf8))
        #expect(Array(text.trimmed.utf8) == Array(text.trimmingCharacters(in: .whitespacesAndNewlines).utf8))
        #expect(Array(text.trimming(anyOf: " .,;:“”").utf8)
                == Array(text.trimmingCharacters(in: CharacterSet(charactersIn: " .,;:“”")).utf8))
        let sub = text.dropFirst(0)
        #expect(Array(sub.trimmedSpaces.utf8) == Array(sub.trimmingCharacters(in: .whitespaces).utf8))
    }

    static let forms = [
        "hoàn thành", "hoàn thành".decomposedStringWithCanonicalMapping, "Phường Hải An", "Thuỷ Nguyên", "Thủy Nguyên",
        "ho\u{E0}n tha\u{300}nh", "e\u{301}\u{323}", "e\u{323}\u{301}", "\u{F900}", "\u{1100}\u{1161}", "\u{212B}", "abc", "",
        "Ω\u{2126}", "x\u{0344}",
    ]

    @Test("NFC text is Foundation's NFC, byte for byte; only proven NFC skips it", arguments: forms)
    func nfc(_ text: String) {
        let foundation = text.precomposedStringWithCanonicalMapping
        #expect(Array(text.precomposedNFC.utf8) == Array(foundation.utf8))
        if text.isKnownNFC { #expect(Array(text.utf8) == Array(foundation.utf8)) }
    }

    @Test("the quick check knows typed Vietnamese is NFC, and a combining mark is not")
    func quickCheck() {
        #expect("Đã hoàn thành: Phường Hải An, Xã Cẩm Giàng".isKnownNFC)
        #expect(!"hoàn thành".decomposedStringWithCanonicalMapping.isKnownNFC)
    }

}
