import Foundation
import TiendoOffice

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

    /// zlib's level 4 rather than its default 6: at M the workbooks' parts
    /// deflate in under half the time (0.22 s against 0.48 s for 29 MB of
    /// sheets) into files 9 % larger (5.7 MB against 5.2 MB for the 129
    /// workbooks). Level 3 was no faster and larger; level 1, a quarter
    /// faster again, made files a third larger than level 6.
    static let deflateLevel: Int32 = 4

    public static func workbook(_ sheets: [Worksheet]) throws -> [UInt8] {
        let sheets = WorksheetLimits.split(sheets.isEmpty ? [Worksheet(name: "Trang 1", columns: [], rows: [])] : sheets)
        let strings = SharedStrings()
        // First pass over every sheet: sizes, widths and the strings' numbers.
        var sheetParts: [WorksheetPart] = []
        for (index, sheet) in sheets.enumerated() {
            var part = WorksheetPart(sheet: sheet, selected: index == 0)
            do {
                try part.measure(strings: strings, level: deflateLevel)
            } catch {
                throw Failure.zip(error.description)
            }
            sheetParts.append(part)
        }
        strings.startWriting()
        var parts: [Part] = [
            Part(path: "[Content_Types].xml", shared: contentTypes(sheets.indices.map(sheetPath))),
            Part(path: "_rels/.rels", shared: packageRelationships),
            Part(path: "xl/workbook.xml", bytes: Array(workbookXML(sheets.map(\.name)).utf8)),
            Part(path: "xl/_rels/workbook.xml.rels", shared: workbookRelationships(sheets.count)),
            Part(path: "xl/styles.xml", shared: SpreadsheetStyles.xml),
        ]
        for (index, part) in sheetParts.enumerated() {
            // Deflated when its turn comes, so that its shared texts are counted in order.
            parts.append(Part(path: sheetPath(index)) { () throws(ZipWriter.Failure) in
                try part.deflated(strings: strings, level: deflateLevel)
            })
        }
        // After the sheets, so that it is complete when it is written.
        parts.append(Part(path: "xl/sharedStrings.xml") { strings.xml })
        return try package(parts)
    }

    static func sheetPath(_ index: Int) -> String { "xl/worksheets/sheet\(index + 1).xml" }

    /// A part of the package, made (or deflated) only when its turn comes.
    struct Part {
        let path: String
        /// How its bytes are had: deflated once for every workbook, made
        /// and then deflated with the others, or deflated by its maker.
        enum Source {
            case deflated(ZipWriter.Deflated)
            case bytes(() -> [UInt8])
            case deflate(() throws(ZipWriter.Failure) -> ZipWriter.Deflated)
        }
        let source: Source

        /// A part whose text many workbooks share (styles, relationships,
        /// content types): deflated once per run, not once per workbook.
        init(path: String, shared text: String) {
            self.path = path
            source = SharedParts.deflated(text).map(Source.deflated) ?? .bytes { Array(text.utf8) }
        }

        init(path: String, bytes: [UInt8]) {
            self.init(path: path) { bytes }
        }

        /// Bytes made when the part is written.
        init(path: String, bytes: @escaping () -> [UInt8]) {
            self.path = path
            source = .bytes(bytes)
        }

        /// A part that deflates itself when written (a worksheet, its rows deflated as they were measured).
        init(path: String, deflate: @escaping () throws(ZipWriter.Failure) -> ZipWriter.Deflated) {
            self.path = path
            source = .deflate(deflate)
        }
    }

    /// The parts zipped in the order given, each deflated, with the fixed timestamp.
    static func package(_ parts: [Part]) throws -> [UInt8] {
        var failure: ZipWriter.Failure?
        let entries = parts.lazy.map { part -> ZipWriter.Entry in
            switch part.source {
            case .deflated(let deflated):
                return ZipWriter.Entry(path: part.path, deflated: deflated)
            case .bytes(let make):
                return ZipWriter.Entry(path: part.path, data: Data(make()))
            case .deflate(let deflate):
                do throws(ZipWriter.Failure) {
                    return ZipWriter.Entry(path: part.path, deflated: try deflate())
                } catch {
                    // Told after the zip is made: a lazy sequence cannot throw.
                    failure = error
                    return ZipWriter.Entry(path: part.path, data: Data())
                }
            }
        }
        do throws(ZipWriter.Failure) {
            let zip = try ZipWriter.zip(entries, modified: timestamp, level: deflateLevel)
            if let failure { throw failure }
            return [UInt8](zip)
        } catch {
            throw Failure.zip(error.description)
        }
    }

    /// The parts every workbook shares, deflated once: the 128 report
    /// sheets of a build differ only in their workbook.xml, sheets and strings.
    enum SharedParts {
        private static let lock = NSLock()
        nonisolated(unsafe) private static var made: [String: ZipWriter.Deflated] = [:]

        /// nil only if zlib fails, and then the part is deflated with the others (and fails there).
        static func deflated(_ text: String) -> ZipWriter.Deflated? {
            if let known = lock.withLock({ made[text] }) { return known }
            guard let deflated = try? ZipWriter.Deflated(Array(text.utf8), level: deflateLevel) else { return nil }
            lock.withLock { made[text] = deflated }
            return deflated
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
