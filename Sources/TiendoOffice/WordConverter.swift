import Foundation

/// Walks a document's body in order and writes it as Markdown blocks:
/// paragraphs (headings from their style, numbering written out as Word
/// shows it), tables (layout tables as paragraphs, data tables as pipe
/// tables), footnotes at the end. Tracked changes are read as accepted:
/// insertions kept, deletions dropped. Field codes are dropped, and so are
/// the results of fields that change with the page or the day (PAGE, DATE).
struct WordConverter {
    private let styles: WordStyles
    private var counters: NumberingCounters
    private let footnoteElements: [String: XMLElement]
    private var footnoteOrder: [String] = []
    private var fields: [Field] = []
    private(set) var conversion = WordConversion(markdown: "")

    private struct Field {
        var instruction = ""
        var inResult = false
        var keepsResult: Bool {
            let keyword = instruction.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map { $0.uppercased() } ?? ""
            return !Self.dropped.contains(keyword)
        }
        static let dropped: Set<String> = ["PAGE", "NUMPAGES", "SECTIONPAGES", "SECTION", "PAGEREF", "DATE", "TIME",
                                          "PRINTDATE", "SAVEDATE", "CREATEDATE", "EDITTIME", "FILENAME", "FILESIZE",
                                          "NUMWORDS", "NUMCHARS", "TOC", "INDEX", "REVNUM", "USERNAME", "AUTHOR"]
    }

    init(styles: WordStyles, numbering: WordNumbering, footnotes: XMLElement?) {
        self.styles = styles
        self.counters = NumberingCounters(numbering)
        var elements: [String: XMLElement] = [:]
        for footnote in footnotes?.children("footnote") ?? [] {
            // Separators (types "separator", "continuationSeparator") are the line above the notes, not notes.
            guard let id = footnote["id"], footnote["type"] == nil || footnote["type"] == "normal" else { continue }
            elements[id] = footnote
        }
        self.footnoteElements = elements
    }

    // MARK: Blocks

    indirect enum Block {
        case paragraph(heading: Int?, segments: [InlineSegment])
        case table(rows: [[Cell]])
    }

    struct Cell {
        var blocks: [Block]
        var span: Int
        /// A cell continuing a vertical merge: shown empty, its text is in the cell above.
        var continuesAbove: Bool
    }

    /// Converts the whole document: body blocks, then footnotes.
    mutating func convert(document root: XMLElement) -> String {
        let body = root.child("body") ?? root
        var out: [String] = []
        for block in blocks(in: body) { out += render(block) }
        var index = 0
        // A footnote may cite another, which joins the list as it is read.
        while index < footnoteOrder.count {
            let id = footnoteOrder[index]
            index += 1
            guard let element = footnoteElements[id] else { continue }
            var first = true
            for block in blocks(in: element) {
                guard case .paragraph(_, var segments) = block else { out += render(block); continue }
                if first {
                    // The note's text often starts with the space Word puts after its number.
                    while let head = segments.first, head.isBlank { segments.removeFirst() }
                    if !segments.isEmpty { segments[0].text = String(segments[0].text.drop(while: InlineSegment.isSpace)) }
                    segments.insert(InlineSegment("[\(index)] "), at: 0)
                    first = false
                }
                out += render(.paragraph(heading: nil, segments: segments))
            }
            conversion.footnotes += 1
        }
        return out.joined(separator: "\n\n")
    }

    mutating func blocks(in container: XMLElement) -> [Block] {
        var result: [Block] = []
        for element in container.children {
            switch element.name {
            case "p":
                result.append(paragraph(element))
            case "tbl":
                result.append(table(element))
            case "sdt":
                if let content = element.child("sdtContent") { result += blocks(in: content) }
            case "customXml", "ins", "moveTo", "sdtContent":
                result += blocks(in: element)
            default:
                // del/moveFrom hold deleted paragraphs' runs; sectPr, bookmarks and the like hold no text.
                continue
            }
        }
        return result
    }

    // MARK: Paragraphs

    mutating func paragraph(_ element: XMLElement) -> Block {
        let properties = element.child("pPr")
        let styleID = properties?.child("pStyle")?["val"] ?? styles.defaultParagraphStyle
        let heading = styles.headingLevel(styleID)
        // A heading's style is bold by definition; the "#" says so already.
        let styleFormat = heading == nil ? styles.format(styleID).over(styles.defaults) : RunFormat()
        var segments: [InlineSegment] = []

        let numberingProperties = properties?.child("numPr")
        let styleNumbering = styles.numbering(styleID)
        if let numID = numberingProperties?.child("numId")?["val"] ?? styleNumbering?.numID {
            let level = numberingProperties?.child("ilvl")?["val"].flatMap { Int($0) } ?? styleNumbering?.level ?? 0
            if let label = counters.label(numID: numID, level: level) {
                // Word draws the label with the paragraph mark's formatting and the level's own.
                let markFormat = RunFormat(properties?.child("rPr"))
                let format = label.format.over(markFormat).over(styleFormat)
                segments.append(InlineSegment(label.text, bold: format.isBold, italic: format.isItalic))
                if label.suffix != "nothing" { segments.append(InlineSegment(" ")) }
            }
        }
        inline(element, base: styleFormat, into: &segments)
        if segments.contains(where: { !$0.isBlank }) { conversion.paragraphs += 1 }
        return .paragraph(heading: heading, segments: segments)
    }

    private var visible: Bool { fields.allSatisfy { $0.inResult && $0.keepsResult } }

    /// The runs of a paragraph (or of anything that holds runs), in order.
    mutating func inline(_ container: XMLElement, base: RunFormat, into segments: inout [InlineSegment]) {
        for element in container.children {
            switch element.name {
            case "r":
                run(element, base: base, into: &segments)
            case "ins", "moveTo":
                conversion.insertions += 1
                inline(element, base: base, into: &segments)
            case "del", "moveFrom":
                conversion.deletions += 1
            case "hyperlink", "smartTag", "customXml", "sdtContent", "bdo", "dir", "oMath", "oMathPara":
                inline(element, base: base, into: &segments)
            case "sdt":
                if let content = element.child("sdtContent") { inline(content, base: base, into: &segments) }
            case "fldSimple":
                var field = Field(instruction: element["instr"] ?? "", inResult: true)
                field.instruction = field.instruction.trimmingCharacters(in: .whitespaces)
                fields.append(field)
                inline(element, base: base, into: &segments)
                fields.removeLast()
            case "AlternateContent":
                if let choice = element.child("Choice") { inline(choice, base: base, into: &segments) }
            default:
                continue
            }
        }
    }

    mutating func run(_ element: XMLElement, base: RunFormat, into segments: inout [InlineSegment]) {
        let properties = element.child("rPr")
        if properties?.child("vanish")?.isOn == true || properties?.child("webHidden")?.isOn == true {
            // Hidden text is not what the document shows; field characters inside still count.
            for child in element.children where child.name == "fldChar" { fieldCharacter(child) }
            return
        }
        let format = RunFormat(properties).over(styles.format(properties?.child("rStyle")?["val"])).over(base)
        runContent(element.children, format: format, into: &segments)
    }

    mutating func runContent(_ children: [XMLElement], format: RunFormat, into segments: inout [InlineSegment]) {
        func add(_ text: String) {
            guard visible, !text.isEmpty else { return }
            segments.append(InlineSegment(text, bold: format.isBold, italic: format.isItalic))
        }
        for child in children {
            switch child.name {
            case "t": add(child.text)
            case "tab", "ptab": add("\t")
            case "br":
                let type = child["type"] ?? "textWrapping"
                if type == "textWrapping" { add("\n") }
            case "cr": add("\n")
            case "noBreakHyphen": add("-")
            case "fldChar": fieldCharacter(child)
            case "instrText":
                if !fields.isEmpty { fields[fields.count - 1].instruction += child.text }
            case "drawing", "pict", "object":
                if visible { conversion.skippedImages += 1 }
            case "AlternateContent":
                // The same content twice (for new and old Word): the first choice only.
                if let choice = child.child("Choice") { runContent(choice.children, format: format, into: &segments) }
            case "footnoteReference":
                guard visible, let id = child["id"] else { continue }
                if !footnoteOrder.contains(id) { footnoteOrder.append(id) }
                add("[\(footnoteOrder.firstIndex(of: id)! + 1)]")
            default:
                // delText (deleted), footnoteRef (the note's own number), sym, softHyphen, page breaks: no text.
                continue
            }
        }
    }

    mutating func fieldCharacter(_ element: XMLElement) {
        switch element["fldCharType"] {
        case "begin": fields.append(Field())
        case "separate": if !fields.isEmpty { fields[fields.count - 1].inResult = true }
        case "end": _ = fields.popLast()
        default: break
        }
    }

    // MARK: Tables

    mutating func table(_ element: XMLElement) -> Block {
        var rows: [[Cell]] = []
        for row in element.children where row.name == "tr" || row.name == "ins" || row.name == "sdt" || row.name == "customXml" {
            for tr in Self.rows(row) {
                // A row deleted with tracked changes on is not in the document as accepted.
                if tr.child("trPr")?.child("del") != nil { conversion.deletions += 1; continue }
                var cells: [Cell] = []
                if let before = tr.child("trPr")?.child("gridBefore")?["val"].flatMap({ Int($0) }), before > 0 {
                    cells.append(Cell(blocks: [], span: min(before, 64), continuesAbove: false))
                }
                for tc in Self.cells(tr) {
                    let properties = tc.child("tcPr")
                    let span = max(1, min(properties?.child("gridSpan")?["val"].flatMap { Int($0) } ?? 1, 64))
                    let merge = properties?.child("vMerge")
                    let continues = merge != nil && (merge?["val"] ?? "continue") == "continue"
                    let content = blocks(in: tc)
                    cells.append(Cell(blocks: continues ? [] : content, span: span, continuesAbove: continues))
                }
                rows.append(cells)
            }
        }
        conversion.tables += 1
        return .table(rows: rows)
    }

    static func rows(_ element: XMLElement) -> [XMLElement] {
        if element.name == "tr" { return [element] }
        let inner = element.name == "sdt" ? (element.child("sdtContent") ?? element) : element
        return inner.children.flatMap { $0.name == "tr" || $0.name == "sdt" || $0.name == "customXml" ? rows($0) : [] }
    }

    static func cells(_ row: XMLElement) -> [XMLElement] {
        row.children.flatMap { child -> [XMLElement] in
            switch child.name {
            case "tc": return [child]
            case "sdt": return cells(child.child("sdtContent") ?? child)
            case "customXml": return cells(child)
            default: return []
            }
        }
    }

    // MARK: Markdown

    func render(_ block: Block) -> [String] {
        switch block {
        case .paragraph(let heading, let segments):
            let text = MarkdownInline.write(segments, context: .block)
            guard !text.allSatisfy(InlineSegment.isSpace) else { return [] }
            if let heading { return [String(repeating: "#", count: heading) + " " + text.replacingOccurrences(of: "  \n", with: " ")] }
            return [text]
        case .table(let rows):
            if LayoutTable.isLayout(rows) {
                // The header (issuer | motto; number | place and date) and the
                // signature are tables only to place text side by side: read
                // row by row they are the paragraphs the directive reader knows.
                return rows.flatMap { $0.flatMap { $0.blocks.flatMap(render) } }
            }
            return [PipeTableWriter.write(rows)].filter { !$0.isEmpty }
        }
    }
}
