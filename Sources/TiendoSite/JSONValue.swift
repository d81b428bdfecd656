import TiendoCore
/// A JSON value with object keys kept in the order written, so exports and
/// `tasks --json` read naturally and are byte-identical from run to run.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])
    /// JSON already written, compact, put in as is: a long array that its
    /// producer writes straight to bytes rather than as a tree of values.
    case raw([UInt8])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.serialized() == rhs.serialized()
    }

    public static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }

    /// Pretty-printed with two-space indentation and a final newline when `pretty`.
    public func serialized(pretty: Bool = false) -> String {
        String(decoding: utf8(pretty: pretty), as: UTF8.self)
    }

    /// The serialized text as UTF-8 bytes. Written straight into one byte
    /// buffer: the progress export runs to tens of megabytes.
    public func utf8(pretty: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        write(into: &out, indent: pretty ? 0 : nil)
        if pretty { out.append(UInt8(ascii: "\n")) }
        return out
    }

    private func write(into out: inout [UInt8], indent: Int?) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let value): out.append(contentsOf: (value ? "true" : "false").utf8)
        case .int(let value): out.append(contentsOf: String(value).utf8)
        case .number(let value):
            // Figures are percentages: one decimal is what a report shows.
            let rounded = (value * 10).rounded() / 10
            out.append(contentsOf: (rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)).utf8)
        case .string(let value): JSONValue.escape(value, into: &out)
        case .raw(let bytes): out.append(contentsOf: bytes)
        case .array(let values):
            if values.isEmpty { out.append(contentsOf: "[]".utf8); return }
            out.append(UInt8(ascii: "["))
            for (i, value) in values.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(&out, indent.map { $0 + 1 })
                value.write(into: &out, indent: indent.map { $0 + 1 })
            }
            newline(&out, indent)
            out.append(UInt8(ascii: "]"))
        case .object(let pairs):
            if pairs.isEmpty { out.append(contentsOf: "{}".utf8); return }
            out.append(UInt8(ascii: "{"))
            for (i, (key, value)) in pairs.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(&out, indent.map { $0 + 1 })
                JSONValue.escape(key, into: &out)
                out.append(UInt8(ascii: ":"))
                if indent != nil { out.append(UInt8(ascii: " ")) }
                value.write(into: &out, indent: indent.map { $0 + 1 })
            }
            newline(&out, indent)
            out.append(UInt8(ascii: "}"))
        }
    }

    private func newline(_ out: inout [UInt8], _ indent: Int?) {
        guard let indent else { return }
        out.append(UInt8(ascii: "\n"))
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * indent))
    }

    /// Bytes `escape` copies as they are: all but controls, `" \ < > &`,
    /// 0xE2, which may start U+2028 or U+2029, and the bytes that may begin
    /// a C1 control or a noncharacter.
    private static let plainBytes: [Bool] = (0...255).map { (value: Int) -> Bool in
        let byte = UInt8(value)
        if byte < 0x20 || byte == 0xE2 || ControlCharacters.mayBeginDropped(byte) { return false }
        return !"\"\\<>&".utf8.contains(byte)
    }

    /// Escapes for JSON; also "<", ">" and "&" so JSON embedded in a page can
    /// never close a script element or open markup, and U+2028/U+2029, which
    /// end a line in older JavaScript. Works on UTF-8 bytes: everything
    /// escaped but those two is ASCII, which never occurs inside a
    /// multi-byte sequence, and they are found by their three bytes.
    static func escape(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            // Bytes that need nothing are copied in runs, not one by one.
            let plain = JSONValue.plainBytes
            var runStart = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if plain[Int(byte)] {
                    index += 1
                    continue
                }
                let escape: StaticString
                var length = 1
                switch byte {
                case UInt8(ascii: "\""): escape = #"\""#
                case UInt8(ascii: "\\"): escape = #"\\"#
                case UInt8(ascii: "\n"): escape = #"\n"#
                case UInt8(ascii: "\r"): escape = #"\r"#
                case UInt8(ascii: "\t"): escape = #"\t"#
                case UInt8(ascii: "<"): escape = #"\u003c"#
                case UInt8(ascii: ">"): escape = #"\u003e"#
                case UInt8(ascii: "&"): escape = #"\u0026"#
                case 0..<0x20, 0x7F, 0xC2, 0xEF, 0xF0...0xF4:
                    // Other controls and noncharacters: JSON can carry them
                    // escaped, but no reader means one and no page shows one.
                    length = ControlCharacters.droppedLength(bytes, at: index)
                    guard length > 0 else { index += 1; continue }
                    escape = ""
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] & 0xFE == 0xA8:
                    // U+2028 is E2 80 A8, U+2029 is E2 80 A9.
                    escape = bytes[index + 2] == 0xA8 ? #"\u2028"# : #"\u2029"#
                    length = 3
                default:
                    index += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                out.append(contentsOf: UnsafeBufferPointer(start: escape.utf8Start, count: escape.utf8CodeUnitCount))
                index += length
                runStart = index
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
        out.append(UInt8(ascii: "\""))
    }
}
