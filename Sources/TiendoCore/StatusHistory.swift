/// Several reports on the same (task, unit) are its history: the rows are
/// kept, ordered by their update date, and the latest is the pair's current
/// state. Two rows of one pair and one day that say different things cannot
/// be ordered, so they are an error naming both places; a row that repeats
/// another exactly (a sheet sent twice) is dropped with a warning.
///
/// The reader applies these rules inside one file as it reads; `merge`
/// applies them across the files of the status folder.
public enum StatusHistory {
    /// When a pair's history (oldest first) was first reported: its first
    /// dated row's update date.
    public static func firstReported(_ history: [StatusRow]) -> CivilDate? {
        history.lazy.compactMap(\.updated).first
    }

    /// When the pair was finished: the completion date of its first row
    /// that says done (its update date when it gives none), nil while no
    /// row does. A later row may reopen the work; the current class says so.
    public static func finished(_ history: [StatusRow]) -> CivilDate? {
        guard let row = history.first(where: { $0.state == .done }) else { return nil }
        return row.completed ?? row.updated
    }

    /// Whether a report came in after the pair's last day.
    public static func isLate(_ row: StatusRow, due: CivilDate?) -> Bool {
        guard let due, let updated = row.updated else { return false }
        return updated > due
    }
    /// The message and hint for `row`, which repeats `kept` exactly.
    static func repeated(_ row: StatusRow, of kept: StatusRow, unitName: String) -> (String, String) {
        ("dòng này lặp lại đúng \(kept.place) (nhiệm vụ \(row.taskID), \(unitName)\(day(row))): bỏ qua",
         "không cần làm gì; xóa dòng lặp cho gọn nếu muốn")
    }

    /// The message and hint for `row`, which disagrees with `kept` on the same day.
    static func conflict(_ row: StatusRow, with kept: StatusRow, unitName: String) -> (String, String) {
        let what = differences(row, kept).joined(separator: ", ")
        let when = row.updated.map { "cùng ngày cập nhật \($0.vietnamese)" } ?? "đều không có ngày cập nhật"
        return ("dòng này và \(kept.place) cùng nhiệm vụ \(row.taskID) của \(unitName), \(when), nhưng khác \(what): không biết dòng nào là tình hình mới nhất",
                row.updated == nil
                    ? "ghi ngày cập nhật cho từng lần báo cáo (dòng có ngày muộn hơn là tình hình hiện tại), hoặc xóa một trong hai dòng"
                    : "nếu là báo cáo sửa lại, ghi ngày cập nhật của lần sửa; nếu không, xóa một trong hai dòng")
    }

    static func day(_ row: StatusRow) -> String {
        row.updated.map { ", cập nhật \($0.vietnamese)" } ?? ""
    }

    /// What two rows of the same pair and day disagree on, in the clerk's column names.
    static func differences(_ a: StatusRow, _ b: StatusRow) -> [String] {
        var found: [String] = []
        if a.state != b.state { found.append("trạng thái") }
        if a.completed != b.completed { found.append("ngày hoàn thành") }
        if a.report != b.report { found.append("số báo cáo") }
        if a.note != b.note { found.append("ghi chú") }
        return found
    }

    /// A pair and the day of one report, as the merge compares them.
    private struct Key: Hashable {
        let directiveID: String
        let taskID: String
        let unitCode: String
        let day: Int
    }

    /// The rows of several files, each already read (and checked inside
    /// itself) in the folder's order, as one list: exact repeats of a row
    /// of an earlier file dropped with a warning, rows that disagree with
    /// one on the same day dropped with an error naming both places.
    /// The rows keep their files' order; the tracker orders each pair's history.
    public static func merge(_ files: [[StatusRow]], register: UnitRegister) -> (rows: [StatusRow], diagnostics: [Diagnostic]) {
        if files.count == 1 { return (files[0], []) }
        var rows: [StatusRow] = []
        rows.reserveCapacity(files.reduce(0) { $0 + $1.count })
        var diagnostics: [Diagnostic] = []
        var seen: [Key: Int] = [:]
        seen.reserveCapacity(rows.capacity)
        for file in files {
            // A sheet sent back with its unchanged rows prefilled repeats the
            // data row after row: one warning per file names them all.
            var repeats: [(row: StatusRow, kept: StatusRow)] = []
            defer {
                if repeats.count == 1, let (row, kept) = repeats.first {
                    let (message, hint) = repeated(row, of: kept, unitName: register.unit(code: row.unitCode)?.name ?? row.unitCode)
                    diagnostics.append(row.source.diagnostic(.warning, line: row.line, message, hint: hint))
                } else if let first = repeats.first {
                    let lines = repeats.prefix(20).map { String($0.row.line) }.joined(separator: ", ") + (repeats.count > 20 ? ", …" : "")
                    diagnostics.append(Diagnostic(.warning, file: first.row.source.file,
                        "\(repeats.count) dòng lặp lại đúng số liệu đã có ở tệp khác (\(first.row.source.sheet.map { "trang \($0), " } ?? "")dòng \(lines); dòng \(first.row.line) lặp lại \(first.kept.place)): bỏ qua",
                        hint: "không cần làm gì: các dòng này không thay đổi gì"))
                }
            }
            for row in file {
                let key = Key(directiveID: row.directiveID, taskID: row.taskID, unitCode: row.unitCode,
                              day: row.updated?.dayNumber ?? Int.min)
                if let index = seen[key] {
                    let kept = rows[index]
                    let name = register.unit(code: row.unitCode)?.name ?? row.unitCode
                    if row.saysTheSame(as: kept) {
                        repeats.append((row, kept))
                    } else {
                        let (message, hint) = conflict(row, with: kept, unitName: name)
                        diagnostics.append(row.source.diagnostic(.error, line: row.line, message, hint: hint))
                    }
                    continue
                }
                seen[key] = rows.count
                rows.append(row)
            }
        }
        return (rows, diagnostics)
    }
}
