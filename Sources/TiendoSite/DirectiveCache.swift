import Foundation
import TiendoCore

/// Directives as the previous build read them, kept in one file beside the
/// site. Staff rebuild after every status update, and then no directive has
/// changed: reading 300 of them again costs more than the status file.
///
/// An entry is used only when everything its reading depends on is the
/// same: the file's path and bytes, the unit register's bytes (names become
/// codes), the content folder, whether HTML was rendered, and `salt` (the
/// tiendo binary, so a new version reads everything again). A missing,
/// damaged or foreign cache file is simply not used; it is never trusted
/// over the directive files.
///
/// The file holds one JSON document per directive behind a small index, so
/// entries are decoded only when asked for, on the threads that read the
/// directives, and an unchanged entry is written back without re-encoding.
public struct DirectiveCache: Sendable {
    public let path: String
    let salt: Fingerprint
    private(set) var entries: [String: Stored]
    /// Whether this build read anything the file does not hold yet.
    private(set) var changed = false

    /// What reading one directive file gave.
    struct Entry: Codable, Sendable {
        let key: String
        let directive: Directive?
        let diagnostics: [Diagnostic]
    }

    /// An entry as kept: its key and its JSON.
    struct Stored: Sendable {
        let key: String
        let json: Data
    }

    static let header = "tiendo-directive-cache 2\n"

    public init(path: String, salt: String) {
        self.path = path
        var print = Fingerprint()
        print.add(salt)
        self.salt = print
        entries = FileManager.default.contents(atPath: path).flatMap(Self.parse) ?? [:]
    }

    /// The file: the header, then per entry a line "path-length key json-length"
    /// followed by the path's and the JSON's bytes. The file is untrusted
    /// (anyone can write beside the site): every length is checked against
    /// the bytes that remain, without arithmetic that could overflow, and
    /// any inconsistency discards the whole cache.
    static func parse(_ data: Data) -> [String: Stored]? {
        let bytes = [UInt8](data)
        let head = Array(header.utf8)
        guard bytes.starts(with: head) else { return nil }
        var entries: [String: Stored] = [:]
        var position = head.count
        while position < bytes.count {
            // An entry line is two numbers and a fingerprint: short.
            let lineEnd = min(bytes.count, position + 128)
            guard let newline = bytes[position..<lineEnd].firstIndex(of: 0x0A) else { return nil }
            let fields = String(decoding: bytes[position..<newline], as: UTF8.self).split(separator: " ")
            let remaining = bytes.count - (newline + 1)
            guard fields.count == 3, let pathLength = Int(fields[0]), let jsonLength = Int(fields[2]),
                  (0...remaining).contains(pathLength), (0...(remaining - pathLength)).contains(jsonLength) else { return nil }
            let pathStart = newline + 1, jsonStart = pathStart + pathLength
            let file = String(decoding: bytes[pathStart..<jsonStart], as: UTF8.self)
            entries[file] = Stored(key: String(fields[1]), json: Data(bytes[jsonStart..<(jsonStart + jsonLength)]))
            position = jsonStart + jsonLength
        }
        return entries
    }

    /// The keys of one directive file as read now. The date of the figures
    /// matters only to a directive with a recurring deadline (its due day is
    /// the next occurrence from that date): such a directive is stored under
    /// `dated`, any other under `undated`, so the next day's build takes it
    /// from the cache instead of reading every directive again.
    struct Keys: Sendable {
        let undated: String
        let dated: String

        /// The key an entry read now is stored under.
        func key(for directive: Directive?) -> String {
            directive.map(DirectiveCache.dependsOnDate) ?? false ? dated : undated
        }
    }

    func keys(file: String, bytes: Data, register: Data?, content: String, renderHTML: Bool, asOf: CivilDate? = nil) -> Keys {
        var print = salt
        print.add(file)
        print.add(content)
        print.add(renderHTML ? 1 : 0)
        print.add(bytes: register ?? Data())
        print.add(bytes: bytes)
        var dated = print
        dated.add(asOf?.iso ?? "-")
        return Keys(undated: print.hex, dated: dated.hex)
    }

    /// Whether reading the directive on another day could give another
    /// result. The reader uses the date of the figures only for the due day
    /// of a recurrence (`DeadlineParser.due(of:)`), and whether a recurrence
    /// has a due day at all does not depend on the date; so a directive
    /// with no recurring deadline that has a due day among its tasks and
    /// review items reads the same on any day.
    static func dependsOnDate(_ directive: Directive) -> Bool {
        func moves(_ deadline: Deadline?) -> Bool { deadline?.kind == .recurring && deadline?.due != nil }
        return directive.tasks.contains { moves($0.deadline) } || directive.unassigned.contains { moves($0.deadline) }
    }

    /// The entry for `file` if it was stored under one of `keys` (the
    /// undated one only for a directive that does not depend on the date);
    /// an entry that does not decode counts as absent.
    func entry(file: String, keys: Keys) -> Entry? {
        guard let stored = entries[file], stored.key == keys.undated || stored.key == keys.dated,
              let entry = try? JSONDecoder().decode(Entry.self, from: stored.json), entry.key == stored.key,
              entry.directive.map(Self.withinLimits) ?? true else { return nil }
        if entry.key == keys.undated, let directive = entry.directive, Self.dependsOnDate(directive) { return nil }
        return entry
    }

    /// Whether a directive from the cache is one the reader could have
    /// given: its blocks nest no deeper than Markdown allows (dates outside
    /// the supported years do not even decode).
    static func withinLimits(_ directive: Directive) -> Bool {
        var pending = directive.blocks.map { ($0, 0) }
        while let (block, depth) = pending.popLast() {
            guard depth <= InputLimits.markdownNesting else { return false }
            pending += block.children.map { ($0, depth + 1) }
        }
        return true
    }

    /// The stored form of an entry read in this build.
    static func store(_ entry: Entry) -> Stored? {
        (try? JSONEncoder().encode(entry)).map { Stored(key: entry.key, json: $0) }
    }

    /// Keeps exactly the files read in this build.
    mutating func replace(with current: [String: Stored]) {
        if current.count != entries.count
            || current.contains(where: { entries[$0.key]?.key != $0.value.key || entries[$0.key]?.json != $0.value.json }) {
            changed = true
        }
        entries = current
    }

    /// Writes the cache when it changed: to a temporary file renamed over
    /// the old one, so a reader never sees half a file.
    public func save() {
        guard changed else { return }
        var data = Data(Self.header.utf8)
        for file in entries.keys.sorted() {
            let stored = entries[file]!
            let name = Data(file.utf8)
            data.append(contentsOf: "\(name.count) \(stored.key) \(stored.json.count)\n".utf8)
            data.append(name)
            data.append(stored.json)
        }
        let temporary = path + ".tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: data) else { return }
        if rename(temporary, path) != 0 { try? FileManager.default.removeItem(atPath: temporary) }
    }
}
