/// Reads the status table into rows, checking every cell against the
/// register and the directives, and reporting every problem at once with
/// the line, the column and what to do.
public struct StatusReader: Sendable {
    public let register: UnitRegister
    /// Tasks by directive id, then task id.
    public let tasks: [String: [String: Task]]
    /// A number for each task, by directive id and then task id (the keys
    /// of `tasks`), so that a (task, unit) pair is one integer (`pair`): a
    /// row's checks compare no text and copy no task.
    let taskNumbers: [String: [String: Int]]
    /// The pairs of every task with each unit it falls on.
    let assigned: Set<Int>

    /// How many distinct cell texts a memo of the reader (and the
    /// register's memo of unit names) keeps. A real file has a few hundred
    /// unit names, a handful of state words and a few thousand dates; a
    /// file of junk has as many texts as rows, and keeping them all cost
    /// about 5 bytes of memory per byte of junk (50 MB of junk rows: 338 MB
    /// peak in `check`).
    static let memoLimit = 1 << 16

    public init(register: UnitRegister, directives: [Directive]) {
        self.register = register
        var tasks: [String: [String: Task]] = [:]
        for directive in directives {
            tasks[directive.id] = Dictionary(directive.tasks.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        }
        self.tasks = tasks
        var numbers: [String: [String: Int]] = [:]
        var assigned: Set<Int> = []
        var count = 0
        for (directiveID, byID) in tasks {
            for (taskID, task) in byID {
                numbers[directiveID, default: [:]][taskID] = count
                for code in task.units {
                    if let unit = register.number(ofUnitCode: code) { assigned.insert(Self.pair(count, unit, register: register)) }
                }
                count += 1
            }
        }
        taskNumbers = numbers
        self.assigned = assigned
    }

    /// One number for a task's number and a unit's place in the register.
    static func pair(_ task: Int, _ unit: Int, register: UnitRegister) -> Int {
        task * register.units.count + unit
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

        /// "Tên đơn vị": a unit column that holds names, beside one of codes.
        static func isUnitName(_ header: String) -> Bool {
            VietnameseText.collapseSpaces(VietnameseText.fold(header)) == "ten don vi"
        }

        /// Columns a unit's report sheet carries for people (the task's
        /// text, its last day): read past without a warning.
        static func isForPeople(_ header: String) -> Bool {
            ["noi dung nhiem vu", "han cuoi"].contains(VietnameseText.collapseSpaces(VietnameseText.fold(header)))
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
    ///
    /// Records are read as they are split, never all held at once.
    public func read(bytes: [UInt8], file: String, asOf explicitAsOf: CivilDate?) -> Output {
        switch CSVTable.records(bytes) {
        case .success(var records):
            var reading = Reading(reader: self, separator: records.separator, source: StatusSource(file: file),
                                  asOf: explicitAsOf, expectedRows: records.lineCount)
            reading.run(&records)
            // A quote left open is found only at the end of the file, and
            // refuses the whole file, even after a header error.
            while records.next() != nil {}
            if let problem = records.problem { return Output(rows: [], diagnostics: [problem.diagnostic(file: file)]) }
            return Output(rows: reading.rows, diagnostics: reading.diagnostics + reading.rowProblems.diagnostics)
        case .failure(let problem): return Output(rows: [], diagnostics: [problem.diagnostic(file: file)])
        }
    }

    /// Reads `table`. For a worksheet, `sheet` is its name and each row's
    /// `line` its spreadsheet row: diagnostics then name cells ("Sheet1!C7")
    /// as the clerk sees them in Excel; for CSV it is nil and diagnostics
    /// name line and column.
    public func read(_ table: CSVTable, file: String, asOf explicitAsOf: CivilDate?, sheet: String? = nil) -> Output {
        var reading = Reading(reader: self, separator: table.separator, source: StatusSource(file: file, sheet: sheet),
                              asOf: explicitAsOf, expectedRows: table.rows.count)
        var records = table.rows.makeIterator()
        reading.run(&records)
        var output = Output(rows: reading.rows, diagnostics: reading.diagnostics + reading.rowProblems.diagnostics)
        if let sheet { output.diagnostics = output.diagnostics.map { $0.inSheet(sheet) } }
        return output
    }

    static let stateWords = "chưa thực hiện, đang thực hiện, hoàn thành"
    /// The state `tiendo template` writes for a pair the unit has not
    /// reported on: the row is kept for the clerk to fill in, and read as no row.
    public static let notReportedWord = "Chưa báo cáo"

    static func isNotReported(_ state: String) -> Bool {
        VietnameseText.collapseSpaces(VietnameseText.fold(state)) == "chua bao cao"
    }
    static let sampleHeader = Column.allCases.map(\.rawValue).joined(separator: ",")

    /// A cell as the reader compares it: NFC, spaces (also no-break) trimmed,
    /// invisible format characters (zero-width spaces, stray byte-order
    /// marks pasted from the web) and `ControlCharacters` removed.
    static func clean(_ cell: String) -> String {
        // Most cells are plain ASCII with no edge spaces: nothing to clean.
        let utf8 = cell.utf8
        if utf8.allSatisfy({ $0 >= 0x21 && $0 < 0x7F || $0 == 0x20 }), utf8.first != 0x20, utf8.last != 0x20 { return cell }
        var text = cell
        if cell.unicodeScalars.contains(where: { isFormat($0) || ControlCharacters.isDropped($0) }) {
            var scalars = String.UnicodeScalarView()
            for scalar in cell.unicodeScalars where !isFormat(scalar) && !ControlCharacters.isDropped(scalar) {
                scalars.append(scalar)
            }
            text = String(scalars)
        }
        return text.trimmedSpaces.precomposedNFC
    }

    /// Whether `scalar` is an invisible format character (category Cf).
    /// Looking the category up is slow; below U+0600 only the soft hyphen is
    /// one, and none is among the Vietnamese letters (U+1E00...U+1EFF) or
    /// the rest of that block (a test checks both against the category).
    static func isFormat(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x0600 { return value == 0x00AD }
        if (0x1E00..<0x2000).contains(value) { return false }
        return scalar.properties.generalCategory == .format
    }

    /// A cell without the apostrophe tiendo's CSV writer puts before a
    /// leading = + - @ (so that Excel never runs it as a formula): a note
    /// "- việc 1" written out by `tiendo template` reads back as it was.
    static func unguarded(_ cell: String) -> String {
        guard cell.hasPrefix("'"), let next = cell.unicodeScalars.dropFirst().first, "=+-@".unicodeScalars.contains(next) else { return cell }
        return String(cell.dropFirst())
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
    /// The table's separator, named in messages.
    let separator: Character
    let file: String
    /// Shared by every row read, as its origin.
    let source: StatusSource
    let asOf: CivilDate?
    var rows: [StatusRow] = []
    var diagnostics: [Diagnostic] = []
    /// Problems of the rows after the header, capped per kind: a file of
    /// junk rows must not cost a message (and its memory) per row.
    var rowProblems = DiagnosticTally()
    var columns: [Column: Int] = [:]
    /// Where each column is in a record, in `Column.allCases` order; nil
    /// for a column the file does not have.
    var positions: [Int?] = []
    /// The kept row (its place in `rows`) for each (task, unit) pair and
    /// update day: a pair's rows on other days are its history.
    var seen: [PairDay: Int] = [:]

    struct PairDay: Hashable {
        /// By `StatusReader.pair`.
        let pair: Int
        /// The update day's number; `Int.min` for a row with no update date.
        let day: Int
    }

    // What each distinct cell text reads as. A file of a hundred thousand
    // rows has a few hundred unit names, a handful of state words and a few
    // thousand dates: each is read once, not once per row.
    //
    // A file of junk has as many distinct texts as rows. Each memo stops
    // growing at `StatusReader.memoLimit` texts; a text past it is read
    // again each time it comes, to the same answer.
    var unitsByText: [ExactText: (unit: Unit, number: Int)?] = [:]
    var statesByText: [ExactText: ReportState?] = [:]
    var datesByText: [ExactText: DateText.Reading] = [:]
    /// Reports and notes already kept, so that rows with the same text share
    /// one copy of it.
    var texts: Set<ExactText> = []

    /// `expectedRows`: about how many rows the table has (at most), to make
    /// room for them once.
    init(reader: StatusReader, separator: Character, source: StatusSource, asOf: CivilDate?, expectedRows: Int) {
        self.reader = reader
        self.separator = separator
        self.file = source.file
        self.source = source
        self.asOf = asOf
        rows.reserveCapacity(expectedRows)
        seen.reserveCapacity(expectedRows)
    }

    static func known(_ row: CSVTable.Row) -> Int {
        row.cells.filter { Column.named(StatusReader.clean($0)) != nil }.count
    }

    /// Reads the header, then every record after it, as `records` gives them.
    mutating func run<Records: IteratorProtocol<CSVTable.Row>>(_ records: inout Records) {
        guard let first = records.next() else {
            diagnostics.append(.warning(file, line: 1, "tệp trạng thái trống: mọi đơn vị sẽ được tính là chưa báo cáo",
                                        hint: "dùng lệnh \"tiendo template\" để tạo tệp mẫu có đủ các dòng"))
            return
        }
        // The header is the first row; a title typed above it ("BÁO CÁO TIẾN
        // ĐỘ THÁNG 6") is skipped with a warning.
        var header = first
        /// Records read while looking for the header, to read after it.
        var pending: [CSVTable.Row] = []
        if Self.known(first) == 0 {
            var top = [first]
            while top.count < 10, let row = records.next() { top.append(row) }
            guard let found = top.firstIndex(where: { Self.known($0) >= 2 }) else {
                diagnostics.append(.error(file, line: first.line,
                    "dòng đầu không phải dòng tiêu đề: không có cột nào mang tên tiendo đọc được",
                    hint: "thêm dòng tiêu đề ở đầu tệp: \(StatusReader.sampleHeader) (hoặc Văn bản, Nhiệm vụ, Đơn vị, Trạng thái, ...); các cột cách nhau bằng dấu phẩy, dấu chấm phẩy hoặc tab"))
                return
            }
            let above = top[0..<found]
            let lines = above.count == 1 ? "dòng \(above.first!.line)" : "dòng \(above.first!.line) đến \(above.last!.line)"
            diagnostics.append(.warning(file, line: first.line,
                "bỏ qua \(lines) phía trên dòng tiêu đề (dòng \(top[found].line))",
                hint: "dòng tiêu đề phải là dòng đầu tiên; xóa các dòng phía trên nó cho khỏi nhầm"))
            header = top[found]
            pending = Array(top[(found + 1)...])
        }
        readHeader(header)
        if diagnostics.hasErrors { return }
        positions = Column.allCases.map { columns[$0] }
        if pending.isEmpty, let row = records.next() { pending.append(row) }
        if pending.isEmpty {
            diagnostics.append(.warning(file, line: header.line,
                "tệp trạng thái mới có dòng tiêu đề, chưa có dòng nào: mọi đơn vị sẽ được tính là chưa báo cáo",
                hint: "thêm mỗi (nhiệm vụ, đơn vị) một dòng dưới dòng tiêu đề; lệnh \"tiendo template\" tạo sẵn các dòng"))
        }
        let width = header.cells.count
        for record in pending { readRecord(record, width: width) }
        while let record = records.next() { readRecord(record, width: width) }
    }

    mutating func readHeader(_ header: CSVTable.Row) {
        var names: [Column: String] = [:]
        for (index, raw) in header.cells.enumerated() {
            let name = StatusReader.clean(raw)
            guard !name.isEmpty else { continue }
            let letter = Diagnostic.columnLetters(index + 1)
            if let column = Column.named(name) {
                if column == .unit, let other = names[.unit], Column.isUnitName(name) != Column.isUnitName(other) {
                    // "Mã đơn vị" beside "Tên đơn vị", as `tiendo template` writes them:
                    // the code is read, the name is there for people.
                    if Column.isUnitName(other) { columns[.unit] = index; names[.unit] = name }
                    continue
                }
                if let other = columns[column] {
                    diagnostics.append(.error(file, line: header.line, column: index + 1,
                        "cột \(StatusReader.quote(name)) (cột \(letter)) trùng với cột \(StatusReader.quote(names[column] ?? "")) (cột \(Diagnostic.columnLetters(other + 1))): cả hai đều là cột \(column.vietnameseHeader.lowercased())",
                        hint: "xóa một trong hai cột, hoặc gộp nội dung của chúng vào một cột"))
                    continue
                }
                columns[column] = index
                names[column] = name
            } else if Column.isForPeople(name) {
                continue
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

    mutating func readRecord(_ record: CSVTable.Row, width: Int) {
        let columns = self.columns
        // Each cell cleaned once.
        let cells = positions.map { index -> String in
            guard let index, index < record.cells.count else { return "" }
            return StatusReader.clean(record.cells[index])
        }
        func cell(_ column: Column) -> String { cells[Column.allCases.firstIndex(of: column)!] }
        func col(_ column: Column) -> Int { columns[column].map { $0 + 1 } ?? 0 }
        if cells.allSatisfy(\.isEmpty), record.cells.count <= width { return }
        let line = record.line
        let file = self.file
        var ok = true
        func error(_ column: Int, _ message: String, hint: @autoclosure () -> String) {
            rowProblems.add(.error, file: file, line: line, column: column, message, hint: hint())
            ok = false
        }
        func error(_ column: Column, _ message: String, hint: @autoclosure () -> String) { error(col(column), message, hint: hint()) }

        if record.cells.count > width {
            let extra = record.cells[width...].map(StatusReader.clean).filter { !$0.isEmpty }
            if !extra.isEmpty {
                let separator = self.separator == ";" ? "dấu chấm phẩy (;)" : self.separator == "\t" ? "dấu tab" : "dấu phẩy (,)"
                error(width + 1, "dòng này có \(record.cells.count) ô, nhiều hơn \(width) cột của dòng tiêu đề; phần thừa: \(StatusReader.quote(extra.joined(separator: String(self.separator))))",
                      hint: "nếu nội dung một ô có \(separator), đặt cả ô trong ngoặc kép (\"...\"); dấu ngoặc kép bên trong ô viết thành hai dấu \"\"")
            }
        }

        let directiveID = cell(.directive)
        var taskID = cell(.task)
        let unitText = cell(.unit)
        let stateText = cell(.state)

        /// The task's number, when the row names one.
        var taskNumber: Int?
        // The directive and task ids as the reader keeps them: rows share their text.
        var directiveKey = directiveID
        var taskKey = taskID
        if directiveID.isEmpty {
            error(.directive, "thiếu mã văn bản", hint: "ghi mã văn bản, ví dụ: \(reader.tasks.keys.sorted().first ?? "trien-khai-tb-406")")
        } else if let found = reader.taskNumbers.index(forKey: directiveID) {
            let directiveTasks = reader.taskNumbers[found].value
            directiveKey = reader.taskNumbers[found].key
            // "1,4": a decimal comma, as Vietnamese settings write numbers.
            if directiveTasks[taskID] == nil, directiveTasks[taskID.replacingOccurrences(of: ",", with: ".")] != nil {
                taskID = taskID.replacingOccurrences(of: ",", with: ".")
            }
            if taskID.isEmpty {
                error(.task, "thiếu số hiệu nhiệm vụ", hint: "ghi số hiệu như 1.4 (xem trang của văn bản)")
            } else if let match = directiveTasks.index(forKey: taskID) {
                taskKey = directiveTasks[match].key
                taskNumber = directiveTasks[match].value
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
            func hint() -> String {
                let ids = reader.tasks.keys.sorted()
                let near = ids.filter { EditDistance.between($0, directiveID.lowercased()) <= 3 }
                return (near.isEmpty ? "các mã văn bản có: " : "có phải \(near.joined(separator: " hay "))? Các mã văn bản có: ") + ids.joined(separator: ", ")
            }
            error(.directive, "không có văn bản nào mã \(StatusReader.quote(directiveID))", hint: hint())
        }

        var unit: Unit?
        var unitNumber = 0
        if unitText.isEmpty {
            error(.unit, "thiếu đơn vị", hint: "ghi mã hoặc tên đơn vị, ví dụ: 11413 hoặc Phường Hải An")
        } else if let match = self.unit(named: unitText) {
            unit = match.unit
            unitNumber = match.number
        } else {
            func hint() -> String {
                // Long text is never a unit name: no edit distances over a whole note.
                let suggestions = unitText.count > 80 ? [] : reader.register.suggestions(for: unitText)
                let named = suggestions.map { name in reader.register.unit(named: name).map { "\(name) (mã \($0.code))" } ?? name }
                return named.isEmpty ? "ghi đúng tên hoặc mã đơn vị như trong danh sách đơn vị (trang Đơn vị, tệp units.yaml)"
                    : "có phải " + named.joined(separator: " hay ") + "? Ghi đúng tên hoặc mã đơn vị như trong danh sách đơn vị"
            }
            error(.unit, "không có đơn vị \(StatusReader.quote(unitText)) trong danh sách đơn vị", hint: hint())
        }
        if let taskNumber, let unit, !reader.assigned.contains(StatusReader.pair(taskNumber, unitNumber, register: reader.register)) {
            let task = reader.tasks[directiveKey]![taskKey]!
            error(.unit, "\(unit.name) không được giao nhiệm vụ \(task.id) của văn bản \(directiveID)",
                  hint: "kiểm tra lại số hiệu nhiệm vụ hoặc đơn vị; nhiệm vụ \(task.id) giao cho: "
                      + task.assignees.map(\.name).joined(separator: ", "))
        }

        var state: ReportState?
        if stateText.isEmpty {
            error(.state, "thiếu trạng thái", hint: "ghi một trong: \(StatusReader.stateWords)")
        } else if let match = self.state(stateText) {
            // First the state words (each distinct text worked out once): no
            // state word reads as "chưa báo cáo", so the order changes nothing.
            state = match
        } else if StatusReader.isNotReported(stateText) {
            // No report: the row gives no state, and the pair counts as if it had no row.
            let filled = [Column.completed, .report, .updated, .note].filter { !cell($0).isEmpty }
            if let first = filled.first {
                error(first, "trạng thái là \"\(StatusReader.notReportedWord)\" nhưng dòng có " + filled.map { $0.vietnameseHeader.lowercased() }.joined(separator: ", "),
                      hint: "nếu đơn vị đã báo cáo, chọn trạng thái \(StatusReader.stateWords); nếu chưa, xóa các ô đó")
            }
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
            switch classifyDate(text) {
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
            rowProblems.add(.warning, file: file, line: line, column: col(.completed),
                "đã hoàn thành nhưng chưa ghi ngày hoàn thành",
                hint: "ghi ngày hoàn thành để biết đúng hạn hay quá hạn")
        }
        if let state, state != .done, completed != nil {
            error(.completed, "có ngày hoàn thành nhưng trạng thái là \(StatusReader.quote(stateText))",
                  hint: "nếu đã xong, ghi trạng thái \"hoàn thành\"; nếu chưa, xóa ngày hoàn thành")
        }
        guard ok, let taskNumber, let unit, let state else { return }
        let row = StatusRow(directiveID: directiveKey, taskID: taskKey, unitCode: unit.code, state: state,
                            completed: completed, report: shared(StatusReader.unguarded(cell(.report))), updated: updated,
                            note: shared(StatusReader.unguarded(cell(.note))), line: line, source: source)
        // Rows of one pair on different days are its history; on the same
        // day they must say the same thing (then the repeat is dropped).
        let key = PairDay(pair: StatusReader.pair(taskNumber, unitNumber, register: reader.register),
                          day: updated?.dayNumber ?? Int.min)
        if let index = seen[key] {
            let kept = rows[index]
            if row.saysTheSame(as: kept) {
                let (message, hint) = StatusHistory.repeated(row, of: kept, unitName: unit.name)
                rowProblems.add(.warning, file: file, line: line, column: col(.unit), message, hint: hint)
            } else {
                let (message, hint) = StatusHistory.conflict(row, with: kept, unitName: unit.name)
                rowProblems.add(.error, file: file, line: line, column: col(.unit), message, hint: hint)
            }
            return
        }
        seen[key] = rows.count
        rows.append(row)
    }

    /// The register unit a cell names, and its place in the register.
    mutating func unit(named text: String) -> (unit: Unit, number: Int)? {
        if let known = unitsByText[ExactText(text)] { return known }
        let found = reader.register.unit(named: text).map { ($0, reader.register.number(ofUnitCode: $0.code)!) }
        if unitsByText.count < StatusReader.memoLimit { unitsByText[ExactText(text)] = found }
        return found
    }

    mutating func state(_ text: String) -> ReportState? {
        if let known = statesByText[ExactText(text)] { return known }
        let state = ReportState(word: text)
        if statesByText.count < StatusReader.memoLimit { statesByText[ExactText(text)] = state }
        return state
    }

    mutating func classifyDate(_ text: String) -> DateText.Reading {
        if let known = datesByText[ExactText(text)] { return known }
        let reading = DateText.classify(text)
        if datesByText.count < StatusReader.memoLimit { datesByText[ExactText(text)] = reading }
        return reading
    }

    /// `text`, sharing the storage of the same text already kept; short
    /// texts live inside the String value and need no sharing.
    mutating func shared(_ text: String) -> String {
        guard text.utf8.count > 15 else { return text }
        return texts.insert(ExactText(text)).memberAfterInsert.text
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

/// A text compared and hashed by its UTF-8 bytes, for the reader's memos.
/// String compares by canonical equivalence, which costs a normalisation for
/// every text that is not ASCII; here the same bytes are the same text. A
/// memo keyed this finely can only ask its question once more, never answer
/// wrongly.
private struct ExactText: Hashable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (a: ExactText, b: ExactText) -> Bool {
        a.text.utf8.elementsEqual(b.text.utf8)
    }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
