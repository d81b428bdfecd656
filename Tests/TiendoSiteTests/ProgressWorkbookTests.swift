import Foundation
import Testing
import TiendoCore
@testable import TiendoSite

/// tien-do.xlsx and the CSV files: the tracker's figures, in sheets that
/// read back through tiendo's own workbook reader, the same bytes each build.
@Suite struct ProgressWorkbookTests {
    static let loaded = Support.loaded(Support.sampleContent)
    static let tracker = loaded.tracker!
    static let files: [String: [UInt8]] = {
        var files: [String: [UInt8]] = [:]
        for file in SiteBuilder(tracker: tracker, theme: Support.theme).build() { files[file.path] = file.bytes }
        return files
    }()

    func sheet(_ name: String) throws -> CSVTable {
        let bytes = try #require(Self.files[SitePaths.progressWorkbook])
        return try Workbook.read(Data(bytes), sheet: name).get().table
    }

    @Test func hasTheFiveSheetsInOrderAndBuildsTheSameBytesTwice() throws {
        let bytes = try #require(Self.files[SitePaths.progressWorkbook])
        let again = SiteBuilder(tracker: Self.tracker, theme: Support.theme).build().first { $0.path == SitePaths.progressWorkbook }
        #expect(again?.bytes == bytes)
        #expect(try Workbook.read(Data(bytes)).get().name == "Theo nhiệm vụ")
        for name in ["Theo nhiệm vụ", "Theo đơn vị", "Theo nhóm", "Ma trận", "Chi tiết"] {
            #expect(throws: Never.self) { try Workbook.read(Data(bytes), sheet: name).get() }
        }
    }

    @Test func taskSheetHasTheTrackersCounts() throws {
        let table = try sheet("Theo nhiệm vụ")
        let header = table.rows[0].cells
        #expect(Array(header.prefix(6)) == ["Văn bản", "Mã văn bản", "Nhiệm vụ", "Nội dung", "Hạn cuối", "Thời hạn ghi trong văn bản"])
        let tasks = Self.tracker.directives.flatMap(\.tasks)
        #expect(table.rows.count == tasks.count + 1)
        for (row, task) in zip(table.rows.dropFirst(), tasks) {
            let progress = Self.tracker.progress(task: task.key)
            #expect(row.cells[1] == task.directiveID && row.cells[2] == task.id)
            #expect(row.cells.count > 4 ? row.cells[4] == (task.deadline?.due?.vietnamese ?? "") : task.deadline?.due == nil)
            for statusClass in ProgressFigures.classColumns {
                let column = try #require(header.firstIndex(of: statusClass.label))
                #expect(row.cells[column] == String(progress.count(statusClass)), "\(task.id) \(statusClass)")
            }
            #expect(row.cells[header.firstIndex(of: "Tổng")!] == String(progress.total))
            #expect(row.cells[header.firstIndex(of: "Số đã hoàn thành")!] == String(progress.done))
        }
    }

    @Test func groupSheetEndsWithTheOverallFigures() throws {
        let table = try sheet("Theo nhóm")
        let last = try #require(table.rows.last)
        let header = table.rows[0].cells
        #expect(last.cells[0] == "Tất cả")
        #expect(last.cells[header.firstIndex(of: "Tổng")!] == String(Self.tracker.overall.total))
        #expect(last.cells[header.firstIndex(of: "Số đơn vị")!] == String(Self.tracker.register.units.count))
        // The CSV is the same sheet without the total row.
        let csv = String(decoding: try #require(Self.files[SitePaths.groupCSV]), as: UTF8.self)
        #expect(csv.hasPrefix("\u{FEFF}Nhóm,Số đơn vị,"))
        #expect(!csv.contains("Tất cả"))
        #expect(csv.components(separatedBy: "\r\n").count - 2 == table.rows.count - 2)
    }

    @Test func detailSheetHasOneRowPerAssignedPair() throws {
        let table = try sheet("Chi tiết")
        #expect(table.rows[0].cells == ["Văn bản", "Mã văn bản", "Nhiệm vụ", "Mã đơn vị", "Đơn vị", "Vai trò", "Tình trạng", "Báo cáo",
                                        "Trạng thái đơn vị báo cáo", "Hạn cuối", "Ngày hoàn thành", "Số báo cáo", "Ghi chú", "Ngày cập nhật"])
        let assignments = Self.tracker.assignments
        #expect(table.rows.count == assignments.count + 1)
        for (row, assignment) in zip(table.rows.dropFirst(), assignments) {
            var cells = row.cells
            cells += Array(repeating: "", count: max(0, 14 - cells.count))
            #expect(cells[1] == assignment.task.directiveID && cells[2] == assignment.task.taskID && cells[3] == assignment.unitCode)
            #expect(cells[6] == assignment.statusClass.label)
            #expect(cells[7] == (assignment.row == nil ? "Chưa báo cáo" : "Đã báo cáo"))
            #expect(cells[9] == (assignment.due?.vietnamese ?? ""))
            #expect(cells[10] == (assignment.row?.completed?.vietnamese ?? ""))
            #expect(cells[11] == (assignment.row?.report ?? ""))
            #expect(cells[13] == (assignment.row?.updated?.vietnamese ?? ""))
        }
    }

    @Test func matrixIsOneTableInTheWorkbookAndTheCSV() throws {
        let table = try sheet("Ma trận")
        #expect(Array(table.rows[0].cells.prefix(3)) == ["Mã đơn vị", "Đơn vị", "Nhóm"])
        #expect(table.rows.count == Self.tracker.register.units.count + 1)
        // Every filled cell is an assigned pair, with the pair's class.
        var classes: [String: String] = [:]
        for a in Self.tracker.assignments {
            classes[a.unitCode + "|Nhiệm vụ " + a.task.taskID] = a.statusClass.label + (a.reported ? "" : " · chưa báo cáo")
        }
        var filled = 0
        for row in table.rows.dropFirst() {
            for (index, cell) in row.cells.enumerated().dropFirst(3) where !cell.isEmpty {
                #expect(classes[row.cells[0] + "|" + table.rows[0].cells[index]] == cell)
                filled += 1
            }
        }
        #expect(filled == classes.count)
        let csv = String(decoding: try #require(Self.files[SitePaths.matrixCSV]), as: UTF8.self)
        let lines = csv.dropFirst().components(separatedBy: "\r\n").dropLast()
        #expect(lines.count == table.rows.count, "one header, one row per unit: a single table")
        #expect(lines.first?.hasPrefix("Mã đơn vị,Đơn vị,Nhóm,Nhiệm vụ 1.1,") == true)
    }

    @Test func progressPageAndUnitPagesLinkToTheWorkbook() throws {
        let progress = String(decoding: try #require(Self.files[SitePaths.progress]), as: UTF8.self)
        #expect(progress.contains(#"href="tien-do.xlsx""#))
        let paths = SitePaths(register: Self.tracker.register)
        for unit in Self.tracker.register.units {
            let page = String(decoding: try #require(Self.files[paths.unit(unit.code)]), as: UTF8.self)
            #expect(page.contains(#"href="../tien-do/tien-do.xlsx""#), "\(unit.name)")
        }
    }

    @Test func aProvinceTooLargeForOneSheetGetsTheSummariesAndANote() throws {
        let context = SiteContext(tracker: Self.tracker, threads: 1)
        let sheets = ProgressWorkbook.sheets(context, pairLimit: 100)
        #expect(sheets.map(\.name) == ["Theo nhiệm vụ", "Theo đơn vị", "Theo nhóm", "Chi tiết"])
        guard case .text(let note) = sheets[3].rows[0][0] else { Issue.record("no note"); return }
        #expect(note.hasPrefix("Có \(Self.tracker.assignments.count) lượt giao việc"))
        #expect(ProgressWorkbook.sheets(context).map(\.name).count == 5)
    }
}
