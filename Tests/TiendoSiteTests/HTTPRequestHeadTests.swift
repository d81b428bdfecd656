import Testing
@testable import TiendoCLI

/// The preview server's reading of a request head, without a socket.
@Suite struct HTTPRequestHeadTests {
    func parse(_ text: String) -> Result<HTTPRequestHead, HTTPRequestHead.Problem> {
        let bytes = Array(text.utf8)
        let end = HTTPRequestHead.end(in: bytes) ?? bytes.count
        return HTTPRequestHead.parse(bytes[..<end], maxHeaders: 3)
    }

    @Test func readsTheRequestLineAndFields() throws {
        let head = try parse("GET /a%20b.html?x=1 HTTP/1.1\r\nHost:  localhost:8000 \r\nAccept: */*\r\n\r\n").get()
        #expect(head.method == "GET")
        #expect(head.target == "/a%20b.html?x=1")
        #expect(head.value("host") == "localhost:8000")
        #expect(PreviewServer.path(of: head.target) == "/a b.html")
        // Bare LF line ends are read too.
        #expect(try parse("HEAD / HTTP/1.0\nHost: 127.0.0.1\n\n").get().method == "HEAD")
    }

    @Test(arguments: [
        "GET / HTTP/2.0\r\n\r\n", "GET /\r\n\r\n", "GET  / HTTP/1.1\r\n\r\n", "GET / HTTP/1.1\r\n folded\r\n\r\n",
        "GET / HTTP/1.1\r\nno colon\r\n\r\n", "GET / HTTP/1.1\r\n: empty name\r\n\r\n", "GET /\u{7F} HTTP/1.1\r\n\r\n",
    ])
    func refusesWhatItWouldHaveToGuess(_ text: String) {
        guard case .failure(.malformed) = parse(text) else { Issue.record("accepted: \(text.debugDescription)"); return }
    }

    @Test func countsHeaderLines() {
        #expect(parse("GET / HTTP/1.1\r\na: 1\r\nb: 2\r\nc: 3\r\nd: 4\r\n\r\n") == .failure(.tooManyHeaders))
    }

    @Test(arguments: [("127.0.0.1:8000", true), ("localhost", true), ("LocalHost:8000", true), ("127.0.0.1", true),
                      ("localhost:8001", false), ("evil.example:8000", false), ("localhost.evil.example", false),
                      ("127.0.0.1:", false), ("[::1]:8000", false), ("", false)])
    func answersOnlyLoopbackNames(_ host: String, _ allowed: Bool) {
        #expect(PreviewServer.isLocalHost(host, port: 8000) == allowed)
    }

    @Test func targetsThatAreNotPathsAreRefused() {
        #expect(PreviewServer.path(of: "http://evil.example/") == nil)
        #expect(PreviewServer.path(of: "/a%00b") == nil)
        #expect(PreviewServer.path(of: "/%zz") == nil)
    }

    /// Random heads, from a fixed seed: parsing never traps, and what it
    /// accepts has the shape the server relies on.
    @Test func randomBytesNeverTrap() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 { state = state &* 6364136223846793005 &+ 1442695040888963407; return state >> 33 }
        let alphabet = Array("GET /HTTP1.0:\r\n \t%?x\u{0}\u{7F}é".utf8)
        for _ in 0..<3000 {
            let length = Int(next() % 200)
            var bytes = Array("GET / HTTP/1.1\r\n".utf8).prefix(Int(next() % 17))
            for _ in 0..<length { bytes.append(next() % 4 == 0 ? UInt8(truncatingIfNeeded: next()) : alphabet[Int(next()) % alphabet.count]) }
            let array = Array(bytes)
            let end = HTTPRequestHead.end(in: array) ?? array.count
            #expect(end <= array.count)
            if case .success(let head) = HTTPRequestHead.parse(array[..<end], maxHeaders: 100) {
                #expect(!head.method.isEmpty && !head.target.isEmpty)
                _ = PreviewServer.path(of: head.target)
                _ = head.value("host").map { PreviewServer.isLocalHost($0, port: 8000) }
            }
        }
    }
}
