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

    public let output: String

    public init(output: String) {
        self.output = (output as NSString).standardizingPath
    }

    public struct Summary: Sendable, Equatable {
        public var written = 0
        public var unchanged = 0
        public var removed = 0
    }

    public enum Failure: Error, CustomStringConvertible {
        case locked(String)
        case notASite(String)
        case unsafePath(String)
        case io(String, String)

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
            }
        }
    }

    var parent: String { (output as NSString).deletingLastPathComponent.isEmpty ? "." : (output as NSString).deletingLastPathComponent }
    var name: String { (output as NSString).lastPathComponent }
    var lockPath: String { (parent as NSString).appendingPathComponent(".\(name).lock") }
    var stagingPrefix: String { ".\(name).tmp-" }

    /// A path inside the site: relative, no "..", no empty parts.
    public static func isSafe(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\\"), !path.contains("\0") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { part in
            !part.isEmpty && part != "." && part != ".."
        }
    }

    /// Publishes `files` as the whole new site. Files whose bytes are the
    /// same as in the published site are hard-linked, not rewritten, so
    /// their modification times stay and rsync copies only what changed.
    @discardableResult
    public func publish(_ files: [OutputFile]) throws -> Summary {
        for file in files where !Self.isSafe(file.path) { throw Failure.unsafePath(file.path) }
        let fm = FileManager.default
        try fm.createDirectory(atPath: parent, withIntermediateDirectories: true)

        let lock = open(lockPath, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard lock >= 0 else { throw Failure.io(lockPath, String(cString: strerror(errno))) }
        defer { close(lock) }
        // flock is released by the kernel when the process dies, even on SIGKILL.
        guard flock(lock, LOCK_EX | LOCK_NB) == 0 else { throw Failure.locked(output) }

        var isDirectory: ObjCBool = false
        let exists = fm.fileExists(atPath: output, isDirectory: &isDirectory)
        if exists {
            let contents = (try? fm.contentsOfDirectory(atPath: output)) ?? []
            guard isDirectory.boolValue, contents.isEmpty || contents.contains(Self.marker) else { throw Failure.notASite(output) }
        }
        cleanLeftovers()

        let staging = (parent as NSString).appendingPathComponent(stagingPrefix + String(getpid()))
        try? fm.removeItem(atPath: staging)
        var summary = Summary()
        do {
            try fm.createDirectory(atPath: staging, withIntermediateDirectories: false)
            var made = Set<String>()
            for file in files.sorted(by: { $0.path < $1.path }) {
                let directory = (file.path as NSString).deletingLastPathComponent
                if !directory.isEmpty, !made.contains(directory) {
                    try fm.createDirectory(atPath: (staging as NSString).appendingPathComponent(directory), withIntermediateDirectories: true)
                    made.insert(directory)
                }
                let target = (staging as NSString).appendingPathComponent(file.path)
                let old = (output as NSString).appendingPathComponent(file.path)
                if exists, Self.sameBytes(old, file.bytes), link(old, target) == 0 {
                    summary.unchanged += 1
                    continue
                }
                try write(file.bytes, to: target)
                summary.written += 1
            }
            try write(Array("tiendo\n".utf8), to: (staging as NSString).appendingPathComponent(Self.marker))
            if exists {
                summary.removed = Self.countFiles(output) - 1 - summary.unchanged - Self.overwrittenCount(files, in: output, unchanged: summary.unchanged)
            }
            try swapIn(staging, existing: exists)
        } catch {
            try? fm.removeItem(atPath: staging)
            throw error
        }
        return summary
    }

    /// Removes staging and old folders that an interrupted build left behind.
    func cleanLeftovers() {
        let fm = FileManager.default
        for entry in (try? fm.contentsOfDirectory(atPath: parent)) ?? [] where entry.hasPrefix(stagingPrefix) || entry.hasPrefix(".\(name).old-") {
            try? fm.removeItem(atPath: (parent as NSString).appendingPathComponent(entry))
        }
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
            try? FileManager.default.removeItem(atPath: staging)
            return
        }
        let old = (parent as NSString).appendingPathComponent(".\(name).old-\(getpid())")
        guard rename(output, old) == 0 else { throw Failure.io(output, String(cString: strerror(errno))) }
        guard rename(staging, output) == 0 else {
            let message = String(cString: strerror(errno))
            _ = rename(old, output)
            throw Failure.io(output, message)
        }
        try? FileManager.default.removeItem(atPath: old)
    }

    static func exchange(_ a: String, _ b: String) -> Bool {
        tiendo_exchange_paths(a, b) == 0
    }

    private func write(_ bytes: [UInt8], to path: String) throws {
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

    static func sameBytes(_ path: String, _ bytes: [UInt8]) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == bytes.count else { return false }
        guard let data = FileManager.default.contents(atPath: path) else { return false }
        return data.elementsEqual(bytes)
    }

    static func countFiles(_ directory: String) -> Int {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return 0 }
        var count = 0
        while let item = enumerator.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent(item), isDirectory: &isDir), !isDir.boolValue {
                count += 1
            }
        }
        return count
    }

    static func overwrittenCount(_ files: [OutputFile], in directory: String, unchanged: Int) -> Int {
        files.filter { FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent($0.path)) }.count - unchanged
    }
}
