import Foundation
import TiendoCore

/// Reads a content folder: the unit register (`units.yaml`), the directives
/// (`directives/*.md`) and the status file (`status.csv`). Every problem is
/// collected; nothing is thrown at the first one.
public struct ContentLoader: Sendable {
    public static let registerFile = "units.yaml"
    public static let directivesFolder = "directives"
    public static let statusFile = "status.csv"
    public static let statusWorkbook = "status.xlsx"

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
        /// The directive cache as it should be after this reading (nil without one).
        public var directiveCache: DirectiveCache?

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
        guard let data = readData(path, diagnostics: &diagnostics, missingHint: "kiểm tra lại đường dẫn tệp") else { return nil }
        return readDirective(data, at: path, register: register, renderHTML: renderHTML, diagnostics: &diagnostics)
    }

    func readDirective(_ data: Data, at path: String, register: UnitRegister, renderHTML: Bool,
                       diagnostics: inout [Diagnostic]) -> Directive? {
        guard let text = decodeText(data, path, diagnostics: &diagnostics) else { return nil }
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

    /// `threads`: how many directive files are read at once. With a
    /// `directiveCache`, directive files unchanged since it was written are
    /// taken from it; the cache as it should now be comes back in `Loaded`.
    public func load(asOf explicitAsOf: CivilDate?, sheet: String? = nil, renderHTML: Bool = true,
                     threads: Int = SiteBuilder.defaultThreads, directiveCache: DirectiveCache? = nil) -> Loaded {
        var diagnostics: [Diagnostic] = []
        let register = loadRegister(diagnostics: &diagnostics)
        var directives: [Directive] = []
        let files = directiveFiles()
        if files.isEmpty {
            diagnostics.append(.error(display(Self.directivesFolder), "không có văn bản nào (tệp .md) trong thư mục \(Self.directivesFolder)",
                                      hint: "đặt văn bản chỉ đạo dạng Markdown vào thư mục này"))
        }
        // Files are read side by side, then checked in file order, so the
        // diagnostics and the directives' order are the same on any machine.
        let loader = self
        let registerBytes = directiveCache == nil ? nil : FileManager.default.contents(atPath: display(Self.registerFile))
        let read = Workers.map(files, threads: threads) { path -> (Directive?, [Diagnostic], DirectiveCache.Stored?) in
            var fileDiagnostics: [Diagnostic] = []
            guard let cache = directiveCache, let data = FileManager.default.contents(atPath: path) else {
                let directive = loader.readDirective(at: path, register: register, renderHTML: renderHTML, diagnostics: &fileDiagnostics)
                return (directive, fileDiagnostics, nil)
            }
            let key = cache.key(file: path, bytes: data, register: registerBytes, content: loader.contentDirectory, renderHTML: renderHTML)
            if let entry = cache.entry(file: path, key: key) { return (entry.directive, entry.diagnostics, cache.entries[path]) }
            let directive = loader.readDirective(data, at: path, register: register, renderHTML: renderHTML, diagnostics: &fileDiagnostics)
            return (directive, fileDiagnostics,
                    DirectiveCache.store(DirectiveCache.Entry(key: key, directive: directive, diagnostics: fileDiagnostics)))
        }
        var cache = directiveCache
        if cache != nil {
            var current: [String: DirectiveCache.Stored] = [:]
            for (path, (_, _, entry)) in zip(files, read) { current[path] = entry }
            cache?.replace(with: current)
        }
        var idFiles: [String: String] = [:]
        for (path, (read, fileDiagnostics, _)) in zip(files, read) {
            diagnostics.append(contentsOf: fileDiagnostics)
            guard let directive = read else { continue }
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
        // The reader checks each row on its own; dates against the date of
        // the figures are checked in their own step below, once it is known.
        let (rows, statusPath, sheetName) = loadStatus(register: register, directives: directives, asOf: nil,
                                                       sheet: sheet, diagnostics: &diagnostics)
        let asOf = Tracker.asOfDate(explicit: explicitAsOf, rows: rows)
        if let asOf {
            diagnostics.append(contentsOf: StatusDateCheck.check(rows, asOf: asOf, directives: directives, file: statusPath,
                                                                 sheet: sheetName))
        } else if !diagnostics.hasErrors {
            diagnostics.append(.error(statusPath, "không xác định được ngày số liệu: tệp trạng thái chưa có ngày cập nhật nào",
                                      hint: "ghi cột updated (ngày cập nhật), hoặc chạy lệnh với --as-of YYYY-MM-DD"))
        }
        return Loaded(register: register, directives: directives, rows: rows, asOf: asOf, diagnostics: diagnostics,
                      directiveCache: cache)
    }

    /// Reads `status.csv` or `status.xlsx` (the worksheet named `sheet`, or the first).
    public func loadStatus(register: UnitRegister, directives: [Directive], asOf: CivilDate?, sheet: String?,
                    diagnostics: inout [Diagnostic]) -> ([StatusRow], String, String?) {
        let csvPath = display(Self.statusFile)
        let workbookPath = display(Self.statusWorkbook)
        let fm = FileManager.default
        let hasCSV = fm.fileExists(atPath: csvPath), hasWorkbook = fm.fileExists(atPath: workbookPath)
        let reader = StatusReader(register: register, directives: directives)
        if hasCSV, hasWorkbook {
            diagnostics.append(.error(workbookPath, "có cả \(Self.statusFile) và \(Self.statusWorkbook): không biết dùng tệp nào",
                                      hint: "giữ một tệp trạng thái, đổi tên hoặc chuyển tệp kia ra khỏi thư mục nội dung"))
            return ([], csvPath, nil)
        }
        if hasWorkbook {
            guard let data = fm.contents(atPath: workbookPath) else {
                diagnostics.append(.error(workbookPath, "không đọc được tệp trạng thái", hint: "kiểm tra quyền đọc tệp"))
                return ([], workbookPath, nil)
            }
            switch Workbook.read(data, sheet: sheet) {
            case .success(let worksheet):
                // A workbook's places are cells ("Trạng thái!C7"), as the clerk sees them in Excel.
                let output = reader.read(worksheet.table, file: workbookPath, asOf: asOf, sheet: worksheet.name)
                diagnostics.append(contentsOf: output.diagnostics)
                return (output.rows, workbookPath, worksheet.name)
            case .failure(let failure):
                diagnostics.append(.error(workbookPath, "\(failure)"))
                return ([], workbookPath, nil)
            }
        }
        if sheet != nil {
            diagnostics.append(.warning(csvPath, "--sheet chỉ dùng cho tệp \(Self.statusWorkbook); tệp CSV không có trang tính"))
        }
        guard hasCSV else {
            diagnostics.append(.warning(csvPath, "chưa có tệp trạng thái: mọi đơn vị được tính là chưa báo cáo",
                                        hint: "tạo tệp bằng lệnh \"tiendo template --output \(csvPath)\""))
            return ([], csvPath, nil)
        }
        // The bytes as an array at once, so the file is not held twice while it is read.
        guard let bytes = fm.contents(atPath: csvPath).map([UInt8].init) else {
            diagnostics.append(.error(csvPath, "không đọc được tệp trạng thái", hint: "kiểm tra quyền đọc tệp"))
            return ([], csvPath, nil)
        }
        // The core's reader names precisely why a file is refused (legacy encoding, garbled UTF-8, a workbook renamed .csv).
        let output = reader.read(bytes: bytes, file: csvPath, asOf: asOf)
        diagnostics.append(contentsOf: output.diagnostics)
        return (output.rows, csvPath, nil)
    }

    func readText(_ path: String, diagnostics: inout [Diagnostic], missingHint: String) -> String? {
        readData(path, diagnostics: &diagnostics, missingHint: missingHint).flatMap { decodeText($0, path, diagnostics: &diagnostics) }
    }

    func readData(_ path: String, diagnostics: inout [Diagnostic], missingHint: String) -> Data? {
        guard let data = FileManager.default.contents(atPath: path) else {
            diagnostics.append(.error(path, "không tìm thấy hoặc không đọc được tệp", hint: missingHint))
            return nil
        }
        return data
    }

    func decodeText(_ data: Data, _ path: String, diagnostics: inout [Diagnostic]) -> String? {
        guard let text = String(data: data, encoding: .utf8) else {
            diagnostics.append(.error(path, "tệp không phải UTF-8",
                                      hint: "mở tệp bằng trình soạn thảo và lưu lại với bảng mã UTF-8"))
            return nil
        }
        return text
    }
}
