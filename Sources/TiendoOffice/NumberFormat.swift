/// Writes a list counter as Word shows it for a w:numFmt: 3 → "3", "c",
/// "C", "iii", "III", "03".
enum NumberFormat {
    static func text(_ value: Int, format: String) -> String {
        switch format {
        case "lowerLetter": return letters(value, upper: false)
        case "upperLetter": return letters(value, upper: true)
        case "lowerRoman": return roman(value).lowercased()
        case "upperRoman": return roman(value)
        case "decimalZero": return value >= 0 && value < 10 ? "0\(value)" : "\(value)"
        case "none", "bullet": return ""
        default: return "\(value)"
        }
    }

    /// Word repeats the letter past z: 27 → "aa", 28 → "bb".
    static func letters(_ value: Int, upper: Bool) -> String {
        guard value > 0 else { return "\(value)" }
        let letter = Character(Unicode.Scalar(UInt8((upper ? 65 : 97) + (value - 1) % 26)))
        return String(repeating: letter, count: min((value - 1) / 26 + 1, 50))
    }

    static func roman(_ value: Int) -> String {
        guard value > 0, value < 4000 else { return "\(value)" }
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                                      (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var rest = value
        var out = ""
        for (amount, symbol) in table {
            while rest >= amount { out += symbol; rest -= amount }
        }
        return out
    }
}
