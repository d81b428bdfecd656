import Foundation

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

        public var description: String {
            switch self {
            case .missingFolder(let folder):
                return "\(folder): không có thư mục giao diện — dùng --theme để chỉ thư mục chứa templates/ và assets/"
            case .missingTemplates(let folder, let names):
                return "\(folder): giao diện thiếu mẫu trang: " + names.map { "templates/\($0).mustache" }.joined(separator: ", ")
                    + " — chép các tệp này từ giao diện mặc định (theme/) rồi sửa"
            case .badTemplate(let file, let message):
                return "\(file): mẫu trang viết sai: \(message)"
            }
        }
    }

    public init(directory: String) throws {
        self.directory = directory
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw LoadError.missingFolder(directory)
        }
        let templatesFolder = (directory as NSString).appendingPathComponent("templates")
        var sources: [String: [UInt8]] = [:]
        var missing: [String] = []
        var fingerprint = Fingerprint()
        // The templates the site needs, then any further .mustache files:
        // partials a theme may add for itself.
        let required = Self.pageTemplates + Self.partials
        let extra = ((try? fm.contentsOfDirectory(atPath: templatesFolder)) ?? [])
            .filter { $0.hasSuffix(".mustache") && !$0.hasPrefix(".") }
            .map { String($0.dropLast(".mustache".count)) }
            .filter { !required.contains($0) }
            .sorted()
        for name in required + extra {
            let file = (templatesFolder as NSString).appendingPathComponent(name + ".mustache")
            guard let data = fm.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
                if required.contains(name) { missing.append(name) }
                continue
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

        let assetsFolder = (directory as NSString).appendingPathComponent("assets")
        var assets: [(String, [UInt8])] = []
        if let enumerator = fm.enumerator(atPath: assetsFolder) {
            var paths: [String] = []
            while let item = enumerator.nextObject() as? String { paths.append(item) }
            for path in paths.sorted() {
                let full = (assetsFolder as NSString).appendingPathComponent(path)
                var isDir: ObjCBool = false
                guard fm.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue,
                      !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }),
                      let data = fm.contents(atPath: full) else { continue }
                assets.append((path, Array(data)))
                fingerprint.add(path)
                fingerprint.add(bytes: data)
            }
        }
        self.assets = assets
        self.fingerprint = fingerprint
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
