import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Keeps what a build reads inside the folder it was given. A symbolic
/// link inside content/ or theme/ that leads out of it (to /etc/passwd, to
/// another user's files) would publish whatever it points to; it is refused
/// with the link named. Links that stay inside their folder are followed.
enum FolderBoundary {
    /// The real path `path` leads to when that lies outside `folder`; nil
    /// when it stays inside (or does not exist: that is reported elsewhere).
    static func escape(of path: String, from folder: String) -> String? {
        guard let realFolder = OutputLocation.realPath(folder), let real = OutputLocation.realPath(path) else { return nil }
        return real == realFolder || OutputLocation.isInside(real, realFolder) ? nil : real
    }

    static func reason(target: String, folder: String) -> String {
        "là liên kết tượng trưng trỏ ra ngoài thư mục \(folder) (tới \(target)); tiendo không đọc tệp ở ngoài thư mục được giao"
    }

    static func message(_ path: String, target: String, folder: String) -> String {
        "\(path): " + reason(target: target, folder: folder)
    }

    static let hint = "chép tệp vào thư mục thay cho liên kết, hoặc xóa liên kết"

    /// Whether `path`, after following links, is a regular file (not a folder, device or pipe).
    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }
}
