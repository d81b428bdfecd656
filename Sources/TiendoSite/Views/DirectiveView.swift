import Foundation
import TiendoCore

/// A directive's page: its metadata (blanks shown as blanks) and full text.
struct DirectiveView: ViewModel {
    let title: String
    let id: String
    let file: String
    let meta: [MetaRow]
    let recipients: [String]
    let hasRecipients: Bool
    let legalBases: [String]
    let hasLegalBases: Bool
    let distribution: [String]
    let hasDistribution: Bool
    let bodyHTML: String
    let progress: ProgressView
    /// Progress over time of all its pairs, from its date.
    let timeline: TimelineView
    let tasks: [TaskRow]

    struct MetaRow: ViewModel {
        let label: String
        let value: String
        let isBlank: Bool
        let blankText: String
    }

    struct TaskRow: ViewModel {
        let id: String
        let href: String
        let anchorHref: String
        let excerpt: String
        let excerptHTML: String
        let assignees: String
        let deadline: DeadlineView
        let progress: ProgressView
    }

    init(_ context: SiteContext, directive: Directive) {
        let page = context.paths.directive(directive.id)
        let meta = directive.metadata
        title = directive.title
        id = directive.id
        file = directive.file
        func row(_ label: String, _ value: String?, blank: String) -> MetaRow {
            let text = value?.trimmingCharacters(in: .whitespaces) ?? ""
            return MetaRow(label: label, value: text, isBlank: text.isEmpty, blankText: blank)
        }
        let number = meta.isNumberBlank ? (meta.number.map { "\($0) — chưa có số" } ?? "") : (meta.number ?? "")
        var dateText = meta.date.map(\.vietnamese) ?? ""
        if dateText.isEmpty, let line = meta.dateLine { dateText = "\(line) — chưa ghi đủ ngày" }
        let signature = meta.signature
        let signer = [signature?.onBehalfOf, signature?.forTitle, signature?.title, signature?.name]
            .compactMap { $0 }.joined(separator: " / ")
        self.meta = [
            row("Cơ quan ban hành", meta.issuer, blank: "(không ghi)"),
            row("Loại văn bản", meta.kind, blank: "(không ghi)"),
            MetaRow(label: "Số, ký hiệu", value: number, isBlank: number.isEmpty || meta.isNumberBlank && meta.number == nil,
                    blankText: "(chưa có số)"),
            row("Nơi, ngày ban hành", dateText, blank: "(chưa ghi ngày)"),
            row("Trích yếu", meta.subject, blank: "(không ghi)"),
            row("Người ký", signer, blank: "(chưa ký)"),
        ]
        recipients = meta.recipients
        hasRecipients = !meta.recipients.isEmpty
        legalBases = meta.legalBases
        hasLegalBases = !meta.legalBases.isEmpty
        distribution = meta.distribution
        hasDistribution = !meta.distribution.isEmpty
        bodyHTML = Self.headingsBelowSection(DirectiveBody(context: context, directive: directive, page: page).html())
        progress = ProgressView(context.tracker.progress(directive: directive))
        let series = ProgressTimeline.series(directive.tasks.flatMap { context.tracker.assignments(for: $0.key) }, tracker: context.tracker,
                                             from: directive.metadata.date)
        timeline = TimelineView(caption: "Tiến độ theo thời gian của văn bản", dates: series.dates, counts: series.counts, asOf: context.asOf)
        tasks = directive.tasks.map { task in
            TaskRow(id: task.id, href: context.link(page, context.taskPage(task.key)),
                    anchorHref: "#" + SitePaths.taskAnchor(task.id), excerpt: context.excerpt(task, limit: 120),
                    excerptHTML: WholeCodes.html(context.excerpt(task, limit: 120)),
                    assignees: task.assignees.map { $0.code.flatMap { context.tracker.register.unit(code: $0)?.name ?? context.tracker.register.group(code: $0)?.name } ?? $0.name }.joined(separator: "; "),
                    deadline: context.taskFacts[task.key]?.deadline ?? DeadlineView(task.deadline), progress: ProgressView(context.tracker.progress(task: task.key)))
        }
    }

    /// The full text sits under the page's h2 "Toàn văn": its own headings
    /// (a draft mixes "##" and "####") become h3 and below, each at most one
    /// level deeper than the one before, so screen readers see an outline.
    static func headingsBelowSection(_ html: String) -> String {
        guard html.contains("<h") else { return html }
        let tag = try! NSRegularExpression(pattern: "<(/?)h([1-6])(?=[\\s>])")
        let text = html as NSString
        var out = ""
        var previous = 2
        var open: [Int] = []
        var last = 0
        for match in tag.matches(in: html, range: NSRange(location: 0, length: text.length)) {
            out += text.substring(with: NSRange(location: last, length: match.range.location - last))
            let closing = match.range(at: 1).length > 0
            let written = Int(text.substring(with: match.range(at: 2)))!
            let level: Int
            if closing {
                level = open.popLast() ?? written
            } else {
                level = min(max(written + 1, 3), previous + 1, 6)
                open.append(level)
                previous = level
            }
            out += (closing ? "</h" : "<h") + String(level)
            last = match.range.location + match.range.length
        }
        return out + text.substring(from: last)
    }
}
