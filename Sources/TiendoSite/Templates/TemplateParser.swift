/// Reads the logic-less Mustache that themes are written in: variables,
/// `{{{raw}}}` and `{{&raw}}`, sections, inverted sections, comments,
/// partials and delimiter changes, with the specification's rule that a
/// section, comment or partial tag alone on its line takes the line with it.
/// Lambdas, inheritance, transforms and pragmas are refused with the line
/// they are on: the site's view models are plain data and need none of them.
struct TemplateParser {
    /// Where parsing stopped, and why, in words for whoever edits the theme.
    struct SyntaxError: Error, Equatable {
        let line: Int
        let message: String
    }

    /// A tag as written, before sections are nested.
    enum Piece {
        case text([UInt8])
        case variable(String, escaped: Bool, line: Int)
        case open(String, inverted: Bool, line: Int)
        case close(String, line: Int)
        case partial(String, indentation: [UInt8], line: Int)
    }

    /// Splits a template into text and tags; standalone lines are already removed.
    static func pieces(_ source: [UInt8]) throws(SyntaxError) -> [Piece] {
        var scanner = Scanner(source: source)
        return try scanner.run()
    }

    private struct Scanner {
        let source: [UInt8]
        var open: [UInt8] = Array("{{".utf8)
        var close: [UInt8] = Array("}}".utf8)
        var position = 0
        var pieces: [Piece] = []
        var pendingText: [UInt8] = []

        init(source: [UInt8]) { self.source = source }

        mutating func run() throws(SyntaxError) -> [Piece] {
            while position < source.count {
                guard let tagStart = find(open, from: position) else {
                    pendingText += source[position...]
                    position = source.count
                    break
                }
                pendingText += source[position..<tagStart]
                try tag(at: tagStart)
            }
            flushText()
            return pieces
        }

        mutating func flushText() {
            if !pendingText.isEmpty { pieces.append(.text(pendingText)) }
            pendingText = []
        }

        func line(at offset: Int) -> Int {
            var line = 1
            var index = 0
            while index < offset && index < source.count {
                if source[index] == 0x0A { line += 1 }
                index += 1
            }
            return line
        }

        func find(_ needle: [UInt8], from start: Int) -> Int? {
            guard !needle.isEmpty, source.count >= needle.count else { return nil }
            var index = start
            let last = source.count - needle.count
            while index <= last {
                if source[index] == needle[0] {
                    var matched = true
                    for offset in 1..<needle.count where source[index + offset] != needle[offset] {
                        matched = false
                        break
                    }
                    if matched { return index }
                }
                index += 1
            }
            return nil
        }

        static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

        static func trimmed(_ bytes: ArraySlice<UInt8>) -> String {
            var slice = bytes
            while let first = slice.first, isBlank(first) || first == 0x0A || first == 0x0D { slice = slice.dropFirst() }
            while let last = slice.last, isBlank(last) || last == 0x0A || last == 0x0D { slice = slice.dropLast() }
            return String(decoding: slice, as: UTF8.self)
        }

        mutating func tag(at tagStart: Int) throws(SyntaxError) {
            let line = line(at: tagStart)
            var cursor = tagStart + open.count
            let sigil: UInt8? = cursor < source.count ? source[cursor] : nil
            // `{{{name}}}` closes with one more brace than the delimiter.
            let isTriple = sigil == UInt8(ascii: "{") && open == Array("{{".utf8)
            let closing = isTriple ? Array("}".utf8) + close : close
            if let sigil, Self.sigils.contains(sigil) || isTriple { cursor += 1 }
            guard let contentEnd = find(closing, from: cursor) else {
                throw SyntaxError(line: line, message: "thẻ mở \(String(decoding: open, as: UTF8.self)) không có \(String(decoding: closing, as: UTF8.self)) đóng lại")
            }
            let content = Self.trimmed(source[cursor..<contentEnd])
            let tagEnd = contentEnd + closing.count
            let kind: UInt8? = isTriple ? UInt8(ascii: "&") : (sigil.flatMap { Self.sigils.contains($0) ? $0 : nil })

            // A tag that produces no output, alone on its line, removes the line.
            let standaloneKinds: [UInt8] = Array("#^/!>=".utf8)
            var indentation: [UInt8] = []
            if let kind, standaloneKinds.contains(kind), let lineEnd = standaloneLine(tagStart: tagStart, tagEnd: tagEnd) {
                var lineStart = tagStart
                while lineStart > 0 && source[lineStart - 1] != 0x0A { lineStart -= 1 }
                indentation = Array(source[lineStart..<tagStart])
                pendingText.removeLast(tagStart - lineStart)
                position = lineEnd
            } else {
                position = tagEnd
            }

            switch kind {
            case UInt8(ascii: "!"):
                return
            case UInt8(ascii: "="):
                try setDelimiters(content, line: line)
                return
            case UInt8(ascii: "%"), UInt8(ascii: "<"), UInt8(ascii: "$"):
                throw SyntaxError(line: line, message: "thẻ {{\(Character(UnicodeScalar(kind!)))…}} (pragma, kế thừa mẫu) không được hỗ trợ; giao diện chỉ dùng biến, khối {{#…}}/{{^…}} và mẫu con {{>…}}")
            default:
                break
            }
            guard !content.isEmpty else {
                throw SyntaxError(line: line, message: "thẻ không có tên")
            }
            if kind == UInt8(ascii: ">") {
                guard content.allSatisfy({ $0.isLetter || $0.isNumber || "-_./".contains($0) }) else {
                    throw SyntaxError(line: line, message: "tên mẫu con \"\(content)\" không hợp lệ")
                }
                flushText()
                pieces.append(.partial(content, indentation: indentation, line: line))
                return
            }
            guard content == "." || content.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || "-_.?".contains($0) }),
                  !content.contains("..") else {
                if content.contains("(") {
                    throw SyntaxError(line: line, message: "tên \"\(content)\" có biến đổi (…); giao diện không hỗ trợ biến đổi, hãy thêm trường đã tính sẵn vào dữ liệu trang")
                }
                throw SyntaxError(line: line, message: "tên \"\(content)\" không hợp lệ (chỉ dùng chữ cái không dấu, số, dấu chấm, gạch ngang, gạch dưới)")
            }
            flushText()
            switch kind {
            case UInt8(ascii: "#"): pieces.append(.open(content, inverted: false, line: line))
            case UInt8(ascii: "^"): pieces.append(.open(content, inverted: true, line: line))
            case UInt8(ascii: "/"): pieces.append(.close(content, line: line))
            case UInt8(ascii: "&"): pieces.append(.variable(content, escaped: false, line: line))
            default: pieces.append(.variable(content, escaped: true, line: line))
            }
        }

        static let sigils: [UInt8] = Array("#^/!>=&%<$".utf8)

        /// Where the next line starts when the tag is alone on its line
        /// (only blanks before it and after it), or nil.
        func standaloneLine(tagStart: Int, tagEnd: Int) -> Int? {
            var before = tagStart
            while before > 0 && source[before - 1] != 0x0A {
                guard Self.isBlank(source[before - 1]) else { return nil }
                before -= 1
            }
            var after = tagEnd
            while after < source.count && Self.isBlank(source[after]) { after += 1 }
            if after == source.count { return after }
            if source[after] == 0x0A { return after + 1 }
            if source[after] == 0x0D && after + 1 < source.count && source[after + 1] == 0x0A { return after + 2 }
            return nil
        }

        mutating func setDelimiters(_ content: String, line: Int) throws(SyntaxError) {
            var inner = Substring(content)
            guard inner.hasSuffix("=") else {
                throw SyntaxError(line: line, message: "thẻ đổi dấu phân cách phải có dạng {{=<% %>=}}")
            }
            inner = inner.dropLast()
            let parts = inner.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard parts.count == 2, !parts[0].contains("="), !parts[1].contains("=") else {
                throw SyntaxError(line: line, message: "thẻ đổi dấu phân cách phải có dạng {{=<% %>=}}")
            }
            open = Array(parts[0].utf8)
            close = Array(parts[1].utf8)
        }
    }

    /// Nests sections. `partials` holds the nodes of each partial tag, in
    /// the order the tags stand in `pieces`.
    static func nodes(_ pieces: [Piece], partials: [[TemplateNode]]) throws(SyntaxError) -> [TemplateNode] {
        var partials = partials.makeIterator()
        struct Open { let name: String; let inverted: Bool; let line: Int; var children: [TemplateNode] }
        var stack: [Open] = [Open(name: "", inverted: false, line: 0, children: [])]
        for piece in pieces {
            switch piece {
            case .text(let bytes):
                stack[stack.count - 1].children.append(.text(bytes))
            case .variable(let name, let escaped, _):
                stack[stack.count - 1].children.append(.variable(TemplateName(name), escaped: escaped))
            case .partial:
                stack[stack.count - 1].children += partials.next() ?? []
            case .open(let name, let inverted, let line):
                stack.append(Open(name: name, inverted: inverted, line: line, children: []))
            case .close(let name, let line):
                guard stack.count > 1 else {
                    throw SyntaxError(line: line, message: "thẻ đóng {{/\(name)}} không có thẻ mở {{#\(name)}} tương ứng")
                }
                let section = stack.removeLast()
                guard section.name == name else {
                    throw SyntaxError(line: line, message: "thẻ đóng {{/\(name)}} không khớp thẻ mở {{\(section.inverted ? "^" : "#")\(section.name)}} ở dòng \(section.line)")
                }
                stack[stack.count - 1].children.append(.section(TemplateName(name), section.children, inverted: section.inverted))
            }
        }
        if stack.count > 1, let unclosed = stack.last {
            throw SyntaxError(line: unclosed.line, message: "thẻ mở {{\(unclosed.inverted ? "^" : "#")\(unclosed.name)}} chưa được đóng bằng {{/\(unclosed.name)}}")
        }
        return merged(stack[0].children)
    }

    /// Joins neighbouring text nodes, so rendering appends one run of bytes.
    static func merged(_ nodes: [TemplateNode]) -> [TemplateNode] {
        var out: [TemplateNode] = []
        for node in nodes {
            if case .text(let bytes) = node {
                if bytes.isEmpty { continue }
                if case .text(let previous)? = out.last {
                    out[out.count - 1] = .text(previous + bytes)
                    continue
                }
            }
            if case .section(let name, let children, let inverted) = node {
                out.append(.section(name, merged(children), inverted: inverted))
                continue
            }
            out.append(node)
        }
        return out
    }
}
