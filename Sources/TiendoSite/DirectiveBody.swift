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
        case .htmlBlock:
            // Raw HTML stays omitted (safe mode); a table in it is shown
            // rebuilt from the cells the reader read, with nothing of its markup.
            let lines = Array(directive.bodyLines[max(0, block.startLine - 1)..<min(directive.bodyLines.count, block.endLine)])
            if let table = HTMLTable.read(lines: lines, firstLine: block.startLine),
               table.rows.contains(where: { !$0.cells.isEmpty }) {
                out += tableHTML(table)
            } else {
                out += block.html
            }
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

    /// The caption of a table whose rows start at `rowLines`: the title
    /// before it, and whether it holds tasks.
    private func caption(rowLines: [Int], hasTaskRows: Bool) -> String {
        title(before: rowLines.first ?? 0).map { hasTaskRows ? "\($0) — bảng nhiệm vụ" : $0 }
            ?? (hasTaskRows ? "Bảng nhiệm vụ trong văn bản" : "Bảng trong văn bản")
    }

    /// The tasks read from table rows, by the row's source line.
    private var taskRowsByLine: [Int: Task] {
        Dictionary(directive.tasks.map { ($0.blockLine, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The last cell of a task row: its link and progress bar.
    private func trackingCell(_ task: Task) -> String {
        let view = ProgressView(context.tracker.progress(task: task.key))
        return "<td><a href=\"\(HTML.escape(context.link(page, context.taskPage(task.key))))\">Nhiệm vụ \(HTML.escape(task.id))</a> "
            + ProgressBarHTML.svg(view) + "</td>"
    }

    private func tableHTML(_ table: PipeTable) -> String {
        let taskRowsByLine = self.taskRowsByLine
        let hasTaskRows = table.rowLines.contains { taskRowsByLine[$0] != nil }
        let caption = caption(rowLines: table.rowLines, hasTaskRows: hasTaskRows)
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
            if hasTasks { html += task.map(trackingCell) ?? "<td></td>" }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table></div>\n"
    }

    /// A table from raw HTML, rebuilt: the same markup as a pipe table's,
    /// its spans kept, each cell's text escaped (never read as Markdown or
    /// HTML), its line breaks, bold and italics kept. The rows the reader
    /// took as tasks get their anchor and tracking cell, as in a pipe table.
    private func tableHTML(_ table: HTMLTable) -> String {
        let grid = table.grid
        let inGrid = Set(grid.map(\.row))
        // The rows the reader read, and cell-less rows among them that a
        // merged cell covers (rows past the cell limit are not shown either).
        let shown = table.rows.indices.filter { $0 <= (grid.last?.row ?? -1) && (inGrid.contains($0) || !table.rows[$0].cells.isEmpty) }
        // The head: the reader's header (the grid's first row) and the rows
        // the source put in <thead> with it; always a prefix of the rows.
        let headerRow = grid.first?.row ?? 0
        let sourceHead = table.rows.firstIndex { !$0.isHead } ?? table.rows.count
        let headRows = shown.filter { $0 <= headerRow || $0 < sourceHead }
        let lastHead = headRows.last ?? -1
        let firstBody = shown.first { $0 > lastHead }
        // Each task read from a row marks that row. A converter that writes
        // the whole table on one line gives every row the same line: there
        // the rows take the line's tasks in order, each the one whose words
        // it holds (group rows hold none).
        var taskRows: [Int: Task] = [:]
        var waiting: [Int: ArraySlice<Task>] = [:]
        var rowsOnLine: [Int: Int] = [:]
        for entry in grid.dropFirst() { rowsOnLine[table.rows[entry.row].line, default: 0] += 1 }
        for entry in grid.dropFirst() {
            let line = table.rows[entry.row].line
            var queue = waiting[line] ?? (tasksByLine[line] ?? [])[...]
            guard let next = queue.first else { continue }
            if rowsOnLine[line] == 1 || Self.holds(entry.cells, next.text) {
                taskRows[entry.row] = next
                queue.removeFirst()
            }
            waiting[line] = queue
        }
        let hasTaskRows = !taskRows.isEmpty
        // A short row is filled to the header's width, so the tracking cell
        // stands under its own title.
        let occupied = table.occupiedColumns
        let width = occupied[headerRow]
        let caption = caption(rowLines: grid.dropFirst().map { table.rows[$0.row].line }, hasTaskRows: hasTaskRows)
        // Cells merged across rows keep the grid on a phone (see style.css).
        let merged = shown.contains { index in table.rows[index].cells.contains { $0.rowspan > 1 } }
        var html = merged ? "<div class=\"table-scroll merged-scroll\"><table class=\"merged\">" : "<div class=\"table-scroll\"><table>"
        html += "\n<caption>\(HTML.escape(caption))</caption>\n"
        for index in shown {
            let row = table.rows[index]
            let isHead = index <= lastHead
            if index == headRows.first { html += "<thead>" }
            if index == firstBody { html += "<tbody>\n" }
            html += taskRows[index].map { "<tr id=\"\(SitePaths.taskAnchor($0.id))\">" } ?? "<tr>"
            for cell in row.cells {
                let element = isHead || cell.isHeader ? "th" : "td"
                html += "<\(element)"
                if isHead { html += " scope=\"col\"" }
                if cell.colspan > 1 { html += " colspan=\"\(cell.colspan)\"" }
                if cell.rowspan > 1 { html += " rowspan=\"\(cell.rowspan)\"" }
                html += ">" + cellHTML(cell) + "</\(element)>"
            }
            if !isHead { html += String(repeating: "<td></td>", count: max(0, width - occupied[index])) }
            if hasTaskRows {
                if index == headRows.first {
                    html += "<th scope=\"col\"\(headRows.count > 1 ? " rowspan=\"\(headRows.count)\"" : "")>Theo dõi</th>"
                } else if !isHead {
                    html += taskRows[index].map(trackingCell) ?? "<td></td>"
                }
            }
            html += "</tr>"
            if index == lastHead { html += "</thead>" }
            html += "\n"
        }
        if firstBody != nil { html += "</tbody>\n" }
        return html + "</table></div>\n"
    }

    /// Whether a row's cells hold the first words of a task's text, compared
    /// by letters and digits only (the reader's text has lost the cell's
    /// Markdown punctuation and line breaks).
    static func holds(_ cells: [String], _ text: String) -> Bool {
        func letters(_ text: String) -> String { String(text.lowercased().filter { $0.isLetter || $0.isNumber }) }
        let key = letters(String(text.prefix { $0 != "\n" })).prefix(40)
        return !key.isEmpty && letters(cells.joined(separator: " ")).contains(key)
    }

    /// A cell's lines, escaped, joined by `<br>`; bold and italic runs
    /// wrapped in the only two elements the source may choose.
    private func cellHTML(_ cell: HTMLTable.Cell) -> String {
        cell.lines.map { runs in
            runs.map { run in
                var text = HTML.escape(run.text)
                if run.isEmphasis { text = "<em>" + text + "</em>" }
                if run.isStrong { text = "<strong>" + text + "</strong>" }
                return text
            }.joined()
        }.joined(separator: "<br>")
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
