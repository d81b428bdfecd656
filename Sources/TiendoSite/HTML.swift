import TiendoCore

/// Escaping for text put into HTML, by templates and by Swift code alike:
/// the five characters & < > " ' become entities, and control characters
/// and noncharacters (`ControlCharacters`) are dropped.
public enum HTML {
    public static func escape(_ text: String) -> String {
        var out: [UInt8] = []
        appendEscaped(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `text` escaped. Scans UTF-8 bytes and copies the whole string
    /// at once when nothing needs escaping, which is most values.
    static func appendEscaped(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            var index = 0
            while index < bytes.count {
                let entity: StaticString
                var length = 1
                switch bytes[index] {
                case 0x26: entity = "&amp;"
                case 0x3C: entity = "&lt;"
                case 0x3E: entity = "&gt;"
                case 0x22: entity = "&quot;"
                case 0x27: entity = "&#39;"
                case let byte where ControlCharacters.mayBeginDropped(byte):
                    length = ControlCharacters.droppedLength(bytes, at: index)
                    guard length > 0 else { index += 1; continue }
                    entity = ""
                default: index += 1; continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                entity.withUTF8Buffer { out.append(contentsOf: $0) }
                index += length
                runStart = index
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
    }
}
