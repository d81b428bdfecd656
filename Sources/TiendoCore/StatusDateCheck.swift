/// Dates in the status data checked against the date of the figures and the
/// directive's own date. A separate step after reading, because only here is
/// the date of the figures known: one typo such as 2062 for 2026 must stop
/// the build instead of making every other unit look late or early.
public enum StatusDateCheck {
    /// A report dated this long before the directive that assigned the task
    /// is almost certainly a mistyped year.
    public static let longBeforeDays = 365

    /// Problems are named by each row's own file (by cell in a workbook, as
    /// the clerk sees it in Excel).
    public static func check(_ rows: [StatusRow], asOf: CivilDate, directives: [Directive]) -> [Diagnostic] {
        var dateByDirective: [String: CivilDate] = [:]
        for directive in directives {
            if let date = directive.metadata.date { dateByDirective[directive.id] = date }
        }
        var found: [Diagnostic] = []
        // Rows come grouped by directive, and at national scale there are
        // millions: the directive's date is looked up again only when it changes.
        var lastDirective = "", lastLimit: Int?
        func check(_ date: CivilDate?, _ label: String, _ row: StatusRow) {
            guard let date else { return }
            if date > asOf {
                found.append(row.source.diagnostic(.error, line: row.line,
                           "\(label) \(date.vietnamese) sau ngày số liệu \(asOf.vietnamese) (nhiệm vụ \(row.taskID), đơn vị \(row.unitCode))",
                           hint: "một ngày chưa tới không thể đã xảy ra: sửa \(label) (kiểm tra năm, ngày/tháng có bị đảo không), "
                               + "hoặc dựng lại với --as-of YYYY-MM-DD nếu muốn xem số liệu tại một ngày muộn hơn"))
                return
            }
            if row.directiveID != lastDirective {
                lastDirective = row.directiveID
                lastLimit = dateByDirective[row.directiveID].map { $0.dayNumber - longBeforeDays }
            }
            if let limit = lastLimit, date.dayNumber < limit, let issued = dateByDirective[row.directiveID] {
                found.append(row.source.diagnostic(.warning, line: row.line,
                             "\(label) \(date.vietnamese) trước ngày ban hành văn bản \(row.directiveID) (\(issued.vietnamese)) hơn một năm",
                             hint: "kiểm tra lại năm của ngày này"))
            }
        }
        for row in rows {
            check(row.completed, "ngày hoàn thành", row)
            check(row.updated, "ngày cập nhật", row)
        }
        return found
    }
}
