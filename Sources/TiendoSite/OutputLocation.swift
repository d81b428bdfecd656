import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where a build may write its site, decided before anything is written.
///
/// The folder named by `--output` is resolved to a real, absolute path: a
/// symbolic link (a web root often is one) is followed, so the new site is
/// assembled beside the link's target and exchanged there, and the link
/// keeps pointing at a whole site. Folders whose replacement would destroy
/// something else — `/`, the current folder, the content or theme folder,
/// a folder that holds one of them — are refused with the reason.
public struct OutputLocation: Sendable, Equatable {
    /// The path as the user wrote it, for messages.
    public let given: String
    /// The real absolute path the site is published at.
    public let path: String
    /// The real parent folder (staging folders, the lock and the cache live there).
    public let parent: String
    /// The site folder's own name.
    public let name: String
    /// Set when `given` is a symbolic link: the site is published at its target.
    public let linkTarget: String?

    public enum Refusal: Error, CustomStringConvertible, Equatable {
        case empty
        case root(String)
        case special(String)
        case currentFolder(String)
        case holds(output: String, what: String, folder: String)
        case isGuarded(output: String, what: String)
        case inside(output: String, what: String, folder: String)
        case danglingLink(String, target: String)
        case notAFolder(String)

        public var description: String {
            switch self {
            case .empty:
                return "--output trống: cần tên thư mục trang, ví dụ --output site"
            case .root(let given):
                return "\(given): không ghi trang vào thư mục gốc của máy (/) — chọn một thư mục riêng cho trang, ví dụ --output site"
            case .special(let given):
                return "\(given): không phải tên thư mục dùng được cho trang — chọn một thư mục riêng, ví dụ --output site"
            case .currentFolder(let given):
                return "\(given): là thư mục đang làm việc; dựng trang vào đây sẽ thay thế mọi thứ trong nó — chọn một thư mục con riêng, ví dụ --output site"
            case .holds(let output, let what, let folder):
                return "\(output): thư mục này chứa \(what) (\(folder)); dựng trang vào đây sẽ xóa mất nó — chọn một thư mục riêng cho trang, ví dụ --output site"
            case .isGuarded(let output, let what):
                return "\(output): là \(what); dựng trang vào đây sẽ xóa mất nó — chọn một thư mục riêng cho trang, ví dụ --output site"
            case .inside(let output, let what, let folder):
                return "\(output): nằm trong \(what) (\(folder)); trang được tạo sẽ lẫn vào dữ liệu đầu vào — chọn thư mục ở ngoài, ví dụ --output site"
            case .danglingLink(let given, let target):
                return "\(given): là liên kết tượng trưng trỏ tới \(target), nơi không có thư mục nào — tạo thư mục đó, hoặc sửa hay xóa liên kết"
            case .notAFolder(let given):
                return "\(given): đã có và không phải thư mục — chọn tên khác cho --output"
            }
        }
    }

    /// Resolves `given` against the current folder. `guarded` are the folders
    /// the build reads (label, path): the output may neither be one of them,
    /// hold one of them, nor lie inside one.
    public static func resolve(_ given: String, guarding guarded: [(what: String, path: String)] = []) throws -> OutputLocation {
        guard !given.isEmpty else { throw Refusal.empty }
        let current = realPath(FileManager.default.currentDirectoryPath) ?? FileManager.default.currentDirectoryPath
        let absolute = normalized(given.hasPrefix("/") ? given : current + "/" + given)
        guard absolute != "/" else { throw Refusal.root(given) }
        var (parentPart, name) = split(absolute)
        guard name != "." && name != ".." && !name.isEmpty else { throw Refusal.special(given) }
        let parent = realPathOfExistingPrefix(parentPart)
        var path = join(parent, name)
        var linkTarget: String?
        var info = stat()
        if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK {
            guard let target = realPath(path) else {
                let written = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
                throw Refusal.danglingLink(given, target: written)
            }
            guard target != "/" else { throw Refusal.root(given) }
            linkTarget = target
            path = target
            (parentPart, name) = split(target)
            _ = parentPart
        }
        if stat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR { throw Refusal.notAFolder(given) }
        if path == current { throw Refusal.currentFolder(given) }
        if isInside(current, path) { throw Refusal.holds(output: given, what: "thư mục đang làm việc", folder: current) }
        for (what, folder) in guarded {
            let real = realPath(folder) ?? normalized(folder.hasPrefix("/") ? folder : current + "/" + folder)
            if real == path { throw Refusal.isGuarded(output: given, what: what) }
            if isInside(real, path) { throw Refusal.holds(output: given, what: what, folder: folder) }
            if isInside(path, real) { throw Refusal.inside(output: given, what: what, folder: folder) }
        }
        let (realParent, realName) = split(path)
        return OutputLocation(given: given, path: path, parent: realParent, name: realName, linkTarget: linkTarget)
    }

    /// A location taken as given, for tests and callers that validated it
    /// themselves: only split, without the checks of `resolve`.
    public init(unchecked given: String) {
        let absolute = Self.normalized(given.hasPrefix("/") ? given : FileManager.default.currentDirectoryPath + "/" + given)
        let (parent, name) = Self.split(absolute)
        self.init(given: given, path: absolute, parent: parent, name: name, linkTarget: nil)
    }

    init(given: String, path: String, parent: String, name: String, linkTarget: String?) {
        self.given = given
        self.path = path
        self.parent = parent
        self.name = name
        self.linkTarget = linkTarget
    }

    // MARK: Path text, without Foundation's path helpers (which trap on one-character names)

    /// "/a/./b/../c/" → "/a/c"; lexical only.
    static func normalized(_ absolute: String) -> String {
        var parts: [Substring] = []
        for part in absolute.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// "/a/b" → ("/a", "b"); "/a" → ("/", "a"). Absolute and normalized, so
    /// the last component is a name (never "." or "..").
    static func split(_ absolute: String) -> (String, String) {
        guard let slash = absolute.lastIndex(of: "/") else { return (".", absolute) }
        return (PathText.parent(of: absolute), String(absolute[absolute.index(after: slash)...]))
    }

    static func join(_ parent: String, _ name: String) -> String { PathText.join(parent, name) }

    /// Whether `inner` lies strictly inside `outer` (both absolute and normalized).
    static func isInside(_ inner: String, _ outer: String) -> Bool {
        outer == "/" ? inner != "/" : inner.hasPrefix(outer + "/")
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = Glibc.realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The real path of the longest existing prefix, with the rest appended
    /// as written (the build creates those folders).
    static func realPathOfExistingPrefix(_ absolute: String) -> String {
        var existing = absolute
        var rest: [String] = []
        while true {
            if let real = realPath(existing) { return rest.reversed().reduce(real) { join($0, $1) } }
            let (parent, name) = split(existing)
            if existing == "/" || parent == existing { return absolute }
            rest.append(name)
            existing = parent
        }
    }
}
