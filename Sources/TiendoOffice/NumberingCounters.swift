/// Word's list counters as a document is read in order, giving each
/// numbered paragraph the label Word shows ("2.", "2.1.", "c)", "IV.").
///
/// As in Word, counters belong to the list definition (abstractNum): list
/// instances of one definition continue each other's numbering, unless an
/// instance overrides a level's start, which restarts that level the first
/// time the instance is used. A level restarts after any shallower level.
struct NumberingCounters {
    private let numbering: WordNumbering
    private var counters: [String: [Int?]] = [:]
    private var startedInstances = Set<String>()

    init(_ numbering: WordNumbering) { self.numbering = numbering }

    struct Label {
        var text: String
        var format: RunFormat
        var suffix: String
    }

    mutating func label(numID: String, level index: Int) -> Label? {
        // numId 0 removes the numbering a style would give.
        guard numID != "0", let instance = numbering.instances[numID], (0...8).contains(index),
              let level = numbering.level(numID: numID, index: index) else { return nil }
        let key = instance.abstractID
        var values = counters[key] ?? Array(repeating: nil, count: 9)
        if !startedInstances.contains(numID) {
            startedInstances.insert(numID)
            for overridden in instance.startOverrides.keys { values[overridden] = nil }
        }
        func start(_ at: Int) -> Int {
            instance.startOverrides[at] ?? numbering.level(numID: numID, index: at)?.start ?? 1
        }
        values[index] = values[index].map { $0 + 1 } ?? start(index)
        for deeper in (index + 1)..<9 { values[deeper] = nil }
        counters[key] = values

        var text = ""
        if level.format == "bullet" {
            text = Self.bullet(level)
        } else {
            var characters = Array(level.text)
            var position = 0
            while position < characters.count {
                let character = characters[position]
                if character == "%", position + 1 < characters.count, let digit = characters[position + 1].wholeNumberValue,
                   (1...9).contains(digit) {
                    let referenced = digit - 1
                    let value = values[referenced] ?? start(referenced)
                    let format = level.legal ? "decimal" : (numbering.level(numID: numID, index: referenced)?.format ?? "decimal")
                    text += NumberFormat.text(value, format: format)
                    position += 2
                } else {
                    text.append(character)
                    position += 1
                }
            }
            characters.removeAll()
        }
        guard !text.isEmpty else { return nil }
        return Label(text: text, format: level.runFormat, suffix: level.suffix)
    }

    /// A bullet as Markdown can show it: "-" and "+" as written (the
    /// documents' own dash and plus lists), "–" and other visible dashes
    /// kept; a symbol-font glyph or a typographic dot is a plain bullet, "-".
    static func bullet(_ level: WordNumbering.Level) -> String {
        let text = level.text
        if text == "-" || text == "+" { return text }
        if ["–", "—", "−"].contains(text), !level.symbolFont { return text }
        if text.isEmpty { return "" }
        return "-"
    }
}
