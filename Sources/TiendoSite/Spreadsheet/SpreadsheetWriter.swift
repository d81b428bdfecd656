import Foundation
import ZIPFoundation

/// Writes an Excel workbook (.xlsx, SpreadsheetML in a zip) from
/// worksheets. The same sheets give the same bytes: parts in a fixed
/// order, one fixed timestamp, strings numbered in order of use.
public enum SpreadsheetWriter {
    public enum Failure: Error, CustomStringConvertible {
        case zip(String)
        public var description: String { "không tạo được tệp Excel (\(self))" }
    }

    /// The timestamp of every part: the earliest a zip can say (01/01/1980),
    /// so a rebuild with the same figures gives the same bytes.
    static let timestamp = Date(timeIntervalSince1970: 315_532_800)

    public static func workbook(_ sheets: [Worksheet]) throws -> [UInt8] {
        let sheets = WorksheetLimits.split(sheets.isEmpty ? [Worksheet(name: "Trang 1", columns: [], rows: [])] : sheets)
        var strings = SharedStrings()
        var parts: [(path: String, bytes: [UInt8])] = []
        var sheetParts: [[UInt8]] = []
        for (index, sheet) in sheets.enumerated() {
            sheetParts.append(WorksheetPart(sheet: sheet, selected: index == 0).xml(strings: &strings))
        }
        let sheetPaths = sheets.indices.map { "xl/worksheets/sheet\($0 + 1).xml" }
        parts.append(("[Content_Types].xml", Array(contentTypes(sheetPaths).utf8)))
        parts.append(("_rels/.rels", Array(packageRelationships.utf8)))
        parts.append(("xl/workbook.xml", Array(workbookXML(sheets.map(\.name)).utf8)))
        parts.append(("xl/_rels/workbook.xml.rels", Array(workbookRelationships(sheets.count).utf8)))
        parts.append(("xl/styles.xml", Array(SpreadsheetStyles.xml.utf8)))
        parts.append(("xl/sharedStrings.xml", strings.xml))
        for (path, bytes) in zip(sheetPaths, sheetParts) { parts.append((path, bytes)) }
        return try package(parts)
    }

    /// The parts zipped in the order given, each deflated, with the fixed timestamp.
    static func package(_ parts: [(path: String, bytes: [UInt8])]) throws -> [UInt8] {
        do {
            let archive = try Archive(accessMode: .create)
            for part in parts {
                let bytes = part.bytes
                // Handed over a chunk at a time: a copy of a whole sheet would double its memory.
                try archive.addEntry(with: part.path, type: .file, uncompressedSize: Int64(bytes.count),
                                     modificationDate: timestamp, compressionMethod: .deflate) { position, size in
                    Data(bytes[Int(position)..<Int(position) + size])
                }
            }
            guard let data = archive.data else { throw Failure.zip("không có dữ liệu") }
            return [UInt8](data)
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure.zip("\(error)")
        }
    }

    static func contentTypes(_ sheetPaths: [String]) -> String {
        SpreadsheetXML.declaration
            + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
            + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
            + #"<Default Extension="xml" ContentType="application/xml"/>"#
            + #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
            + sheetPaths.map { #"<Override PartName="/\#($0)" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"# }.joined()
            + #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
            + #"<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>"#
            + "</Types>"
    }

    static let packageRelationships = SpreadsheetXML.declaration
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#
        + "</Relationships>"

    static func workbookXML(_ names: [String]) -> String {
        SpreadsheetXML.declaration
            + #"<workbook xmlns="\#(SpreadsheetXML.mainNamespace)" xmlns:r="\#(SpreadsheetXML.relationshipsNamespace)">"#
            + #"<workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets>"#
            + names.enumerated().map { #"<sheet name="\#(SpreadsheetXML.escaped($1))" sheetId="\#($0 + 1)" r:id="rId\#($0 + 1)"/>"# }.joined()
            + "</sheets><definedNames>"
            // The header row repeated on every printed page.
            + names.enumerated().map { index, name in
                let quoted = "'" + name.replacingOccurrences(of: "'", with: "''") + "'!$1:$1"
                return #"<definedName name="_xlnm.Print_Titles" localSheetId="\#(index)">\#(SpreadsheetXML.escaped(quoted))</definedName>"#
            }.joined()
            + "</definedNames></workbook>"
    }

    static func workbookRelationships(_ sheetCount: Int) -> String {
        let base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        return SpreadsheetXML.declaration
            + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + (0..<sheetCount).map { #"<Relationship Id="rId\#($0 + 1)" Type="\#(base)worksheet" Target="worksheets/sheet\#($0 + 1).xml"/>"# }.joined()
            + #"<Relationship Id="rId\#(sheetCount + 1)" Type="\#(base)styles" Target="styles.xml"/>"#
            + #"<Relationship Id="rId\#(sheetCount + 2)" Type="\#(base)sharedStrings" Target="sharedStrings.xml"/>"#
            + "</Relationships>"
    }
}
