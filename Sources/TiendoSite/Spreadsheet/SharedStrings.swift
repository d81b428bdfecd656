/// The workbook's table of distinct texts: a cell refers to its text by
/// number, so the 114 unit names and a handful of class words repeated on
/// every row are stored once. Numbered in order of first use, so the same
/// sheets give the same table. Shared by the two passes over each sheet:
/// the first numbers the texts, the second finds the same numbers and
/// counts the cells that use them. The table is written after the sheets.
final class SharedStrings {
    private var numbers: [String: Int] = [:]
    private(set) var texts: [String] = []
    /// Cells that refer to the table, counted for the part's header.
    private(set) var uses = 0

    func number(_ text: String) -> Int {
        uses += 1
        if let known = numbers[text] { return known }
        let number = texts.count
        numbers[text] = number
        texts.append(text)
        return number
    }

    /// Between the passes: uses are counted again as the cells are written.
    func startWriting() { uses = 0 }

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
