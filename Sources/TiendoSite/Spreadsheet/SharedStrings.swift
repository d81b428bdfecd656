import Foundation

/// The workbook's table of distinct texts: a cell refers to its text by
/// number, so the 114 unit names and a handful of class words repeated on
/// every row are stored once. Numbered in order of first use, so the same
/// sheets give the same table. Shared by the two passes over each sheet:
/// the first numbers the texts, the second finds the same numbers and
/// counts the cells that use them. The table is written after the sheets.
final class SharedStrings {
    /// Keyed by the text's bytes: a String key normalizes every
    /// Vietnamese text to hash it, twice per cell. (Two texts that differ in
    /// bytes but not to the eye get two entries, which Excel shows alike.)
    private var numbers: [Bytes: Int] = [:]
    private(set) var texts: [String] = []
    /// Cells that refer to the table, counted for the part's header.
    private(set) var uses = 0

    func number(_ text: String) -> Int {
        uses += 1
        let key = Bytes(text)
        if let known = numbers[key] { return known }
        let number = texts.count
        numbers[key] = number
        texts.append(text)
        return number
    }

    /// Column widths of the texts, by number, counted when first asked (0: not yet).
    private var widths: [Int] = []

    /// How many characters wide text `number` shows, up to `cap` (always the same cap).
    func width(_ number: Int, cap: Int) -> Int {
        if widths.count < texts.count { widths.append(contentsOf: repeatElement(0, count: texts.count - widths.count)) }
        if widths[number] == 0 { widths[number] = SpreadsheetCell.longestLine(texts[number], cap: cap) + 1 }
        return widths[number] - 1
    }

    /// Between the passes: uses are counted again as the cells are written.
    func startWriting() { uses = 0 }

    /// Uses of cells not made again in the second pass (rows deflated in the first).
    func countUses(_ count: Int) { uses += count }

    var xml: [UInt8] {
        var out = Array(SpreadsheetXML.declaration.utf8)
        out.append(contentsOf: #"<sst xmlns="\#(SpreadsheetXML.mainNamespace)" count="\#(uses)" uniqueCount="\#(texts.count)">"#.utf8)
        for text in texts {
            out.append(contentsOf: SpreadsheetXML.needsPreserve(text) ? #"<si><t xml:space="preserve">"#.utf8 : "<si><t>".utf8)
            SpreadsheetXML.escape(text, into: &out)
            out.append(contentsOf: "</t></si>".utf8)
        }
        out.append(contentsOf: "</sst>".utf8)
        return out
    }
}

/// A text compared and hashed by its UTF-8 bytes.
private struct Bytes: Hashable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (a: Bytes, b: Bytes) -> Bool {
        // Compared as memory, not element by element through the generic view.
        guard a.text.utf8.count == b.text.utf8.count else { return false }
        var left = a.text, right = b.text
        return left.withUTF8 { l in right.withUTF8 { r in l.count == 0 || memcmp(l.baseAddress!, r.baseAddress!, l.count) == 0 } }
    }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
