/// What the header and footer of a directive say. Every field is optional:
/// a draft leaves its number and date blank, and the site shows a blank as
/// a blank rather than inventing one.
public struct DirectiveMetadata: Sendable, Hashable, Codable {
    /// "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG"
    public var issuer: String?
    /// Số ký hiệu as written after "Số:" ("/UBND-NVKTGS" in a draft).
    public var number: String?
    /// Kind of document: "Công văn", "Chỉ thị", "Kế hoạch", ...
    public var kind: String?
    public var place: String?
    /// The date line as written ("Hải Phòng, ngày tháng năm 2026").
    public var dateLine: String?
    /// The full date, when every part is filled in.
    public var date: CivilDate?
    /// The year, when at least that is filled in.
    public var year: Int?
    /// The "V/v" line (or the title of a plan or decision).
    public var subject: String?
    /// "Kính gửi" recipients.
    public var recipients: [String] = []
    /// "Căn cứ ..." and "Thực hiện ..." paragraphs.
    public var legalBases: [String] = []
    public var signature: Signature?
    /// "Nơi nhận" entries.
    public var distribution: [String] = []
    /// What readers call the document in lists, from front matter's `short`
    /// ("Công văn sơ kết 01 năm"): a draft has no number to name it by.
    public var short: String?

    public init() {}

    /// True when the number has no digits before its slash, as in a draft.
    public var isNumberBlank: Bool {
        guard let number else { return true }
        return !number.contains(where: \.isNumber)
    }
}

/// The signature block: "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Vũ Tiến Phụng".
public struct Signature: Sendable, Hashable, Codable {
    /// "TM. ỦY BAN NHÂN DÂN"
    public var onBehalfOf: String?
    /// "KT. CHỦ TỊCH" (signing for), or "Q. CHỦ TỊCH" and similar.
    public var forTitle: String?
    /// "PHÓ CHỦ TỊCH"
    public var title: String?
    /// "Vũ Tiến Phụng"
    public var name: String?

    public init(onBehalfOf: String? = nil, forTitle: String? = nil, title: String? = nil, name: String? = nil) {
        self.onBehalfOf = onBehalfOf
        self.forTitle = forTitle
        self.title = title
        self.name = name
    }
}

extension DirectiveMetadata {
    /// How lists and tables name the document: the `short` name of its front
    /// matter, else its kind and number ("Công văn số …/UBND-NVKTGS" for a
    /// draft whose number is still blank), else its kind and date. Never
    /// the file id, which means nothing to a reader.
    public var shortName: String {
        if let short, !short.isEmpty { return short }
        let kind = self.kind ?? "Văn bản"
        if let number = number?.trimmedSpaces, !number.isEmpty {
            // "/UBND-NVKTGS": the blank before the slash is where the number will go.
            return "\(kind) số " + (isNumberBlank && !number.hasPrefix("…") ? "…" + number : number)
        }
        if let date { return "\(kind) ngày \(date.vietnamese)" }
        if let year { return "\(kind) năm \(year)" }
        return kind + " chưa có số"
    }
}

extension Directive {
    /// See `DirectiveMetadata.shortName`.
    public var shortName: String { metadata.shortName }
}
