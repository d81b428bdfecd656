import TiendoCore

/// iCalendar feeds (RFC 5545): one all-day event per dated deadline, with
/// stable UIDs so a calendar app updates events instead of duplicating
/// them, text escaped, CRLF line ends and lines folded at 75 octets.
///
/// A province's unit feeds hold over a hundred thousand events, so a feed is
/// written straight into UTF-8 bytes: text is escaped byte by byte and lines
/// are folded as they are written, with no intermediate strings per line.
enum ICalendar {
    /// The longest physical line, in octets, CRLF not counted (§3.1).
    static let lineLimit = 75

    /// A feed being written. Content lines are built from pieces — literal
    /// bytes, already-escaped TEXT, or text to escape now — and folded as
    /// the pieces arrive, so a piece escaped once can be reused in many feeds.
    struct Writer {
        private(set) var bytes: [UInt8] = []
        /// Octets on the current physical line; a fold leaves one (the space).
        private var column = 0

        /// Starts the calendar named `name`.
        init(name: String, reservingCapacity capacity: Int = 0) {
            bytes.reserveCapacity(capacity)
            for line in ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//tiendo//Theo doi tien do van ban chi dao//VI",
                         "CALSCALE:GREGORIAN", "METHOD:PUBLISH"] {
                self.line(line)
            }
            append("X-WR-CALNAME:")
            appendEscaped(name)
            endLine()
        }

        /// Ends the calendar and hands over its bytes.
        mutating func finish() -> [UInt8] {
            line("END:VCALENDAR")
            return bytes
        }

        /// A whole content line whose text needs no escaping.
        mutating func line(_ text: String) {
            append(text)
            endLine()
        }

        mutating func endLine() {
            bytes.append(0x0D)
            bytes.append(0x0A)
            column = 0
        }

        mutating func append(_ text: String) {
            var text = text
            text.withUTF8 { append($0) }
        }

        /// Escapes `text` as a TEXT value, then appends it.
        mutating func appendEscaped(_ text: String) {
            append(ICalendar.escaped(text))
        }

        /// A date as yyyymmdd (`CivilDate.compact`), written digit by digit:
        /// a feed has two dates an event, and a string for each is measurable.
        mutating func append(_ date: CivilDate) {
            guard (0...9999).contains(date.year) else { return append(date.compact) }
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 8) { digits in
                var value = (date.year * 100 + date.month) * 100 + date.day
                for index in (0..<8).reversed() {
                    digits[index] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                }
                append(UnsafeBufferPointer(digits))
            }
        }

        mutating func append(_ piece: [UInt8]) {
            piece.withUnsafeBufferPointer { append($0) }
        }

        /// Appends bytes of the current content line, folding before any
        /// UTF-8 sequence that would take the physical line past 75 octets.
        /// The bytes must be whole UTF-8 sequences, as any String's are.
        mutating func append(_ piece: UnsafeBufferPointer<UInt8>) {
            var start = 0
            while piece.count - start > ICalendar.lineLimit - column {
                // The first byte that does not fit; if it continues a
                // sequence, the whole sequence moves to the next line.
                var end = start + (ICalendar.lineLimit - column)
                while end > start && piece[end] & 0xC0 == 0x80 { end -= 1 }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: piece[start..<end]))
                bytes.append(0x0D)
                bytes.append(0x0A)
                bytes.append(0x20)
                column = 1
                start = end
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: piece[start...]))
            column += piece.count - start
        }
    }

    /// TEXT escaping of RFC 5545 §3.3.11, as UTF-8: backslash, semicolon and
    /// comma escaped, a newline written as \n, other control characters
    /// (CR among them) dropped. Every byte that matters is ASCII, and UTF-8
    /// never uses ASCII values inside a multi-byte sequence, so working on
    /// bytes treats each character exactly as working on scalars would.
    static func escaped(_ text: String) -> [UInt8] {
        var text = text
        return text.withUTF8 { source in
            var out: [UInt8] = []
            out.reserveCapacity(source.count + source.count / 16)
            var index = 0
            while index < source.count {
                let byte = source[index]
                index += 1
                switch byte {
                case UInt8(ascii: "\\"), UInt8(ascii: ";"), UInt8(ascii: ","):
                    out.append(UInt8(ascii: "\\"))
                    out.append(byte)
                case UInt8(ascii: "\n"):
                    out.append(UInt8(ascii: "\\"))
                    out.append(UInt8(ascii: "n"))
                case 0..<0x20, 0x7F:
                    continue
                case 0xC2, 0xEF, 0xF0...0xF4:
                    // C1 controls and noncharacters: no calendar program means one.
                    let length = ControlCharacters.droppedLength(source, at: index - 1)
                    if length > 0 { index += length - 1 } else { out.append(byte) }
                default:
                    out.append(byte)
                }
            }
            return out
        }
    }
}
