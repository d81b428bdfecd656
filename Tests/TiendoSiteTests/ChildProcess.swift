import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program to its end and reports what only the kernel knows about
/// it: its own peak memory (wait4's rusage, not the test process's), for
/// tests that assert a memory ceiling.
enum ChildProcess {
    struct Outcome {
        var status: Int32
        var stderr: String
        var peakMegabytes: Int
        var seconds: Double
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> Outcome {
        let errorFile = NSTemporaryDirectory() + "tiendo-child-\(UUID().uuidString).err"
        defer { try? FileManager.default.removeItem(atPath: errorFile) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errorFile, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let started = Date()
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Outcome(status: exit,
                       stderr: (try? String(contentsOfFile: errorFile, encoding: .utf8)) ?? "",
                       peakMegabytes: usage.ru_maxrss / 1024, // kilobytes on Linux
                       seconds: Date().timeIntervalSince(started))
    }
}
