import Yams

/// Who publishes the site, from `content/site.yaml`: the agency, the site's
/// title and a contact for the footer. They head every page, its printed
/// copy and the Atom feed, so a printed page says whose figures it holds.
public struct SiteIdentity: Sendable, Hashable {
    public static let defaultTitle = "Theo dõi tiến độ thực hiện văn bản chỉ đạo"
    /// The keys the file may hold, as written in it.
    public static let keys = ["agency", "title", "contact"]

    /// "Ủy ban nhân dân thành phố Hải Phòng"; empty when not set.
    public var agency: String
    public var title: String
    /// A line for the footer: who to ask about the figures.
    public var contact: String

    public init(agency: String = "", title: String = SiteIdentity.defaultTitle, contact: String = "") {
        self.agency = agency
        self.title = title
        self.contact = contact
    }

    /// Reads the file's text; an unknown key is warned about, never ignored
    /// silently, so a misspelt "agncy" does not leave the header blank unnoticed.
    public static func parse(_ text: String, file: String, diagnostics: inout [Diagnostic]) -> SiteIdentity {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            diagnostics.append(YAMLDiagnostics.diagnostic(for: error, file: file))
            return SiteIdentity()
        } catch {
            diagnostics.append(.error(file, "không đọc được tệp thông tin trang: \(error)"))
            return SiteIdentity()
        }
        guard let root else { return SiteIdentity() }
        guard let mapping = root.mapping else {
            diagnostics.append(.error(file, line: (root.mark?.line ?? 0), "tệp thông tin trang phải gồm các dòng \"khóa: giá trị\"",
                                      hint: "ví dụ:  agency: Ủy ban nhân dân thành phố Hải Phòng"))
            return SiteIdentity()
        }
        let reader = YAMLReader(file: file)
        for (key, value) in mapping {
            let name = key.scalar?.string ?? ""
            if !keys.contains(name) {
                diagnostics.append(.warning(file, line: key.mark?.line ?? 0, "khóa \"\(name)\" không được dùng",
                                            hint: "các khóa dùng được: " + keys.joined(separator: ", ")))
            } else if value.scalar == nil {
                diagnostics.append(.error(file, line: value.mark?.line ?? 0, "\"\(name)\" phải là một dòng chữ",
                                          hint: "ví dụ:  \(name): ..."))
            }
        }
        var identity = SiteIdentity()
        identity.agency = reader.optionalString(root, "agency") ?? ""
        if let title = reader.optionalString(root, "title"), !title.isEmpty { identity.title = title }
        identity.contact = reader.optionalString(root, "contact") ?? ""
        return identity
    }
}
