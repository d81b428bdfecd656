import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What the main thread and the build thread share: whether to stop, and
/// the build child to end when stopping.
final class ServeSession: @unchecked Sendable {
    private let lock = NSLock()
    private var _stopping = false
    private var _child: pid_t?
    private var _serverStarted = false
    private var _failed = false
    private var _changed = false
    private var _superseded = false

    var stopping: Bool { lock.lock(); defer { lock.unlock() }; return _stopping }
    var serverStarted: Bool {
        get { lock.lock(); defer { lock.unlock() }; return _serverStarted }
        set { lock.lock(); _serverStarted = newValue; lock.unlock() }
    }
    var failed: Bool {
        get { lock.lock(); defer { lock.unlock() }; return _failed }
        set { lock.lock(); _failed = newValue; lock.unlock() }
    }

    /// Records the running build child; false when stopping (the caller ends it).
    func running(_ child: pid_t?) -> Bool {
        lock.lock(); defer { lock.unlock() }
        _child = child
        return !_stopping
    }

    /// A change was seen: build again, and end a build still running (its result is stale).
    func contentChanged() {
        lock.lock()
        _changed = true
        let child = _child
        if child != nil { _superseded = true }
        lock.unlock()
        if let child { kill(child, SIGKILL) }
    }

    func takeChange() -> Bool {
        lock.lock(); defer { lock.unlock() }
        defer { _changed = false }
        return _changed
    }

    func takeSuperseded() -> Bool {
        lock.lock(); defer { lock.unlock() }
        defer { _superseded = false }
        return _superseded
    }

    func stop() {
        lock.lock()
        _stopping = true
        let child = _child
        lock.unlock()
        if let child { kill(child, SIGKILL) }
    }
}

/// Ctrl-C (SIGINT) and SIGTERM, turned into a byte on a pipe the main
/// thread reads: whichever thread the kernel picks for the signal, the
/// server stops cleanly and at once.
struct StopSignal {
    nonisolated(unsafe) private static var pipeEnds: [Int32] = [-1, -1]

    static func install() -> StopSignal {
        _ = pipe(&pipeEnds)
        for fd in pipeEnds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber) { _ in
                var byte: UInt8 = 1
                _ = write(StopSignal.pipeEnds[1], &byte, 1)
            }
        }
        return StopSignal()
    }

    func raise() {
        var byte: UInt8 = 2
        _ = write(Self.pipeEnds[1], &byte, 1)
    }

    func wait() {
        var byte: UInt8 = 0
        while read(Self.pipeEnds[0], &byte, 1) < 0, errno == EINTR {}
    }
}
