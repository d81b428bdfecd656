/// The known key a misspelt one was most likely meant to be ("dealine" →
/// "deadline"), so a warning can name it.
enum KeySpelling {
    static func nearest(_ key: String, in known: [String]) -> String? {
        let lowered = key.lowercased()
        let scored = known.map { ($0, distance(Array(lowered), Array($0.lowercased()))) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        // Beyond a third of the word, it is another word, not a typo.
        return best.1 <= max(1, best.0.count / 3) ? best.0 : nil
    }

    /// " (có phải \"deadline\"?)", or nothing when no known key is near.
    static func suggestion(_ key: String, in known: [String]) -> String {
        guard let near = nearest(key, in: known) else { return "" }
        return " (có phải \"" + near + "\"?)"
    }

    /// Edit distance with transpositions; keys are a few characters, so the quadratic table is small.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var beforePrevious = previous
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                // Two letters swapped ("dorp") is one slip of the fingers.
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            beforePrevious = previous
            previous = current
        }
        return previous[b.count]
    }
}
