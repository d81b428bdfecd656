/// Path text worked out by hand: Foundation's `deletingLastPathComponent`
/// (NSString and URL alike) traps on a one-character path such as "C", "."
/// or "C/", which a clerk may well type for `--content`.
public enum PathText {
    /// The folder a path names its last component in: "a/b/c" → "a/b",
    /// "c" or "c/" → "" (the current folder), "/c" → "/", "/" → "/";
    /// a path ending in "." or ".." is itself a folder to climb out of:
    /// "." → "..", "../x/.." → "../x/../..".
    public static func parent(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        let last = trimmed.split(separator: "/").last
        if trimmed == "." { return ".." }
        if last == "." || last == ".." { return join(String(trimmed), "..") }
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        if slash == trimmed.startIndex { return "/" }
        var parent = trimmed[..<slash]
        while parent.count > 1, parent.hasSuffix("/") { parent = parent.dropLast() }
        return String(parent)
    }

    /// `name` inside `folder`, "" standing for the current folder.
    public static func join(_ folder: String, _ name: String) -> String {
        if folder.isEmpty { return name }
        return folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}
