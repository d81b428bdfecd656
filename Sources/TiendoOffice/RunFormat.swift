/// The character formatting tiendo carries into Markdown. Word has dozens of
/// run properties; only these change what a reader of the text understands.
/// Underline has no Markdown form (libcmark's safe mode drops `<u>`), so it
/// is read, to join runs correctly, and written as plain text.
struct RunFormat: Hashable, Sendable {
    var bold: Bool?
    var italic: Bool?
    var underline: Bool?

    /// Properties set here win over `base` (direct formatting over styles).
    func over(_ base: RunFormat) -> RunFormat {
        RunFormat(bold: bold ?? base.bold, italic: italic ?? base.italic, underline: underline ?? base.underline)
    }

    /// Reads a w:rPr; a w:rPrChange inside (the formatting before a tracked
    /// change) is not a child property and is ignored by construction.
    init(_ properties: XMLElement?) {
        guard let properties else { return }
        if let b = properties.child("b") { bold = b.isOn }
        if let i = properties.child("i") { italic = i.isOn }
        if let u = properties.child("u") { underline = u.isOn }
    }

    init(bold: Bool? = nil, italic: Bool? = nil, underline: Bool? = nil) {
        self.bold = bold
        self.italic = italic
        self.underline = underline
    }

    var isBold: Bool { bold ?? false }
    var isItalic: Bool { italic ?? false }
}
