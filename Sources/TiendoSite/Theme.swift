import Foundation
import Mustache

/// A theme folder: Mustache templates in `templates/` and static files in
/// `assets/`. Every template the site needs is checked when the theme is
/// loaded, because swift-mustache renders a missing partial as nothing.
public struct Theme: Sendable {
    public static let pageTemplates = ["layout", "home", "directive", "task", "unit", "units", "calendar", "progress", "matrix", "recent"]
    public static let partials = ["bar", "badge", "deadline", "counts", "changes"]

    public let directory: String
    let library: MustacheLibrary
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
                return "\(file): mẫu trang viết sai cú pháp Mustache: \(message)"
            }
        }
    }

    public init(directory: String) throws {
        FastHTMLEscape.registerOnce
        self.directory = directory
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw LoadError.missingFolder(directory)
        }
        let templatesFolder = (directory as NSString).appendingPathComponent("templates")
        var library = MustacheLibrary()
        var missing: [String] = []
        var fingerprint = Fingerprint()
        for name in Self.pageTemplates + Self.partials {
            let file = (templatesFolder as NSString).appendingPathComponent(name + ".mustache")
            guard let data = fm.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
                missing.append(name)
                continue
            }
            fingerprint.add(name)
            fingerprint.add(text)
            do {
                // The pragma selects FastHTMLEscape (same escapes as the library's, without its per-character dictionary).
                // Partials inherit the content type of the page that includes them.
                let pragma = Self.pageTemplates.contains(name) ? FastHTMLEscape.pragma : ""
                library.register(try MustacheTemplate(string: pragma + text), named: name)
            } catch {
                throw LoadError.badTemplate(file: file, message: "\(error)")
            }
        }
        if !missing.isEmpty { throw LoadError.missingTemplates(folder: directory, names: missing) }
        self.library = library

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
    func render(_ template: String, _ model: Any) -> String {
        library.render(model, withTemplate: template) ?? ""
    }
}

/// HTML escaping for template variables: the same five characters as
/// swift-mustache's own (& < > " '), but scanning UTF-8 bytes and returning
/// the string untouched when nothing needs escaping, which is most values.
struct FastHTMLEscape: MustacheContentType {
    static let name = "TIENDO_HTML"
    static let pragma = "{{% CONTENT_TYPE: \(name)}}"
    static let registerOnce: Void = { MustacheContentTypes.register(FastHTMLEscape(), named: name) }()

    func escapeText(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case 0x26: out += Array("&amp;".utf8)
            case 0x3C: out += Array("&lt;".utf8)
            case 0x3E: out += Array("&gt;".utf8)
            case 0x22: out += Array("&quot;".utf8)
            case 0x27: out += Array("&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
