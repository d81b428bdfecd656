/// Reads the status table into rows, checking every cell against the
/// register and the directives, and reporting every problem at once with
/// the line, the column and what to do.
public struct StatusReader: Sendable {
    public let register: UnitRegister
    /// Tasks by directive id, then task id.
    public let tasks: [String: [String: Task]]

    public init(register: UnitRegister, directives: [Directive]) {
        self.register = register
        var tasks: [String: [String: Task]] = [:]
        for directive in directives {
            tasks[directive.id] = Dictionary(directive.tasks.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        }
        self.tasks = tasks
    }

    public enum Column: String, CaseIterable, Sendable {
        case directive, task, unit, state, completed, report, updated, note

        /// Header words accepted for the column, compared without diacritics.
        var names: [String] {
            switch self {
            case .directive: ["directive", "van ban", "ma van ban", "van ban chi dao"]
            case .task: ["task", "nhiem vu", "ma nhiem vu", "so hieu nhiem vu"]
            case .unit: ["unit", "don vi", "ma don vi", "ten don vi"]
            case .state: ["state", "status", "trang thai", "tinh trang", "tinh hinh thuc hien"]
            case .completed: ["completed", "ngay hoan thanh", "hoan thanh ngay"]
            case .report: ["report", "so bao cao", "bao cao", "so ky hieu", "so ky hieu bao cao"]
            case .updated: ["updated", "cap nhat", "ngay cap nhat"]
            case .note: ["note", "ghi chu", "noi dung", "ket qua"]
            }
        }

        public var vietnameseHeader: String {
            switch self {
            case .directive: "Văn bản"
            case .task: "Nhiệm vụ"
            case .unit: "Đơn vị"
            case .state: "Trạng thái"
            case .completed: "Ngày hoàn thành"
            case .report: "Số báo cáo"
            case .updated: "Ngày cập nhật"
            case .note: "Ghi chú"
            }
        }

        static func named(_ header: String) -> Column? {
            let key = VietnameseText.collapseSpaces(VietnameseText.fold(header))
            return allCases.first { $0.names.contains(key) }
        }
    }

    public struct Output: Sendable {
        public var rows: [StatusRow]
        public var diagnostics: [Diagnostic]
    }

    /// `cellName` turns (row, column) into a spreadsheet reference for
    /// workbooks; for CSV it is nil and diagnostics name line and column.
    public func read(_ table: CSVTable, file: String, asOf explicitAsOf: CivilDate?) -> Output {
        var diagnostics: [Diagnostic] = []
        guard let header = table.rows.first else {
            diagnostics.append(.warning(file, line: 1, "tệp trạng thái trống: mọi đơn vị sẽ được tính là chưa báo cáo",
                                        hint: "dùng lệnh \"tiendo template\" để tạo tệp mẫu có đủ các dòng"))
            return Output(rows: [], diagnostics: diagnostics)
        }
        var columns: [Column: Int] = [:]
        for (index, name) in header.cells.enumerated() {
            guard !name.trimmed.isEmpty else { continue }
            if let column = Column.named(name) {
                if columns[column] != nil {
                    diagnostics.append(.error(file, line: header.line, column: index + 1, "cột \"\(name)\" xuất hiện hai lần",
                                              hint: "xóa một trong hai cột"))
                }
                columns[column] = index
            } else {
                diagnostics.append(.warning(file, line: header.line, column: index + 1, "cột \"\(name)\" không được dùng",
                                            hint: "các cột tiendo đọc: " + Column.allCases.map(\.rawValue).joined(separator: ", ")))
            }
        }
        for required in [Column.directive, .task, .unit, .state] where columns[required] == nil {
            diagnostics.append(.error(file, line: header.line, "thiếu cột \"\(required.rawValue)\" (\(required.vietnameseHeader))",
                                      hint: "dòng đầu của tệp phải là: directive,task,unit,state,completed,report,updated,note"))
        }
        if diagnostics.hasErrors { return Output(rows: [], diagnostics: diagnostics) }

        var rows: [StatusRow] = []
        var seen: [String: Int] = [:]
        for record in table.rows.dropFirst() {
            func cell(_ column: Column) -> String {
                guard let index = columns[column], index < record.cells.count else { return "" }
                return record.cells[index].trimmed.precomposedNFC
            }
            func col(_ column: Column) -> Int { (columns[column] ?? 0) + 1 }
            if Column.allCases.allSatisfy({ cell($0).isEmpty }) { continue }
            let line = record.line
            var ok = true
            func error(_ column: Column, _ message: String, hint: String) {
                diagnostics.append(.error(file, line: line, column: col(column), message, hint: hint))
                ok = false
            }
            let directiveID = cell(.directive)
            let taskID = cell(.task)
            let unitText = cell(.unit)
            let stateText = cell(.state)

            var task: Task?
            if directiveID.isEmpty {
                error(.directive, "thiếu mã văn bản", hint: "ghi mã văn bản, ví dụ: \(tasks.keys.sorted().first ?? "trien-khai-tb-406")")
            } else if let directiveTasks = tasks[directiveID] {
                if taskID.isEmpty {
                    error(.task, "thiếu số hiệu nhiệm vụ", hint: "ghi số hiệu như 1.4 (xem trang của văn bản)")
                } else if let found = directiveTasks[taskID] {
                    task = found
                } else {
                    error(.task, "văn bản \(directiveID) không có nhiệm vụ \"\(taskID)\"",
                          hint: "các nhiệm vụ có: " + directiveTasks.keys.sorted(by: TaskID.precedes).joined(separator: ", "))
                }
            } else {
                error(.directive, "không có văn bản mã \"\(directiveID)\"",
                      hint: "các mã văn bản có: " + tasks.keys.sorted().joined(separator: ", "))
            }

            var unit: Unit?
            if unitText.isEmpty {
                error(.unit, "thiếu đơn vị", hint: "ghi mã hoặc tên đơn vị, ví dụ: 11413 hoặc Phường Hải An")
            } else if let found = register.unit(named: unitText) {
                unit = found
            } else {
                let suggestions = register.suggestions(for: unitText)
                error(.unit, "không có đơn vị \"\(unitText)\" trong danh sách đơn vị",
                      hint: suggestions.isEmpty ? "kiểm tra lại tên hoặc mã đơn vị (xem trang Đơn vị)"
                          : "có phải " + suggestions.map { "\($0)" }.joined(separator: " hay ") + "?")
            }
            if let task, let unit, !task.units.contains(unit.code) {
                error(.unit, "\(unit.name) không được giao nhiệm vụ \(task.id) của văn bản \(directiveID)",
                      hint: "kiểm tra lại số hiệu nhiệm vụ hoặc đơn vị; nhiệm vụ \(task.id) giao cho: "
                          + task.assignees.map(\.name).joined(separator: ", "))
            }

            var state: ReportState?
            if stateText.isEmpty {
                error(.state, "thiếu trạng thái", hint: "ghi một trong: chưa thực hiện, đang thực hiện, hoàn thành")
            } else if let found = ReportState(word: stateText) {
                state = found
            } else {
                error(.state, "không hiểu trạng thái \"\(stateText)\"", hint: "ghi một trong: chưa thực hiện, đang thực hiện, hoàn thành")
            }

            func date(_ column: Column) -> CivilDate? {
                let text = cell(column)
                switch DateText.classify(text) {
                case .empty: return nil
                case .valid(let date): return date
                case .impossible:
                    error(column, "ngày \"\(text)\" không có thật", hint: "kiểm tra lại ngày và tháng (dạng ngày/tháng/năm, ví dụ 24/06/2026)")
                case .unreadable:
                    error(column, "không đọc được ngày \"\(text)\"", hint: "ghi ngày dạng ngày/tháng/năm với năm đủ 4 chữ số, ví dụ 24/06/2026")
                }
                return nil
            }
            let completed = date(.completed)
            let updated = date(.updated)
            if let completed, let explicitAsOf, completed > explicitAsOf {
                error(.completed, "ngày hoàn thành \(completed.vietnamese) sau ngày số liệu \(explicitAsOf.vietnamese)",
                      hint: "kiểm tra lại ngày hoàn thành, hoặc chọn ngày số liệu muộn hơn")
            }
            if let completed, let updated, completed > updated {
                error(.completed, "ngày hoàn thành \(completed.vietnamese) sau ngày cập nhật \(updated.vietnamese)",
                      hint: "ngày cập nhật phải từ ngày hoàn thành trở đi; sửa một trong hai ngày")
            }
            if state == .done, completed == nil, ok {
                diagnostics.append(.warning(file, line: line, column: col(.completed),
                    "đã hoàn thành nhưng chưa ghi ngày hoàn thành",
                    hint: "ghi ngày hoàn thành để biết đúng hạn hay quá hạn"))
            }
            if let state, state != .done, completed != nil {
                error(.completed, "có ngày hoàn thành nhưng trạng thái là \"\(stateText)\"",
                      hint: "nếu đã xong, ghi trạng thái \"hoàn thành\"; nếu chưa, xóa ngày hoàn thành")
            }
            if let task, let unit {
                let key = "\(directiveID)\u{1}\(task.id)\u{1}\(unit.code)"
                if let first = seen[key] {
                    error(.unit, "dòng này trùng với dòng \(first): cùng nhiệm vụ \(task.id) và \(unit.name)",
                          hint: "mỗi đơn vị chỉ một dòng cho mỗi nhiệm vụ; xóa hoặc gộp một trong hai dòng")
                } else {
                    seen[key] = line
                }
            }
            guard ok, let task, let unit, let state else { continue }
            rows.append(StatusRow(directiveID: directiveID, taskID: task.id, unitCode: unit.code, state: state,
                                  completed: completed, report: cell(.report), updated: updated, note: cell(.note), line: line))
        }
        return Output(rows: rows, diagnostics: diagnostics)
    }
}
