import CTiendoSystem
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a built site to disk so that readers only ever see a whole site:
/// the new site is assembled in a temporary folder beside the output and
/// switched in with an atomic rename. A build that fails, is interrupted or
/// is killed leaves the published site as it was; its leftovers are cleaned
/// by the next build. A lock keeps two builds from mixing their files.
public struct Publisher: Sendable {
    /// A file inside every published site, so tiendo never replaces a
    /// folder it did not create (a mistyped --output must not delete data).
    public static let marker = ".tiendo-site"

    /// Written first into every staging folder (as its `.tiendo-site`) and
    /// into every lock file: a leftover is deleted only when it carries it,
    /// never because of its name alone.
    static let stagingMark = "tiendo-staging 1"
    static let lockMark = "tiendo-lock 1"

    /// The real path the site is published at (a symbolic link's target).
    public let output: String
    public let location: OutputLocation

    /// `location` comes from `OutputLocation.resolve`, which refuses folders
    /// that must never be replaced and follows a symbolic link.
    public init(location: OutputLocation) {
        self.location = location
        self.output = location.path
    }

    /// For tests and callers that have validated the path themselves.
    public init(output: String) {
        self.init(location: OutputLocation(unchecked: output))
    }

    public struct Summary: Sendable, Equatable {
        /// Files whose bytes were written (new or changed).
        public var written = 0
        /// Files kept as they were (same bytes, hard-linked: modification time untouched).
        public var unchanged = 0
        /// Files of the old site that no longer belong.
        public var removed = 0
        /// Pages rendered in this build; the rest were reused without rendering.
        public var rendered = 0
        public var reused = 0
        /// True when nothing at all changed and the site was not touched.
        public var untouched = false
        public var total: Int { written + unchanged }
    }

    public enum Failure: Error, CustomStringConvertible {
        case locked(String)
        case notASite(String)
        case unsafePath(String)
        case io(String, String)
        case foreignLock(String)
        case collision(String)

        public var description: String {
            switch self {
            case .locked(let path):
                return "\(path): một lần dựng trang khác đang chạy (tệp khóa đang bị giữ) — chờ lần đó xong rồi chạy lại"
            case .notASite(let path):
                return "\(path): thư mục đã có và không phải trang do tiendo tạo; không ghi đè để tránh mất dữ liệu — chọn thư mục khác cho --output, hoặc xóa thư mục này"
            case .unsafePath(let path):
                return "đường dẫn \"\(path)\" nằm ngoài thư mục trang; không ghi"
            case .io(let path, let message):
                return "\(path): không ghi được (\(message))"
            case .foreignLock(let path):
                return "\(path): tệp này trùng tên với tệp khóa của tiendo nhưng không phải do tiendo tạo; không dùng và không xóa nó — đổi tên hoặc chuyển tệp đi rồi chạy lại"
            case .collision(let path):
                return "hai tệp của trang cùng ghi vào \"\(path)\" (kể cả khi không phân biệt chữ hoa, chữ thường); không ghi trang"
            }
        }
    }

    var parent: String { location.parent }
    var name: String { location.name }
    var lockPath: String { OutputLocation.join(parent, ".\(name).lock") }
    var stagingPrefix: String { ".\(name).tmp-" }
    var oldPrefix: String { ".\(name).old-" }
    /// Where the directive cache of this site lives: beside it, never in it.
    public var directiveCachePath: String { OutputLocation.join(parent, ".\(name).cache") }

    /// A path inside the site: relative, no "..", no empty parts.
    public static func isSafe(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\\"), !path.contains("\0") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { part in
            !part.isEmpty && part != "." && part != ".."
        }
    }

    /// Publishes already rendered files as the whole new site.
    @discardableResult
    public func publish(_ files: [OutputFile]) throws -> Summary {
        let plans = files.map { file in
            let bytes = file.bytes
            return PagePlan(path: file.path, inputs: nil, render: { bytes })
        }
        return try publish(plans, salt: Fingerprint(), threads: 1, progress: nil)
    }

    /// Renders what changed and publishes the whole new site.
    ///
    /// A page whose input fingerprint and salt match the previous build's
    /// manifest is not rendered again. A file whose bytes are the same as in
    /// the published site is hard-linked, not rewritten, so its modification
    /// time stays and rsync copies only what changed. When nothing changed
    /// at all, nothing is written.
    @discardableResult
    public func publish(_ plans: [PagePlan], salt: Fingerprint, source: Fingerprint? = nil, threads: Int,
                        progress: (@Sendable (Int, Int) -> Void)?) throws -> Summary {
        for plan in plans where !Self.isSafe(plan.path) || plan.path == Self.marker || plan.path == Self.marker + ".new" {
            throw Failure.unsafePath(plan.path)
        }
        if let path = PathCollision.first(in: plans.map(\.path)) { throw Failure.collision(path) }
        let fm = FileManager.default
        // A folder tiendo would refuse is refused before anything, the lock
        // file included, is created beside it.
        _ = try existingSite()
        try fm.createDirectory(atPath: parent, withIntermediateDirectories: true)
        let lock = try BuildLock.acquire(lockPath, display: location.given)
        defer { lock.release() }
        let exists = try existingSite()
        cleanLeftovers()

        let markerPath = OutputLocation.join(output, Self.marker)
        let oldText = exists ? fm.contents(atPath: markerPath).map { String(decoding: $0, as: UTF8.self) } : nil
        let old = oldText.flatMap(Manifest.init(text:)) ?? Manifest(salt: nil, entries: [:])
        let sameSalt = old.salt == salt

        let needed = plans.map { plan -> Bool in
            guard sameSalt, let inputs = plan.inputs, let entry = old.entries[plan.path], entry.inputs == inputs,
                  oldFileMatches(entry, plan.path) else { return true }
            return false
        }
        // A folder of that name that is not tiendo's is left alone: the next free number is taken.
        var staging = OutputLocation.join(parent, stagingPrefix + String(getpid()))
        for attempt in 1...100 {
            var info = stat()
            if lstat(staging, &info) != 0 { break }
            removeIfMarked(staging)
            if lstat(staging, &info) != 0 { break }
            staging = OutputLocation.join(parent, stagingPrefix + String(getpid()) + String(attempt))
        }
        var summary = Summary()
        var entries: [String: Manifest.Entry] = [:]
        let manifestText: String
        do {
            try fm.createDirectory(atPath: staging, withIntermediateDirectories: false)
            // The mark goes in first: a build killed from here on leaves a
            // folder the next build recognises as its own.
            try write(Array((Self.stagingMark + "\n").utf8), to: OutputLocation.join(staging, Self.marker))
            var made = Set<String>()
            for plan in plans {
                let directory = plan.path.lastIndex(of: "/").map { String(plan.path[..<$0]) } ?? ""
                if !directory.isEmpty, !made.contains(directory) {
                    try fm.createDirectory(atPath: OutputLocation.join(staging, directory), withIntermediateDirectories: true)
                    made.insert(directory)
                }
            }
            // Each page goes to the staging folder as soon as it is rendered,
            // so a build holds one page per thread in memory, not the site.
            let outcomes = try stream(plans, needed: needed, old: old, into: staging, threads: threads, progress: progress)
            for (index, plan) in plans.enumerated() {
                let outcome = outcomes[index]
                entries[plan.path] = outcome.entry
                switch outcome.kind {
                case .written: summary.rendered += 1; summary.written += 1
                case .sameBytes: summary.rendered += 1; summary.unchanged += 1
                case .reused: summary.reused += 1; summary.unchanged += 1
                }
            }
            let newPaths = Set(plans.map(\.path))
            summary.removed = old.entries.keys.filter { !newPaths.contains($0) }.count
            manifestText = Manifest(salt: salt, source: source, entries: entries).text
            if exists, summary.written == 0, summary.removed == 0, oldText == manifestText {
                removeIfMarked(staging)
                summary.untouched = true
                return summary
            }
            // Renamed over the staging mark, never rewritten in place: a build
            // killed halfway through writing it would leave a folder whose mark
            // the next build no longer recognises, and so never deletes.
            let manifestPath = OutputLocation.join(staging, Self.marker + ".new")
            try write(Array(manifestText.utf8), to: manifestPath)
            guard rename(manifestPath, OutputLocation.join(staging, Self.marker)) == 0 else {
                throw Failure.io(manifestPath, String(cString: strerror(errno)))
            }
            try swapIn(staging, existing: exists)
        } catch {
            removeIfMarked(staging)
            throw error
        }
        return summary
    }

    /// Whether a site is already published at the output; throws when the
    /// output holds something tiendo did not make.
    func existingSite() throws -> Bool {
        var info = stat()
        guard lstat(output, &info) == 0 else { return false }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { throw Failure.notASite(location.given) }
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []
        guard contents.isEmpty || contents.contains(Self.marker) else { throw Failure.notASite(location.given) }
        return true
    }

    /// What became of one planned file.
    struct Outcome: Sendable {
        enum Kind: Sendable { case written, sameBytes, reused }
        var kind: Kind
        var entry: Manifest.Entry?
    }

    /// Renders the needed pages on `threads` threads and puts every file in
    /// the staging folder: new bytes written, unchanged files hard-linked
    /// from the published site so their modification time stays.
    private func stream(_ plans: [PagePlan], needed: [Bool], old: Manifest, into staging: String, threads: Int,
                        progress: (@Sendable (Int, Int) -> Void)?) throws -> [Outcome] {
        let order = SiteBuilder.renderOrder(needed, plans: plans)
        let indices = order + plans.indices.filter { !needed[$0] }
        let slots = Slots<Outcome>(count: plans.count)
        let counter = Counter()
        let total = indices.count
        let renderTotal = order.count
        let publisher = self
        let work: @Sendable () -> Void = {
            while !slots.failed, let position = counter.next(limit: total) {
                let index = indices[position]
                let plan = plans[index]
                let target = OutputLocation.join(staging, plan.path)
                let oldFile = OutputLocation.join(publisher.output, plan.path)
                do {
                    if needed[index] {
                        let bytes = plan.render()
                        let entry = Manifest.Entry(inputs: plan.inputs, content: Fingerprint.of(bytes: bytes), size: bytes.count)
                        if let previous = old.entries[plan.path], previous.content == entry.content, previous.size == entry.size,
                           publisher.oldFileMatches(previous, plan.path), link(oldFile, target) == 0 {
                            slots.set(index, Outcome(kind: .sameBytes, entry: entry))
                        } else {
                            try publisher.write(bytes, to: target)
                            slots.set(index, Outcome(kind: .written, entry: entry))
                        }
                        progress?(counter.finished(), renderTotal)
                    } else {
                        if link(oldFile, target) != 0 {
                            guard let data = FileManager.default.contents(atPath: oldFile) else {
                                throw Failure.io(oldFile, String(cString: strerror(errno)))
                            }
                            try publisher.write(Array(data), to: target)
                        }
                        slots.set(index, Outcome(kind: .reused, entry: old.entries[plan.path]))
                    }
                } catch {
                    slots.fail(error)
                }
            }
        }
        Workers.run(count: max(1, min(threads, total)), work)
        if let error = slots.error { throw error }
        return slots.values.map { $0! }
    }

    /// Whether the published file at `path` is a regular file of the size the manifest says.
    func oldFileMatches(_ entry: Manifest.Entry, _ path: String) -> Bool {
        var info = stat()
        let full = OutputLocation.join(output, path)
        return stat(full, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG && Int(info.st_size) == entry.size
    }

    /// The summary of a build that has nothing to do, when the published
    /// site was made from exactly these inputs (`source`) and is intact;
    /// nil when a build is needed. Reads only the manifest and stats files.
    public func upToDate(source: Fingerprint) -> Summary? {
        let markerPath = OutputLocation.join(output, Self.marker)
        guard let data = FileManager.default.contents(atPath: markerPath),
              let manifest = Manifest(text: String(decoding: data, as: UTF8.self)), manifest.source == source else { return nil }
        for (path, entry) in manifest.entries where !oldFileMatches(entry, path) { return nil }
        var summary = Summary()
        summary.unchanged = manifest.entries.count
        summary.reused = manifest.entries.count
        summary.untouched = true
        return summary
    }

    /// Removes staging and old folders that an interrupted build left
    /// behind: only folders named as tiendo names them (a process number
    /// after the prefix) that carry tiendo's mark. Anything else with a
    /// similar name is someone else's and stays.
    func cleanLeftovers() {
        let fm = FileManager.default
        for entry in (try? fm.contentsOfDirectory(atPath: parent)) ?? [] {
            guard let prefix = [stagingPrefix, oldPrefix].first(where: { entry.hasPrefix($0) }) else { continue }
            let suffix = entry.dropFirst(prefix.count)
            guard !suffix.isEmpty, suffix.allSatisfy({ $0.isASCII && $0.isNumber }) else { continue }
            removeIfMarked(OutputLocation.join(parent, entry))
        }
    }

    /// Deletes a staging or old-site folder only when it is empty, or a real
    /// folder (not a link) whose `.tiendo-site` is tiendo's staging mark or manifest.
    func removeIfMarked(_ folder: String) {
        // An empty folder holds nothing to lose (an empty output, exchanged out).
        if rmdir(folder) == 0 { return }
        guard Self.isMarked(folder) || Self.holdsOnlyAnEmptyMark(folder) else { return }
        // The mark goes last, so a build killed while deleting leaves a
        // folder the next build still recognises and finishes deleting.
        let fm = FileManager.default
        for entry in (try? fm.contentsOfDirectory(atPath: folder)) ?? [] where entry != Self.marker {
            try? fm.removeItem(atPath: OutputLocation.join(folder, entry))
        }
        unlink(OutputLocation.join(folder, Self.marker))
        rmdir(folder)
    }

    /// A build killed between creating its staging mark and writing it
    /// leaves a folder with nothing in it but an empty `.tiendo-site`:
    /// nothing to lose, and nobody else's.
    static func holdsOnlyAnEmptyMark(_ folder: String) -> Bool {
        var info = stat()
        guard lstat(folder, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR,
              (try? FileManager.default.contentsOfDirectory(atPath: folder)) == [marker] else { return false }
        let markFile = OutputLocation.join(folder, marker)
        return lstat(markFile, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG && info.st_size == 0
    }

    static func isMarked(_ folder: String) -> Bool {
        var info = stat()
        guard lstat(folder, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return false }
        let markFile = OutputLocation.join(folder, marker)
        guard lstat(markFile, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
              let handle = FileHandle(forReadingAtPath: markFile) else { return false }
        defer { try? handle.close() }
        let head = String(decoding: (try? handle.read(upToCount: 64)) ?? Data(), as: UTF8.self)
        return head.hasPrefix(stagingMark) || head.hasPrefix(Manifest.header)
    }

    private func swapIn(_ staging: String, existing: Bool) throws {
        guard existing else {
            guard rename(staging, output) == 0 else { throw Failure.io(output, String(cString: strerror(errno))) }
            return
        }
        // renameat2(RENAME_EXCHANGE) swaps the two folders in one step: at no
        // moment is there no site. Older kernels and some file systems lack
        // it; then two renames leave a gap of microseconds.
        if Self.exchange(staging, output) {
            removeIfMarked(staging)
            return
        }
        let old = OutputLocation.join(parent, oldPrefix + String(getpid()))
        guard rename(output, old) == 0 else { throw Failure.io(output, String(cString: strerror(errno))) }
        guard rename(staging, output) == 0 else {
            let message = String(cString: strerror(errno))
            _ = rename(old, output)
            throw Failure.io(output, message)
        }
        removeIfMarked(old)
    }

    static func exchange(_ a: String, _ b: String) -> Bool {
        tiendo_exchange_paths(a, b) == 0
    }

    func write(_ bytes: [UInt8], to path: String) throws {
        let fd = open(path, O_CREAT | O_WRONLY | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure.io(path, String(cString: strerror(errno))) }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            guard written > 0 else { throw Failure.io(path, String(cString: strerror(errno))) }
            offset += written
        }
    }

}
