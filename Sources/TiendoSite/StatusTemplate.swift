import TiendoCore

/// The status skeleton: the header a clerk fills in and one row per
/// (task, assigned unit), UTF-8 with a byte-order mark so Excel shows
/// Vietnamese correctly.
public enum StatusTemplate {
    public static let header = ["directive", "task", "unit", "state", "completed", "report", "updated", "note"]

    public static func csv(directives: [Directive], register: UnitRegister) -> String {
        var rows: [[String]] = [header + ["unit_name"]]
        for directive in directives {
            for task in directive.tasks {
                for code in task.units {
                    rows.append([directive.id, task.id, code, "", "", "", "", "", register.unit(code: code)?.name ?? ""])
                }
            }
        }
        return CSVWriter.document(rows)
    }
}
