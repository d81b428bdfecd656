/// The head of one HTTP/1.x request (request line and header fields), read
/// from bytes the preview server has already bounded in size. Anything the
/// preview does not need (folded lines, a second Host, a body it would have
/// to decode) is refused rather than guessed at.
struct HTTPRequestHead: Equatable {
    var method: String
    var target: String
    var headers: [(name: String, value: String)]

    static func == (a: HTTPRequestHead, b: HTTPRequestHead) -> Bool {
        a.method == b.method && a.target == b.target && a.headers.map(\.name) == b.headers.map(\.name)
            && a.headers.map(\.value) == b.headers.map(\.value)
    }

    enum Problem: Error, Equatable {
        case malformed(String)
        case tooManyHeaders
    }

    /// The value of a header field, by case-insensitive name.
    func value(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name }?.value
    }

    func count(_ name: String) -> Int { headers.filter { $0.name.lowercased() == name }.count }

    /// Where the head ends in `buffer` (the index after the blank line), if it does.
    static func end(in buffer: [UInt8]) -> Int? {
        var index = 0
        while index < buffer.count {
            if buffer[index] == 0x0A {
                if index + 1 < buffer.count, buffer[index + 1] == 0x0A { return index + 2 }
                if index + 2 < buffer.count, buffer[index + 1] == 0x0D, buffer[index + 2] == 0x0A { return index + 3 }
            }
            index += 1
        }
        return nil
    }

    /// Parses a head without its final blank line.
    static func parse(_ bytes: ArraySlice<UInt8>, maxHeaders: Int) -> Result<HTTPRequestHead, Problem> {
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { line -> ArraySlice<UInt8> in
            line.last == 0x0D ? line.dropLast() : line
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        guard let requestLine = lines.first else { return .failure(.malformed("dòng yêu cầu trống")) }
        guard requestLine.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return .failure(.malformed("dòng yêu cầu có ký tự lạ")) }
        let parts = requestLine.split(separator: 0x20, omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty else { return .failure(.malformed("dòng yêu cầu sai dạng")) }
        let version = String(decoding: parts[2], as: UTF8.self)
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else { return .failure(.malformed("phiên bản HTTP không hỗ trợ")) }
        guard lines.count - 1 <= maxHeaders else { return .failure(.tooManyHeaders) }
        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() {
            guard let first = line.first, first != 0x20, first != 0x09 else { return .failure(.malformed("dòng tiêu đề gấp (obs-fold)")) }
            guard let colon = line.firstIndex(of: 0x3A), colon > line.startIndex else { return .failure(.malformed("dòng tiêu đề thiếu dấu hai chấm")) }
            let name = line[..<colon]
            guard name.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return .failure(.malformed("tên tiêu đề sai")) }
            let value = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingSpaces
            headers.append((String(decoding: name, as: UTF8.self), value))
        }
        return .success(HTTPRequestHead(method: String(decoding: parts[0], as: UTF8.self),
                                        target: String(decoding: parts[1], as: UTF8.self), headers: headers))
    }
}

extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
