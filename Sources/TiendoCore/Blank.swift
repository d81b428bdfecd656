/// Blank characters as Foundation's `CharacterSet.whitespaces` and
/// `.whitespacesAndNewlines` define them, and trimming by them without
/// Foundation: `trimmingCharacters(in:)` goes through an NSString and back,
/// which was a fifth of the time spent reading a status file. The sets are
/// Foundation's exactly (a test compares every scalar), so the trimmed text
/// is the same, byte for byte.
enum Blank {
    /// `CharacterSet.whitespaces`: tab, the space separators (category Zs)
    /// and the zero-width space.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value == 0x20 || value == 0x09 }
        return value == 0xA0 || value == 0x1680 || (0x2000...0x200B).contains(value)
            || value == 0x202F || value == 0x205F || value == 0x3000
    }

    /// `CharacterSet.whitespacesAndNewlines`: the above, and line and
    /// paragraph breaks.
    static func isSpaceOrNewline(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value == 0x20 || (0x09...0x0D).contains(value) }
        return isSpace(scalar) || value == 0x85 || value == 0x2028 || value == 0x2029
    }

    /// Unicode's White_Space, as `Character.isWhitespace` reads it (a test
    /// compares every scalar): the above but the zero-width space.
    static func isWhiteSpace(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value == 0x20 || (0x09...0x0D).contains(value) }
        return value != 0x200B && isSpaceOrNewline(scalar)
    }
}

extension StringProtocol {
    /// `trimmingCharacters(in: .whitespaces)`.
    var trimmedSpaces: String { trimming(Blank.isSpace) }

    /// `trimmingCharacters(in: .whitespacesAndNewlines)`.
    var trimmed: String { trimming(Blank.isSpaceOrNewline) }

    /// Without the scalars at either end that `isBlank` accepts. Foundation
    /// trims scalar by scalar too: a combining mark after a trimmed space
    /// stays.
    func trimming(_ isBlank: (Unicode.Scalar) -> Bool) -> String {
        let scalars = Substring(self).unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, isBlank(scalars[start]) { start = scalars.index(after: start) }
        while start < end {
            let last = scalars.index(before: end)
            guard isBlank(scalars[last]) else { break }
            end = last
        }
        return String(scalars[start..<end])
    }

    /// Without any of `characters` at either end, as
    /// `trimmingCharacters(in: CharacterSet(charactersIn: characters))`.
    func trimming(anyOf characters: String) -> String {
        trimming { characters.unicodeScalars.contains($0) }
    }
}
