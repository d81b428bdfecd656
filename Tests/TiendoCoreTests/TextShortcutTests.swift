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


    @Test("white space is Character.isWhitespace's, scalar by scalar")
    func whiteSpace() {
        for scalar in Self.scalars() {
            #expect(Blank.isWhiteSpace(scalar) == Character(scalar).isWhitespace, "U+\(String(scalar.value, radix: 16))")
        }
    }

    @Test("a blank beside a scalar said to stand alone is a Character of its own")
    func blanksStandAlone() {
        let blanks = Self.scalars().filter(Blank.isWhiteSpace)
        let after = Self.scalars().filter(VietnameseText.standsAlone(after:))
        let before = Self.scalars().filter(VietnameseText.standsAlone(before:))
        for blank in blanks {
            for scalar in after where !(blank == "\r" && scalar == "\n") {
                #expect(String(String.UnicodeScalarView([blank, scalar])).count == 2)
            }
            for scalar in before where !(scalar == "\r" && blank == "\n") {
                #expect(String(String.UnicodeScalarView([scalar, blank])).count == 2)
            }
        }
    }

    static let spaced = [
        "", "   ", "Giao  Sở Xây dựng\n chủ trì", " \u{301}a b ", "a \u{301}b", "a\u{600} b", "a\u{600}\u{A0}b", "\r\nx\r\n\ty\u{3000}z",
        "hoa\u{300}n  tha\u{300}nh", "Phường\u{A0}Hải An\u{2028}", "x\u{200B} y", "\u{1F600} \u{200D}\u{1F600}", "e\u{301} \u{1EB9}",
        "Sở Tài chính,   Sở Nội vụ và\n\nUBND các xã",
    ]

    @Test("collapsing spaces by scalars gives the words Characters give", arguments: spaced)
    func collapse(_ text: String) {
        #expect(Array(VietnameseText.collapseSpaces(text).utf8) == Array(VietnameseText.collapseSpacesByCharacter(text).utf8))
    }

    @Test("Latin letters decompose as Foundation decomposes them")
    func decompose() {
        for value in Array(0x80..<0x300) + Array(0x1E00..<0x1F00) {
            let text = "a" + String(Unicode.Scalar(value)!) + "b"
            #expect(Array(VietnameseText.decomposed(text).unicodeScalars) == Array(text.decomposedStringWithCanonicalMapping.unicodeScalars),
                    "U+\(String(value, radix: 16))")
        }
        for text in ["Thuỷ Nguyên", "Cẩm Giàng", "hoà", "ệ", "Đặc khu", "x\u{323}\u{302}", "ΐ"] {
            #expect(Array(VietnameseText.decomposed(text).unicodeScalars) == Array(text.decomposedStringWithCanonicalMapping.unicodeScalars))
        }
    }

    @Test("text between UTF-16 offsets, as the patterns report them")
    func utf16Offsets() {
        let text = "Sở 😀 Tài chính"
        #expect(text.utf16Slice(0..<2) == "Sở")
        #expect(text.utf16Slice(3..<5) == "😀")
        #expect(text.utf16Slice(6..<text.utf16.count) == "Tài chính")
        #expect(text.replacingUTF16(3..<6, with: "") == "Sở Tài chính")
        #expect("".utf16Slice(0..<0) == "")
    }
}
