// libFuzzer target: the workbook reader (Sources/TiendoSite/Workbook.swift,
// compiled into this target; Fuzz/run builds ZIPFoundation instrumented).
// Input starting with "PK" is taken as a whole .xlsx; any other input is a
// worksheet's XML, zipped with a fixed workbook, relationships and shared
// strings, so mutations reach the sheet parser instead of dying in the zip
// layer. Workbook.read must return for any bytes; a table it gives has rows
// in ascending order, none empty, within the row and column limits; a
// failure naming a cell names it in the sheet.
import Foundation
import TiendoCore
import ZIPFoundation

/// Made for each input, not kept in a global: LeakSanitizer does not see
/// the buffers of a lazily set Swift global and reports them as leaks.
func workbookParts() -> [(String, Data)] { [
    ("xl/workbook.xml", Data(#"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Trạng thái" sheetId="1" r:id="rId1"/></sheets></workbook>"#.utf8)),
    ("xl/_rels/workbook.xml.rels", Data(#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>"#.utf8)),
    ("xl/sharedStrings.xml", Data(#"<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>directive</t></si><si><t>hoàn thành</t></si><si><r><t>Sở </t></r><r><t>Nội vụ</t></r><rPh><t>x</t></rPh></si></sst>"#.utf8)),
    ("xl/styles.xml", Data(#"<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>"#.utf8)),
] }

func zipped(sheet: Data) -> Data? {
    guard let archive = try? Archive(accessMode: .create) else { return nil }
    for (path, bytes) in workbookParts() + [("xl/worksheets/sheet1.xml", sheet)] {
        do {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count)) { (position: Int64, size: Int) in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        } catch { return nil }
    }
    return archive.data
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWorkbook(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = Data(bytes: data, count: size)
    let workbook = input.starts(with: [0x50, 0x4B]) ? input : zipped(sheet: input)
    guard let workbook else { return 0 }
    switch Workbook.read(workbook) {
    case .success(let sheet):
        var previous = 0
        for row in sheet.table.rows {
            require(row.line > previous, "rows out of order: \(sheet.table.rows.map(\.line))")
            require(row.line <= InputLimits.worksheetRows, "row \(row.line) past the limit")
            require(!row.cells.isEmpty && row.cells.count <= InputLimits.worksheetColumns, "row \(row.line) has \(row.cells.count) cells")
            previous = row.line
        }
    case .failure(let failure):
        require(!failure.description.isEmpty, "a failure without words")
        if let cell = failure.cell { require(cell.contains("!"), "a cell without its sheet: \(cell)") }
    }
    return 0
}
