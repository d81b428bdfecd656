/// The build manifest kept in the published site (`.tiendo-site`): for
/// every file, the fingerprint of the inputs it was rendered from and of
/// its bytes. It lets the next build skip pages whose inputs did not
/// change and leave files whose bytes did not change untouched. A missing
/// or foreign manifest means a full build.
struct Manifest: Sendable, Equatable {
    static let header = "tiendo-manifest 2"

    struct Entry: Sendable, Equatable {
        var inputs: Fingerprint?
        var content: Fingerprint
        var size: Int
    }

    var salt: Fingerprint?
    /// Of every input file and option: equal means nothing to do at all.
    var source: Fingerprint?
    var entries: [String: Entry]

    init(salt: Fingerprint?, source: Fingerprint? = nil, entries: [String: Entry]) {
        self.salt = salt
        self.source = source
        self.entries = entries
    }

    /// Nil when the text is not a manifest this version wrote.
    init?(text: String) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == Substring(Self.header), lines.count >= 3, lines[1].hasPrefix("salt "), lines[2].hasPrefix("source ") else { return nil }
        salt = Fingerprint(hex: String(lines[1].dropFirst(5)))
        source = Fingerprint(hex: String(lines[2].dropFirst(7)))
        lines.removeFirst(3)
        var entries: [String: Entry] = [:]
        for line in lines where !line.isEmpty {
            let fields = line.split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: false)
            guard fields.count == 4, let content = Fingerprint(hex: String(fields[1])), let size = Int(fields[2]) else { return nil }
            entries[String(fields[3])] = Entry(inputs: Fingerprint(hex: String(fields[0])), content: content, size: size)
        }
        self.entries = entries
    }

    var text: String {
        var out = Self.header + "\nsalt " + (salt?.hex ?? "-") + "\nsource " + (source?.hex ?? "-") + "\n"
        for path in entries.keys.sorted() {
            let entry = entries[path]!
            out += (entry.inputs?.hex ?? "-") + "\t" + entry.content.hex + "\t" + String(entry.size) + "\t" + path + "\n"
        }
        return out
    }
}
