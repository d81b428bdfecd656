import TiendoCore

/// A 64-bit hash that is the same on every machine and every run (Swift's
/// Hasher is seeded per process). Used to tell whether a page's inputs or a
/// file's bytes changed — for change detection, not for security. It takes
/// eight bytes per step, multiplying and folding the high bits back down so
/// a change anywhere in a word reaches every bit: the whole output of a
/// large build (hundreds of megabytes) passes through it.
public struct Fingerprint: Sendable, Hashable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    private static let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15

    private static func mix(_ state: UInt64, _ word: UInt64) -> UInt64 {
        let product = (state ^ word) &* multiplier
        return product ^ (product >> 29)
    }

    /// Adds one run of bytes; its length is part of the fingerprint.
    public mutating func add(bytes buffer: UnsafeRawBufferPointer) {
        var state = value
        let count = buffer.count
        var offset = 0
        while offset + 8 <= count {
            state = Self.mix(state, UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < count {
            tail |= UInt64(buffer[offset]) << shift
            shift += 8
            offset += 1
        }
        state = Self.mix(state, tail)
        value = Self.mix(state, UInt64(count))
    }

    public mutating func add<S: Sequence>(bytes: S) where S.Element == UInt8 {
        let done: Void? = bytes.withContiguousStorageIfAvailable { add(bytes: UnsafeRawBufferPointer($0)) }
        if done == nil {
            let copy = Array(bytes)
            copy.withUnsafeBytes { add(bytes: $0) }
        }
    }

    /// Each text is one run, with its length: "ab"+"c" differs from "a"+"bc".
    public mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// A number as one word, marked so it never equals a text of the same bytes.
    public mutating func add(_ number: Int) {
        value = Self.mix(Self.mix(value, UInt64(bitPattern: Int64(number))), 0x4E55_4D42_4552) // "NUMBER"
    }

    public mutating func add(_ other: Fingerprint) { add(Int(bitPattern: UInt(other.value))) }

    /// A date, or its absence, without formatting it as text.
    public mutating func add(_ date: CivilDate?) {
        guard let date else { return add(-1) }
        add(date.year * 10_000 + date.month * 100 + date.day)
    }

    public static func of<S: Sequence>(bytes: S) -> Fingerprint where S.Element == UInt8 {
        var print = Fingerprint()
        print.add(bytes: bytes)
        return print
    }

    public var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    public init?(hex: String) {
        guard hex.count == 16, let value = UInt64(hex, radix: 16) else { return nil }
        self.value = value
    }
}
