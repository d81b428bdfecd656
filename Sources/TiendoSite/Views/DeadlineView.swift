import TiendoCore

/// A deadline as every page shows it: the phrase as written and the last day.
/// A class, made once per task: every row of a unit's page shares it.
final class DeadlineView: ViewModel, Sendable {
    let phrase: String
    /// The phrase as HTML with its document numbers and dates kept whole.
    let phraseHTML: String
    let due: String
    let dueLong: String
    let hasDue: Bool
    let kindLabel: String
    let hasDeadline: Bool
    let reference: String
    let referenceHTML: String
    let hasReference: Bool

    init(_ deadline: Deadline?) {
        phrase = deadline?.text ?? ""
        phraseHTML = WholeCodes.html(phrase)
        hasDeadline = deadline != nil
        due = Format.date(deadline?.due)
        dueLong = deadline?.due.map(Format.longDate) ?? ""
        hasDue = deadline?.due != nil
        reference = deadline?.reference ?? ""
        referenceHTML = WholeCodes.html(reference)
        hasReference = !reference.isEmpty
        switch deadline?.kind {
        case .on: kindLabel = "đến hết ngày"
        case .before: kindLabel = "trước ngày ghi trong văn bản, tức là đến hết ngày hôm trước"
        case .within: kindLabel = "trong kỳ, đến hết ngày cuối kỳ"
        case .recurring: kindLabel = "định kỳ"
        case .standing: kindLabel = "thường xuyên, không có hạn cụ thể"
        case .reference: kindLabel = "theo tiến độ của văn bản khác"
        case nil: kindLabel = "văn bản không ghi thời hạn"
        }
    }
}
