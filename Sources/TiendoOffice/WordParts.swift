import Foundation

/// The XML parts of a Word document that carry its text, as bytes: what the
/// converter needs, apart from the zip they came in.
public struct WordParts: Sendable {
    public var document: Data
    public var styles: Data?
    public var numbering: Data?
    public var footnotes: Data?

    public init(document: Data, styles: Data? = nil, numbering: Data? = nil, footnotes: Data? = nil) {
        self.document = document
        self.styles = styles
        self.numbering = numbering
        self.footnotes = footnotes
    }

    /// Finds the parts through the package's relationships (the main
    /// document need not be word/document.xml), reading each within the limits.
    static func read(_ package: inout OfficePackage, limits: OfficeLimits) throws(WordImportError) -> WordParts {
        var documentPath = "word/document.xml"
        if let rels = try package.part("_rels/.rels"),
           let target = try Relationships(rels, part: "_rels/.rels", limits: limits).target(endingWith: "/officeDocument", base: "") {
            documentPath = target
        }
        guard let document = try package.part(documentPath) else { throw .notWordDocument }
        let folder = documentPath.split(separator: "/").dropLast().joined(separator: "/")
        let name = documentPath.split(separator: "/").last.map(String.init) ?? "document.xml"
        let relsPath = (folder.isEmpty ? "" : folder + "/") + "_rels/" + name + ".rels"
        var relationships = Relationships()
        if let rels = try package.part(relsPath) { relationships = try Relationships(rels, part: relsPath, limits: limits) }
        func related(_ type: String, fallback: String) throws(WordImportError) -> Data? {
            let path = relationships.target(endingWith: type, base: folder) ?? ((folder.isEmpty ? "" : folder + "/") + fallback)
            return try package.part(path)
        }
        return WordParts(document: document,
                         styles: try related("/styles", fallback: "styles.xml"),
                         numbering: try related("/numbering", fallback: "numbering.xml"),
                         footnotes: try related("/footnotes", fallback: "footnotes.xml"))
    }
}

/// A .rels part: which part plays which role.
struct Relationships {
    private var entries: [(type: String, target: String)] = []

    init() {}

    init(_ data: Data, part: String, limits: OfficeLimits) throws(WordImportError) {
        let root = try SafeXML.parse(data, part: part, maxDepth: limits.depth)
        for relationship in root.children("Relationship") where relationship["TargetMode"] != "External" {
            guard let type = relationship["Type"], let target = relationship["Target"] else { continue }
            entries.append((type, target))
        }
    }

    /// The target of the first relationship of that type, as a package path.
    func target(endingWith type: String, base: String) -> String? {
        guard let target = entries.first(where: { $0.type.hasSuffix(type) })?.target else { return nil }
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var components = base.split(separator: "/").map(String.init)
        for component in target.split(separator: "/") {
            if component == ".." { _ = components.popLast() } else if component != "." { components.append(String(component)) }
        }
        return components.joined(separator: "/")
    }
}
