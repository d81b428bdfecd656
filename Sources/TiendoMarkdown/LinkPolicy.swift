import CCmark
import Foundation

/// Which link targets survive into the site: http, https, mailto and
/// relative ones, read as a browser reads them. A link to anything else
/// (`javascript:`, `data:`, `file:`, "java\tscript:") becomes its plain text,
/// and an image from outside the site becomes a link (or its text), because
/// the intranet pages must load nothing from elsewhere.
enum LinkPolicy {
    private static let blank = CharacterSet.whitespacesAndNewlines.union(.controlCharacters)
    static let allowedSchemes: Set<String> = ["http", "https", "mailto"]

    /// The scheme of a URL, lowercased, or nil for a relative reference.
    static func scheme(of url: String) -> String? {
        guard let colon = url.firstIndex(of: ":") else { return nil }
        let candidate = url[..<colon]
        // A colon after "/", "?" or "#" belongs to the path, not a scheme (RFC 3986 §4.2).
        guard let first = candidate.first, first.isASCII, first.isLetter,
              candidate.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
        else { return nil }
        return candidate.lowercased()
    }

    /// The URL as a browser reads it: ASCII tabs and line breaks anywhere
    /// are dropped ("java\tscript:" is "javascript:"), then leading and
    /// trailing blanks and control characters.
    static func browserForm(_ url: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in url.unicodeScalars where scalar != "\t" && scalar != "\n" && scalar != "\r" {
            scalars.append(scalar)
        }
        return String(scalars).trimmingCharacters(in: Self.blank)
    }

    static func isAllowedLink(_ url: String) -> Bool {
        let trimmed = browserForm(url)
        guard let scheme = scheme(of: trimmed) else { return !trimmed.hasPrefix("//") }
        return allowedSchemes.contains(scheme)
    }

    static func isLocalResource(_ url: String) -> Bool {
        let trimmed = browserForm(url)
        return scheme(of: trimmed) == nil && !trimmed.hasPrefix("//")
    }

    static func apply(to root: OpaquePointer) {
        var links: [OpaquePointer] = []
        var images: [OpaquePointer] = []
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_LINK: links.append(node)
            case CMARK_NODE_IMAGE: images.append(node)
            default: break
            }
        }
        for link in links {
            let url = cmark_node_get_url(link).map { String(cString: $0) } ?? ""
            if !isAllowedLink(url) { unlink(link) }
        }
        for image in images {
            let url = cmark_node_get_url(image).map { String(cString: $0) } ?? ""
            if isLocalResource(url) { continue }
            // Keep what the author meant to show (the alt text), as a link when the target is allowed.
            if isAllowedLink(url) {
                let link = cmark_node_new(CMARK_NODE_LINK)!
                cmark_node_set_url(link, url)
                while let child = cmark_node_first_child(image) {
                    cmark_node_append_child(link, child)
                }
                cmark_node_replace(image, link)
                cmark_node_free(image)
            } else {
                unlink(image)
            }
        }
    }

    /// Replaces a link (or image) by its text: a link to a forbidden target
    /// must not become a dead link back to the page itself.
    private static func unlink(_ node: OpaquePointer) {
        while let child = cmark_node_first_child(node) {
            cmark_node_insert_before(node, child)
        }
        cmark_node_unlink(node)
        cmark_node_free(node)
    }
}

