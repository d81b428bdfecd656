import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program to its end and reports what only the kernel knows about
/// it: its own peak memory, for tests that assert a memory ceiling.
///
/// The peak is the child's VmHWM, read from /proc while it runs, not wait4's
/// ru_maxrss: posix_spawn execs from the test process's own memory map
/// (CLONE_VM), and Linux carries that map's high-water mark into the child's
/// maxrss at exec. Under a parallel test run ru_maxrss was the test process's
/// peak (CI saw it pass 150 MB for a child that needs 40 MB). VmHWM belongs
/// to the map the child got at exec, so it is the child's alone.
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
        var peakKilobytes = 0
        // A high-water mark: sampled every 2 ms, it misses only the growth of
        // the child's last 2 ms, a few MB at most at inflating speed.
        while true {
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid { break }
            if reaped < 0 && errno != EINTR { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .ECHILD) }
            peakKilobytes = max(peakKilobytes, highWaterKilobytes(of: pid))
            usleep(2_000)
        }
        let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Outcome(status: exit,
                       stderr: (try? String(contentsOfFile: errorFile, encoding: .utf8)) ?? "",
                       peakMegabytes: peakKilobytes / 1024,
                       seconds: Date().timeIntervalSince(started))
    }

    /// VmHWM of a running process, in kB; 0 once it has exited.
    private static func highWaterKilobytes(of pid: pid_t) -> Int {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/status"),
              let text = String(data: data, encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
        // "VmHWM:\t   41236 kB"
        return Int(line.dropFirst("VmHWM:".count).split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? "") ?? 0
    }
}
