/// A 64-bit FNV-1a hash, the same on every machine and every run (Swift's
/// Hasher is seeded per process). Used to tell whether a page's inputs or a
/// file's bytes changed — for change detection, not for security.
public struct Fingerprint: Sendable, Hashable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func add<S: Sequence>(bytes: S) where S.Element == UInt8 {
        for byte in bytes {
            value ^= UInt64(byte)
            value &*= 0x0000_0100_0000_01b3
        }
    }

    public mutating func add(_ text: String) {
        add(bytes: text.utf8)
        add(bytes: [0x1F]) // a separator, so "ab"+"c" differs from "a"+"bc"
    }

    public mutating func add(_ number: Int) { add(String(number)) }

    public mutating func add(_ other: Fingerprint) { add(String(other.value, radix: 16)) }

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
