import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The lock beside a site that keeps two builds from mixing their files.
///
/// The file carries tiendo's mark; a file of that name without it is
/// someone else's and is neither used nor deleted. The holder deletes the
/// file when it is done, so no lock is left beside the site. Deleting a
/// held lock is safe because a build checks, once it holds the lock, that
/// the file it locked is still the one at the path (else it starts over).
struct BuildLock {
    let path: String
    private let descriptor: Int32

    static func acquire(_ path: String, display: String) throws -> BuildLock {
        for _ in 0..<20 {
            let fd = open(path, O_CREAT | O_RDWR | O_CLOEXEC | O_NOFOLLOW, 0o644)
            guard fd >= 0 else {
                if errno == ELOOP { throw Publisher.Failure.foreignLock(path) }
                throw Publisher.Failure.io(path, String(cString: strerror(errno)))
            }
            // flock is released by the kernel when the process dies, even on SIGKILL.
            guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
                close(fd)
                throw Publisher.Failure.locked(display)
            }
            var held = stat(), atPath = stat()
            guard fstat(fd, &held) == 0, lstat(path, &atPath) == 0,
                  held.st_dev == atPath.st_dev, held.st_ino == atPath.st_ino else {
                close(fd)   // the holder before us deleted it: lock the new file
                continue
            }
            guard (held.st_mode & S_IFMT) == S_IFREG, isOurs(fd, size: Int(held.st_size)) else {
                close(fd)
                throw Publisher.Failure.foreignLock(path)
            }
            let mark = Array((Publisher.lockMark + "\n").utf8)
            _ = ftruncate(fd, 0)
            _ = mark.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
            return BuildLock(path: path, descriptor: fd)
        }
        throw Publisher.Failure.locked(display)
    }

    /// Empty (just created, or left by an older tiendo) or marked.
    private static func isOurs(_ fd: Int32, size: Int) -> Bool {
        if size == 0 { return true }
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return false }
        return String(decoding: buffer[..<count], as: UTF8.self).hasPrefix(Publisher.lockMark)
    }

    /// Deletes the lock file (still ours: we hold it) and releases the lock.
    func release() {
        unlink(path)
        close(descriptor)
    }
}

/// Finds two output paths that are one file: equal, or equal but for
/// letter case, as on the Windows and macOS shares a site is copied to.
public enum PathCollision {
    public static func first(in paths: [String]) -> String? {
        var seen = Set<String>()
        for path in paths where !seen.insert(path.lowercased()).inserted { return path }
        return nil
    }
}
