import TiendoCore

/// The review `tiendo tasks` prints: every task as the reader took it (id,
/// lead, partners, deadline, and how each was read), then what it left
/// unassigned. The ids are the ones corrections in front matter use.
public enum TaskReview {
    public static func text(_ directives: [Directive]) -> String {
        var out = ""
        for directive in directives {
            out += "== \(directive.id): \(directive.title)\n"
            out += "   \(directive.tasks.count) nhiệm vụ, \(directive.unassigned.count) nội dung chưa giao cho đơn vị nào\n"
            for task in directive.tasks { out += "\n" + taskText(task) }
            if !directive.unassigned.isEmpty {
                out += "\n-- Nội dung chưa giao cho đơn vị nào (không tính là nhiệm vụ; nếu là nhiệm vụ, khai báo lead cho mục đó):\n"
                for item in directive.unassigned {
                    out += "\n[\(item.id)] dòng \(item.line)"
                    if !item.section.isEmpty { out += ", mục \(excerpt(item.section, 60))" }
                    out += "\n  " + excerpt(item.text, 160) + "\n"
                    if let deadline = item.deadline { out += "  Thời hạn ghi trong đoạn: " + deadlineText(deadline) + "\n" }
                }
            }
            out += "\n"
        }
        return out
    }

    static func taskText(_ task: Task) -> String {
        var out = "[\(task.id)] dòng \(task.line)"
        if !task.section.isEmpty { out += ", mục \(excerpt(task.section, 60))" }
        out += "\n"
        let lead = task.assignees.filter { $0.role == .lead }.map(describe)
        let partners = task.assignees.filter { $0.role == .partner }.map(describe)
        out += "  Chủ trì: \(lead.isEmpty ? "(chưa rõ)" : lead.joined(separator: "; "))\n"
        if !partners.isEmpty { out += "  Phối hợp: \(partners.joined(separator: "; "))\n" }
        out += "  Cách đọc: \(task.reading.rawValue)\n"
        out += "  Số đơn vị trong danh sách: \(task.units.count)\n"
        out += "  Thời hạn: " + (task.deadline.map(deadlineText) ?? "(không ghi)") + "\n"
        if let consolidator = task.consolidator {
            out += "  Tổng hợp: \(consolidator.name)\(consolidator.code.map { " [\($0)]" } ?? "")\n"
        }
        out += "  " + excerpt(task.text, 160) + "\n"
        return out
    }

    static func deadlineText(_ deadline: Deadline) -> String {
        let due = deadline.due.map { " → hạn \($0.vietnamese)" } ?? ""
        return "\"\(deadline.text)\" (\(kindWords(deadline.kind)))\(due)"
    }

    static func kindWords(_ kind: Deadline.Kind) -> String {
        switch kind {
        case .on: "đến hết ngày"
        case .before: "trước ngày"
        case .within: "trong khoảng thời gian"
        case .recurring: "định kỳ, lần tới"
        case .standing: "thường xuyên"
        case .reference: "theo văn bản khác"
        }
    }

    static func describe(_ assignee: Assignee) -> String {
        assignee.name + (assignee.code.map { " [\($0)]" } ?? " [ngoài danh sách đơn vị]")
    }

    static func excerpt(_ text: String, _ limit: Int) -> String {
        let line = VietnameseText.collapseSpaces(text)
        return line.count > limit ? String(line.prefix(limit - 1)) + "…" : line
    }
}
