import Foundation
import Testing

/// `tiendo serve` under abuse, over real sockets on 127.0.0.1 only. Every
/// loop here has a bound; every server is stopped by the test that started it.
@Suite(.serialized) struct ServeAbuseTests {
    /// A running preview of a copy of the mini content.
    final class Preview {
        let process: Process
        let reader: LineReader
        let port: Int
        let content: String

        init(fileLimit: Int? = nil) throws {
            content = Support.temporaryDirectory() + "/content"
            try FileManager.default.copyItem(atPath: Support.miniContent, toPath: content)
            let stderr = Pipe()
            reader = LineReader(stderr)
            let arguments = ["serve", "--as-of", "2026-07-15", "--content", content, "--theme", Support.repository + "/theme", "--port", "0"]
            if let fileLimit {
                // The shell lowers the descriptor limit, then becomes tiendo.
                process = Process()
                process.executableURL = URL(fileURLWithPath: "/bin/sh")
                process.arguments = ["-c", "ulimit -n \(fileLimit) && exec \"$0\" \"$@\"", TiendoProcess.executable] + arguments
                process.standardOutput = FileHandle.nullDevice
                process.standardError = stderr
                try process.run()
            } else {
                process = try TiendoProcess.start(arguments, stderr: stderr)
            }
            guard reader.wait(for: "http://127.0.0.1:", seconds: 30),
                  let digits = reader.text.components(separatedBy: "http://127.0.0.1:").last?.prefix(while: { $0.isNumber }),
                  let port = Int(digits) else {
                process.terminate()
                throw Failure(text: "server did not start: \(reader.text)")
            }
            self.port = port
        }

        struct Failure: Error { let text: String }

        /// Stops with SIGTERM; returns the seconds it took, or nil if it did
        /// not stop within 20. How fast it stops is `sigtermAndCtrlCStopItWithinASecond`'s
        /// promise; here the bound only tells a server that does not stop
        /// from one that a loaded CI machine schedules late.
        func stop() -> Double? {
            let started = Date()
            kill(process.processIdentifier, SIGTERM)
            while process.isRunning, Date().timeIntervalSince(started) < 20 { usleep(10_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit(); return nil }
            return Date().timeIntervalSince(started)
        }

        deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() } }
    }

    @Test func oversizedHeadersGet431AndOthersAreStillServed() throws {
        let preview = try Preview()
        let huge = "GET /index.html HTTP/1.1\r\nHost: 127.0.0.1:\(preview.port)\r\nX-Lon: " + String(repeating: "a", count: 1 << 20) + "\r\n\r\n"
        let started = Date()
        // Two at once, as in the report that pinned the CPU.
        let group = DispatchGroup()
        let collected = Collected()
        let port = preview.port
        for _ in 0..<2 {
            group.enter()
            Thread {
                collected.add(RawHTTP.exchange(port: port, Array(huge.utf8)))
                group.leave()
            }.start()
        }
        _ = group.wait(timeout: .now() + 15)
        let results = collected.all
        #expect(results.count == 2)
        for response in results { #expect(response.status == 431, "\(response.head)") }
        #expect(Date().timeIntervalSince(started) < 10)
        let many = "GET / HTTP/1.1\r\nHost: 127.0.0.1:\(preview.port)\r\n" + (0..<500).map { "X-\($0): 1\r\n" }.joined() + "\r\n"
        #expect(RawHTTP.exchange(port: preview.port, Array(many.utf8)).status == 431)
        #expect(RawHTTP.get(port: preview.port).status == 200)
        #expect(preview.stop() != nil)
    }

    @Test func oversizedBodiesGet413() throws {
        let preview = try Preview()
        let head = "POST /index.html HTTP/1.1\r\nHost: 127.0.0.1:\(preview.port)\r\nContent-Length: \(50 << 20)\r\n\r\n"
        let fd = RawHTTP.connect(port: preview.port)
        #expect(fd >= 0)
        RawHTTP.send(fd, Array(head.utf8))
        RawHTTP.send(fd, [UInt8](repeating: 0x61, count: 256 * 1024))
        let response = RawHTTP.parse(RawHTTP.receive(fd))
        close(fd)
        #expect(response.status == 413, "\(response.head)")
        let small = "POST /index.html HTTP/1.1\r\nHost: 127.0.0.1:\(preview.port)\r\nContent-Length: 5\r\n\r\nhello"
        #expect(RawHTTP.exchange(port: preview.port, Array(small.utf8)).status == 405)
        let chunked = "POST / HTTP/1.1\r\nHost: 127.0.0.1:\(preview.port)\r\nTransfer-Encoding: chunked\r\n\r\n"
        #expect(RawHTTP.exchange(port: preview.port, Array(chunked.utf8)).status == 501)
        #expect(RawHTTP.get(port: preview.port).status == 200)
        #expect(preview.stop() != nil)
    }

    @Test func aSlowClientBlocksNoOneAndIsCutOff() throws {
        let preview = try Preview()
        let connected = Date()
        let slow = RawHTTP.connect(port: preview.port, timeout: 10)
        #expect(slow >= 0)
        defer { close(slow) }
        RawHTTP.send(slow, Array("GET /index.html HTTP/1.1\r\nHost: 127.0.0.1:\(preview.port)\r\n".utf8))
        // One byte every 100 ms; meanwhile others are answered at once.
        var asked = 0, answered = 0
        var lastByte = connected
        for index in 0..<20 {
            if !RawHTTP.send(slow, Array("X".utf8)) { break }
            lastByte = Date()
            if index % 5 == 0 {
                asked += 1
                if RawHTTP.get(port: preview.port).status == 200 { answered += 1 }
            }
            usleep(100_000)
        }
        // Every request made while the slow head was open was answered (on a
        // loaded machine the trickle may outlast the head deadline: fewer asked).
        #expect(asked >= 1)
        #expect(answered == asked)
        // The slow head never completes: the server answers 408 and closes.
        let response = RawHTTP.parse(RawHTTP.receive(slow))
        let cutOff = Date()
        #expect(response.status == 408, "\(response.head)")
        // Its 5 s run from the connection, not from the last byte: a deadline
        // that each byte put off would come 5 s after the last one. Measured
        // against the trickle itself, which a loaded machine slows as much as the server.
        #expect(cutOff.timeIntervalSince(connected) >= 4.5, "cut off after \(cutOff.timeIntervalSince(connected)) s")
        #expect(cutOff.timeIntervalSince(lastByte) < 5, "cut off \(cutOff.timeIntervalSince(lastByte)) s after the last byte")
        #expect(preview.stop() != nil)
    }

    @Test func onlyLoopbackHostNamesAreAnswered() throws {
        let preview = try Preview()
        let port = preview.port
        for host in ["127.0.0.1:\(port)", "localhost:\(port)", "LOCALHOST:\(port)", "127.0.0.1", "localhost"] {
            #expect(RawHTTP.get(port: port, host: host).status == 200, "\(host)")
        }
        for host in ["evil.example", "evil.example:\(port)", "127.0.0.1.nip.io:\(port)", "localhost:1", "10.0.0.1:\(port)", ""] {
            #expect(RawHTTP.get(port: port, host: host).status == 403, "\(host)")
        }
        let noHost = "GET / HTTP/1.1\r\n\r\n"
        #expect(RawHTTP.exchange(port: port, Array(noHost.utf8)).status == 400)
        let twoHosts = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: evil.example\r\n\r\n"
        #expect(RawHTTP.exchange(port: port, Array(twoHosts.utf8)).status == 400)
        #expect(preview.stop() != nil)
    }

    @Test func runningOutOfDescriptorsDoesNotStopTheServer() throws {
        let preview = try Preview(fileLimit: 48)
        // More idle connections than the process may hold open.
        var idle: [Int32] = []
        for _ in 0..<90 {
            let fd = RawHTTP.connect(port: preview.port, timeout: 3)
            if fd >= 0 { idle.append(fd) }
        }
        #expect(idle.count >= 60)
        usleep(300_000)
        // Still answered: the server drops its longest-waiting connection to make room.
        #expect(RawHTTP.get(port: preview.port).status == 200)
        for fd in idle { close(fd) }
        usleep(300_000)
        // Once descriptors are free again, it goes on accepting.
        for _ in 0..<5 { #expect(RawHTTP.get(port: preview.port).status == 200) }
        #expect(preview.process.isRunning)
        #expect(preview.reader.text.contains("hết chỗ mở kết nối"), "\(preview.reader.text)")
        #expect(preview.stop() != nil)
    }

    /// The README's promise: Ctrl-C or SIGTERM stops the preview within a
    /// second, whatever it is doing. Stopping waits for nothing (not for an
    /// open connection, whose head deadline is 5 s away, nor for a build),
    /// and each trial checks that: the open connection is closed unanswered
    /// (a server that waited for its deadline would send 408) and the exit
    /// is clean. The second is timed from kill() until the test sees the
    /// exit, which on a loaded 2-core CI machine also holds every delay in
    /// scheduling the server's threads and Foundation's reaper: one slow
    /// trial is the machine, a server that waits is slow in every trial. So
    /// the fastest of up to three trials must be under a second.
    @Test func sigtermAndCtrlCStopItWithinASecond() throws {
        for signal in [SIGTERM, SIGINT] {
            var fastest = Double.infinity
            for _ in 0..<3 where fastest >= 1 {
                let preview = try Preview()
                // A connection left open does not hold it up.
                let open = RawHTTP.connect(port: preview.port)
                defer { if open >= 0 { close(open) } }
                #expect(open >= 0)
                let started = Date()
                kill(preview.process.processIdentifier, signal)
                while preview.process.isRunning, Date().timeIntervalSince(started) < 10 { usleep(10_000) }
                let elapsed = Date().timeIntervalSince(started)
                guard !preview.process.isRunning else {
                    Issue.record("still running \(elapsed) s after signal \(signal)")
                    return
                }
                #expect(preview.process.terminationStatus == 0)
                let left = RawHTTP.receive(open)
                #expect(left.isEmpty, "the open connection got \(RawHTTP.parse(left).head)")
                fastest = min(fastest, elapsed)
            }
            #expect(fastest < 1, "stopped after \(fastest) s at the fastest of three on signal \(signal)")
        }
    }

    @Test func anInputThatCrashesABuildLeavesTheLastGoodSiteServed() throws {
        let preview = try Preview()
        let before = RawHTTP.get(port: preview.port)
        #expect(before.status == 200)
        // Nesting deep enough to overflow the stack of a reader without a limit.
        let deep = "# Văn bản lồng sâu\n\n" + String(repeating: "> ", count: 100_000) + "x\n"
        try deep.write(toFile: preview.content + "/directives/long-sau.md", atomically: true, encoding: .utf8)
        let changed = Date()
        var status = ""
        while Date().timeIntervalSince(changed) < 60 {
            status = RawHTTP.get(port: preview.port, path: "/__tiendo/status").body
            if !status.contains("\"error\":null") { break }
            usleep(200_000)
        }
        #expect(!status.contains("\"error\":null"), "the failed build is reported: \(status)")
        #expect(preview.process.isRunning)
        let after = RawHTTP.get(port: preview.port)
        #expect(after.status == 200)
        #expect(after.body == before.body, "the last good site stays served")
        #expect(preview.stop() != nil)
    }
}

/// Responses gathered from several threads.
final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var responses: [RawHTTP.Response] = []
    func add(_ response: RawHTTP.Response) { lock.lock(); responses.append(response); lock.unlock() }
    var all: [RawHTTP.Response] { lock.lock(); defer { lock.unlock() }; return responses }
}
