import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The preview's HTTP/1.1 server on 127.0.0.1: one thread, non-blocking
/// sockets and poll(2), one request per connection.
///
/// Written for tiendo rather than taken from FlyingFox, which reads a header
/// line byte by byte with no length limit (two 1 MB lines pinned the CPU for
/// minutes), and whose accept loop ends for good on the first EMFILE. Here
/// every connection is bounded: the head (request line and header fields)
/// must fit in `Limits.headBytes` (else 431) within `Limits.headSeconds`
/// (else 408), a request body may not exceed `Limits.bodyBytes` (else 413),
/// and a slow client only ever costs a buffer, never the loop. When the
/// process runs out of file descriptors the oldest connection still waiting
/// for its head is closed, or accepting pauses for a moment; it resumes by
/// itself. Only `Host: 127.0.0.1` or `localhost` (with this port) is answered,
/// so a web page cannot reach the preview by DNS rebinding.
final class PreviewServer: @unchecked Sendable {
    struct Limits {
        var headBytes = 16 * 1024
        var headerCount = 100
        var bodyBytes = 64 * 1024
        var headSeconds = 5.0
        var writeSeconds = 30.0
        var maxConnections = 256
    }

    struct Request {
        var method: String
        /// The path, percent-decoded, without the query.
        var path: String
    }

    struct Response {
        var status: Int
        var headers: [(String, String)]
        var body: [UInt8]
    }

    typealias Handler = @Sendable (Request) -> Response

    let limits: Limits
    private let handler: Handler
    private var listener: Int32 = -1
    private var wake: [Int32] = [-1, -1]
    private(set) var port: UInt16 = 0
    private let stopped = DispatchSemaphore(value: 0)
    private let stopFlag = StopFlag()

    init(limits: Limits = Limits(), handler: @escaping Handler) {
        self.limits = limits
        self.handler = handler
    }

    enum StartError: Error, CustomStringConvertible {
        case socket(String)
        var description: String {
            switch self {
            case .socket(let message): return "không mở được cổng trên 127.0.0.1: \(message) — chọn cổng khác bằng --port, hoặc --port 0 để tự chọn"
            }
        }
    }

    /// Binds 127.0.0.1:`port` (0: a free port) and starts serving on a thread of its own.
    func start(port requested: UInt16) throws {
        signal(SIGPIPE, SIG_IGN)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw StartError.socket(String(cString: strerror(errno))) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = requested.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 128) == 0 else {
            let message = String(cString: strerror(errno))
            close(fd)
            throw StartError.socket(message)
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        port = UInt16(bigEndian: actual.sin_port)
        Self.setNonBlocking(fd)
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        listener = fd
        guard pipe(&wake) == 0 else { throw StartError.socket(String(cString: strerror(errno))) }
        Self.setNonBlocking(wake[0])
        Self.setNonBlocking(wake[1])
        for end in wake { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        let thread = Thread { [self] in
            self.loop()
            self.stopped.signal()
        }
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// Stops accepting, closes every connection and returns once the loop has ended.
    func stop() {
        guard listener >= 0, stopFlag.set() else { return }
        var byte: UInt8 = 1
        _ = write(wake[1], &byte, 1)
        stopped.wait()
    }

    // MARK: The loop

    private enum Phase {
        case head
        case body(remaining: Int, response: Response)
        /// The body is the site's own array, shared, not copied per connection.
        case writing(head: [UInt8], body: [UInt8], offset: Int)
        case draining
    }

    private struct Connection {
        var fd: Int32
        var buffer: [UInt8] = []
        var phase: Phase = .head
        var opened: Double
        var deadline: Double
        var drained = 0
    }

    private func loop() {
        var connections: [Int32: Connection] = [:]
        var acceptPausedUntil = 0.0
        var lastExhaustionNote = -1e9
        defer {
            for fd in connections.keys { close(fd) }
            close(listener)
            close(wake[0])
            close(wake[1])
        }
        while true {
            let now = Self.now()
            var fds: [pollfd] = [pollfd(fd: wake[0], events: Int16(POLLIN), revents: 0)]
            let accepting = now >= acceptPausedUntil && connections.count < limits.maxConnections
            if accepting { fds.append(pollfd(fd: listener, events: Int16(POLLIN), revents: 0)) }
            for connection in connections.values {
                let events: Int32
                if case .writing = connection.phase { events = Int32(POLLOUT) } else { events = Int32(POLLIN) }
                fds.append(pollfd(fd: connection.fd, events: Int16(events), revents: 0))
            }
            _ = poll(&fds, nfds_t(fds.count), 100)
            if fds[0].revents != 0 || stopFlag.isSet { return }
            let now2 = Self.now()
            for entry in fds.dropFirst() where entry.revents != 0 {
                if entry.fd == listener {
                    acceptAll(&connections, now: now2, pausedUntil: &acceptPausedUntil, lastNote: &lastExhaustionNote)
                } else if var connection = connections[entry.fd] {
                    if serve(&connection, now: now2) { connections[entry.fd] = connection } else {
                        close(entry.fd)
                        connections[entry.fd] = nil
                    }
                }
            }
            // Deadlines: a head that has not arrived gets 408; a response
            // the client does not read, or a drain that does not end, is dropped.
            for (fd, var connection) in connections where connection.deadline <= now2 {
                if case .head = connection.phase {
                    let (head, body) = Self.encode(Self.plain(408, "Hết thời gian chờ yêu cầu."), head: false)
                    connection.phase = .writing(head: head, body: body, offset: 0)
                    connection.deadline = now2 + limits.writeSeconds
                    connections[fd] = connection
                } else {
                    close(fd)
                    connections[fd] = nil
                }
            }
        }
    }

    private func acceptAll(_ connections: inout [Int32: Connection], now: Double, pausedUntil: inout Double, lastNote: inout Double) {
        for _ in 0..<64 where connections.count < limits.maxConnections {
            let fd = accept(listener, nil, nil)
            if fd >= 0 {
                Self.setNonBlocking(fd)
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
                connections[fd] = Connection(fd: fd, opened: now, deadline: now + limits.headSeconds)
                continue
            }
            switch errno {
            case EAGAIN, EWOULDBLOCK: return
            case EINTR, ECONNABORTED, EPROTO: continue
            case EMFILE, ENFILE, ENOBUFS, ENOMEM:
                // Out of descriptors: make room by dropping the connection
                // that has waited longest for its head, else wait a moment.
                if now - lastNote > 10 {
                    Console.error("Máy chủ xem trước hết chỗ mở kết nối (\(String(cString: strerror(errno)))); tạm đóng kết nối chờ lâu nhất và nhận tiếp khi có chỗ.")
                    lastNote = now
                }
                let waiting = connections.values.filter { if case .head = $0.phase { return true } else { return false } }
                if let oldest = waiting.min(by: { $0.opened < $1.opened }) {
                    close(oldest.fd)
                    connections[oldest.fd] = nil
                } else {
                    pausedUntil = now + 0.1
                }
                return
            default:
                pausedUntil = now + 0.1
                return
            }
        }
    }

    /// Advances one connection on a poll event; false when it is finished.
    private func serve(_ connection: inout Connection, now: Double) -> Bool {
        switch connection.phase {
        case .head, .body, .draining:
            var chunk = [UInt8](repeating: 0, count: 16 * 1024)
            let count = chunk.withUnsafeMutableBytes { recv(connection.fd, $0.baseAddress, $0.count, 0) }
            if count < 0 { return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR }
            if count == 0 { return false }
            switch connection.phase {
            case .draining:
                // After a refusal the client may still be sending its huge
                // header or body: read and drop it, up to a bound, so it sees the answer.
                connection.drained += count
                return connection.drained < 4 << 20
            case .body(let remaining, let response):
                let left = remaining - count
                if left > 0 { connection.phase = .body(remaining: left, response: response) } else { respond(&connection, response, now: now) }
                return true
            default:
                connection.buffer.append(contentsOf: chunk[..<count])
                guard let end = HTTPRequestHead.end(in: connection.buffer) else {
                    if connection.buffer.count > limits.headBytes {
                        refuse(&connection, 431, "Tiêu đề yêu cầu quá lớn (giới hạn \(limits.headBytes / 1024) KB).", now: now)
                    }
                    return true
                }
                guard end <= limits.headBytes + 4 else {
                    refuse(&connection, 431, "Tiêu đề yêu cầu quá lớn (giới hạn \(limits.headBytes / 1024) KB).", now: now)
                    return true
                }
                handleHead(&connection, end: end, now: now)
                return true
            }
        case .writing(let head, let body, let offset):
            let sent: Int
            if offset < head.count {
                sent = head[offset...].withUnsafeBytes { send(connection.fd, $0.baseAddress, $0.count, 0) }
            } else {
                sent = body[(offset - head.count)...].withUnsafeBytes { send(connection.fd, $0.baseAddress, $0.count, 0) }
            }
            if sent < 0 { return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR }
            if offset + sent < head.count + body.count {
                connection.phase = .writing(head: head, body: body, offset: offset + sent)
                return true
            }
            // Answered: say so, then read whatever the client still sends
            // until it closes (a closed socket with unread data would reset
            // the connection and the client might lose the answer).
            shutdown(connection.fd, Int32(SHUT_WR))
            connection.phase = .draining
            connection.deadline = now + 1
            return true
        }
    }

    private func handleHead(_ connection: inout Connection, end: Int, now: Double) {
        let head: HTTPRequestHead
        switch HTTPRequestHead.parse(connection.buffer[..<end], maxHeaders: limits.headerCount) {
        case .failure(.tooManyHeaders):
            return refuse(&connection, 431, "Quá nhiều dòng tiêu đề (giới hạn \(limits.headerCount)).", now: now)
        case .failure(.malformed(let why)):
            return refuse(&connection, 400, "Yêu cầu sai dạng: \(why).", now: now)
        case .success(let parsed):
            head = parsed
        }
        guard head.count("host") == 1, let host = head.value("host") else {
            return refuse(&connection, 400, "Yêu cầu thiếu tiêu đề Host, hoặc có nhiều hơn một.", now: now)
        }
        guard Self.isLocalHost(host, port: port) else {
            return refuse(&connection, 403, "Máy chủ xem trước chỉ trả lời địa chỉ http://127.0.0.1:\(port)/ hoặc http://localhost:\(port)/.", now: now)
        }
        if head.value("transfer-encoding") != nil {
            return refuse(&connection, 501, "Máy chủ xem trước không nhận nội dung gửi kiểu chunked.", now: now)
        }
        var bodyLength = 0
        if head.count("content-length") > 0 {
            guard head.count("content-length") == 1, let length = Int(head.value("content-length")!), length >= 0 else {
                return refuse(&connection, 400, "Content-Length sai.", now: now)
            }
            guard length <= limits.bodyBytes else {
                return refuse(&connection, 413, "Nội dung gửi lên quá lớn (giới hạn \(limits.bodyBytes / 1024) KB).", now: now)
            }
            bodyLength = length
        }
        let response: Response
        if head.method != "GET" && head.method != "HEAD" {
            var refusal = Self.plain(405, "Chỉ nhận GET và HEAD.")
            refusal.headers.append(("Allow", "GET, HEAD"))
            response = refusal
        } else if let path = Self.path(of: head.target) {
            response = handler(Request(method: head.method, path: path))
        } else {
            response = Self.plain(400, "Đường dẫn sai.")
        }
        let received = connection.buffer.count - end
        connection.buffer = []
        if bodyLength > received {
            connection.phase = .body(remaining: bodyLength - received, response: response)
        } else {
            respond(&connection, response, head: head.method == "HEAD", now: now)
        }
    }

    private func respond(_ connection: inout Connection, _ response: Response, head: Bool = false, now: Double) {
        connection.buffer = []
        let (headBytes, body) = Self.encode(response, head: head)
        connection.phase = .writing(head: headBytes, body: body, offset: 0)
        connection.deadline = now + limits.writeSeconds
    }

    private func refuse(_ connection: inout Connection, _ status: Int, _ message: String, now: Double) {
        respond(&connection, Self.plain(status, message), now: now)
    }

    // MARK: Pieces

    /// 127.0.0.1 or localhost, with no port or this server's port.
    static func isLocalHost(_ host: String, port: UInt16) -> Bool {
        let lower = host.lowercased()
        var name = Substring(lower)
        if let colon = lower.lastIndex(of: ":") {
            guard lower[lower.index(after: colon)...] == Substring(String(port)) else { return false }
            name = lower[..<colon]
        }
        return name == "127.0.0.1" || name == "localhost"
    }

    /// The decoded path of an origin-form target ("/a%20b/c.html?x" → "/a b/c.html"); nil when it is not one.
    static func path(of target: String) -> String? {
        guard target.hasPrefix("/") else { return nil }
        let raw = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        guard let decoded = raw.removingPercentEncoding, !decoded.contains("\0") else { return nil }
        return decoded
    }

    static func plain(_ status: Int, _ message: String) -> Response {
        Response(status: status, headers: [("Content-Type", "text/plain; charset=utf-8")], body: Array((message + "\n").utf8))
    }

    static let reasons: [Int: String] = [
        200: "OK", 400: "Bad Request", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed", 408: "Request Timeout",
        413: "Content Too Large", 431: "Request Header Fields Too Large", 500: "Internal Server Error", 501: "Not Implemented",
    ]

    /// The status line and header fields, and the body (empty for HEAD).
    static func encode(_ response: Response, head: Bool) -> ([UInt8], [UInt8]) {
        var text = "HTTP/1.1 \(response.status) \(reasons[response.status] ?? "Status")\r\n"
        for (name, value) in response.headers { text += "\(name): \(value)\r\n" }
        text += "Content-Length: \(response.body.count)\r\nConnection: close\r\n\r\n"
        return (Array(text.utf8), head ? [] : response.body)
    }

    static func setNonBlocking(_ fd: Int32) {
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
    }

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

/// A flag set once, from any thread.
final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    /// True for the caller that set it.
    func set() -> Bool { lock.lock(); defer { lock.unlock() }; if value { return false }; value = true; return true }
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
}
