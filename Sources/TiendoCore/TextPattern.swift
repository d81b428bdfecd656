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
    /// Marks the pattern of a cited document and its date, whose number stays.
    let isCitation: Bool

    /// `\d` means an ASCII digit here. ICU's `\d` matches every decimal
    /// digit (full-width "２", Arabic-Indic "٢"), which `Int(_:)` does not
    /// read: a deadline "２4/6/2026" crashed the parser (found by fuzzing).
    init(_ pattern: String, caseSensitive: Bool = false, needsDigit: Bool = false, isCitation: Bool = false) {
        self.isCitation = isCitation
        let ascii = pattern.replacingOccurrences(of: #"\d"#, with: "[0-9]")
        regex = try! NSRegularExpression(pattern: ascii, options: caseSensitive ? [] : [.caseInsensitive])
        self.needsDigit = needsDigit
    }

    struct Match {
        let text: String
        let range: Range<Int>
        let groups: [String?]
        func group(_ index: Int) -> String? { index < groups.count ? groups[index] : nil }

        /// Cut from the text, where the expression reports UTF-16 ranges.
        init(_ result: NSTextCheckingResult, in whole: String) {
            func text(_ range: NSRange) -> String { whole.utf16Slice(range.location..<(range.location + range.length)) }
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
        return results.map { Match($0, in: text) }
    }

    func firstMatch(in text: String) -> Match? {
        guard mayMatch(text),
              let result = regex.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count)) else { return nil }
        return Match(result, in: text)
    }

    func isMatch(_ text: String) -> Bool {
        mayMatch(text) && regex.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count)) != nil
    }
}

extension String {
    /// The text between two UTF-16 offsets, as `TextPattern` reports them
    /// (always between Unicode scalars).
    func utf16Slice(_ range: Range<Int>) -> String {
        let start = utf16.index(utf16.startIndex, offsetBy: range.lowerBound)
        let end = utf16.index(start, offsetBy: range.count)
        return String(Substring(unicodeScalars[start..<end]))
    }

    /// Replaces a range given in UTF-16 offsets, as `TextPattern` reports them.
    func replacingUTF16(_ range: Range<Int>, with replacement: String) -> String {
        utf16Slice(0..<range.lowerBound) + replacement + utf16Slice(range.upperBound..<utf16.count)
    }
}
