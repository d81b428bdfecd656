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
        let lowered = text.precomposedStringWithCanonicalMapping.lowercased()
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
        var base = String.UnicodeScalarView()
        var tone: Unicode.Scalar?
        for scalar in syllable.decomposedStringWithCanonicalMapping.unicodeScalars {
            if toneMarks[scalar] != nil { tone = scalar } else { base.append(scalar) }
        }
        if let tone { base.append(tone) }
        return String(base)
    }

    /// Lowercase ASCII with every diacritic removed and đ → d: what a reader
    /// types in the filter box ("cam giang", "hai an").
    public static func fold(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.precomposedStringWithCanonicalMapping.lowercased()
            .replacingOccurrences(of: "đ", with: "d")
            .decomposedStringWithCanonicalMapping.unicodeScalars {
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
        let decomposed = text.precomposedStringWithCanonicalMapping.lowercased().decomposedStringWithCanonicalMapping
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
        for scalar in decomposed.unicodeScalars {
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
    public static func collapseSpaces(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
