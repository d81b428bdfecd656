import Foundation

/// Markdown's emphasis markers "**" and "__" taken out of a text, as
/// `replacingOccurrences(of: "**", with: "")` then the same for "__" does.
///
/// Foundation's search compares character clusters (a "*" followed by a
/// combining mark is not a "*"), which made it the largest cost of writing
/// the workbooks: every task text and note of every row went through it.
/// Here the bytes are scanned directly; a text where a marker character
/// touches something that could join it into a cluster (any non-ASCII
/// scalar after it, or a scalar outside Latin and Vietnamese before it)
/// goes the Foundation way, so the result is always the same.
enum EmphasisMarkers {
    static func removed(from text: String) -> String {
        let utf8 = text.utf8
        // Most texts have no marker at all.
        guard utf8.contains(where: { $0 == 0x2A || $0 == 0x5F }) else { return text }
        return removedFast(Array(utf8))
            ?? text.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "")
    }

    /// Nil when some marker character may belong to a cluster with its neighbour.
    static func removedFast(_ bytes: [UInt8]) -> String? {
        for index in bytes.indices where bytes[index] == 0x2A || bytes[index] == 0x5F {
            if index + 1 < bytes.count, bytes[index + 1] >= 0x80 { return nil }
            if index > 0, bytes[index - 1] >= 0x80, !joinsNothing(scalarEndingAt: index, in: bytes) { return nil }
        }
        let once = removingPairs(of: 0x2A, from: bytes)
        let twice = removingPairs(of: 0x5F, from: once)
        return String(decoding: twice, as: UTF8.self)
    }

    /// Non-overlapping pairs of `byte`, from the left, dropped.
    static func removingPairs(of byte: UInt8, from bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == byte, index + 1 < bytes.count, bytes[index + 1] == byte {
                index += 2
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return out
    }

    /// Whether the scalar whose last byte is just before `end` is one that
    /// never starts a cluster with what follows: Latin letters with their
    /// diacritics (up to U+05FF), Vietnamese letters (U+1E00–U+1EFF) and
    /// general punctuation (U+2000–U+206F). Prepended marks (Arabic,
    /// Brahmic scripts) lie outside these ranges.
    static func joinsNothing(scalarEndingAt end: Int, in bytes: [UInt8]) -> Bool {
        var start = end - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        var value: UInt32
        switch end - start {
        case 2: value = UInt32(bytes[start] & 0x1F)
        case 3: value = UInt32(bytes[start] & 0x0F)
        default: return false
        }
        for index in (start + 1)..<end { value = value << 6 | UInt32(bytes[index] & 0x3F) }
        return value < 0x600 || (0x1E00...0x1EFF).contains(value) || (0x2000...0x206F).contains(value)
    }
}
