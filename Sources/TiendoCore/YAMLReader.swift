import Foundation
import Yams

/// Small helpers to read hand-written YAML with a diagnostic for every
/// missing or mistyped field, instead of a decoder that stops at the first.
struct YAMLReader {
    let file: String
    var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    mutating func list(_ node: Node?, key: String, required: Bool) -> [Node] {
        guard let node else {
            if required {
                diagnostics.append(.error(file, line: 1, "thiếu mục \"\(key)\"", hint: "thêm mục \(key): với danh sách các phần tử"))
            }
            return []
        }
        guard let sequence = node.sequence else {
            diagnostics.append(.error(file, line: node.mark?.line ?? 0, "mục \"\(key)\" phải là một danh sách",
                                      hint: "mỗi phần tử bắt đầu bằng \"- \""))
            return []
        }
        return Array(sequence)
    }

    mutating func string(_ node: Node, _ key: String) -> String? {
        if let value = optionalString(node, key), !value.isEmpty { return value }
        diagnostics.append(.error(file, line: node.mark?.line ?? 0, "thiếu trường \"\(key)\"",
                                  hint: "thêm \(key): ... cho phần tử này"))
        return nil
    }

    func optionalString(_ node: Node, _ key: String) -> String? {
        guard let value = node.mapping?[key] else { return nil }
        return value.scalar.map { $0.string.trimmedSpaces.precomposedNFC }
    }

    /// A name or a list of names. Anything else (a list in the list, a
    /// "key: value" pair) is an error, never dropped in silence: a name a
    /// clerk wrote that tiendo did not take is an assignment lost.
    mutating func strings(_ node: Node, _ key: String, lineOffset: Int = 0) -> [String] {
        guard let value = node.mapping?[key] else { return [] }
        if let scalar = value.scalar { return [scalar.string.precomposedNFC] }
        // The key's own line: a value reached through an alias has the anchor's.
        let keyLine = (node.mapping?.first { $0.key.scalar?.string == key }?.key.mark?.line ?? 0) + lineOffset
        guard let sequence = value.sequence else {
            diagnostics.append(.error(file, line: keyLine, "\"\(key)\" phải là một tên hoặc danh sách tên",
                                      hint: "ví dụ:  \(key): [Tên thứ nhất, Tên thứ hai]"))
            return []
        }
        let names = sequence.compactMap { $0.scalar?.string.precomposedNFC }
        if names.count < sequence.count {
            diagnostics.append(.error(file, line: keyLine, "\(sequence.count - names.count) phần tử của \"\(key)\" không phải là tên",
                                      hint: "mỗi phần tử là một tên: một dòng \"- Tên\", hoặc các tên cách nhau bằng dấu phẩy trong [ ]"))
        }
        return names
    }

    /// A warning for each key of `node` that is not one of `known`: a
    /// misspelt "aliases" would otherwise drop the names it lists.
    mutating func unknownKeys(_ node: Node, known: [String], in what: String) {
        diagnostics += Self.unknownKeys(node, known: known, noun: "khóa", in: what, file: file)
    }

    /// The warnings themselves, for a reader that keeps its own order of
    /// diagnostics: "khóa "x" trong … không được dùng (có phải "y"?)".
    static func unknownKeys(_ node: Node, known: [String], noun: String, in what: String, file: String,
                            lineOffset: Int = 0) -> [Diagnostic] {
        (node.mapping ?? [:]).compactMap { key, _ in
            guard let name = key.scalar?.string, !known.contains(name) else { return nil }
            return .warning(file, line: (key.mark?.line ?? 0) + lineOffset,
                            "\(noun) \"\(name)\" \(what) không được dùng" + KeySpelling.suggestion(name, in: known),
                            hint: "các \(noun) dùng được: " + known.joined(separator: ", "))
        }
    }
}

enum YAMLDiagnostics {
    static func diagnostic(for error: YamlError, file: String, lineOffset: Int = 0) -> Diagnostic {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return .error(file, line: mark.line + lineOffset, column: mark.column,
                          "cú pháp YAML sai: \(problem)",
                          hint: "kiểm tra thụt lề, dấu \":\" và dấu ngoặc kép ở dòng này")
        case let .duplicatedKeysInMapping(duplicates, context):
            return .error(file, line: context.mark.line + lineOffset,
                          "khóa bị lặp: \(duplicates.joined(separator: ", "))", hint: "xóa một trong hai dòng")
        default:
            return .error(file, line: 0, "không đọc được YAML: \(error)")
        }
    }
}

extension String {
    /// Vietnamese text in NFC, the form every page and key uses.
    public var precomposedNFC: String {
        // Nearly all text is NFC already (precomposed letters, as keyboards
        // type them), and the standard library can tell without Foundation's
        // round trip through an NSString. Only text it is unsure of (a
        // combining mark, a character that changes) is normalised.
        isKnownNFC ? self : precomposedStringWithCanonicalMapping
    }

    /// True when the Unicode quick check proves the text is NFC, which
    /// normalising would then leave byte for byte as it is; false when the
    /// text is not NFC, or may not be.
    var isKnownNFC: Bool {
        guard #available(macOS 26, *) else { return false }
        var span = utf8Span
        return span.checkForNFC(quickCheck: true)
    }
}
