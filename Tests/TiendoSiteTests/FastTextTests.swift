import Foundation
import Testing
@testable import TiendoSite

/// The byte-level shortcuts that replaced Foundation's cluster-aware string
/// search in the workbook writers give exactly what Foundation gives,
/// including around combining marks, where the two ways could part.
@Suite struct FastTextTests {
    /// Pieces a text is made of: markers, Vietnamese letters (composed and
    /// not), combining marks, an Arabic prepended mark, line breaks, spaces.
    static let pieces = ["*", "_", "**", "__", "a", "Sở", "ư", "ộ", "e\u{301}", "\u{301}", "\u{323}", "\u{FE0F}", "\u{20E3}",
                         "\u{600}", "đ", " ", "  ", "\n", "\r\n", "\t", "x", "é", "中", "😀", "ـ"]

    /// Deterministic texts: the same on every run and machine.
    static func texts(count: Int) -> [String] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        return (0..<count).map { _ in (0..<next(12)).map { _ in pieces[next(pieces.count)] }.joined() }
    }

    @Test func emphasisMarkersGoAsFoundationRemovesThem() {
        var fastPaths = 0
        for text in Self.texts(count: 20_000) {
            let expected = text.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "")
            #expect(EmphasisMarkers.removed(from: text) == expected, "\(Array(text.unicodeScalars))")
            if EmphasisMarkers.removedFast(Array(text.utf8)) != nil { fastPaths += 1 }
        }
        // The shortcut is taken for most texts, so it is what was checked.
        #expect(fastPaths > 10_000)
        #expect(EmphasisMarkers.removed(from: "**Sở Tài chính** báo cáo __ngay__") == "Sở Tài chính báo cáo ngay")
        #expect(EmphasisMarkers.removed(from: "a***b") == "a*b")
    }

    @Test func preservedSpaceAsFoundationFindsIt() {
        for text in Self.texts(count: 20_000) {
            guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else {
                #expect(!SpreadsheetXML.needsPreserve(text))
                continue
            }
            let expected = first == " " || last == " " || first == "\t" || last == "\t" || text.contains("\n") || text.contains("  ")
            #expect(SpreadsheetXML.needsPreserve(text) == expected, "\(Array(text.unicodeScalars))")
        }
    }

    /// The escape as it was written scalar by scalar, kept as the reference.
    static func referenceEscape(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = ""
        for (index, scalar) in scalars.enumerated() {
            switch scalar.value {
            case 0x26: out += "&amp;"
            case 0x3C: out += "&lt;"
            case 0x3E: out += "&gt;"
            case 0x22: out += "&quot;"
            case 0x09, 0x0A: out.unicodeScalars.append(scalar)
            case 0x0D: out += "&#13;"
            case 0x00..<0x20, 0xFFFE, 0xFFFF: out += SpreadsheetXML.hexEscape(scalar.value)
            case 0x5F where index + 6 < scalars.count && scalars[index + 1] == "x" && scalars[index + 6] == "_"
                && scalars[(index + 2)...(index + 5)].allSatisfy { $0.properties.isASCIIHexDigit }:
                out += "_x005F_"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    @Test func spreadsheetEscapeAsScalarByScalar() {
        let pieces = Self.pieces + ["&", "<", ">", "\"", "\r", "\u{1}", "\u{1F}", "\u{7F}", "\u{FFFE}", "\u{FFFF}", "\u{FFFD}", "\u{EFBF}",
                                    "_x0041_", "_x00e9_", "_xZZ00_", "_x", "0041_", "x"]
        var state: UInt64 = 42
        for _ in 0..<20_000 {
            var text = ""
            state = state &* 6_364_136_223_846_793_005 &+ 1
            for _ in 0..<Int(state >> 60) + 1 {
                state = state &* 6_364_136_223_846_793_005 &+ 1
                text += pieces[Int((state >> 33) % UInt64(pieces.count))]
            }
            #expect(SpreadsheetXML.escaped(text) == Self.referenceEscape(text), "\(Array(text.unicodeScalars))")
        }
        #expect(SpreadsheetXML.escaped("a_x0041_\u{FFFF}<") == "a_x005F_x0041__xFFFF_&lt;")
    }

    @Test func columnWidthsCountAsBefore() {
        for text in Self.texts(count: 5_000) + [String(repeating: "ộ", count: 75), String(repeating: "ab\n", count: 40)] {
            let full = text.split(separator: "\n", omittingEmptySubsequences: false).map(\.count).max() ?? 0
            for cap in [1, 5, 60] {
                #expect(SpreadsheetCell.text(text).displayWidth(cap: cap) == min(full, cap), "\(Array(text.unicodeScalars)) cap \(cap)")
            }
        }
    }
}
