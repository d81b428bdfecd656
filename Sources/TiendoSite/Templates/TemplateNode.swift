/// A parsed template, ready to render: literal bytes, variables and
/// sections, with partials already put in place.
enum TemplateNode: Sendable {
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (as is).
    case variable(TemplateName, escaped: Bool)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when inverted.
    case section(TemplateName, [TemplateNode], inverted: Bool)
}

/// A name in a tag: `.` (the current value), `a`, or the dotted `a.b.c`.
struct TemplateName: Equatable, Sendable {
    /// Empty for `.`.
    let parts: [String]
    /// A leading dot (`.a`) looks only in the current value, never in the
    /// values around it.
    let anchored: Bool
    let source: String

    init(_ source: String) {
        self.source = source
        if source == "." {
            parts = []
            anchored = true
        } else {
            anchored = source.hasPrefix(".")
            parts = source.split(separator: ".").map(String.init)
        }
    }
}
