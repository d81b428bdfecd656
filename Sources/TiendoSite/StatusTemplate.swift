import TiendoCore

/// The status file a clerk fills in: one row per (task, assigned unit),
/// each carrying what the status file already says about it, so the
/// template can replace that file. As CSV (UTF-8 with a byte-order mark)
/// or as a workbook whose state column is a drop-down list and whose codes
/// and dates Excel cannot turn into something else.
public enum StatusTemplate {
    /// The columns, with the headers the status reader reads (it still
    /// accepts the English ones). The unit's name is there for people; the
    /// reader goes by the code.
    public static let header = [
        StatusReader.Column.directive.vietnameseHeader, StatusReader.Column.task.vietnameseHeader, "Mã đơn vị", "Tên đơn vị",
        StatusReader.Column.state.vietnameseHeader, StatusReader.Column.completed.vietnameseHeader,
        StatusReader.Column.report.vietnameseHeader, StatusReader.Column.updated.vietnameseHeader,
        StatusReader.Column.note.vietnameseHeader,
    ]

    /// The words of the state drop-down: "not reported" first, as every
    /// pair starts there.
    public static let stateWords = [StatusReader.notReportedWord] + ReportState.allCases.map(\.label)

    public struct Row: Sendable, Hashable {
        public var directiveID: String
        public var taskID: String
        public var unitCode: String
        public var unitName: String
        /// What the status file says about the pair; nil when nothing yet.
        public var status: StatusRow?
    }

    /// Every assigned pair in directive, task and unit order, with its row
    /// from `status` (the last one, as the tracker reads them).
    public static func rows(directives: [Directive], register: UnitRegister, status: [StatusRow]) -> [Row] {
        var byPair: [String: StatusRow] = [:]
        for row in status { byPair[pairKey(row.directiveID, row.taskID, row.unitCode)] = row }
        var rows: [Row] = []
        for directive in directives {
            for task in directive.tasks {
                for code in task.units {
                    rows.append(Row(directiveID: directive.id, taskID: task.id, unitCode: code,
                                    unitName: register.unit(code: code)?.name ?? "",
                                    status: byPair[pairKey(directive.id, task.id, code)]))
                }
            }
        }
        return rows
    }

    static func pairKey(_ directive: String, _ task: String, _ unit: String) -> String {
        directive + "\u{1F}" + task + "\u{1F}" + unit
    }

    public static func csv(_ rows: [Row]) -> String {
        var table = [header]
        for row in rows {
            let status = row.status
            table.append([row.directiveID, row.taskID, row.unitCode, row.unitName,
                          status?.state.label ?? StatusReader.notReportedWord,
                          status?.completed?.vietnamese ?? "", status?.report ?? "",
                          status?.updated?.vietnamese ?? "", status?.note ?? ""])
        }
        return CSVWriter.document(table)
    }

    /// The workbook: one sheet "Trạng thái". `protect` locks the columns
    /// that say which pair a row is (văn bản, nhiệm vụ, đơn vị), leaving
    /// the report's columns editable.
    public static func workbook(_ rows: [Row], protect: Bool = false) throws -> [UInt8] {
        let columns = [
            SpreadsheetColumn(header[0], kind: .text), SpreadsheetColumn(header[1], kind: .text),
            SpreadsheetColumn(header[2], kind: .text), SpreadsheetColumn(header[3]),
            SpreadsheetColumn(header[4], width: 18, locked: false), SpreadsheetColumn(header[5], kind: .date, width: 14, locked: false),
            SpreadsheetColumn(header[6], kind: .text, locked: false), SpreadsheetColumn(header[7], kind: .date, width: 14, locked: false),
            SpreadsheetColumn(header[8], width: 50, locked: false),
        ]
        let cells: @Sendable (Int) -> [SpreadsheetCell] = { index in
            let row = rows[index]
            let status = row.status
            return [.text(row.directiveID), .text(row.taskID), .text(row.unitCode), .text(row.unitName),
                    .text(status?.state.label ?? StatusReader.notReportedWord),
                    .optionalDate(status?.completed), .optionalText(status?.report),
                    .optionalDate(status?.updated), .optionalText(status?.note)]
        }
        let dateRule = SpreadsheetValidation.Rule.date(from: CivilDate(year: 2000, month: 1, day: 1)!)
        let dateMessage = "Ghi ngày dạng ngày/tháng/năm, ví dụ 24/06/2026."
        let sheet = Worksheet(name: "Trạng thái", columns: columns, rowCount: rows.count, row: cells, frozenColumns: 4, validations: [
            SpreadsheetValidation(column: 4, rule: .list(stateWords), errorTitle: "Trạng thái",
                                  errorMessage: "Chọn một trạng thái trong danh sách: " + stateWords.joined(separator: ", ") + "."),
            SpreadsheetValidation(column: 5, rule: dateRule, errorTitle: "Ngày hoàn thành", errorMessage: dateMessage),
            SpreadsheetValidation(column: 7, rule: dateRule, errorTitle: "Ngày cập nhật", errorMessage: dateMessage),
        ], isProtected: protect)
        return try SpreadsheetWriter.workbook([sheet])
    }
}
