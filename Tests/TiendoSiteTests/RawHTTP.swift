import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A bare HTTP client over a blocking socket to 127.0.0.1, for sending what
/// no well-behaved client sends (huge headers, foreign Host names, bytes at
/// a trickle). Every call is bounded by socket timeouts, so no test can hang.
enum RawHTTP {
    /// A connected socket, or -1.
    static func connect(port: Int, timeout: Double = 5) -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return -1 }
        var time = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - Double(Int(timeout))) * 1e6))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if result != 0 { close(fd); return -1 }
        return fd
    }

    /// Sends everything, or stops at the first error (the server may close first).
    @discardableResult
    static func send(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent <= 0 { return false }
            offset += sent
        }
        return true
    }

    /// Reads until the server closes, the socket times out, or `limit` bytes.
    static func receive(_ fd: Int32, limit: Int = 16 << 20) -> [UInt8] {
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while out.count < limit {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            out += chunk[..<count]
        }
        return out
    }

    struct Response {
        var status: Int?
        var head: String
        var body: String
    }

    static func parse(_ bytes: [UInt8]) -> Response {
        let text = String(decoding: bytes, as: UTF8.self)
        let parts = text.components(separatedBy: "\r\n\r\n")
        let head = parts.first ?? ""
        let statusLine = head.split(separator: "\r\n").first ?? ""
        let fields = statusLine.split(separator: " ")
        let status = fields.count >= 2 && statusLine.hasPrefix("HTTP/1.") ? Int(fields[1]) : nil
        return Response(status: status, head: head, body: parts.dropFirst().joined(separator: "\r\n\r\n"))
    }

    /// One whole exchange: sends `raw`, reads the answer.
    static func exchange(port: Int, _ raw: [UInt8], timeout: Double = 5) -> Response {
        let fd = connect(port: port, timeout: timeout)
        guard fd >= 0 else { return Response(status: nil, head: "", body: "") }
        defer { close(fd) }
        send(fd, raw)
        return parse(receive(fd))
    }

    static func get(port: Int, path: String = "/index.html", host: String? = nil) -> Response {
        exchange(port: port, Array("GET \(path) HTTP/1.1\r\nHost: \(host ?? "127.0.0.1:\(port)")\r\nUser-Agent: test\r\n\r\n".utf8))
    }
}
