import TiendoCore
/// Writes CSV for spreadsheets: UTF-8 with BOM, CRLF, quoted where needed,
/// and cells beginning with = + - @ neutralised so Excel never runs them
/// as formulas when a clerk opens the file.
public enum CSVWriter {
    public static func document(_ rows: [[String]]) -> String {
        "\u{FEFF}" + rows.map { $0.map(cell).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    public static func cell(_ value: String) -> String {
        var text = ControlCharacters.removed(from: value)
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
            // A leading apostrophe is how Excel itself marks "text, not formula".
            text = "'" + text
        }
        // Scalars, not Characters: "\r\n" or a quote followed by a combining mark is one Character.
        if text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" }) {
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return text
    }
}
