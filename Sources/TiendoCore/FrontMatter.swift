import Yams

/// The optional YAML block at the top of a directive file, between "---"
/// lines: what the city knows that the draft does not say (its id, number,
/// date), and corrections per task where the reader cannot get it right.
public struct FrontMatter: Sendable {
    public var id: String?
    public var title: String?
    public var number: String?
    public var date: CivilDate?
    public var subject: String?
    public var signer: String?
    /// A short name for lists and tables, for a draft that has no number yet.
    public var short: String?
    /// Written by `tiendo import` from the document's header, so a clerk can correct them.
    public var issuer: String?
    public var kind: String?
    public var corrections: [String: TaskCorrection] = [:]
    /// Line in the file where the Markdown body starts (1 when there is no front matter).
    public var bodyStartLine: Int = 1

    public init() {}

    /// The keys front matter may have.
    public static let keys = ["id", "title", "number", "so", "date", "subject", "signer", "issuer", "kind", "tasks"]

    /// Splits `text` into front matter and body. The body keeps its text
    /// byte for byte; only the block between the fences is removed.
    public static func split(_ rawText: String, file: String, diagnostics: inout [Diagnostic]) -> (FrontMatter, String) {
        var matter = FrontMatter()
        // A file saved on Windows ends its lines with CRLF, which Swift counts
        // as one Character: without this, the file would be a single line.
        let text = rawText.normalizedLineEnds
        var lines = text.lines()
        if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = first.dropFirst() }
        guard let first = lines.first, first.trimmedSpaces == "---" else {
            return (matter, String(text.hasPrefix("\u{FEFF}") ? text.dropFirst() : Substring(text)))
        }
        guard let end = lines.dropFirst().firstIndex(where: { $0.trimmedSpaces == "---" || $0 == "..." }) else {
            diagnostics.append(.error(file, line: 1, "phần khai báo đầu tệp (front matter) mở bằng \"---\" nhưng không có dòng \"---\" đóng",
                                      hint: "thêm một dòng \"---\" sau phần khai báo"))
            return (matter, text)
        }
        let yaml = lines[1..<end].joined(separator: "\n")
        let body = lines[(end + 1)...].joined(separator: "\n")
        matter.bodyStartLine = end + 2
        matter.read(yaml, file: file, lineOffset: 1, diagnostics: &diagnostics)
        return (matter, body)
    }

    mutating func read(_ yaml: String, file: String, lineOffset: Int, diagnostics: inout [Diagnostic]) {
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            diagnostics.append(YAMLDiagnostics.diagnostic(for: error, file: file, lineOffset: lineOffset))
            return
        } catch {
            diagnostics.append(.error(file, line: lineOffset, "không đọc được phần khai báo đầu tệp: \(error)"))
            return
        }
        guard let node, let mapping = node.mapping else { return }
        // A misspelt key must not silently drop what it says.
        diagnostics += YAMLReader.unknownKeys(node, known: Self.keys, noun: "khóa", in: "trong phần khai báo đầu tệp",
                                              file: file, lineOffset: lineOffset)
        let reader = YAMLReader(file: file)
        func string(_ key: String) -> String? {
            reader.optionalString(node, key).flatMap { $0.isEmpty ? nil : $0 }
        }
        id = string("id")
        title = string("title")
        number = string("number") ?? string("so")
        subject = string("subject")
        signer = string("signer")
        short = string("short")
        issuer = string("issuer")
        kind = string("kind")
        if let dateText = string("date") {
            if let date = CivilDate(iso: dateText) ?? DateText.parseDay(dateText) {
                self.date = date
            } else {
                diagnostics.append(.error(file, line: (mapping["date"]?.mark?.line ?? 0) + lineOffset,
                                          "ngày \"\(dateText)\" không hợp lệ", hint: "viết ngày theo dạng 2026-06-20 hoặc 20/06/2026"))
            }
        }
        guard let tasks = mapping["tasks"] else { return }
        guard let taskMap = tasks.mapping else {
            diagnostics.append(.error(file, line: (tasks.mark?.line ?? 0) + lineOffset, "mục \"tasks\" phải liệt kê theo số hiệu nhiệm vụ",
                                      hint: "ví dụ:  tasks:\\n  \"1.3\":\\n    deadline: \"trong tháng 8/2026\""))
            return
        }
        for (key, value) in taskMap {
            guard let taskID = key.scalar?.string else { continue }
            var correction = TaskCorrection(line: (key.mark?.line ?? 0) + lineOffset)
            // A typo in a field name must not silently drop the correction.
            guard value.mapping != nil else {
                diagnostics.append(.error(file, line: correction.line, "khai báo cho nhiệm vụ \(taskID) phải gồm các trường như deadline, lead, partners",
                                          hint: "ví dụ:  \"\(taskID)\":\n    deadline: \"trong tháng 8/2026\""))
                continue
            }
            diagnostics += YAMLReader.unknownKeys(value, known: TaskCorrection.fields, noun: "trường", in: "của nhiệm vụ \(taskID)",
                                                  file: file, lineOffset: lineOffset)
            var fields = YAMLReader(file: file)
            correction.deadline = fields.optionalString(value, "deadline")
            correction.lead = fields.strings(value, "lead", lineOffset: lineOffset)
            correction.partners = fields.strings(value, "partners", lineOffset: lineOffset)
            correction.assignees = fields.strings(value, "assignees", lineOffset: lineOffset)
            correction.consolidator = fields.optionalString(value, "consolidator")
            correction.text = fields.optionalString(value, "text")
            correction.opening = fields.optionalString(value, "opening")
            correction.merge = fields.strings(value, "merge", lineOffset: lineOffset)
            if let drop = fields.optionalString(value, "drop") {
                switch drop.lowercased() {
                case "true", "yes", "có", "co": correction.drop = true
                case "false", "no", "không", "khong": correction.drop = false
                default:
                    diagnostics.append(.error(file, line: correction.line, "\"drop\" của mục \(taskID) phải là true hoặc false, không phải \"\(drop)\"",
                                              hint: "ghi  drop: true  để bỏ mục này"))
                }
            }
            diagnostics.append(contentsOf: fields.diagnostics)
            corrections[taskID] = correction
        }
    }
}

/// An explicit correction for one task, from the directive's front matter.
/// Names may be register codes or names.
public struct TaskCorrection: Sendable, Hashable {
    public var line: Int
    /// A deadline phrase ("trong tháng 8/2026", "trước ngày 30/9/2026") or a bare date.
    public var deadline: String?
    public var lead: [String] = []
    public var partners: [String] = []
    /// Replaces all assignees (as leads) when given.
    public var assignees: [String] = []
    public var consolidator: String?
    public var text: String?
    /// The item's first words as the review showed them: checked, so a
    /// correction does not land on another item after the text changed.
    public var opening: String?
    /// Not a task: the item is removed (from the tasks or from review).
    public var drop = false
    /// Ids of items whose text joins this one's and which are then removed.
    public var merge: [String] = []

    public init(line: Int) { self.line = line }

    /// The fields a correction may set, as written in front matter.
    public static let fields = ["opening", "text", "assignees", "lead", "partners", "deadline", "consolidator", "drop", "merge"]
}

extension String {
    /// LF line ends for CRLF and lone CR; line numbers stay the same.
    var normalizedLineEnds: String {
        // A carriage return is always a Character "\r" or "\r\n": its byte tells.
        guard utf8.contains(0x0D) else { return self }
        return replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}
