import TiendoCore

/// A unit's own report sheet (`bao-cao/<unit>.xlsx`, `tiendo template
/// --unit CODE --xlsx`): the unit's tasks, each with its text, its last day
/// and what the office has recorded, for the unit to fill in and send back.
/// Dropped unchanged into `content/status/`, it reads back as status rows:
/// its headers are the reader's, and the columns for people (the task's
/// text, the last day, the unit's name) are read past.
public enum UnitReportSheet {
    public static let header = [
        StatusReader.Column.directive.vietnameseHeader, StatusReader.Column.task.vietnameseHeader, "Nội dung nhiệm vụ", "Hạn cuối",
        "Mã đơn vị", "Tên đơn vị", StatusReader.Column.state.vietnameseHeader, StatusReader.Column.completed.vietnameseHeader,
        StatusReader.Column.report.vietnameseHeader, StatusReader.Column.updated.vietnameseHeader,
        StatusReader.Column.note.vietnameseHeader,
    ]

    /// The workbook for `unit`. The first sheet is named after the unit and
    /// holds the rows; the second ("Thông tin") says whose sheet it is, the
    /// day of the latest report its figures include, and how to fill it in.
    /// No other date is in it, so the same data gives the same bytes on any day.
    ///
    /// `plainText`: a task's text as one plain line when the caller has it
    /// already (a site build works it out once per task, not once per unit).
    public static func workbook(_ tracker: Tracker, unit: Unit) throws -> [UInt8] {
        try workbook(tracker, unit: unit, plainText: { _ in nil })
    }

    static func workbook(_ tracker: Tracker, unit: Unit, plainText: (TaskKey) -> String?) throws -> [UInt8] {
        let assignments = Array(tracker.assignments(forUnit: unit.code))
        let columns = [
            SpreadsheetColumn(header[0], kind: .text), SpreadsheetColumn(header[1], kind: .text),
            SpreadsheetColumn(header[2], width: 60), SpreadsheetColumn(header[3], kind: .date, width: 12),
            SpreadsheetColumn(header[4], kind: .text), SpreadsheetColumn(header[5]),
            SpreadsheetColumn(header[6], width: 18, locked: false), SpreadsheetColumn(header[7], kind: .date, width: 14, locked: false),
            SpreadsheetColumn(header[8], kind: .text, locked: false), SpreadsheetColumn(header[9], kind: .date, width: 14, locked: false),
            SpreadsheetColumn(header[10], width: 50, locked: false),
        ]
        // Each row is made twice (sizing, then writing): its text is cut once.
        let texts = assignments.map { assignment in
            tracker.task(assignment.task).map { Format.cut(plainText($0.key) ?? Format.plainLine($0.text), limit: 500) } ?? ""
        }
        let cells: @Sendable (Int) -> [SpreadsheetCell] = { index in
            let assignment = assignments[index], status = assignment.row
            let text = texts[index]
            return [.text(assignment.task.directiveID), .text(assignment.task.taskID), .text(text), .optionalDate(assignment.due),
                    .text(unit.code), .text(unit.name),
                    .text(status?.state.label ?? StatusReader.notReportedWord),
                    .optionalDate(status?.completed), .optionalText(status?.report),
                    .optionalDate(status?.updated), .optionalText(status?.note)]
        }
        let dateRule = SpreadsheetValidation.Rule.date(from: CivilDate(year: 2000, month: 1, day: 1)!)
        let dateMessage = "Ghi ngày dạng ngày/tháng/năm, ví dụ 24/06/2026."
        let rows = Worksheet(name: sheetName(unit.name), columns: columns, rowCount: assignments.count, row: cells, frozenColumns: 2,
                             validations: [
            SpreadsheetValidation(column: 6, rule: .list(StatusTemplate.stateWords), errorTitle: "Trạng thái",
                                  errorMessage: "Chọn một trạng thái trong danh sách: " + StatusTemplate.stateWords.joined(separator: ", ") + "."),
            SpreadsheetValidation(column: 7, rule: dateRule, errorTitle: "Ngày hoàn thành", errorMessage: dateMessage),
            SpreadsheetValidation(column: 9, rule: dateRule, errorTitle: "Ngày cập nhật", errorMessage: dateMessage),
        ], isProtected: true)
        let about = Worksheet(name: "Thông tin", columns: [SpreadsheetColumn("Mục", width: 16), SpreadsheetColumn("Nội dung", width: 90)], rows: [
            [.text("Đơn vị"), .text(unit.name)],
            [.text("Mã đơn vị"), .text(unit.code)],
            // The day of the latest report in the data, not the day the sheet
            // was made: a rebuild on the next day with no new report leaves
            // the file's bytes (and its modification time) as they were.
            [.text("Số liệu cập nhật đến"), tracker.dataUpdated.map(SpreadsheetCell.date) ?? .text(Format.dataUpdated(nil))],
            [.text("Số nhiệm vụ"), .integer(assignments.count)],
            [.text("Cách điền"), .text("Với mỗi nhiệm vụ đã có tiến triển: chọn Trạng thái, ghi Ngày hoàn thành (nếu đã xong), Số báo cáo, Ghi chú, và ghi Ngày cập nhật là ngày báo cáo. Không sửa các cột Văn bản, Nhiệm vụ, Mã đơn vị. Dòng không thay đổi cứ để nguyên.")],
            [.text("Gửi lại"), .text("Lưu tệp (giữ dạng .xlsx) và gửi lại cho đơn vị tổng hợp; tệp được đặt nguyên vào thư mục content/status/.")],
        ])
        return try SpreadsheetWriter.workbook([rows, about])
    }

    /// Excel allows 31 characters in a sheet name and none of : \ / ? * [ ].
    static func sheetName(_ name: String) -> String {
        let cleaned = String(name.map { ":\\/?*[]".contains($0) ? "-" : $0 })
        return String(cleaned.prefix(31))
    }
}
