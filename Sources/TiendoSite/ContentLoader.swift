import Foundation
#if canImport(Glibc)
import Glibc
#endif
import TiendoCore

/// Reads a content folder: the unit register (`units.yaml`), the directives
/// (`directives/*.md`) and the status data: one file (`status.csv` or
/// `status.xlsx`) or a folder (`status/`) of the files units send. Every
/// problem is collected; nothing is thrown at the first one.
public struct ContentLoader: Sendable {
    public static let registerFile = "units.yaml"
    public static let directivesFolder = "directives"
    public static let statusFile = "status.csv"
    public static let statusWorkbook = "status.xlsx"
    public static let siteFile = "site.yaml"
    public static let statusFolder = "status"

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
        /// From `site.yaml`; the defaults when there is none.
        public var identity = SiteIdentity()
        /// The status files read, in the order they were read.
        public var statusFiles: [String] = []

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

    /// Links to folders under directives/: the file listing does not enter
    /// them, so they are reported rather than silently left out (an error
    /// when they lead out of the content folder).
    func linkedFolders() -> [Diagnostic] {
        let folder = display(Self.directivesFolder)
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var diagnostics: [Diagnostic] = []
        while let item = enumerator.nextObject() as? String {
            let path = (folder as NSString).appendingPathComponent(item)
            var info = stat()
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK,
                  stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { continue }
            if let target = FolderBoundary.escape(of: path, from: contentDirectory) {
                diagnostics.append(.error(path, FolderBoundary.reason(target: target, folder: contentDirectory), hint: FolderBoundary.hint))
            } else {
                diagnostics.append(.warning(path, "là liên kết tới một thư mục; tiendo không đọc văn bản qua liên kết thư mục",
                                            hint: "chuyển các văn bản vào thư mục directives/ thay cho liên kết"))
            }
        }
        return diagnostics
    }

    /// `asOf`: the date of the figures, from which a recurring deadline's
    /// next occurrence is counted (nil: from the directive's date).
    /// `insideContent: false` for a file the clerk named on the command line
    /// ("tiendo tasks FILE", a directive just received), which may lie anywhere.
    public func readDirective(at path: String, register: UnitRegister, renderHTML: Bool, asOf: CivilDate? = nil,
                              insideContent: Bool = true, diagnostics: inout [Diagnostic]) -> Directive? {
        guard let data = readData(path, insideContent: insideContent, diagnostics: &diagnostics,
                                  missingHint: "kiểm tra lại đường dẫn tệp") else { return nil }
        return readDirective(data, at: path, register: register, renderHTML: renderHTML, asOf: asOf, diagnostics: &diagnostics)
    }

    func readDirective(_ data: Data, at path: String, register: UnitRegister, renderHTML: Bool, asOf: CivilDate? = nil,
                       diagnostics: inout [Diagnostic]) -> Directive? {
        guard let text = decodeText(data, path, diagnostics: &diagnostics) else { return nil }
        let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let output = DirectiveReader(register: register).read(text, file: path, defaultID: Slug.safeID(stem), renderHTML: renderHTML,
                                                              asOf: asOf)
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
    /// `extraStatusFiles`: files read after the status data as if they were
    /// in the status folder (`tiendo check FILE`: a sheet not yet dropped in).
    public func load(asOf explicitAsOf: CivilDate?, sheet: String? = nil, renderHTML: Bool = true,
                     threads: Int = SiteBuilder.defaultThreads, directiveCache: DirectiveCache? = nil,
                     extraStatusFiles: [String] = []) -> Loaded {
        var diagnostics: [Diagnostic] = []
        let register = loadRegister(diagnostics: &diagnostics)
        var directives: [Directive] = []
        let files = directiveFiles()
        diagnostics += linkedFolders()
        if files.isEmpty {
            diagnostics.append(.error(display(Self.directivesFolder), "không có văn bản nào (tệp .md) trong thư mục \(Self.directivesFolder)",
                                      hint: "đặt văn bản chỉ đạo dạng Markdown vào thư mục này"))
        }
        // Files are read side by side, then checked in file order, so the
        // diagnostics and the directives' order are the same on any machine.
        let loader = self
        var ignored: [Diagnostic] = []
        let registerPath = display(Self.registerFile)
        let registerBytes = directiveCache == nil || !mayRead(registerPath, diagnostics: &ignored) ? nil
            : FileManager.default.contents(atPath: registerPath)
        let read = Workers.map(files, threads: threads) { path -> (Directive?, [Diagnostic], DirectiveCache.Stored?) in
            var fileDiagnostics: [Diagnostic] = []
            // Without a cache, readDirective(at:) checks the file (readData); the
            // cache path reads the bytes itself, so it checks them first.
            if directiveCache != nil {
                var allowed: [Diagnostic] = []
                guard loader.mayRead(path, diagnostics: &allowed) else { return (nil, allowed, nil) }
            }
            guard let cache = directiveCache, (Self.size(of: path) ?? 0) <= InputLimits.directiveBytes, let data = FileManager.default.contents(atPath: path) else {
                let directive = loader.readDirective(at: path, register: register, renderHTML: renderHTML, asOf: explicitAsOf,
                                                     diagnostics: &fileDiagnostics)
                return (directive, fileDiagnostics, nil)
            }
            let keys = cache.keys(file: path, bytes: data, register: registerBytes, content: loader.contentDirectory,
                                  renderHTML: renderHTML, asOf: explicitAsOf)
            if let entry = cache.entry(file: path, keys: keys) { return (entry.directive, entry.diagnostics, cache.entries[path]) }
            let directive = loader.readDirective(data, at: path, register: register, renderHTML: renderHTML, asOf: explicitAsOf,
                                                 diagnostics: &fileDiagnostics)
            return (directive, fileDiagnostics,
                    DirectiveCache.store(DirectiveCache.Entry(key: keys.key(for: directive), directive: directive, diagnostics: fileDiagnostics)))
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
        // Two sources that would write one page are found here, before any
        // page is planned, by `check` as well as by `build`.
        diagnostics += PlannedPaths.collisions(PlannedPaths.origins(register: register, registerFile: display(Self.registerFile),
                                                                    directives: directives, directiveFile: display))
        // The reader checks each row on its own; dates against the date of
        // the figures are checked in their own step below, once it is known.
        let (rows, statusPath, statusFiles) = loadStatus(register: register, directives: directives, sheet: sheet,
                                                         extra: extraStatusFiles, threads: threads, diagnostics: &diagnostics)
        let asOf = Tracker.asOfDate(explicit: explicitAsOf, rows: rows)
        if let asOf {
            diagnostics.append(contentsOf: StatusDateCheck.check(rows, asOf: asOf, directives: directives))
        } else if !diagnostics.hasErrors {
            diagnostics.append(.error(statusPath, "không xác định được ngày số liệu: tệp trạng thái chưa có ngày cập nhật nào",
                                      hint: "ghi cột updated (ngày cập nhật), hoặc chạy lệnh với --as-of YYYY-MM-DD"))
        }
        let identity = loadIdentity(diagnostics: &diagnostics)
        var loaded = Loaded(register: register, directives: directives, rows: rows, asOf: asOf, diagnostics: DiagnosticTally.capped(diagnostics),
                            directiveCache: cache, statusFiles: statusFiles)
        loaded.identity = identity
        return loaded
    }

    /// `site.yaml` is optional: without it the site has a generic title and no agency.
    public func loadIdentity(diagnostics: inout [Diagnostic]) -> SiteIdentity {
        let path = display(Self.siteFile)
        guard FileManager.default.fileExists(atPath: path) else { return SiteIdentity() }
        guard let text = readText(path, diagnostics: &diagnostics, missingHint: "kiểm tra quyền đọc tệp") else { return SiteIdentity() }
        return SiteIdentity.parse(text, file: path, diagnostics: &diagnostics)
    }

    /// The status files to read, in the order they are read: `status.csv`
    /// or `status.xlsx`, or every .csv and .xlsx file of `status/` sorted by
    /// name (so every machine reads them alike), and the path that names
    /// the status data in messages. Empty when there is none.
    public func statusFiles(diagnostics: inout [Diagnostic]) -> (files: [String], display: String) {
        let fm = FileManager.default
        let csvPath = display(Self.statusFile), workbookPath = display(Self.statusWorkbook), folder = display(Self.statusFolder)
        var isFolder: ObjCBool = false
        let hasFolder = fm.fileExists(atPath: folder, isDirectory: &isFolder) && isFolder.boolValue
        let single = [csvPath, workbookPath].filter { fm.fileExists(atPath: $0) }
        if hasFolder, let file = single.first {
            diagnostics.append(.error(file, "có cả \((file as NSString).lastPathComponent) và thư mục \(Self.statusFolder)/: không biết dùng số liệu nào",
                                      hint: "chuyển \((file as NSString).lastPathComponent) vào thư mục \(Self.statusFolder)/ để đọc cùng các tệp khác, hoặc xóa thư mục"))
            return ([], folder)
        }
        if single.count == 2 {
            diagnostics.append(.error(workbookPath, "có cả \(Self.statusFile) và \(Self.statusWorkbook): không biết dùng tệp nào",
                                      hint: "giữ một tệp trạng thái, hoặc tạo thư mục \(Self.statusFolder)/ và chuyển cả hai tệp vào đó để đọc cùng nhau"))
            return ([], csvPath)
        }
        guard hasFolder else { return (single, single.first ?? csvPath) }
        guard let names = try? fm.contentsOfDirectory(atPath: folder) else {
            diagnostics.append(.error(folder, "không đọc được thư mục trạng thái", hint: "kiểm tra quyền đọc thư mục"))
            return ([], folder)
        }
        var files: [String] = []
        // Byte order of the names, not the locale's: the same on every machine.
        for name in names.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            // Hidden files, and the "~$x.xlsx" lock file Excel leaves beside an open workbook.
            if name.hasPrefix(".") || name.hasPrefix("~$") { continue }
            let path = (folder as NSString).appendingPathComponent(name)
            let lower = name.lowercased()
            if lower.hasSuffix(".csv") || lower.hasSuffix(".xlsx") {
                files.append(path)
            } else {
                diagnostics.append(.warning(path, "bỏ qua tệp không phải .csv hay .xlsx trong thư mục \(Self.statusFolder)/",
                                            hint: "lưu bảng tính dạng .xlsx hoặc .csv (UTF-8) để tiendo đọc được"))
            }
        }
        return (files, folder)
    }

    /// Reads the status data: every file `statusFiles` names, each checked
    /// on its own, then merged into one history (`StatusHistory.merge`).
    /// A workbook's worksheet is the one named `sheet`, or its first.
    /// A folder's files are read `threads` at a time, and merged in file
    /// order: the same rows and diagnostics on any machine.
    public func loadStatus(register: UnitRegister, directives: [Directive], sheet: String?, extra: [String] = [],
                           threads: Int = 1, diagnostics: inout [Diagnostic]) -> ([StatusRow], String, [String]) {
        var (files, shown) = statusFiles(diagnostics: &diagnostics)
        if diagnostics.hasErrors, files.isEmpty { return ([], shown, []) }
        files += extra.filter { !files.contains($0) }
        guard !files.isEmpty else {
            let isFolder = shown.hasSuffix("/" + Self.statusFolder) || shown == Self.statusFolder
            diagnostics.append(.warning(shown, isFolder ? "thư mục \(Self.statusFolder)/ chưa có tệp .csv hay .xlsx nào: mọi đơn vị được tính là chưa báo cáo"
                                                         : "chưa có tệp trạng thái: mọi đơn vị được tính là chưa báo cáo",
                                        hint: "tạo tệp bằng lệnh \"tiendo template --output \(display(Self.statusFile))\""))
            return ([], shown, [])
        }
        if sheet != nil, !files.contains(where: { $0.lowercased().hasSuffix(".xlsx") }) {
            diagnostics.append(.warning(shown, "--sheet chỉ dùng cho tệp .xlsx; tệp CSV không có trang tính"))
        }
        let reader = StatusReader(register: register, directives: directives)
        let loader = self
        let each = Workers.map(files, threads: threads) { file -> ([StatusRow], [Diagnostic]) in
            var fileDiagnostics: [Diagnostic] = []
            let rows = loader.readStatusFile(file, reader: reader, sheet: sheet, named: extra.contains(file), diagnostics: &fileDiagnostics)
            return (rows, fileDiagnostics)
        }
        for (_, fileDiagnostics) in each { diagnostics.append(contentsOf: fileDiagnostics) }
        let read = each.map(\.0)
        let merged = StatusHistory.merge(read, register: register)
        diagnostics.append(contentsOf: merged.diagnostics)
        return (merged.rows, shown, files)
    }

    /// One status file's rows, checked on their own (a .xlsx by its
    /// worksheet `sheet` or its first, anything else as CSV).
    /// `named`: a file the clerk named on the command line (`check FILE`),
    /// which may lie anywhere; files found in the content folder must stay in it.
    public func readStatusFile(_ path: String, reader: StatusReader, sheet: String?, named: Bool = false,
                               diagnostics: inout [Diagnostic]) -> [StatusRow] {
        let fm = FileManager.default
        guard mayRead(path, insideContent: !named, diagnostics: &diagnostics) else { return [] }
        if let size = Self.size(of: path), size > InputLimits.statusBytes {
            diagnostics.append(InputLimits.tooLarge(path, bytes: size, limit: InputLimits.statusBytes))
            return []
        }
        if path.lowercased().hasSuffix(".xlsx") {
            guard let data = fm.contents(atPath: path) else {
                diagnostics.append(.error(path, "không đọc được tệp trạng thái", hint: "kiểm tra quyền đọc tệp"))
                return []
            }
            switch Workbook.read(data, sheet: sheet) {
            case .success(let worksheet):
                // A workbook's places are cells ("Trạng thái!C7"), as the clerk sees them in Excel.
                let output = reader.read(worksheet.table, file: path, asOf: nil, sheet: worksheet.name)
                diagnostics.append(contentsOf: output.diagnostics)
                return output.rows
            case .failure(let failure):
                diagnostics.append(Diagnostic(.error, file: path, cell: failure.cell, "\(failure)"))
                return []
            }
        }
        guard let bytes = Self.bytes(atPath: path) else {
            diagnostics.append(.error(path, "không đọc được tệp trạng thái", hint: "kiểm tra quyền đọc tệp"))
            return []
        }
        // The core's reader names precisely why a file is refused (legacy encoding, garbled UTF-8, a workbook renamed .csv).
        let output = reader.read(bytes: bytes, file: path, asOf: nil)
        diagnostics.append(contentsOf: output.diagnostics)
        return output.rows
    }

    func readText(_ path: String, diagnostics: inout [Diagnostic], missingHint: String) -> String? {
        readData(path, diagnostics: &diagnostics, missingHint: missingHint).flatMap { decodeText($0, path, diagnostics: &diagnostics) }
    }

    /// A file's size in bytes, read before the file itself so that an
    /// oversized one is refused without being loaded.
    static func size(of path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.size].flatMap { ($0 as? NSNumber)?.intValue }
    }

    /// A file's bytes read straight into an array, a megabyte at a time.
    /// Read as `Data` and then copied into an array, the file was held twice
    /// at the peak (a 50 MB status file: 100 MB).
    static func bytes(atPath path: String) -> [UInt8]? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var bytes: [UInt8] = []
        if let size = size(of: path) { bytes.reserveCapacity(size) }
        do {
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { bytes.append(contentsOf: chunk) }
        } catch {
            return nil
        }
        return bytes
    }

    /// Whether `path` may be read: it stays inside the content folder after
    /// following links, and is a regular file (a pipe would hang the build).
    /// `insideContent: false` for a file the clerk named on the command line,
    /// which may lie anywhere but must still be a regular file.
    func mayRead(_ path: String, insideContent: Bool = true, diagnostics: inout [Diagnostic]) -> Bool {
        if insideContent, let target = FolderBoundary.escape(of: path, from: contentDirectory) {
            diagnostics.append(.error(path, FolderBoundary.reason(target: target, folder: contentDirectory), hint: FolderBoundary.hint))
            return false
        }
        if FileManager.default.fileExists(atPath: path), !FolderBoundary.isRegularFile(path) {
            diagnostics.append(.error(path, "không phải tệp thường (là thư mục, thiết bị hoặc ống dẫn)", hint: "xóa hoặc đổi tên mục này"))
            return false
        }
        return true
    }

    /// Directives and the register: text a clerk writes, never near `InputLimits.directiveBytes`.
    func readData(_ path: String, insideContent: Bool = true, diagnostics: inout [Diagnostic], missingHint: String) -> Data? {
        guard mayRead(path, insideContent: insideContent, diagnostics: &diagnostics) else { return nil }
        if let size = Self.size(of: path), size > InputLimits.directiveBytes {
            diagnostics.append(InputLimits.tooLarge(path, bytes: size, limit: InputLimits.directiveBytes))
            return nil
        }
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
        // Control characters and noncharacters come from copying out of
        // other programs; dropped here, no page or feed carries one.
        return ControlCharacters.removed(from: text)
    }
}
