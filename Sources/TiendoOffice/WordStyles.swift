/// The styles part (word/styles.xml): which paragraph styles are headings,
/// what formatting and numbering a style gives, through its basedOn chain.
struct WordStyles {
    struct Style {
        var name: String
        var basedOn: String?
        var format: RunFormat
        var outlineLevel: Int?
        var numbering: (numID: String, level: Int?)?
    }

    private var styles: [String: Style] = [:]
    private(set) var defaults = RunFormat()
    private(set) var defaultParagraphStyle: String?

    init() {}

    init(_ root: XMLElement) {
        if let defaultsElement = root.child("docDefaults")?.child("rPrDefault")?.child("rPr") {
            defaults = RunFormat(defaultsElement)
        }
        for element in root.children("style") {
            guard let id = element["styleId"] else { continue }
            let pPr = element.child("pPr")
            var numbering: (String, Int?)?
            if let numPr = pPr?.child("numPr"), let numID = numPr.child("numId")?["val"] {
                numbering = (numID, numPr.child("ilvl")?["val"].flatMap { Int($0) })
            }
            styles[id] = Style(name: element.child("name")?["val"] ?? id,
                               basedOn: element.child("basedOn")?["val"],
                               format: RunFormat(element.child("rPr")),
                               outlineLevel: pPr?.child("outlineLvl")?["val"].flatMap { Int($0) },
                               numbering: numbering)
            if element["type"] == "paragraph", element["default"].map({ $0 == "1" || $0 == "true" }) == true {
                defaultParagraphStyle = id
            }
        }
    }

    /// The style and those it is based on, nearest first; a cycle stops it.
    private func chain(_ id: String?) -> [Style] {
        var result: [Style] = []
        var seen = Set<String>()
        var next = id
        while let current = next, !seen.contains(current), let style = styles[current], result.count < 32 {
            seen.insert(current)
            result.append(style)
            next = style.basedOn
        }
        return result
    }

    /// The formatting a style gives (its own, over what it is based on).
    func format(_ id: String?) -> RunFormat {
        chain(id).reduce(RunFormat()) { $0.over($1.format) }
    }

    /// 1...6 for "heading 1"... (Word keeps built-in names in English even
    /// in a Vietnamese Word, whose style ids may be localised), or from the
    /// style's outline level.
    func headingLevel(_ id: String?) -> Int? {
        for style in chain(id) {
            let name = style.name.lowercased()
            if name.hasPrefix("heading "), let level = Int(name.dropFirst("heading ".count)), (1...9).contains(level) {
                return min(level, 6)
            }
            if let outline = style.outlineLevel, (0...8).contains(outline) { return min(outline + 1, 6) }
        }
        return nil
    }

    /// Numbering a paragraph style carries (headings linked to a multilevel list).
    func numbering(_ id: String?) -> (numID: String, level: Int?)? {
        chain(id).lazy.compactMap(\.numbering).first
    }
}
