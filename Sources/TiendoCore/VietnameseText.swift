import Foundation

/// Vietnamese-aware text keys: matching names, search without diacritics,
/// ASCII slugs and alphabetical order. Kept in one place so the site, the
/// register and the status reader all agree on what "the same name" means.
public enum VietnameseText {
    /// The five tone marks as combining characters (huyền, sắc, hỏi, ngã, nặng).
    static let toneMarks: [Unicode.Scalar: Int] = [
        "\u{0300}": 1, "\u{0309}": 2, "\u{0303}": 3, "\u{0301}": 4, "\u{0323}": 5,
    ]

    /// Abbreviations that directives and clerks use interchangeably with the
    /// full words (compared after case folding).
    static let abbreviations: [(String, String)] = [
        ("ubnd", "ủy ban nhân dân"),
        ("hđnd", "hội đồng nhân dân"),
        ("tp", "thành phố"),
    ]

    /// Words that do not distinguish one assignee from another.
    static let ignoredWords: Set<String> = ["các"]

    /// A key equal for names a careful clerk would call the same: NFC or not,
    /// old or new tone placement (Hoà/Hòa, Thuỷ/Thủy), any case, "UBND" for
    /// "Ủy ban nhân dân", with or without "các", punctuation ignored. Tones
    /// still count: Cẩm Giang and Cẩm Giàng stay two units.
    public static func nameKey(_ text: String) -> String {
        let lowered = text.precomposedNFC.lowercased()
        var words: [String] = []
        for rawWord in lowered.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
            var word = String(rawWord)
            for (short, long) in abbreviations where word == short { word = long }
            for part in word.split(separator: " ") {
                let piece = String(part)
                if ignoredWords.contains(piece) { continue }
                words.append(toneAtEnd(piece))
            }
        }
        return words.joined(separator: " ")
    }

    /// Moves a syllable's tone mark to its end so that both placements match.
    static func toneAtEnd(_ syllable: String) -> String {
        // ASCII has no marks to move, and decomposes to itself.
        if syllable.utf8.allSatisfy({ $0 < 0x80 }) { return syllable }
        var base = String.UnicodeScalarView()
        var tone: Unicode.Scalar?
        for scalar in decomposed(syllable).unicodeScalars {
            if toneMarks[scalar] != nil { tone = scalar } else { base.append(scalar) }
        }
        if let tone { base.append(tone) }
        return String(base)
    }

    /// Foundation's canonical decomposition (NFD) of `text`, read letter by
    /// letter from `latinDecompositions` when every letter is ASCII or
    /// precomposed Latin, as Vietnamese is: each such letter is a starter,
    /// so no mark moves past the next letter and the decompositions simply
    /// follow one another. Anything else is decomposed by Foundation.
    static func decomposed(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                result.append(scalar)
            } else if let parts = latinDecompositions[scalar] {
                result.append(contentsOf: parts)
            } else if isPrecomposedLatin(scalar) {
                result.append(scalar) // a letter of its own: đ, ø
            } else {
                return text.decomposedStringWithCanonicalMapping
            }
        }
        return String(result)
    }

    /// Latin-1 letters, Latin Extended-A and -B, and Latin Extended
    /// Additional (where Vietnamese letters with two marks live).
    static func isPrecomposedLatin(_ scalar: Unicode.Scalar) -> Bool {
        (0xC0..<0x250).contains(scalar.value) || (0x1E00..<0x1F00).contains(scalar.value)
    }

    /// Each precomposed Latin letter that decomposes, with Foundation's
    /// decomposition of it, asked once.
    static let latinDecompositions: [Unicode.Scalar: [Unicode.Scalar]] = {
        var table: [Unicode.Scalar: [Unicode.Scalar]] = [:]
        for value in Array(0xC0..<0x250) + Array(0x1E00..<0x1F00) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let parts = Array(String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars)
            if parts != [scalar] { table[scalar] = parts }
        }
        return table
    }()

    /// Lowercase ASCII with every diacritic removed and đ → d: what a reader
    /// types in the filter box ("cam giang", "hai an").
    public static func fold(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in decomposed(text.precomposedNFC.lowercased().replacingOccurrences(of: "đ", with: "d")).unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            result.append(scalar)
        }
        return String(result)
    }

    /// An ASCII slug: "Xã Cẩm Giàng" → "xa-cam-giang". Two names can share a
    /// slug; `SlugAllocator` makes them unique.
    public static func slug(_ text: String) -> String {
        var out = ""
        var pendingDash = false
        for scalar in fold(text).unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingDash, !out.isEmpty { out.append("-") }
                pendingDash = false
                out.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        return out
    }

    // MARK: Alphabetical order

    /// The Vietnamese alphabet, in order; letters not in it sort after, by code point.
    static let alphabet: [String] = [
        "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m", "n",
        "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z",
    ]
    static let letterRank: [String: Int] = Dictionary(uniqueKeysWithValues: alphabet.enumerated().map { ($1, $0 + 1) })

    /// A key that orders names as a Vietnamese dictionary does: letters first
    /// (A < Ă < Â, D < Đ), tones only to break ties (ngang, huyền, hỏi, ngã,
    /// sắc, nặng); numbers by value and before letters ("Phường 2" < "Phường 10").
    public static func sortKey(_ text: String) -> [Int] {
        // Ranks: 0 space and punctuation, 1 a number, then the alphabet, then other letters.
        let numberMark = 1, letterBase = 10
        var letters: [Int] = []
        var tones: [Int] = []
        let scalars = decomposed(text.precomposedNFC.lowercased())
        var current = String.UnicodeScalarView()
        var digits: [Int] = []
        var syllableTone = 0
        func flushNumber() {
            guard !digits.isEmpty else { return }
            let significant = Array(digits.drop { $0 == 0 })
            letters += [numberMark, significant.count] + significant
            digits = []
        }
        func flush() {
            guard !current.isEmpty else { return }
            let letter = String(current).precomposedStringWithCanonicalMapping
            if let rank = letterRank[letter] {
                letters.append(letterBase + rank)
            } else if let scalar = letter.unicodeScalars.first, scalar.properties.isAlphabetic {
                letters.append(1000 + Int(scalar.value))
            } else {
                letters.append(0) // spaces and punctuation sort before any letter
            }
            current = String.UnicodeScalarView()
        }
        for scalar in scalars.unicodeScalars {
            if let tone = toneMarks[scalar] {
                syllableTone = tone
                continue
            }
            if scalar.properties.generalCategory == .nonspacingMark {
                current.append(scalar) // circumflex, breve, horn: part of the letter
                continue
            }
            flush()
            if ("0"..."9").contains(scalar) {
                digits.append(Int(scalar.value) - 48)
                continue
            }
            flushNumber()
            if scalar == " " || scalar == "-" {
                tones.append(syllableTone)
                syllableTone = 0
            }
            current.append(scalar)
        }
        flush()
        flushNumber()
        tones.append(syllableTone)
        return letters + [-1] + tones
    }

    public static func alphabeticallyPrecedes(_ lhs: String, _ rhs: String) -> Bool {
        let a = sortKey(lhs), b = sortKey(rhs)
        if a != b { return a.lexicographicallyPrecedes(b) }
        return lhs.unicodeScalars.lexicographicallyPrecedes(rhs.unicodeScalars)
    }

    /// Collapses runs of white space (including line breaks) to one space.
    ///
    /// White space is read per Character: a space with a combining mark
    /// after it is one Character, dropped whole. Reading scalars gives the
    /// same words, and is much faster, as long as no blank has beside it a
    /// scalar that could join its Character (a mark after it, a prepended
    /// sign before it); text where one does is read by Characters.
    public static func collapseSpaces(_ text: String) -> String {
        let scalars = text.unicodeScalars
        var result = ""
        var wordStart: String.Index?
        var previous: Unicode.Scalar?
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let next = scalars.index(after: index)
            if Blank.isWhiteSpace(scalar) {
                if let previous, !Blank.isWhiteSpace(previous), !standsAlone(before: previous) {
                    return collapseSpacesByCharacter(text)
                }
                if next < scalars.endIndex, !standsAlone(after: scalars[next]) { return collapseSpacesByCharacter(text) }
                if let start = wordStart {
                    if !result.isEmpty { result.append(" ") }
                    result.append(contentsOf: Substring(scalars[start..<index]))
                    wordStart = nil
                }
            } else if wordStart == nil {
                wordStart = index
            }
            previous = scalar
            index = next
        }
        if let start = wordStart {
            if !result.isEmpty { result.append(" ") }
            result.append(contentsOf: Substring(scalars[start..<scalars.endIndex]))
        }
        return result
    }

    /// Whether a scalar before a blank leaves the blank a Character of its
    /// own: prepended signs (which join what follows) are all from U+0600 on.
    static func standsAlone(before scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x600 || (0x1E00..<0x1F00).contains(scalar.value)
    }

    /// Whether a scalar after a blank starts a Character of its own: marks
    /// and joiners start at U+0300; Latin letters never join.
    static func standsAlone(after scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x300 || (0x1E00..<0x1F00).contains(scalar.value)
    }

    /// `collapseSpaces` read Character by Character: the definition.
    static func collapseSpacesByCharacter(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
