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

    /// Reads a status file's bytes: decodes them (refusing legacy encodings,
    /// garbled text and workbooks saved as .csv with a message saying how to
    /// fix the file) and reads the table.
    public func read(bytes: [UInt8], file: String, asOf explicitAsOf: CivilDate?) -> Output {
        switch CSVTable.read(bytes) {
        case .success(let table): return read(table, file: file, asOf: explicitAsOf)
        case .failure(let problem): return Output(rows: [], diagnostics: [problem.diagnostic(file: file)])
        }
    }

    /// Reads `table`. For a worksheet, `sheet` is its name and each row's
    /// `line` its spreadsheet row: diagnostics then name cells ("Sheet1!C7")
    /// as the clerk sees them in Excel; for CSV it is nil and diagnostics
    /// name line and column.
    public func read(_ table: CSVTable, file: String, asOf explicitAsOf: CivilDate?, sheet: String? = nil) -> Output {
        var reading = Reading(reader: self, table: table, file: file, asOf: explicitAsOf)
        reading.run()
        var output = Output(rows: reading.rows, diagnostics: reading.diagnostics)
        if let sheet { output.diagnostics = output.diagnostics.map { $0.inSheet(sheet) } }
        return output
    }

    static let stateWords = "chưa thực hiện, đang thực hiện, hoàn thành"
    static let sampleHeader = Column.allCases.map(\.rawValue).joined(separator: ",")

    /// A cell as the reader compares it: NFC, spaces (also no-break) trimmed,
    /// invisible format characters (zero-width spaces, stray byte-order
    /// marks pasted from the web) removed.
    static func clean(_ cell: String) -> String {
        // Most cells are plain ASCII with no edge spaces: nothing to clean.
        let utf8 = cell.utf8
        if utf8.allSatisfy({ $0 >= 0x21 && $0 < 0x7F || $0 == 0x20 }), utf8.first != 0x20, utf8.last != 0x20 { return cell }
        var scalars = String.UnicodeScalarView()
        for scalar in cell.unicodeScalars where scalar.properties.generalCategory != .format {
            scalars.append(scalar)
        }
        return String(scalars).trimmingCharacters(in: .whitespaces).precomposedNFC
    }

    /// A cell's text inside a message: quoted, and cut when very long.
    static func quote(_ text: String) -> String {
        let shown = text.count > 60 ? text.prefix(57) + "…" : Substring(text)
        return "\"\(shown)\""
    }
}

/// One reading of a table: the header, then every row, collecting every
/// problem on the way.
private struct Reading {
    typealias Column = StatusReader.Column
    let reader: StatusReader
    let table: CSVTable
    let file: String
    let asOf: CivilDate?
    var rows: [StatusRow] = []
    var diagnostics: [Diagnostic] = []
    var columns: [Column: Int] = [:]

    init(reader: StatusReader, table: CSVTable, file: String, asOf: CivilDate?) {
        self.reader = reader
        self.table = table
        self.file = file
        self.asOf = asOf
    }

    static func known(_ row: CSVTable.Row) -> Int {
        row.cells.filter { Column.named(StatusReader.clean($0)) != nil }.count
    }

    mutating func run() {
        guard let first = table.rows.first else {
            diagnostics.append(.warning(file, line: 1, "tệp trạng thái trống: mọi đơn vị sẽ được tính là chưa báo cáo",
                                        hint: "dùng lệnh \"tiendo template\" để tạo tệp mẫu có đủ các dòng"))
            return
        }
        // The header is the first row; a title typed above it ("BÁO CÁO TIẾN
        // ĐỘ THÁNG 6") is skipped with a warning.
        var headerIndex = 0
        if Self.known(first) == 0 {
            guard let found = table.rows.prefix(10).firstIndex(where: { Self.known($0) >= 2 }) else {
                diagnostics.append(.error(file, line: first.line,
                    "dòng đầu không phải dòng tiêu đề: không có cột nào mang tên tiendo đọc được",
                    hint: "thêm dòng tiêu đề ở đầu tệp: \(StatusReader.sampleHeader) (hoặc Văn bản, Nhiệm vụ, Đơn vị, Trạng thái, ...); các cột cách nhau bằng dấu phẩy, dấu chấm phẩy hoặc tab"))
                return
            }
            headerIndex = found
            let above = table.rows[0..<found]
            let lines = above.count == 1 ? "dòng \(above.first!.line)" : "dòng \(above.first!.line) đến \(above.last!.line)"
            diagnostics.append(.warning(file, line: first.line,
                "bỏ qua \(lines) phía trên dòng tiêu đề (dòng \(table.rows[found].line))",
                hint: "dòng tiêu đề phải là dòng đầu tiên; xóa các dòng phía trên nó cho khỏi nhầm"))
        }
        let header = table.rows[headerIndex]
        readHeader(header)
        if diagnostics.hasErrors { return }
        let records = table.rows.dropFirst(headerIndex + 1)
        if records.isEmpty {
            diagnostics.append(.warning(file, line: header.line,
                "tệp trạng thái mới có dòng tiêu đề, chưa có dòng nào: mọi đơn vị sẽ được tính là chưa báo cáo",
                hint: "thêm mỗi (nhiệm vụ, đơn vị) một dòng dưới dòng tiêu đề; lệnh \"tiendo template\" tạo sẵn các dòng"))
        }
        var seen: [String: Int] = [:]
        for record in records {
            readRecord(record, width: header.cells.count, seen: &seen)
        }
    }

    mutating func readHeader(_ header: CSVTable.Row) {
        var names: [Column: String] = [:]
        for (index, raw) in header.cells.enumerated() {
            let name = StatusReader.clean(raw)
            guard !name.isEmpty else { continue }
            let letter = Diagnostic.columnLetters(index + 1)
            if let column = Column.named(name) {
                if let other = columns[column] {
                    diagnostics.append(.error(file, line: header.line, column: index + 1,
                        "cột \(StatusReader.quote(name)) (cột \(letter)) trùng với cột \(StatusReader.quote(names[column] ?? "")) (cột \(Diagnostic.columnLetters(other + 1))): cả hai đều là cột \(column.vietnameseHeader.lowercased())",
                        hint: "xóa một trong hai cột, hoặc gộp nội dung của chúng vào một cột"))
                    continue
                }
                columns[column] = index
                names[column] = name
            } else if let near = Column.nearest(to: name) {
                diagnostics.append(.warning(file, line: header.line, column: index + 1,
                    "cột \(StatusReader.quote(name)) (cột \(letter)) không phải tên cột tiendo đọc, sẽ bị bỏ qua",
                    hint: "có phải cột \"\(near.vietnameseHeader)\" (\(near.rawValue))? Sửa lại tên cột cho đúng"))
            } else {
                diagnostics.append(.warning(file, line: header.line, column: index + 1,
                    "cột \(StatusReader.quote(name)) (cột \(letter)) không phải tên cột tiendo đọc, sẽ bị bỏ qua",
                    hint: "các cột tiendo đọc: " + Column.allCases.map { "\($0.vietnameseHeader) (\($0.rawValue))" }.joined(separator: ", ")
                        + "; cột khác có thể để nguyên"))
            }
        }
        for required in [Column.directive, .task, .unit, .state] where columns[required] == nil {
            diagnostics.append(.error(file, line: header.line, "thiếu cột \"\(required.vietnameseHeader)\" (\(required.rawValue))",
                hint: "thêm cột này vào dòng tiêu đề; dòng tiêu đề mẫu: \(StatusReader.sampleHeader)"))
        }
        if !diagnostics.hasErrors, columns[.completed] == nil {
            diagnostics.append(.warning(file, line: header.line,
                "không có cột \"\(Column.completed.vietnameseHeader)\" (completed): không biết việc đã xong là đúng hạn hay quá hạn",
                hint: "thêm cột Ngày hoàn thành và ghi ngày cho các dòng đã hoàn thành"))
        }
    }

    mutating func readRecord(_ record: CSVTable.Row, width: Int, seen: inout [String: Int]) {
        let columns = self.columns
        func cell(_ column: Column) -> String {
            guard let index = columns[column], index < record.cells.count else { return "" }
            return StatusReader.clean(record.cells[index])
        }
        func col(_ column: Column) -> Int { columns[column].map { $0 + 1 } ?? 0 }
        if Column.allCases.allSatisfy({ cell($0).isEmpty }), record.cells.count <= width { return }
        let line = record.line
        let file = self.file
        var ok = true
        var found: [Diagnostic] = []
        func error(_ column: Int, _ message: String, hint: String) {
            found.append(.error(file, line: line, column: column, message, hint: hint))
            ok = false
        }
        func error(_ column: Column, _ message: String, hint: String) { error(col(column), message, hint: hint) }

        if record.cells.count > width {
            let extra = record.cells[width...].map(StatusReader.clean).filter { !$0.isEmpty }
            if !extra.isEmpty {
                let separator = table.separator == ";" ? "dấu chấm phẩy (;)" : table.separator == "\t" ? "dấu tab" : "dấu phẩy (,)"
                error(width + 1, "dòng này có \(record.cells.count) ô, nhiều hơn \(width) cột của dòng tiêu đề; phần thừa: \(StatusReader.quote(extra.joined(separator: String(table.separator))))",
                      hint: "nếu nội dung một ô có \(separator), đặt cả ô trong ngoặc kép (\"...\"); dấu ngoặc kép bên trong ô viết thành hai dấu \"\"")
            }
        }

        let directiveID = cell(.directive)
        var taskID = cell(.task)
        let unitText = cell(.unit)
        let stateText = cell(.state)

        var task: Task?
        if directiveID.isEmpty {
            error(.directive, "thiếu mã văn bản", hint: "ghi mã văn bản, ví dụ: \(reader.tasks.keys.sorted().first ?? "trien-khai-tb-406")")
        } else if let directiveTasks = reader.tasks[directiveID] {
            // "1,4": a decimal comma, as Vietnamese settings write numbers.
            if directiveTasks[taskID] == nil, directiveTasks[taskID.replacingOccurrences(of: ",", with: ".")] != nil {
                taskID = taskID.replacingOccurrences(of: ",", with: ".")
            }
            if taskID.isEmpty {
                error(.task, "thiếu số hiệu nhiệm vụ", hint: "ghi số hiệu như 1.4 (xem trang của văn bản)")
            } else if let match = directiveTasks[taskID] {
                task = match
            } else if let candidates = Self.excelDateCandidates(taskID) {
                let possible = candidates.filter { directiveTasks[$0] != nil }
                error(.task, "số hiệu nhiệm vụ \(StatusReader.quote(taskID)) là một ngày, không phải số hiệu",
                      hint: (possible.isEmpty ? "" : "có thể là nhiệm vụ \(possible.joined(separator: " hay ")): ")
                        + "Excel đã tự đổi số hiệu thành ngày; định dạng cột Nhiệm vụ là Text (Văn bản) rồi gõ lại số hiệu")
            } else {
                // The list is built only here: sorting ids for every row cost a fifth of reading the file.
                error(.task, "văn bản \(directiveID) không có nhiệm vụ \(StatusReader.quote(taskID))",
                      hint: "các nhiệm vụ có: " + directiveTasks.keys.sorted(by: TaskID.precedes).joined(separator: ", "))
            }
        } else {
            let ids = reader.tasks.keys.sorted()
            let near = ids.filter { EditDistance.between($0, directiveID.lowercased()) <= 3 }
            error(.directive, "không có văn bản nào mã \(StatusReader.quote(directiveID))",
                  hint: (near.isEmpty ? "các mã văn bản có: " : "có phải \(near.joined(separator: " hay "))? Các mã văn bản có: ") + ids.joined(separator: ", "))
        }

        var unit: Unit?
        if unitText.isEmpty {
            error(.unit, "thiếu đơn vị", hint: "ghi mã hoặc tên đơn vị, ví dụ: 11413 hoặc Phường Hải An")
        } else if let match = reader.register.unit(named: unitText) {
            unit = match
        } else {
            // Long text is never a unit name: no edit distances over a whole note.
            let suggestions = unitText.count > 80 ? [] : reader.register.suggestions(for: unitText)
            let named = suggestions.map { name in reader.register.unit(named: name).map { "\(name) (mã \($0.code))" } ?? name }
            error(.unit, "không có đơn vị \(StatusReader.quote(unitText)) trong danh sách đơn vị",
                  hint: named.isEmpty ? "ghi đúng tên hoặc mã đơn vị như trong danh sách đơn vị (trang Đơn vị, tệp units.yaml)"
                      : "có phải " + named.joined(separator: " hay ") + "? Ghi đúng tên hoặc mã đơn vị như trong danh sách đơn vị")
        }
        if let task, let unit, !task.units.contains(unit.code) {
            error(.unit, "\(unit.name) không được giao nhiệm vụ \(task.id) của văn bản \(directiveID)",
                  hint: "kiểm tra lại số hiệu nhiệm vụ hoặc đơn vị; nhiệm vụ \(task.id) giao cho: "
                      + task.assignees.map(\.name).joined(separator: ", "))
        }

        var state: ReportState?
        if stateText.isEmpty {
            error(.state, "thiếu trạng thái", hint: "ghi một trong: \(StatusReader.stateWords)")
        } else if let match = ReportState(word: stateText) {
            state = match
        } else if DateText.parseDay(stateText) != nil {
            error(.state, "ô trạng thái lại là một ngày (\(stateText)): có thể dòng này thiếu một ô nên các cột bị lệch",
                  hint: "kiểm tra các ô của dòng theo đúng cột ở dòng tiêu đề; trạng thái ghi một trong: \(StatusReader.stateWords)")
        } else {
            error(.state, "không hiểu trạng thái \(StatusReader.quote(stateText))", hint: "ghi một trong: \(StatusReader.stateWords)")
        }

        func date(_ column: Column) -> CivilDate? {
            let text = cell(column)
            let label = column == .completed ? "ngày hoàn thành" : "ngày cập nhật"
            let shape = "ghi ngày dạng ngày/tháng/năm, ví dụ 24/06/2026"
            switch DateText.classify(text) {
            case .empty: return nil
            case .valid(let date): return date
            case .impossible:
                error(column, "\(label) \(StatusReader.quote(text)) không có thật" + (DateText.whyImpossible(text).map { ": \($0)" } ?? ""),
                      hint: "sửa lại ngày; \(shape)")
            case .twoDigitYear(let day, let month, let year):
                let full = CivilDate(year: 2000 + year, month: month, day: day)
                error(column, "\(label) \(StatusReader.quote(text)) ghi năm bằng 2 chữ số, không rõ là năm nào",
                      hint: "ghi năm đủ 4 chữ số" + (full.map { ", ví dụ \($0.vietnamese)" } ?? "")
                        + "; trong Excel, định dạng cột ngày là dd/mm/yyyy")
            case .monthFirst(let date):
                error(column, "\(label) \(StatusReader.quote(text)) ghi theo kiểu tháng/ngày/năm (không có tháng \(date.day))",
                      hint: "ghi theo ngày/tháng/năm: \(date.vietnamese); nếu Excel tự đổi, định dạng cột ngày là dd/mm/yyyy và kiểm tra cả các ngày khác trong cột")
            case .excelSerial(let date):
                error(column, "\(label) \(StatusReader.quote(text)) là số thứ tự ngày của Excel, không phải ngày",
                      hint: "có phải \(date.vietnamese)? Trong Excel, định dạng cột là ngày (dd/mm/yyyy) rồi lưu lại, hoặc gõ ngày dạng \(date.vietnamese)")
            case .unreadable:
                error(column, "không đọc được \(label) \(StatusReader.quote(text))", hint: shape)
            }
            return nil
        }
        let completed = date(.completed)
        let updated = date(.updated)
        if let completed, let asOf, completed > asOf {
            error(.completed, "ngày hoàn thành \(completed.vietnamese) sau ngày số liệu \(asOf.vietnamese)",
                  hint: "ngày hoàn thành không thể sau ngày số liệu: sửa ngày hoàn thành, hoặc chọn ngày số liệu muộn hơn (--as-of)")
        }
        if let completed, let updated, completed > updated {
            error(.completed, "ngày hoàn thành \(completed.vietnamese) sau ngày cập nhật \(updated.vietnamese)",
                  hint: "ngày cập nhật phải từ ngày hoàn thành trở đi; sửa một trong hai ngày")
        }
        if state == .done, completed == nil, columns[.completed] != nil, ok {
            found.append(.warning(file, line: line, column: col(.completed),
                "đã hoàn thành nhưng chưa ghi ngày hoàn thành",
                hint: "ghi ngày hoàn thành để biết đúng hạn hay quá hạn"))
        }
        if let state, state != .done, completed != nil {
            error(.completed, "có ngày hoàn thành nhưng trạng thái là \(StatusReader.quote(stateText))",
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
        diagnostics.append(contentsOf: found)
        guard ok, let task, let unit, let state else { return }
        rows.append(StatusRow(directiveID: directiveID, taskID: task.id, unitCode: unit.code, state: state,
                              completed: completed, report: cell(.report), updated: updated, note: cell(.note), line: line))
    }

    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// Task ids a date could have been typed as, when Excel turned "1.4" into
    /// a date ("01/04/2026", "1-Apr", "Apr-01"); nil when `text` is no date.
    static func excelDateCandidates(_ text: String) -> [String]? {
        // Excel shows dates with "/" or "-"; dotted ids ("1.2.10") are ids.
        guard !text.contains(".") else { return nil }
        var pair: (Int, Int)?
        switch DateText.classify(text) {
        case .valid(let date): pair = (date.day, date.month)
        case .monthFirst(let date): pair = (date.day, date.month)
        case .twoDigitYear(let day, let month, _): pair = (day, month)
        default:
            let parts = text.lowercased().split(separator: "-")
            if parts.count == 2 {
                if let day = Int(parts[0]), let month = months.firstIndex(of: String(parts[1].prefix(3))) {
                    pair = (day, month + 1)
                } else if let month = months.firstIndex(of: String(parts[0].prefix(3))), let day = Int(parts[1]) {
                    pair = (day, month + 1)
                }
            }
        }
        guard let (day, month) = pair else { return nil }
        return day == month ? ["\(day).\(month)"] : ["\(day).\(month)", "\(month).\(day)"]
    }
}

extension StatusReader.Column {
    /// The column whose header a typo most likely meant ("Nhiem vuu"), if any.
    static func nearest(to header: String) -> Self? {
        let key = VietnameseText.collapseSpaces(VietnameseText.fold(header))
        guard key.count >= 4, key.count <= 40 else { return nil }
        var best: (Int, Self)?
        for column in allCases {
            for name in column.names {
                let distance = EditDistance.between(key, name)
                if distance <= max(1, name.count / 5), best == nil || distance < best!.0 { best = (distance, column) }
            }
        }
        return best?.1
    }
}
