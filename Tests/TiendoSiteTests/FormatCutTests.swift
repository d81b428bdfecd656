import Testing
@testable import TiendoSite

/// `Format.cut` counts characters only as far as its limit; it must cut
/// exactly where counting them all did.
@Suite struct FormatCutTests {
    /// The definition it replaced: every character counted.
    static func countingAll(_ plain: String, limit: Int) -> String {
        guard plain.count > limit else { return plain }
        let cut = plain.prefix(limit)
        let lastSpace = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<lastSpace]) + " …"
    }

    @Test(arguments: [0, 1, 5, 9, 10, 11, 40])
    func cutsWhereCountingEveryCharacterDid(limit: Int) {
        // Precomposed, decomposed (a base and a combining mark: one
        // character, several bytes), no spaces, spaces at the edges.
        let words = ["Rà", "soát", "hồ", "sơ", "Ủy", "ban", "e\u{301}\u{323}", "🇻🇳", "x", "", "  "]
        var texts: [String] = ["", " ", "abcdefghij", "abcdefghijk", String(repeating: "ộ", count: 11)]
        for length in 1...12 {
            for start in 0..<words.count {
                texts.append((0..<length).map { words[($0 * 7 + start) % words.count] }.joined(separator: " "))
            }
        }
        for text in texts {
            #expect(Format.cut(text, limit: limit) == Self.countingAll(text, limit: limit), "\(text.debugDescription) at \(limit)")
        }
    }
}
