import Foundation

/// A compiled, case-insensitive regular expression over plain text (never
/// over Markdown source: structure comes from cmark's tree). Matches are
/// returned as Swift strings and character offsets so callers can keep the
/// phrase exactly as written.
struct TextPattern: @unchecked Sendable {
    // NSRegularExpression is immutable and documented thread-safe.
    private let regex: NSRegularExpression
    /// Every match holds an ASCII digit, so text without one is not searched
    /// (most task text has no date: half the deadline patterns need none).
    private let needsDigit: Bool

    /// `\d` means an ASCII digit here. ICU's `\d` matches every decimal
    /// digit (full-width "２", Arabic-Indic "٢"), which `Int(_:)` does not
    /// read: a deadline "２4/6/2026" crashed the parser (found by fuzzing).
    init(_ pattern: String, caseSensitive: Bool = false, needsDigit: Bool = false) {
        let ascii = pattern.replacingOccurrences(of: #"\d"#, with: "[0-9]")
        regex = try! NSRegularExpression(pattern: ascii, options: caseSensitive ? [] : [.caseInsensitive])
        self.needsDigit = needsDigit
    }

    struct Match {
        let text: String
        let range: Range<Int>
        let groups: [String?]
        func group(_ index: Int) -> String? { index < groups.count ? groups[index] : nil }

        /// Cut from the text's UTF-16, in which the expression reports ranges.
        init(_ result: NSTextCheckingResult, utf16: [UInt16]) {
            func text(_ range: NSRange) -> String {
                String(decoding: utf16[range.location..<(range.location + range.length)], as: UTF16.self)
            }
            var groups: [String?] = []
            for index in 0..<result.numberOfRanges {
                let range = result.range(at: index)
                groups.append(range.location == NSNotFound ? nil : text(range))
            }
            self.text = text(result.range)
            self.range = result.range.location..<(result.range.location + result.range.length)
            self.groups = groups
        }
    }

    private func mayMatch(_ text: String) -> Bool {
        !needsDigit || text.utf8.contains { $0 >= 0x30 && $0 <= 0x39 }
    }

    func matches(in text: String) -> [Match] {
        guard mayMatch(text) else { return [] }
        let results = regex.matches(in: text, range: NSRange(location: 0, length: text.utf16.count))
        guard !results.isEmpty else { return [] }
        let utf16 = Array(text.utf16)
        return results.map { Match($0, utf16: utf16) }
    }

    func firstMatch(in text: String) -> Match? {
        guard mayMatch(text),
              let result = regex.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count)) else { return nil }
        return Match(result, utf16: Array(text.utf16))
    }

    func isMatch(_ text: String) -> Bool {
        mayMatch(text) && regex.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count)) != nil
    }
}
