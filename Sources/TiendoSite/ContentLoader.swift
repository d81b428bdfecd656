import Foundation
import TiendoCore

/// Reads a content folder: the unit register (`units.yaml`), the directives
/// (`directives/*.md`) and the status file (`status.csv`). Every problem is
/// collected; nothing is thrown at the first one.
public struct ContentLoader: Sendable {
    public static let registerFile = "units.yaml"
    public static let directivesFolder = "directives"
    public static let statusFile = "status.csv"

    public let contentDirectory: String

    public init(contentDirectory: String) {
        self.contentDirectory = contentDirectory
    }

    public struct Loaded: Sendable {
        public var register: UnitRegister
        public var directives: [Directive]
        public var rows: [StatusRow]
        public var asOf: CivilDate?
        public var diagnostics: [Diagnostic]

        /// The classified model, when the content has no errors and an as-of date.
        public var tracker: Tracker? {
            guard !diagnostics.hasErrors, let asOf else { return nil }
            return Tracker(register: register, directives: directives, rows: rows, asOf: asOf)
        }
    }

    /// The path as diagnostics show it: under the content folder as the user named it.
    func display(_ relative: String) -> String {
        (contentDirectory as NSString).appendingPathComponent(relative)
    }

    public func loadRegister(diagnostics: inout [Diagnostic]) -> UnitRegister {
        let path = display(Self.registerFile)
        guard let text = readText(path, diagnostics: &diagnostics,
                                  missingHint: "tạo tệp \(Self.registerFile) trong thư mục nội dung (xem README, mục Danh sách đơn vị)") else {
            return UnitRegister(types: [], groups: [], units: [], file: path, diagnostics: &diagnostics)
        }
        return UnitRegisterFile.parse(text, file: path, diagnostics: &diagnostics)
    }

    /// Paths of the directive files, sorted so every machine reads them in the same order.
    public func directiveFiles() -> [String] {
        let folder = display(Self.directivesFolder)
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var files: [String] = []
        while let item = enumerator.nextObject() as? String {
            if item.hasSuffix(".md") || item.hasSuffix(".markdown") {
                files.append((folder as NSString).appendingPathComponent(item))
            }
        }
        return files.sorted()
    }

    public func readDirective(at path: String, register: UnitRegister, renderHTML: Bool,
                              diagnostics: inout [Diagnostic]) -> Directive? {
        guard let text = readText(path, diagnostics: &diagnostics, missingHint: "kiểm tra lại đường dẫn tệp") else { return nil }
        let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let output = DirectiveReader(register: register).read(text, file: path, defaultID: Slug.safeID(stem), renderHTML: renderHTML)
        diagnostics.append(contentsOf: output.diagnostics)
        var directive = output.directive
        // Pages name the source relative to the content folder: an absolute
        // path would differ from machine to machine.
        let prefix = contentDirectory.hasSuffix("/") ? contentDirectory : contentDirectory + "/"
        if path.hasPrefix(prefix) { directive.file = String(path.dropFirst(prefix.count)) }
        else { directive.file = (path as NSString).lastPathComponent }
        return directive
    }

    public func load(asOf explicitAsOf: CivilDate?, renderHTML: Bool = true) -> Loaded {
        var diagnostics: [Diagnostic] = []
        let register = loadRegister(diagnostics: &diagnostics)
        var directives: [Directive] = []
        let files = directiveFiles()
        if files.isEmpty {
            diagnostics.append(.error(display(Self.directivesFolder), "không có văn bản nào (tệp .md) trong thư mục \(Self.directivesFolder)",
                                      hint: "đặt văn bản chỉ đạo dạng Markdown vào thư mục này"))
        }
        var idFiles: [String: String] = [:]
        for path in files {
            guard let directive = readDirective(at: path, register: register, renderHTML: renderHTML, diagnostics: &diagnostics) else { continue }
            if let other = idFiles[directive.id] {
                diagnostics.append(.error(path, line: 1, "mã văn bản \"\(directive.id)\" trùng với văn bản \(other)",
                                          hint: "đặt mã khác trong phần đầu tệp (id: ...) hoặc đổi tên tệp"))
                continue
            }
            if !Slug.isSafeID(directive.id) {
                diagnostics.append(.error(path, line: 1, "mã văn bản \"\(directive.id)\" chỉ được gồm chữ thường không dấu, số và dấu gạch ngang",
                                          hint: "ví dụ: id: cv-1234-ubnd"))
                continue
            }
            idFiles[directive.id] = path
            directives.append(directive)
        }
        let statusPath = display(Self.statusFile)
        var rows: [StatusRow] = []
        if FileManager.default.fileExists(atPath: statusPath) {
            if let bytes = FileManager.default.contents(atPath: statusPath) {
                switch CSVTable.parse(Array(bytes)) {
                case .success(let table):
                    let output = StatusReader(register: register, directives: directives).read(table, file: statusPath, asOf: explicitAsOf)
                    rows = output.rows
                    diagnostics.append(contentsOf: output.diagnostics)
                case .failure(let failure):
                    diagnostics.append(StatusFileProblem.diagnostic(for: failure, file: statusPath))
                }
            } else {
                diagnostics.append(.error(statusPath, "không đọc được tệp trạng thái", hint: "kiểm tra quyền đọc tệp"))
            }
        } else {
            diagnostics.append(.warning(statusPath, "chưa có tệp trạng thái: mọi đơn vị được tính là chưa báo cáo",
                                        hint: "tạo tệp bằng lệnh \"tiendo template --output \(statusPath)\""))
        }
        let asOf = Tracker.asOfDate(explicit: explicitAsOf, rows: rows)
        if asOf == nil, !diagnostics.hasErrors {
            diagnostics.append(.error(statusPath, "không xác định được ngày số liệu: tệp trạng thái chưa có ngày cập nhật nào",
                                      hint: "ghi cột updated (ngày cập nhật), hoặc chạy lệnh với --as-of YYYY-MM-DD"))
        }
        return Loaded(register: register, directives: directives, rows: rows, asOf: asOf, diagnostics: diagnostics)
    }

    func readText(_ path: String, diagnostics: inout [Diagnostic], missingHint: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else {
            diagnostics.append(.error(path, "không tìm thấy hoặc không đọc được tệp", hint: missingHint))
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            diagnostics.append(.error(path, "tệp không phải UTF-8",
                                      hint: "mở tệp bằng trình soạn thảo và lưu lại với bảng mã UTF-8"))
            return nil
        }
        return text
    }
}

/// Messages for a status file that cannot be read as a table at all.
enum StatusFileProblem {
    static func diagnostic(for failure: CSVTable.Failure, file: String) -> Diagnostic {
        switch failure {
        case .legacyEncoding(let line):
            return .error(file, line: line,
                "tệp không phải UTF-8 (có thể là bảng mã cũ Windows-1258 hoặc TCVN3): đọc tiếp sẽ sai dấu tiếng Việt",
                hint: "trong Excel chọn File > Save As > \"CSV UTF-8 (Comma delimited)\"; trong LibreOffice chọn Character set: Unicode (UTF-8)")
        case .unterminatedQuote(let line):
            return .error(file, line: line, "dấu ngoặc kép mở ở dòng này không được đóng",
                          hint: "thêm dấu \" đóng ở cuối ô, hoặc viết hai dấu \"\" nếu muốn có dấu ngoặc kép trong nội dung")
        }
    }
}
