import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import TiendoCore
import ZIPFoundation

/// Reads one worksheet of an Excel workbook (.xlsx) into the same table the
/// CSV reader gives, so the clerk does not have to export. The zip
/// container is opened with ZIPFoundation and its XML parts with
/// Foundation's XMLParser. Cells stored as numbers with a date format
/// become dd/mm/yyyy text; numbers show as Excel shows them.
public enum Workbook {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case notAWorkbook(String)
        case noSuchSheet(name: String, available: [String])
        case malformed(String)

        public var description: String {
            switch self {
            case .notAWorkbook(let detail):
                return "tệp không phải bảng tính Excel .xlsx đọc được (\(detail)) — mở bằng Excel hoặc LibreOffice và lưu lại dạng \"Excel Workbook (.xlsx)\", hoặc lưu dạng CSV UTF-8"
            case .noSuchSheet(let name, let available):
                return "bảng tính không có trang \"\(name)\" — các trang có: \(available.joined(separator: ", "))"
            case .malformed(let detail):
                return "bảng tính bị hỏng (\(detail)) — mở bằng Excel hoặc LibreOffice và lưu lại"
            }
        }
    }

    public struct Sheet: Sendable {
        public var name: String
        public var table: CSVTable
    }

    /// Reads the worksheet named `sheetName`, or the first one.
    public static func read(_ data: Data, sheet sheetName: String? = nil) -> Result<Sheet, Failure> {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            return .failure(.notAWorkbook("không mở được tệp nén"))
        }
        func part(_ path: String) throws -> Data? {
            guard let entry = archive[path] else { return nil }
            var data = Data()
            _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
            return data
        }
        do {
            guard let workbookXML = try part("xl/workbook.xml") else { return .failure(.notAWorkbook("thiếu xl/workbook.xml")) }
            let workbook = WorkbookPart.parse(workbookXML)
            guard !workbook.sheets.isEmpty else { return .failure(.malformed("không có trang tính nào")) }
            let chosen: WorkbookPart.SheetEntry
            if let sheetName {
                guard let found = workbook.sheets.first(where: { $0.name == sheetName })
                        ?? workbook.sheets.first(where: { VietnameseText.fold($0.name) == VietnameseText.fold(sheetName) }) else {
                    return .failure(.noSuchSheet(name: sheetName, available: workbook.sheets.map(\.name)))
                }
                chosen = found
            } else {
                chosen = workbook.sheets[0]
            }
            let relationships = try part("xl/_rels/workbook.xml.rels").map(RelationshipsPart.parse) ?? [:]
            var target = relationships[chosen.relationshipID] ?? "worksheets/sheet\(workbook.sheets.firstIndex { $0.name == chosen.name }! + 1).xml"
            if target.hasPrefix("/") { target.removeFirst() } else { target = "xl/" + target }
            guard let sheetXML = try part(target) else { return .failure(.malformed("thiếu \(target)")) }
            let sharedStrings = try part("xl/sharedStrings.xml").map(SharedStringsPart.parse) ?? []
            let dateStyles = try part("xl/styles.xml").map(StylesPart.dateStyles) ?? []
            let rows = SheetPart.parse(sheetXML, sharedStrings: sharedStrings, dateStyles: dateStyles, date1904: workbook.date1904)
            let trimmed = rows.map { row -> CSVTable.Row in
                var row = row
                row.cells = row.cells.map { $0.trimmingCharacters(in: .whitespaces) }
                while let last = row.cells.last, last.isEmpty { row.cells.removeLast() }
                return row
            }.filter { !$0.cells.isEmpty }
            return .success(Sheet(name: chosen.name, table: CSVTable(separator: ",", rows: trimmed)))
        } catch {
            return .failure(.malformed("\(error)"))
        }
    }

    /// "AB" → 27 (zero-based).
    static func columnIndex(_ letters: Substring) -> Int {
        var value = 0
        for scalar in letters.unicodeScalars { value = value * 26 + Int(scalar.value) - 64 }
        return value - 1
    }

    /// An Excel serial day as a date (1900 system, with Excel's phantom 29/02/1900, or 1904).
    static func date(fromSerial serial: Double, date1904: Bool) -> CivilDate? {
        guard serial.isFinite, serial >= 1, serial < 2_958_466 else { return nil }
        let days = Int(serial.rounded(.down))
        let base = date1904 ? CivilDate(year: 1904, month: 1, day: 1)! : CivilDate(year: 1899, month: 12, day: 30)!
        // Serials below 61 count the 29/02/1900 that never was.
        return base.adding(days: date1904 || days >= 61 ? days : days + 1)
    }

    /// A number as Excel shows it in a General cell: "10507", "1.4".
    static func display(number text: String) -> String {
        guard let value = Double(text), value.isFinite else { return text }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }
}

// MARK: - Parts

/// A SAX delegate base: collects element text.
private class PartParser: NSObject, XMLParserDelegate {
    var text = ""
    func parse(_ data: Data) {
        let parser = XMLParser(data: data)
        parser.delegate = self
        parser.shouldProcessNamespaces = false
        _ = parser.parse()
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    // Declared here so subclasses override them: on Linux, XMLParser calls the
    // protocol's witnesses, which are the base class's methods.
    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes: [String: String] = [:]) {}

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {}

    /// "x:sheet" → "sheet": some writers prefix the main namespace.
    static func local(_ name: String) -> Substring {
        name.split(separator: ":").last ?? Substring(name)
    }
}

private final class WorkbookPart: PartParser {
    struct SheetEntry { let name: String; let relationshipID: String }
    var sheets: [SheetEntry] = []
    var date1904 = false

    static func parse(_ data: Data) -> WorkbookPart {
        let part = WorkbookPart()
        part.parse(data)
        return part
    }

    override func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                         qualifiedName qName: String?, attributes: [String: String] = [:]) {
        switch Self.local(elementName) {
        case "sheet":
            let id = attributes["r:id"] ?? attributes.first { $0.key.hasSuffix(":id") }?.value ?? ""
            sheets.append(SheetEntry(name: (attributes["name"] ?? "").precomposedNFC, relationshipID: id))
        case "workbookPr":
            date1904 = attributes["date1904"] == "1" || attributes["date1904"] == "true"
        default: break
        }
    }
}

private final class RelationshipsPart: PartParser {
    var targets: [String: String] = [:]

    static func parse(_ data: Data) -> [String: String] {
        let part = RelationshipsPart()
        part.parse(data)
        return part.targets
    }

    override func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                         qualifiedName qName: String?, attributes: [String: String] = [:]) {
        if Self.local(elementName) == "Relationship", let id = attributes["Id"], let target = attributes["Target"] {
            targets[id] = target
        }
    }
}

private final class SharedStringsPart: PartParser {
    var strings: [String] = []
    var current = ""
    var inItem = false
    var inText = false
    var inPhonetic = false

    static func parse(_ data: Data) -> [String] {
        let part = SharedStringsPart()
        part.parse(data)
        return part.strings
    }

    override func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                         qualifiedName qName: String?, attributes: [String: String] = [:]) {
        switch Self.local(elementName) {
        case "si": inItem = true; current = ""
        case "t": inText = true
        case "rPh": inPhonetic = true // ruby text is not part of the value
        default: break
        }
    }

    override func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        switch Self.local(elementName) {
        case "si": strings.append(current.precomposedNFC); inItem = false
        case "t": inText = false
        case "rPh": inPhonetic = false
        default: break
        }
    }

    override func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inItem, inText, !inPhonetic { current += string }
    }
}

private final class StylesPart: PartParser {
    var customDateFormats: Set<Int> = []
    var cellFormats: [Int] = []
    var inCellXfs = false

    /// Indices of cell styles whose number format shows a date.
    static func dateStyles(_ data: Data) -> Set<Int> {
        let part = StylesPart()
        part.parse(data)
        let builtIn: Set<Int> = Set(14...22).union(45...47).union(27...36).union(50...58)
        return Set(part.cellFormats.enumerated().filter { builtIn.contains($0.element) || part.customDateFormats.contains($0.element) }.map(\.offset))
    }

    override func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                         qualifiedName qName: String?, attributes: [String: String] = [:]) {
        switch Self.local(elementName) {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"], Self.isDateFormat(code) {
                customDateFormats.insert(id)
            }
        case "cellXfs": inCellXfs = true
        case "xf" where inCellXfs:
            cellFormats.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
        default: break
        }
    }

    override func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        if Self.local(elementName) == "cellXfs" { inCellXfs = false }
    }

    /// A format code that shows days, months or years (ignoring quoted text and [colours]).
    static func isDateFormat(_ code: String) -> Bool {
        var inQuote = false, inBracket = false
        for c in code.lowercased() {
            if c == "\"" { inQuote.toggle(); continue }
            if inQuote { continue }
            if c == "[" { inBracket = true; continue }
            if c == "]" { inBracket = false; continue }
            if inBracket { continue }
            if c == "d" || c == "y" || c == "m" { return true }
        }
        return false
    }
}

private final class SheetPart: PartParser {
    let sharedStrings: [String]
    let dateStyles: Set<Int>
    let date1904: Bool
    var rows: [CSVTable.Row] = []
    var currentRow: [String] = []
    var rowNumber = 0
    var cellColumn = 0
    var cellType = ""
    var cellStyle = 0
    var value = ""
    var inValue = false
    var inInline = false

    init(sharedStrings: [String], dateStyles: Set<Int>, date1904: Bool) {
        self.sharedStrings = sharedStrings
        self.dateStyles = dateStyles
        self.date1904 = date1904
    }

    static func parse(_ data: Data, sharedStrings: [String], dateStyles: Set<Int>, date1904: Bool) -> [CSVTable.Row] {
        let part = SheetPart(sharedStrings: sharedStrings, dateStyles: dateStyles, date1904: date1904)
        part.parse(data)
        return part.rows
    }

    override func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                         qualifiedName qName: String?, attributes: [String: String] = [:]) {
        switch Self.local(elementName) {
        case "row":
            rowNumber = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
            currentRow = []
        case "c":
            if let reference = attributes["r"] {
                cellColumn = Workbook.columnIndex(reference.prefix { $0.isLetter })
            } else {
                cellColumn = currentRow.count
            }
            cellType = attributes["t"] ?? "n"
            cellStyle = attributes["s"].flatMap(Int.init) ?? 0
            value = ""
        case "v": inValue = true
        case "is": inInline = true
        case "t" where inInline: inValue = true
        default: break
        }
    }

    override func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        switch Self.local(elementName) {
        case "v": inValue = false
        case "t": if inInline { inValue = false }
        case "is": inInline = false
        case "c":
            let text: String
            switch cellType {
            case "s": text = Int(value).flatMap { $0 < sharedStrings.count ? sharedStrings[$0] : nil } ?? ""
            case "inlineStr", "str": text = value.precomposedNFC
            case "b": text = value == "1" ? "TRUE" : "FALSE"
            case "e": text = value
            case "d": text = CivilDate(iso: String(value.prefix(10)))?.vietnamese ?? value
            default:
                if dateStyles.contains(cellStyle), let serial = Double(value), let date = Workbook.date(fromSerial: serial, date1904: date1904) {
                    text = date.vietnamese
                } else {
                    text = Workbook.display(number: value)
                }
            }
            if cellColumn >= currentRow.count { currentRow += Array(repeating: "", count: cellColumn - currentRow.count + 1) }
            currentRow[cellColumn] = text
        case "row":
            rows.append(CSVTable.Row(line: rowNumber, cells: currentRow))
        default: break
        }
    }

    override func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inValue { value += string }
    }
}
