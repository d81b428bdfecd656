import Foundation

/// A compiled, case-insensitive regular expression over plain text (never
/// over Markdown source: structure comes from cmark's tree). Matches are
/// returned as Swift strings and character offsets so callers can keep the
/// phrase exactly as written.
struct TextPattern: @unchecked Sendable {
    // NSRegularExpression is immutable and documented thread-safe.
    private let regex: NSRegularExpression

    /// `\d` means an ASCII digit here. ICU's `\d` matches every decimal
    /// digit (full-width "２", Arabic-Indic "٢"), which `Int(_:)` does not
    /// read: a deadline "２4/6/2026" crashed the parser (found by fuzzing).
    init(_ pattern: String, caseSensitive: Bool = false) {
        let ascii = pattern.replacingOccurrences(of: #"\d"#, with: "[0-9]")
        regex = try! NSRegularExpression(pattern: ascii, options: caseSensitive ? [] : [.caseInsensitive])
    }

    struct Match {
        let text: String
        let range: Range<Int>
        let groups: [String?]
        func group(_ index: Int) -> String? { index < groups.count ? groups[index] : nil }
    }

    func matches(in text: String) -> [Match] {
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { result in
            var groups: [String?] = []
            for index in 0..<result.numberOfRanges {
                let range = result.range(at: index)
                groups.append(range.location == NSNotFound ? nil : ns.substring(with: range))
            }
            return Match(text: ns.substring(with: result.range),
                         range: result.range.location..<(result.range.location + result.range.length),
                         groups: groups)
        }
    }

    func firstMatch(in text: String) -> Match? {
        let ns = text as NSString
        guard let result = regex.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)) else { return nil }
        var groups: [String?] = []
        for index in 0..<result.numberOfRanges {
            let range = result.range(at: index)
            groups.append(range.location == NSNotFound ? nil : ns.substring(with: range))
        }
        return Match(text: ns.substring(with: result.range),
                     range: result.range.location..<(result.range.location + result.range.length), groups: groups)
    }

    func isMatch(_ text: String) -> Bool {
        regex.firstMatch(in: text, range: NSRange(location: 0, length: (text as NSString).length)) != nil
    }
}
