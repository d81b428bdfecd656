/// What a template tag can find when it looks a name up: the few shapes a
/// logic-less template distinguishes. View models hand these out directly,
/// so rendering never has to ask the runtime what type a field has.
enum TemplateValue {
    case text(String)
    case number(Int)
    case flag(Bool)
    case object(any ViewModel)
    case list(any TemplateList)
    /// Markup rendered already (a page's content inside the layout), kept
    /// as bytes so it is not decoded and re-encoded.
    case markup([UInt8])

    /// How `{{name}}` prints the value (before HTML escaping).
    var printed: String {
        switch self {
        case .text(let text): text
        case .number(let number): String(number)
        case .flag(let flag): flag ? "true" : "false"
        case .object(let object): String(describing: object)
        case .list(let list): String(describing: list)
        case .markup(let bytes): String(decoding: bytes, as: UTF8.self)
        }
    }
}

/// A field type a template can read.
protocol TemplateValueConvertible {
    var templateValue: TemplateValue { get }
}

extension String: TemplateValueConvertible {
    var templateValue: TemplateValue { .text(self) }
}

extension Int: TemplateValueConvertible {
    var templateValue: TemplateValue { .number(self) }
}

extension Bool: TemplateValueConvertible {
    var templateValue: TemplateValue { .flag(self) }
}

/// A list a section iterates over, read by position without copying it into
/// an array of existentials.
protocol TemplateList {
    var count: Int { get }
    func element(at index: Int) -> TemplateValue
}

extension Array: TemplateList where Element: TemplateValueConvertible {
    func element(at index: Int) -> TemplateValue { self[index].templateValue }
}

extension Array: TemplateValueConvertible where Element: TemplateValueConvertible {
    var templateValue: TemplateValue { .list(self) }
}

/// Markup rendered already, e.g. a page's content inside the layout.
struct RenderedMarkup: TemplateValueConvertible {
    let bytes: [UInt8]
    var templateValue: TemplateValue { .markup(bytes) }
}
