import TiendoCore
import TiendoMarkdown

/// The full text of a directive as HTML, each task marked in place with its
/// deadline, progress and a link to its page. Leaf blocks come from libcmark
/// (safe mode); containers are rebuilt here so marks never pass through
/// cmark as raw HTML (which safe mode would drop).
struct DirectiveBody {
    let context: SiteContext
    let directive: Directive
    let page: String
    private let tasksByLine: [Int: [Task]]
    /// Items left for review, marked so a reader sees what no unit was given.
    private let reviewByLine: [Int: [ReviewItem]]

    init(context: SiteContext, directive: Directive, page: String) {
        self.context = context
        self.directive = directive
        self.page = page
        var byLine: [Int: [Task]] = [:]
        for task in directive.tasks { byLine[task.blockLine, default: []].append(task) }
        tasksByLine = byLine
        var review: [Int: [ReviewItem]] = [:]
        for item in directive.unassigned where byLine[item.blockLine] == nil { review[item.blockLine, default: []].append(item) }
        reviewByLine = review
    }

    /// The note after an item no unit was given: its id (the one corrections use) and why.
    private func reviewMark(_ items: [ReviewItem]) -> String {
        items.map { "<p class=\"review-info\">Mục \(HTML.escape($0.id)): \(HTML.escape($0.reason))</p>\n" }.joined()
    }

    func html() -> String {
        var out = ""
        for block in directive.blocks { render(block, into: &out) }
        return out
    }

    /// The heading or bold line nearest before `line`: it names a table
    /// in its caption (every table needs one to be read aloud).
    private func title(before line: Int) -> String? {
        var title: String?
        for block in directive.blocks where block.startLine < line {
            if case .heading = block.kind { title = block.text }
            else if block.isAllStrong { title = block.text }
        }
        return title.map { VietnameseText.collapseSpaces($0) }
    }

    private func render(_ block: MarkdownBlock, into out: inout String) {
        switch block.kind {
        case .list(let ordered, let start, _):
            out += ordered ? (start == 1 ? "<ol>\n" : "<ol start=\"\(start)\">\n") : "<ul>\n"
            for item in block.children { render(item, into: &out) }
            out += ordered ? "</ol>\n" : "</ul>\n"
        case .item:
            let tasks = tasksByLine[block.startLine] ?? []
            if let first = tasks.first {
                out += "<li class=\"task-mark\" id=\"\(SitePaths.taskAnchor(first.id))\">"
            } else if reviewByLine[block.startLine] != nil {
                out += "<li class=\"review-mark\">"
            } else {
                out += "<li>"
            }
            for child in block.children { render(child, into: &out, skipMark: true) }
            for task in tasks { out += mark(task) }
            if tasks.isEmpty, let items = reviewByLine[block.startLine] { out += reviewMark(items) }
            out += "</li>\n"
        case .blockQuote:
            out += "<blockquote>\n"
            for child in block.children { render(child, into: &out) }
            out += "</blockquote>\n"
        case .paragraph:
            render(block, into: &out, skipMark: false)
        default:
            out += block.html
        }
    }

    private func render(_ block: MarkdownBlock, into out: inout String, skipMark: Bool) {
        guard block.kind == .paragraph else {
            render(block, into: &out)
            return
        }
        let lines = Array(directive.bodyLines[max(0, block.startLine - 1)..<min(directive.bodyLines.count, block.endLine)])
        if let table = PipeTable.parse(lines: lines, firstLine: block.startLine) {
            out += tableHTML(table)
            return
        }
        let tasks = skipMark ? [] : (tasksByLine[block.startLine] ?? [])
        guard let first = tasks.first else {
            if !skipMark, let items = reviewByLine[block.startLine] {
                out += "<div class=\"review-mark\">\n" + block.html + reviewMark(items) + "</div>\n"
            } else {
                out += block.html
            }
            return
        }
        out += "<div class=\"task-mark\" id=\"\(SitePaths.taskAnchor(first.id))\">\n" + block.html
        for task in tasks { out += mark(task) }
        out += "</div>\n"
    }

    /// The mark after a task: id, deadline, progress bar, link.
    private func mark(_ task: Task) -> String {
        let progress = context.tracker.progress(task: task.key)
        let view = ProgressView(progress)
        var html = "<p class=\"task-info\"><a class=\"task-link\" href=\"\(HTML.escape(context.link(page, context.taskPage(task.key))))\">Nhiệm vụ \(HTML.escape(task.id))</a>"
        if let deadline = task.deadline {
            html += " · <span class=\"deadline\">Thời hạn: \(HTML.escape(deadline.text))"
            if let due = deadline.due { html += " → <strong>\(due.vietnamese)</strong>" }
            html += "</span>"
        } else {
            html += " · <span class=\"deadline\">Không ghi thời hạn</span>"
        }
        html += " · \(view.done)/\(view.total) đơn vị đã hoàn thành (\(HTML.escape(view.percent)))"
        html += " " + ProgressBarHTML.svg(view)
        html += "</p>\n"
        return html
    }

    private func tableHTML(_ table: PipeTable) -> String {
        let taskRowsByLine = Dictionary(directive.tasks.map { ($0.blockLine, $0) }, uniquingKeysWith: { a, _ in a })
        let hasTaskRows = table.rowLines.contains { taskRowsByLine[$0] != nil }
        let caption = title(before: table.rowLines.first ?? 0).map { hasTaskRows ? "\($0) — bảng nhiệm vụ" : $0 }
            ?? (hasTaskRows ? "Bảng nhiệm vụ trong văn bản" : "Bảng trong văn bản")
        var html = "<div class=\"table-scroll\"><table>\n<caption>\(HTML.escape(caption))</caption>\n<thead><tr>"
        for (index, cell) in table.header.enumerated() {
            html += "<th scope=\"col\"\(align(table.alignments[index]))>\(Markdown.inlineHTML(cell))</th>"
        }
        let hasTasks = hasTaskRows
        if hasTasks { html += "<th scope=\"col\">Theo dõi</th>" }
        html += "</tr></thead>\n<tbody>\n"
        for (rowIndex, row) in table.rows.enumerated() {
            let task = taskRowsByLine[table.rowLines[rowIndex]]
            html += task.map { "<tr id=\"\(SitePaths.taskAnchor($0.id))\">" } ?? "<tr>"
            for (index, cell) in row.enumerated() {
                html += "<td\(align(table.alignments[index]))>\(Markdown.inlineHTML(cell))</td>"
            }
            if hasTasks {
                if let task {
                    let view = ProgressView(context.tracker.progress(task: task.key))
                    html += "<td><a href=\"\(HTML.escape(context.link(page, context.taskPage(task.key))))\">Nhiệm vụ \(HTML.escape(task.id))</a> "
                        + ProgressBarHTML.svg(view) + "</td>"
                } else {
                    html += "<td></td>"
                }
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table></div>\n"
    }

    private func align(_ alignment: PipeTable.Alignment) -> String {
        switch alignment {
        case .none: ""
        case .left: " class=\"al-left\""
        case .center: " class=\"al-center\""
        case .right: " class=\"al-right\""
        }
    }
}

/// The stacked bar as inline SVG, for HTML that Swift assembles itself (the
/// directive text); templates use the `bar` partial with the same shape.
enum ProgressBarHTML {
    static func svg(_ view: ProgressView) -> String {
        var html = "<svg class=\"bar\" viewBox=\"0 0 100 6\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"\(HTML.escape(view.percent + " hoàn thành. " + view.description))\">"
        html += "<rect class=\"bar-bg\" x=\"0\" y=\"0\" width=\"100\" height=\"6\"/>"
        for segment in view.segments {
            html += "<rect class=\"\(segment.css)\" x=\"\(segment.x)\" y=\"0\" width=\"\(segment.width)\" height=\"6\"/>"
        }
        return html + "</svg>"
    }
}
