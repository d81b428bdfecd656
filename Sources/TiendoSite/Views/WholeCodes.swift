import Foundation

/// Text as HTML in which document numbers and dates never break across
/// lines: "192/KH-UBND" broken as "192/KH-" and "UBND" reads as two things,
/// and a browser breaks after every hyphen. Each word that holds a slash
/// ("192/KH-UBND", "24/6/2026", "…/UBND-NVKTGS") is kept on one line.
enum WholeCodes {
    private static let code = try! NSRegularExpression(pattern: "…?[\\p{L}\\p{N}.\\-]*/[\\p{L}\\p{N}./\\-]*[\\p{L}\\p{N}]")

    /// `text` HTML-escaped, each code wrapped in `<span class="nowrap">`.
    static func html(_ text: String) -> String {
        guard text.contains("/") else { return HTML.escape(text) }
        let whole = text as NSString
        var out = ""
        var last = 0
        for match in code.matches(in: text, range: NSRange(location: 0, length: whole.length)) {
            out += HTML.escape(whole.substring(with: NSRange(location: last, length: match.range.location - last)))
            out += "<span class=\"nowrap\">" + HTML.escape(whole.substring(with: match.range)) + "</span>"
            last = match.range.location + match.range.length
        }
        return out + HTML.escape(whole.substring(from: last))
    }
}
