import TiendoCore

/// The small pieces of SpreadsheetML every part is written with: escaped
/// text, cell references, numbers and dates as Excel stores them.
enum SpreadsheetXML {
    static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\r\n"
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// Excel's limit on a cell's text, in UTF-16 code units.
    static let maxCellText = 32_767

    /// `text` escaped for an element's content or an attribute value.
    /// Characters XML 1.0 cannot carry (C0 controls but tab, line feed and
    /// carriage return; U+FFFE, U+FFFF) are written the way Excel writes
    /// them, `_x000B_`; a literal `_x000B_` in the text is kept literal by
    /// escaping its underscore (`_x005F_`), as Excel does.
    static func escape(_ text: String, into out: inout [UInt8]) {
        // Byte by byte: every character that needs escaping is ASCII, or
        // U+FFFE / U+FFFF (EF BF BE, EF BF BF); the rest is copied as it is.
        var text = text
        text.withUTF8 { bytes in
            out.reserveCapacity(out.count + bytes.count)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case 0x26: out.append(contentsOf: "&amp;".utf8)
                case 0x3C: out.append(contentsOf: "&lt;".utf8)
                case 0x3E: out.append(contentsOf: "&gt;".utf8)
                case 0x22: out.append(contentsOf: "&quot;".utf8)
                case 0x09, 0x0A: out.append(byte)
                // A carriage return would be read back as a line feed: keep it as a character reference.
                case 0x0D: out.append(contentsOf: "&#13;".utf8)
                case 0x00..<0x20: out.append(contentsOf: hexEscape(UInt32(byte)).utf8)
                case 0x5F where looksLikeHexEscape(bytes, at: index): out.append(contentsOf: "_x005F_".utf8)
                case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBF && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF):
                    out.append(contentsOf: hexEscape(bytes[index + 2] == 0xBE ? 0xFFFE : 0xFFFF).utf8)
                    index += 2
                default: out.append(byte)
                }
                index += 1
            }
        }
    }

    static func escaped(_ text: String) -> String {
        var out: [UInt8] = []
        escape(text, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func hexEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "_x" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "_"
    }

    /// Whether `_xHHHH_` starts at `index` (all ASCII, so bytes and characters agree).
    static func looksLikeHexEscape(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index + 6 < bytes.count, bytes[index + 1] == UInt8(ascii: "x"), bytes[index + 6] == UInt8(ascii: "_") else { return false }
        return (index + 2...index + 5).allSatisfy { position in
            let byte = bytes[position]
            return (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
        }
    }

    /// Text within Excel's limit for one cell, cut with an ellipsis when longer.
    static func cellText(_ text: String) -> String {
        // A character takes no fewer UTF-8 bytes than UTF-16 units: most texts need no counting.
        guard text.utf8.count > maxCellText, text.utf16.count > maxCellText else { return text }
        var cut = ""
        var units = 0
        for character in text {
            let size = character.utf16.count
            if units + size > maxCellText - 1 { break }
            cut.append(character)
            units += size
        }
        return cut + "…"
    }

    /// Whether text needs `xml:space="preserve"` to keep its spaces and line breaks.
    static func needsPreserve(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        if first == " " || last == " " || first == "\t" || last == "\t" { return true }
        // Foundation's `contains` compares character clusters and was a tenth
        // of a build: a text with no line feed byte and no two space bytes in
        // a row (nearly all) cannot contain either; the others are asked the
        // Foundation way, so the answer is the same.
        var previous: UInt8 = 0
        var maybe = false
        for byte in text.utf8 {
            if byte == 0x0A || (byte == 0x20 && previous == 0x20) { maybe = true; break }
            previous = byte
        }
        return maybe && (text.contains("\n") || text.contains("  "))
    }

    /// A non-negative integer's decimal digits, without making a String.
    static func appendDecimal(_ value: Int, into out: inout [UInt8]) {
        guard value >= 10 else {
            out.append(UInt8(truncatingIfNeeded: max(0, value)) + 48)
            return
        }
        appendDecimal(value / 10, into: &out)
        out.append(UInt8(truncatingIfNeeded: value % 10) + 48)
    }

    /// "A", "Z", "AA": the letters of a zero-based column.
    static func columnLetters(_ index: Int) -> String {
        var number = index + 1
        var letters: [Character] = []
        while number > 0 {
            let remainder = (number - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + remainder))))
            number = (number - 1) / 26
        }
        return String(letters.reversed())
    }

    /// "C7": a zero-based column and a one-based row.
    static func reference(column: Int, row: Int) -> String { columnLetters(column) + String(row) }

    /// A number as the shortest text that reads back as the same Double;
    /// whole numbers without a decimal point.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }

    /// Excel's serial day (1900 date system): 1 is 01/01/1900, and Excel
    /// counts a 29/02/1900 that never was, so days from 01/03/1900 on are
    /// the days since 30/12/1899.
    static func serial(_ date: CivilDate) -> Int {
        // 30/12/1899 by its day number: readers name days only from 1900 on.
        let base = CivilDate(dayNumber: -25_569)
        let days = date.dayNumber - base.dayNumber
        return days >= 61 ? days : days - 1
    }
}
