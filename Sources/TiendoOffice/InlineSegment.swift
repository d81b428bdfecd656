/// A stretch of text with one formatting, as runs give it. Word splits a
/// phrase into many runs (spell-check marks, revision ids, a font change);
/// segments with the same formatting are joined before any Markdown is
/// written, so a bold phrase becomes one `**...**`. A line break is "\n".
struct InlineSegment: Equatable {
    var text: String
    var bold: Bool
    var italic: Bool

    var format: Format { Format(bold: bold, italic: italic) }

    struct Format: Equatable {
        var bold: Bool
        var italic: Bool
        static let plain = Format(bold: false, italic: false)
    }

    init(_ text: String, bold: Bool = false, italic: Bool = false) {
        self.text = text
        self.bold = bold
        self.italic = italic
    }

    init(_ text: String, _ format: Format) {
        self.init(text, bold: format.bold, italic: format.italic)
    }

    static func isSpace(_ character: Character) -> Bool {
        character == " " || character == "\t" || character == "\n" || character == "\u{A0}" || character.isWhitespace
    }

    var isBlank: Bool { text.allSatisfy(Self.isSpace) }
}
