/// The numbering part (word/numbering.xml): list definitions (abstractNum,
/// one w:lvl per level: start, format, text such as "%1.%2."), and the list
/// instances paragraphs point to (w:num, with start overrides).
struct WordNumbering {
    struct Level {
        var start = 1
        var format = "decimal"
        var text = ""
        /// "Legal" numbering shows every level's counter in decimal.
        var legal = false
        /// What follows the label: a tab (the default), a space, or nothing.
        var suffix = "tab"
        var runFormat = RunFormat()
        /// A bullet drawn from a symbol font (Symbol, Wingdings): its character means nothing as text.
        var symbolFont = false
    }

    struct Instance {
        var abstractID: String
        var startOverrides: [Int: Int] = [:]
        var levelOverrides: [Int: Level] = [:]
    }

    private(set) var abstracts: [String: [Int: Level]] = [:]
    private(set) var instances: [String: Instance] = [:]

    init() {}

    init(_ root: XMLElement) {
        for abstract in root.children("abstractNum") {
            guard let id = abstract["abstractNumId"] else { continue }
            var levels: [Int: Level] = [:]
            for element in abstract.children("lvl") {
                guard let index = element["ilvl"].flatMap({ Int($0) }), (0...8).contains(index) else { continue }
                levels[index] = Self.level(element)
            }
            abstracts[id] = levels
        }
        for num in root.children("num") {
            guard let id = num["numId"], let abstractID = num.child("abstractNumId")?["val"] else { continue }
            var instance = Instance(abstractID: abstractID)
            for override in num.children("lvlOverride") {
                guard let index = override["ilvl"].flatMap({ Int($0) }), (0...8).contains(index) else { continue }
                if let start = override.child("startOverride")?["val"].flatMap({ Int($0) }) {
                    instance.startOverrides[index] = start
                }
                if let level = override.child("lvl") {
                    instance.levelOverrides[index] = Self.level(level)
                }
            }
            instances[id] = instance
        }
    }

    static func level(_ element: XMLElement) -> Level {
        var level = Level()
        if let start = element.child("start")?["val"].flatMap({ Int($0) }) { level.start = start }
        if let format = element.child("numFmt")?["val"] { level.format = format }
        level.text = element.child("lvlText")?["val"] ?? ""
        level.legal = element.child("isLgl")?.isOn ?? false
        if let suffix = element.child("suff")?["val"] { level.suffix = suffix }
        let runProperties = element.child("rPr")
        level.runFormat = RunFormat(runProperties)
        if let fonts = runProperties?.child("rFonts") {
            let names = [fonts["ascii"], fonts["hAnsi"], fonts["cs"]].compactMap { $0?.lowercased() }
            level.symbolFont = names.contains { $0.contains("symbol") || $0.contains("wingdings") || $0.contains("webdings") }
        }
        return level
    }

    /// The level definition for a paragraph, with the instance's overrides.
    func level(numID: String, index: Int) -> Level? {
        guard let instance = instances[numID] else { return nil }
        if let override = instance.levelOverrides[index] { return override }
        return abstracts[instance.abstractID]?[index]
    }
}
