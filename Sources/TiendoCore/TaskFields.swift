import Foundation

/// The labelled parts a plan spells a task out in: "a) Nhiệm vụ: ...",
/// "b) Đơn vị chủ trì: ...; đơn vị phối hợp: ...", "c) Thời gian thực hiện: ...".
/// The same labels name the columns of an appendix task table.
enum TaskField: Sendable, Hashable {
    case task, lead, partners, deadline, product, number

    static let marker = TextPattern(#"^\s*(?:[a-zđ]|\d{1,2})\)\s*"#)
    static let labelled = TextPattern(
        #"^\s*(?:[a-zđ]\)\s*)?(nhiệm vụ|tên nhiệm vụ|nội dung(?: nhiệm vụ| công việc)?|(?:(?:đơn vị|cơ quan)\s+)?chủ trì(?: thực hiện)?|(?:(?:đơn vị|cơ quan)\s+)?phối hợp(?: thực hiện)?|(?:đơn vị|cơ quan)\s+thực hiện|thời gian(?: thực hiện| hoàn thành)?|thời hạn(?: hoàn thành| thực hiện)?|tiến độ(?: thực hiện| hoàn thành)?|sản phẩm(?: đầu ra)?|kết quả(?: đầu ra)?)\s*:\s*"#)

    /// The field a label names ("Cơ quan chủ trì" → `.lead`), or nil.
    static func named(_ label: String) -> TaskField? {
        // Header cells may be bold or italic ("**THỜI GIAN**").
        let bare = label.replacingOccurrences(of: "*", with: "").replacingOccurrences(of: "_", with: " ")
        let key = VietnameseText.collapseSpaces(bare.lowercased()).trimming(anyOf: " :.")
        if key == "stt" || key == "tt" || key == "số tt" || key == "số thứ tự" { return .number }
        if key.contains("chủ trì") || key.hasPrefix("cơ quan thực hiện") || key.hasPrefix("đơn vị thực hiện")
            || key == "cơ quan" || key == "đơn vị" { return .lead }
        if key.contains("phối hợp") { return .partners }
        // A column that says when: "Thời gian / Thời hạn / Thời điểm hoàn
        // thành", "Tiến độ", "Mốc thời gian", "Lộ trình thực hiện", "Dự kiến
        // thời gian hoàn thành", "Hoàn thành", "Năm thực hiện".
        if ["thời gian", "thời hạn", "thời điểm", "tiến độ", "lộ trình"].contains(where: { key.contains($0) })
            || key.hasPrefix("hạn") || key.hasPrefix("mốc") || key.hasPrefix("hoàn thành") || key.hasPrefix("kết thúc") || key.hasPrefix("năm ") || key == "năm" {
            return .deadline
        }
        if key.hasPrefix("sản phẩm") || key.hasPrefix("kết quả") { return .product }
        if key.contains("nhiệm vụ") || key.hasPrefix("nội dung") || key.hasPrefix("công việc") || key.hasPrefix("chỉ tiêu")
            || key.hasPrefix("tên") || key.hasPrefix("hoạt động") || key.hasPrefix("giải pháp") { return .task }
        return nil
    }

    /// Splits "Đơn vị chủ trì: X; đơn vị phối hợp: Y" into its fields; nil
    /// when the text does not start with a label.
    /// A sentence's end before the next label: "Đơn vị chủ trì: Sở Tư pháp.
    /// Thời hạn: trước ngày 30/9/2026." holds two fields, as with a ";".
    static let labelAfterSentence = TextPattern(
        #"\.\s+(?=(?:nhiệm vụ|nội dung|(?:đơn vị|cơ quan)\s+(?:chủ trì|phối hợp|thực hiện)|chủ trì|phối hợp|thời gian|thời hạn|tiến độ|sản phẩm|kết quả)[^:;.]{0,20}:)"#)

    /// "Rà soát văn bản … (Cơ quan chủ trì: Sở Tư pháp; thời gian: Quý I/2026)",
    /// "Kiểm tra … . Cơ quan chủ trì: Sở Nội vụ. Thời gian thực hiện: Năm 2026.":
    /// the duty first, then its fields in a parenthesis or sentences of their
    /// own. Nil unless those fields say who or when.
    static func trailingFields(in text: String) -> [(TaskField, String)]? {
        guard let start = trailingLabel.firstMatch(in: text), start.range.lowerBound > 0 else { return nil }
        let head = text.utf16Slice(0..<start.range.lowerBound).trimmed.trimming(anyOf: " .;,(")
        var rest = text.utf16Slice(start.range.upperBound..<text.utf16.count).trimmed
        if start.text.contains("(") {
            guard rest.hasSuffix(")") || rest.hasSuffix(").") || rest.hasSuffix(");") else { return nil }
            rest = rest.trimming(anyOf: " .;").trimming(anyOf: ")")
        }
        guard !head.isEmpty, let fields = Self.fields(in: rest),
              fields.contains(where: { $0.0 == .lead || $0.0 == .deadline }),
              !fields.contains(where: { $0.0 == .task }) else { return nil }
        return [(.task, head)] + fields
    }

    static let trailingLabel = TextPattern(
        #"(?:\(\s*|[.;]\s+|\n\s*)(?=(?:(?:đơn vị|cơ quan)\s+)?(?:chủ trì|thực hiện)(?: thực hiện)?\s*:|thời gian(?: thực hiện| hoàn thành)?\s*:|thời hạn(?: hoàn thành| thực hiện)?\s*:)"#)

    static func fields(in text: String) -> [(TaskField, String)]? {
        guard labelled.firstMatch(in: text) != nil else { return nil }
        var text = text
        for match in labelAfterSentence.matches(in: text).reversed() { text = text.replacingUTF16(match.range, with: "; ") }
        var result: [(TaskField, String)] = []
        for segment in text.split(separator: ";", omittingEmptySubsequences: true) {
            let part = String(segment)
            if let match = labelled.firstMatch(in: part), let label = match.group(1), let field = named(label) {
                let value = part.replacingUTF16(match.range, with: "").trimmed
                result.append((field, value))
            } else if !result.isEmpty {
                result[result.count - 1].1 += "; " + part.trimmed
            }
        }
        return result.isEmpty ? nil : result
    }
}
