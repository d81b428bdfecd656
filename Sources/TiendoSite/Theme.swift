import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A theme folder: Mustache templates in `templates/` and static files in
/// `assets/`. Every template the site needs is read and compiled when the
/// theme is loaded, so a missing file or a syntax error stops the build
/// before anything is written, with the file and line.
public struct Theme: Sendable {
    public static let pageTemplates = ["layout", "home", "directive", "task", "unit", "units", "calendar", "progress", "matrix", "recent"]
    public static let partials = ["bar", "badge", "deadline", "counts", "changes", "timeline"]

    public let directory: String
    /// The compiled templates; tests swap in a reference renderer to check them.
    var renderer: any PageRenderer
    /// The templates' text by name, as read from the folder.
    let templateSources: [String: [UInt8]]
    /// Static files: path under `assets/` → bytes.
    public let assets: [(path: String, bytes: [UInt8])]
    /// Of every template and asset: a page built with another theme is never reused.
    public let fingerprint: Fingerprint

    public enum LoadError: Error, CustomStringConvertible {
        case missingFolder(String)
        case missingTemplates(folder: String, names: [String])
        case badTemplate(file: String, message: String)
        case unreadable(file: String, reason: String)
        case outsideLink(file: String, target: String, folder: String)
        case collision(String, String)

        public var description: String {
            switch self {
            case .missingFolder(let folder):
                return "\(folder): không có thư mục giao diện — dùng --theme để chỉ thư mục chứa templates/ và assets/"
            case .missingTemplates(let folder, let names):
                return "\(folder): giao diện thiếu mẫu trang: " + names.map { "templates/\($0).mustache" }.joined(separator: ", ")
                    + " — chép các tệp này từ giao diện mặc định (theme/) rồi sửa"
            case .badTemplate(let file, let message):
                return "\(file): mẫu trang viết sai: \(message)"
            case .unreadable(let file, let reason):
                return "\(file): không đọc được tệp giao diện (\(reason)) — kiểm tra quyền đọc tệp, hoặc xóa tệp nếu không cần; không dựng trang thiếu tệp này"
            case .outsideLink(let file, let target, let folder):
                return FolderBoundary.message(file, target: target, folder: folder) + " — " + FolderBoundary.hint
            case .collision(let a, let b):
                return "\(a) và \(b): hai tệp giao diện chỉ khác nhau ở chữ hoa, chữ thường; trên máy Windows hoặc macOS một tệp sẽ đè tệp kia — đổi tên một tệp"
            }
        }
    }

    /// A complete theme folder, every template in it.
    public init(directory: String) throws {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw LoadError.missingFolder(directory)
        }
        try self.init(directory: directory, files: try Self.read(folder: directory))
    }

    /// The default theme compiled into tiendo, with each file of `folders`
    /// (a `theme/` beside the content, or `--theme DIR`) replacing the
    /// default's file of the same path: a user restyles the site by copying
    /// one file, not the whole theme.
    public static func layered(over folders: [String]) throws -> Theme {
        var files = defaultFiles
        for folder in folders {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw LoadError.missingFolder(folder)
            }
            for (path, bytes) in try read(folder: folder) { files[path] = bytes }
        }
        return try Theme(directory: folders.last ?? "(giao diện mặc định)", files: files)
    }

    /// The default theme's files: path under the theme folder → bytes.
    public static let defaultFiles: [String: [UInt8]] = {
        var files: [String: [UInt8]] = [:]
        for (path, encoded) in DefaultTheme.encodedFiles {
            files[path] = Data(base64Encoded: encoded).map(Array.init) ?? []
        }
        return files
    }()

    /// Writes the default theme into `folder` for restyling; refuses to
    /// overwrite a file that is already there.
    public static func exportDefault(to folder: String) throws -> [String] {
        let fm = FileManager.default
        var written: [String] = []
        for path in defaultFiles.keys.sorted() {
            let target = (folder as NSString).appendingPathComponent(path)
            if fm.fileExists(atPath: target) { throw ExportError.exists(target) }
        }
        for path in defaultFiles.keys.sorted() {
            let target = (folder as NSString).appendingPathComponent(path)
            try fm.createDirectory(atPath: PathText.parent(of: target), withIntermediateDirectories: true)
            try Data(defaultFiles[path]!).write(to: URL(fileURLWithPath: target))
            written.append(target)
        }
        return written
    }

    public enum ExportError: Error, CustomStringConvertible {
        case exists(String)
        public var description: String {
            switch self {
            case .exists(let path): return "\(path): tệp đã có, không ghi đè — chọn một thư mục trống"
            }
        }
    }

    /// `templates/*.mustache` and every file under `assets/` (hidden ones
    /// skipped), by path under the folder. Every file must be readable and
    /// stay inside the folder: a stylesheet that cannot be read is an error,
    /// never a site without it.
    static func read(folder directory: String) throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        let templatesFolder = (directory as NSString).appendingPathComponent("templates")
        for name in try Self.files(under: templatesFolder) where name.hasSuffix(".mustache") && !name.contains("/") {
            let file = (templatesFolder as NSString).appendingPathComponent(name)
            files["templates/" + name] = Array(try Self.read(file, theme: directory))
        }
        let assetsFolder = (directory as NSString).appendingPathComponent("assets")
        var lowercased: [String: String] = [:]
        for path in try Self.files(under: assetsFolder) {
            let full = (assetsFolder as NSString).appendingPathComponent(path)
            let data = try Self.read(full, theme: directory)
            if let other = lowercased.updateValue(path, forKey: path.lowercased()) {
                throw LoadError.collision((assetsFolder as NSString).appendingPathComponent(other), full)
            }
            files["assets/" + path] = Array(data)
        }
        return files
    }

    /// Compiles a theme from its files (path under the theme folder → bytes).
    init(directory: String, files: [String: [UInt8]]) throws {
        self.directory = directory
        let templatesFolder = (directory as NSString).appendingPathComponent("templates")
        var sources: [String: [UInt8]] = [:]
        var missing: [String] = []
        var fingerprint = Fingerprint()
        // The templates the site needs, then any further .mustache files:
        // partials a theme may add for itself.
        let required = Self.pageTemplates + Self.partials
        let extra = files.keys.filter { $0.hasPrefix("templates/") && $0.hasSuffix(".mustache") }
            .map { String($0.dropFirst("templates/".count).dropLast(".mustache".count)) }
            .filter { !required.contains($0) && !$0.contains("/") }
            .sorted()
        for name in required + extra {
            guard let bytes = files["templates/" + name + ".mustache"] else {
                if required.contains(name) { missing.append(name) }
                continue
            }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                let file = (templatesFolder as NSString).appendingPathComponent(name + ".mustache")
                throw LoadError.badTemplate(file: file, message: "tệp không phải UTF-8 — lưu lại tệp với bảng mã UTF-8")
            }
            fingerprint.add(name)
            fingerprint.add(text)
            sources[name] = Array(text.utf8)
        }
        if !missing.isEmpty { throw LoadError.missingTemplates(folder: directory, names: missing) }
        templateSources = sources
        do {
            renderer = try TemplateLibrary(sources: sources, pages: Self.pageTemplates)
        } catch {
            let file = (templatesFolder as NSString).appendingPathComponent(error.template + ".mustache")
            throw LoadError.badTemplate(file: error.line > 0 ? "\(file):\(error.line)" : file, message: error.message)
        }
        var assets: [(String, [UInt8])] = []
        for path in files.keys.filter({ $0.hasPrefix("assets/") }).sorted() {
            let relative = String(path.dropFirst("assets/".count))
            let bytes = files[path]!
            assets.append((relative, bytes))
            fingerprint.add(relative)
            fingerprint.add(bytes: bytes)
        }
        self.assets = assets
        self.fingerprint = fingerprint
    }

    /// Reads one theme file, which must stay inside the theme folder and be
    /// readable: a stylesheet that cannot be read is an error, never a site without it.
    static func read(_ file: String, theme: String) throws -> Data {
        if let target = FolderBoundary.escape(of: file, from: theme) {
            throw LoadError.outsideLink(file: file, target: target, folder: theme)
        }
        guard FolderBoundary.isRegularFile(file) else { throw LoadError.unreadable(file: file, reason: "không phải tệp thường") }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            throw LoadError.unreadable(file: file, reason: String(cString: strerror(access(file, R_OK) == 0 ? EIO : errno)))
        }
    }

    /// Every file under `folder` (relative paths, sorted), hidden ones
    /// left out; a folder that cannot be listed is an error.
    static func files(under folder: String) throws -> [String] {
        let fm = FileManager.default
        guard fm.fileExists(atPath: folder) else { return [] }
        var found: [String] = []
        func walk(_ relative: String) throws {
            let full = relative.isEmpty ? folder : (folder as NSString).appendingPathComponent(relative)
            let entries: [String]
            do { entries = try fm.contentsOfDirectory(atPath: full) } catch {
                throw LoadError.unreadable(file: full, reason: "không liệt kê được thư mục")
            }
            for entry in entries.sorted() where !entry.hasPrefix(".") {
                let path = relative.isEmpty ? entry : relative + "/" + entry
                let child = (folder as NSString).appendingPathComponent(path)
                var isDirectory: ObjCBool = false
                if fm.fileExists(atPath: child, isDirectory: &isDirectory), isDirectory.boolValue,
                   (try? fm.destinationOfSymbolicLink(atPath: child)) == nil {
                    try walk(path)
                } else {
                    found.append(path)
                }
            }
        }
        try walk("")
        return found.sorted()
    }

    /// Renders a page template with its view model.
    func render(_ template: String, _ model: any ViewModel, sizeHint: Int = 4096) -> [UInt8] {
        renderer.render(template, model, sizeHint: sizeHint)
    }
}

/// Turns a page template and its view model into bytes.
protocol PageRenderer: Sendable {
    func render(_ template: String, _ model: any ViewModel, sizeHint: Int) -> [UInt8]
}

extension TemplateLibrary: PageRenderer {}
