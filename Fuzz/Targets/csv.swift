// libFuzzer target: the status file as bytes. CSVTable.parse must accept or
// refuse any bytes without crashing or hanging; StatusReader must read any
// table against the sample register and directive, with diagnostics that
// name a place; a table written back as CSV must read the same.
import TiendoCore

let reader = StatusReader(register: register, directives: [sampleDirective])

/// A cell in quotes, its quotes doubled. Over Unicode scalars: `String`'s
/// own replacing works on grapheme clusters, and a quote followed by a
/// combining mark is one cluster that is not "\"".
func quoted(_ cell: String) -> String {
    var out = String.UnicodeScalarView()
    out.append("\"")
    for scalar in cell.unicodeScalars {
        out.append(scalar)
        if scalar == "\"" { out.append("\"") }
    }
    out.append("\"")
    return String(out)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStatusFile(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard case .success(let table) = CSVTable.parse(bytes) else { return 0 }
    var previous = 0
    for row in table.rows {
        require(row.line > previous, "record lines out of order: \(table.rows.map(\.line))")
        require(!row.cells.isEmpty && !(row.cells.last!.isEmpty), "an empty trailing cell was kept: \(row.cells)")
        previous = row.line
    }
    // Written back with every cell quoted, the table reads the same.
    if let first = table.rows.first, first.cells.count > 1 {
        let separator = String(table.separator)
        let csv = table.rows.map { row in
            row.cells.map(quoted).joined(separator: separator)
        }.joined(separator: "\r\n") + "\r\n"
        guard case .success(let again) = CSVTable.parse(Array(csv.utf8)) else {
            fail("a table written back does not read: \(csv.debugDescription)")
        }
        require(again.rows.map(\.cells) == table.rows.map(\.cells),
                     "a table written back reads differently: \(table.rows.map(\.cells)) vs \(again.rows.map(\.cells))")
    }
    let output = reader.read(table, file: "status.csv", asOf: nil)
    checkDiagnostics(output.diagnostics, file: "status.csv")
    for row in output.rows {
        require(reader.tasks[row.directiveID]?[row.taskID]?.units.contains(row.unitCode) == true, "a row kept for a unit not assigned: \(row)")
    }
    let asOf = CivilDate(year: 2026, month: 6, day: 25)!
    let sheet = reader.read(table, file: "status.xlsx", asOf: asOf, sheet: "Sheet1")
    checkDiagnostics(sheet.diagnostics, file: "status.xlsx")
    for diagnostic in sheet.diagnostics {
        require(diagnostic.line == 0 || diagnostic.cell?.hasPrefix("Sheet1!") == true, "a workbook diagnostic without a cell: \(diagnostic)")
    }
    return 0
}
