import TiendoCore

/// ASCII file names for pages. Slugs come from content, so they are
/// checked here and can never reach outside the output folder.
public enum Slug {
    /// Only lowercase ASCII letters, digits and inner dashes: no "/", no "..".
    public static func isSafeID(_ id: String) -> Bool {
        guard !id.isEmpty, id.count <= 100, id.first != "-", id.last != "-" else { return false }
        return id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// A safe id from any text ("Chỉ thị 05" → "chi-thi-05").
    public static func safeID(_ text: String) -> String {
        let slug = VietnameseText.slug(text)
        return slug.isEmpty ? "van-ban" : String(slug.prefix(100))
    }

    /// "1.4" → "1-4"; a task id as a file name.
    public static func task(_ id: String) -> String {
        let slug = VietnameseText.slug(id.replacingOccurrences(of: ".", with: "-").replacingOccurrences(of: "'", with: "b"))
        return slug.isEmpty ? "nhiem-vu" : slug
    }
}

/// Gives every unit a unique slug: "Xã Cẩm Giang" → "xa-cam-giang", and
/// "Xã Cẩm Giàng" → "xa-cam-giang-10903" (its code makes it unique and stable).
public struct SlugAllocator: Sendable {
    public private(set) var slugs: [String: String] = [:]

    public init(units: [Unit]) {
        var byBase: [String: [Unit]] = [:]
        for unit in units { byBase[VietnameseText.slug(unit.name), default: []].append(unit) }
        var used = Set<String>()
        // Units whose base slug is unique keep it; colliding ones all get their code, so
        // which one came first in the register never decides a URL.
        for unit in units {
            let base = VietnameseText.slug(unit.name)
            var slug = base.isEmpty ? "don-vi" : base
            if byBase[base]!.count > 1 || base.isEmpty { slug += "-" + VietnameseText.slug(unit.code) }
            while used.contains(slug) { slug += "-" + VietnameseText.slug(unit.code) }
            used.insert(slug)
            slugs[unit.code] = slug
        }
    }

    public func slug(for code: String) -> String { slugs[code] ?? VietnameseText.slug(code) }
}
