/// Characters no page, feed or export may carry: C0 controls other than
/// tab, line feed and carriage return; DEL and the C1 controls; and the
/// Unicode noncharacters (U+FDD0...U+FDEF and the last two code points of
/// every plane, U+FFFE and U+FFFF among them). XML 1.0 forbids several even
/// escaped (a U+FFFF in a note made the Atom feed unreadable), HTML counts
/// them as parse errors, and a clerk never means one: they come from
/// copying out of other programs. Readers drop them from what they read,
/// and every encoder drops them again, so no output depends on one place.
public enum ControlCharacters {
    public static func isDropped(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 { return value != 0x09 && value != 0x0A && value != 0x0D }
        if value < 0x7F { return false }
        if value <= 0x9F { return true }
        return (0xFDD0...0xFDEF).contains(value) || value & 0xFFFE == 0xFFFE
    }

    /// `text` without the dropped characters (the same string when it has none).
    public static func removed(from text: String) -> String {
        guard text.unicodeScalars.contains(where: isDropped) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !isDropped(scalar) { scalars.append(scalar) }
        return String(scalars)
    }

    /// How many bytes of a dropped character start at `index` of valid
    /// UTF-8 (0 when the character there is kept), for encoders that work
    /// on bytes. Only bytes below 0x20, 0x7F, 0xC2, 0xEF and 0xF0...0xF4
    /// can begin one, so callers test those first.
    public static func droppedLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        switch byte {
        case 0x09, 0x0A, 0x0D: return 0
        case 0..<0x20, 0x7F: return 1
        case 0xC2:
            // U+0080...U+009F: C2 80...C2 9F.
            return index + 1 < bytes.count && bytes[index + 1] <= 0x9F ? 2 : 0
        case 0xEF:
            guard index + 2 < bytes.count else { return 0 }
            let value = (UInt32(bytes[index + 1] & 0x3F) << 6) | UInt32(bytes[index + 2] & 0x3F) | 0xF000
            return isDropped(Unicode.Scalar(value)!) ? 3 : 0
        case 0xF0...0xF4:
            guard index + 3 < bytes.count else { return 0 }
            // Noncharacters of planes 1...16 end in BF BE or BF BF.
            return bytes[index + 2] == 0xBF && bytes[index + 3] & 0xFE == 0xBE && bytes[index + 1] & 0x0F == 0x0F ? 4 : 0
        default: return 0
        }
    }

    /// Whether `byte` can begin a dropped character.
    @inline(__always)
    public static func mayBeginDropped(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x7F || byte == 0xC2 || byte == 0xEF || (0xF0...0xF4).contains(byte)
    }
}
