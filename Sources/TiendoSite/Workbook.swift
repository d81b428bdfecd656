import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import TiendoCore
import TiendoOffice
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
        /// Past one of `InputLimits`' workbook limits.
        case tooLarge(String)
        /// A cell that does not read: `cell` is the reference as written
        /// (the row's number when the reference itself is unusable).
        case badCell(sheet: String, cell: String, detail: String)

        public var description: String {
            switch self {
            case .notAWorkbook(let detail):
                return "tệp không phải bảng tính Excel .xlsx đọc được (\(detail)) — mở bằng Excel hoặc LibreOffice và lưu lại dạng \"Excel Workbook (.xlsx)\", hoặc lưu dạng CSV UTF-8"
            case .noSuchSheet(let name, let available):
                return "bảng tính không có trang \"\(name)\" — các trang có: \(available.joined(separator: ", "))"
            case .malformed(let detail):
                return "bảng tính bị hỏng (\(detail)) — mở bằng Excel hoặc LibreOffice và lưu lại"
            case .tooLarge(let detail):
                return "bảng tính quá lớn (\(detail)) — kiểm tra xem có đúng là tệp trạng thái không; xóa các trang, dòng và cột thừa rồi lưu lại"
            case .badCell(_, _, let detail):
                return "\(detail) — mở bằng Excel hoặc LibreOffice, sửa hoặc xóa ô này rồi lưu lại"
            }
        }

        /// Where a failure is, as `Diagnostic.cell` names it ("Trạng thái!C7").
        public var cell: String? {
            if case .badCell(let sheet, let cell, _) = self { return "\(sheet)!\(cell)" }
            return nil
        }
    }

    public struct Sheet: Sendable {
        public var name: String
        public var table: CSVTable
    }

    /// Reads the worksheet named `sheetName`, or the first.
    public static func read(_ data: Data, sheet sheetName: String? = nil) -> Result<Sheet, Failure> {
        // ZIPFoundation's in-memory reader traps on an offset past the end
        // of the data (found by fuzzing): every offset it will follow is
        // checked here first, and the entries are counted from the
        // directory, so a zip of a million empty files is refused before
        // any entry is read.
        let entryCount: Int
        do {
            entryCount = try ZipDirectory.check(data)
        } catch {
            return .failure(.notAWorkbook(zipWords(error)))
        }
        if entryCount > InputLimits.workbookEntries {
            return .failure(.tooLarge("hơn \(VietnameseNumber.grouped(InputLimits.workbookEntries)) tệp bên trong"))
        }
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            return .failure(.notAWorkbook("không mở được tệp nén"))
        }
        do {
            guard let workbookXML = try part(archive, "xl/workbook.xml") else { return .failure(.notAWorkbook("thiếu xl/workbook.xml")) }
            let workbook = WorkbookPart()
            try workbook.parse(workbookXML, part: "xl/workbook.xml")
            guard !workbook.sheets.isEmpty else { return .failure(.malformed("không có trang tính nào")) }
            let chosen: WorkbookPart.SheetEntry
            let chosenIndex: Int
            if let sheetName {
                guard let found = workbook.sheets.firstIndex(where: { $0.name == sheetName })
                        ?? workbook.sheets.firstIndex(where: { VietnameseText.fold($0.name) == VietnameseText.fold(sheetName) }) else {
                    return .failure(.noSuchSheet(name: sheetName, available: workbook.sheets.map(\.name)))
                }
                chosenIndex = found
            } else {
                chosenIndex = 0
            }
            chosen = workbook.sheets[chosenIndex]
            var relationships: [String: String] = [:]
            if let xml = try part(archive, "xl/_rels/workbook.xml.rels") {
                let part = RelationshipsPart()
                try part.parse(xml, part: "xl/_rels/workbook.xml.rels")
                relationships = part.targets
            }
            var target = relationships[chosen.relationshipID] ?? "worksheets/sheet\(chosenIndex + 1).xml"
            if target.hasPrefix("/") { target.removeFirst() } else { target = "xl/" + target }
            var sharedStrings: [String] = []
            if let xml = try part(archive, "xl/sharedStrings.xml", limit: InputLimits.workbookPartBytes) {
                let part = SharedStringsPart()
                try part.parse(xml, part: "xl/sharedStrings.xml")
                sharedStrings = part.strings
            }
            var dateStyles: Set<Int> = []
            if let xml = try part(archive, "xl/styles.xml") {
                let part = StylesPart()
                try part.parse(xml, part: "xl/styles.xml")
                dateStyles = part.dateStyles
            }
            guard let sheetXML = try part(archive, target, limit: InputLimits.workbookPartBytes) else {
                return .failure(.malformed("thiếu \(target)"))
            }
            let sheetPart = SheetPart(sheet: chosen.name, sharedStrings: sharedStrings, dateStyles: dateStyles, date1904: workbook.date1904)
            try sheetPart.parse(sheetXML, part: target)
            let trimmed = sheetPart.rows.map { row -> CSVTable.Row in
                var row = row
                row.cells = row.cells.map { $0.trimmingCharacters(in: .whitespaces) }
                while let last = row.cells.last, last.isEmpty { row.cells.removeLast() }
                return row
            }.filter { !$0.cells.isEmpty }
            return .success(Sheet(name: chosen.name, table: CSVTable(separator: ",", rows: trimmed)))
        } catch let failure as Failure {
            return .failure(failure)
        } catch {
            return .failure(.malformed("\(error)"))
        }
    }

    /// A zip whose structures point outside it, in the workbook reader's
    /// words (the .docx reader words the same problems its own way).
    static func zipWords(_ problem: ZipDirectory.Problem) -> String {
        switch problem {
        case .tooShort: "tệp nén quá ngắn"
        case .noEndRecord: "không có mục lục của tệp nén"
        case .zip64: "tệp nén dạng zip64"
        case .directoryOutside: "mục lục của tệp nén trỏ ra ngoài tệp"
        case .directoryCutOff, .directoryDamaged: "mục lục của tệp nén bị hỏng"
        case .entryOutside: "một phần của tệp nén trỏ ra ngoài tệp"
        case .entryCutOff: "một phần của tệp nén bị cắt cụt"
        }
    }

    /// Stops inflating a part past its limit (an error thrown from the consumer ends the extraction).
    private struct Overflow: Error { let declared: Bool }

    /// The bytes of one part, nil when the workbook has none. Its size as
    /// declared in the zip directory is checked before inflating and what
    /// inflating gives is checked as it arrives, so a part that lies about
    /// its size costs no more memory than an honest one.
    static func part(_ archive: Archive, _ path: String, limit: Int = InputLimits.workbookSmallPartBytes) throws -> Data? {
        guard let entry = archive[path] else { return nil }
        let declared = Int(clamping: entry.uncompressedSize)
        let tooLarge = Failure.tooLarge("phần \(path) giải nén ra hơn \(InputLimits.megabytes(limit)) MB")
        guard declared <= limit else { throw tooLarge }
        var data = Data()
        data.reserveCapacity(declared)
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                guard data.count + chunk.count <= declared else { throw Overflow(declared: true) }
                data.append(chunk)
            }
        } catch is Overflow {
            throw Failure.malformed("phần \(path) dài hơn kích thước ghi trong tệp nén")
        }
        guard data.count == declared else { throw Failure.malformed("phần \(path) ngắn hơn kích thước ghi trong tệp nén") }
        return data
    }

    /// "AB" → 27 (zero-based); nil unless one to three capital letters
    /// (Excel's last column is XFD), so no reference can overflow.
    static func columnIndex(_ letters: Substring) -> Int? {
        guard (1...3).contains(letters.utf8.count) else { return nil }
        var value = 0
        for byte in letters.utf8 {
            guard (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) else { return nil }
            value = value * 26 + Int(byte) - 64
        }
        return value - 1
    }

    /// A cell reference "C7" as (zero-based column, row); nil when it is
    /// not letters then digits within Excel's sizes.
    static func cellReference(_ reference: String) -> (column: Int, row: Int)? {
        let utf8 = reference.utf8
        guard utf8.count <= InputLimits.cellReferenceLength else { return nil }
        let letters = utf8.prefix { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }
        let digits = utf8.dropFirst(letters.count)
        guard let column = columnIndex(Substring(reference.prefix(letters.count))),
              (1...7).contains(digits.count), digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
              let row = Int(String(decoding: digits, as: UTF8.self)), row >= 1 else { return nil }
        return (column, row)
    }

    /// An Excel serial day as a date (1900 system, with Excel's phantom 29/02/1900, or 1904).
    static func date(fromSerial serial: Double, date1904: Bool) -> CivilDate? {
        guard serial.isFinite, serial >= 1, serial < 2_958_466 else { return nil }
        let days = Int(serial.rounded(.down))
        // Day numbers (days since 01/01/1970) of 01/01/1904 and 30/12/1899.
        let base = CivilDate(dayNumber: date1904 ? -24_107 : -25_569)
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

/// A SAX delegate base. A part that does not parse to its end (cut off,
/// not well-formed) is an error, never a shorter table; a subclass that
/// finds a bad value records `failure` and stops the parser.
private class PartParser: NSObject, XMLParserDelegate {
    var failure: Workbook.Failure?

    func parse(_ data: Data, part: String) throws {
        // Excel never writes a document type; refusing one keeps entity
        // expansion ("billion laughs") out of reach.
        if Self.declaresDocumentType(data) { throw Workbook.Failure.malformed("phần \(part) có khai báo DOCTYPE") }
        // FoundationXML traps on an element name that is not UTF-8 (found by
        // fuzzing); Excel writes every part in UTF-8.
        guard Self.isUTF8(data) else { throw Workbook.Failure.malformed("phần \(part) không phải văn bản UTF-8") }
        let parser = XMLParser(data: data)
        parser.delegate = self
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        let finished = parser.parse()
        if let failure { throw failure }
        guard finished, rootClosed else {
            throw Workbook.Failure.malformed("phần \(part) bị cắt cụt hoặc viết sai ở dòng \(parser.lineNumber), cột \(parser.columnNumber)")
        }
        if let failure = complete(part: part) { throw failure }
    }

    /// What is missing once the whole part parsed (nil: nothing).
    func complete(part: String) -> Workbook.Failure? { nil }

    func stop(_ parser: XMLParser, _ failure: Workbook.Failure) {
        if self.failure == nil { self.failure = failure }
        parser.abortParsing()
    }

    /// Whether `data` is valid UTF-8, decoded without a copy.
    static func isUTF8(_ data: Data) -> Bool {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Bool in
            var iterator = raw.bindMemory(to: UInt8.self).makeIterator()
            var decoder = Unicode.UTF8()
            while true {
                switch decoder.decode(&iterator) {
                case .scalarValue: continue
                case .emptyInput: return true
                case .error: return false
                }
            }
        }
    }

    /// Whether the prolog (before the first element) holds "<!DOCTYPE".
    static func declaresDocumentType(_ data: Data) -> Bool {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Bool in
            let bytes = raw.bindMemory(to: UInt8.self)
            var i = 0
            func starts(_ text: String) -> Bool {
                let pattern = Array(text.utf8)
                return i + pattern.count <= bytes.count && pattern.indices.allSatisfy { bytes[i + $0] == pattern[$0] }
            }
            while i < bytes.count {
                switch bytes[i] {
                case 0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF: i += 1 // blanks and a byte-order mark
                case UInt8(ascii: "<"):
                    if starts("<!DOCTYPE") || starts("<!doctype") { return true }
                    let close: String
                    if starts("<?") { close = "?>" } else if starts("<!--") { close = "-->" } else { return false }
                    i += 2
                    while i < bytes.count, !starts(close) { i += 1 }
                    i += close.utf8.count
                default: return false
                }
            }
            return false
        }
    }

    /// Elements open now; the part is whole only once the root closed.
    private var depth = 0
    private var rootClosed = false

    func parser(_ parser: XMLParser, foundCharacters string: String) {}

    // XMLParser on Linux reaches the end of a part cut off inside its root
    // element without an error, so the open elements are counted here.
    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes: [String: String] = [:]) {
        depth += 1
        open(Self.local(elementName), attributes: attributes, parser)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        depth -= 1
        if depth == 0 { rootClosed = true }
        close(Self.local(elementName), parser)
    }

    /// An element starts (its local name).
    func open(_ name: Substring, attributes: [String: String], _ parser: XMLParser) {}
    /// An element ends.
    func close(_ name: Substring, _ parser: XMLParser) {}

    /// "x:sheet" → "sheet": some writers prefix the main namespace.
    static func local(_ name: String) -> Substring {
        name.split(separator: ":").last ?? Substring(name)
    }
}

private final class WorkbookPart: PartParser {
    struct SheetEntry { let name: String; let relationshipID: String }
    var sheets: [SheetEntry] = []
    var date1904 = false

    override func open(_ name: Substring, attributes: [String: String], _ parser: XMLParser) {
        switch name {
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

    override func open(_ name: Substring, attributes: [String: String], _ parser: XMLParser) {
        if name == "Relationship", let id = attributes["Id"], let target = attributes["Target"] {
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

    override func open(_ name: Substring, attributes: [String: String], _ parser: XMLParser) {
        switch name {
        case "si": inItem = true; current = ""
        case "t": inText = true
        case "rPh": inPhonetic = true // ruby text is not part of the value
        default: break
        }
    }

    override func close(_ name: Substring, _ parser: XMLParser) {
        switch name {
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
    var dateStyles: Set<Int> {
        let builtIn: Set<Int> = Set(14...22).union(45...47).union(27...36).union(50...58)
        return Set(cellFormats.enumerated().filter { builtIn.contains($0.element) || customDateFormats.contains($0.element) }.map(\.offset))
    }

    override func open(_ name: Substring, attributes: [String: String], _ parser: XMLParser) {
        switch name {
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

    override func close(_ name: Substring, _ parser: XMLParser) {
        if name == "cellXfs" { inCellXfs = false }
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
    let sheet: String
    let sharedStrings: [String]
    let dateStyles: Set<Int>
    let date1904: Bool
    var rows: [CSVTable.Row] = []
    var currentRow: [String] = []
    var rowNumber = 0
    /// Whether the current row named its number (then its cells must agree).
    var rowNumbered = false
    var cellColumn = 0
    var cellReference = ""
    var cellType = ""
    var cellStyle = 0
    var value = ""
    var inValue = false
    var inInline = false
    /// Cells kept so far, counting the empty ones before a far cell.
    var cellCount = 0
    var sawEnd = false

    init(sheet: String, sharedStrings: [String], dateStyles: Set<Int>, date1904: Bool) {
        self.sheet = sheet
        self.sharedStrings = sharedStrings
        self.dateStyles = dateStyles
        self.date1904 = date1904
    }

    /// A reference as a message may quote it: short, whatever was written.
    static func shown(_ reference: String) -> String {
        reference.count <= InputLimits.cellReferenceLength ? reference : String(reference.prefix(InputLimits.cellReferenceLength)) + "…"
    }

    func bad(_ parser: XMLParser, _ cell: String, _ detail: String) {
        stop(parser, .badCell(sheet: sheet, cell: Self.shown(cell), detail: detail))
    }

    override func complete(part: String) -> Workbook.Failure? {
        // XMLParser accepts a document that ends after any complete element
        // only if the root closed; this makes a missing </sheetData> explicit.
        sawEnd ? nil : .malformed("phần \(part) bị cắt cụt: không có thẻ đóng </sheetData>")
    }

    override func open(_ name: Substring, attributes: [String: String], _ parser: XMLParser) {
        switch name {
        case "row":
            if let written = attributes["r"] {
                guard written.utf8.count <= 7, let number = Int(written), (1...InputLimits.worksheetRows).contains(number) else {
                    return bad(parser, written, "số dòng \"\(Self.shown(written))\" không hợp lệ (dòng phải từ 1 đến \(VietnameseNumber.grouped(InputLimits.worksheetRows)))")
                }
                guard number > rowNumber else {
                    return bad(parser, "A\(number)", "dòng \(number) ghi sau dòng \(rowNumber): các dòng phải theo thứ tự tăng dần")
                }
                rowNumber = number
                rowNumbered = true
            } else {
                guard rowNumber < InputLimits.worksheetRows else {
                    return stop(parser, .tooLarge("hơn \(VietnameseNumber.grouped(InputLimits.worksheetRows)) dòng"))
                }
                rowNumber += 1
                rowNumbered = false
            }
            currentRow = []
        case "c":
            if let reference = attributes["r"] {
                guard let (column, row) = Workbook.cellReference(reference) else {
                    return bad(parser, reference, "tham chiếu ô \"\(Self.shown(reference))\" không đọc được (phải là chữ cột rồi số dòng, như C7)")
                }
                guard !rowNumbered || row == rowNumber else {
                    return bad(parser, reference, "ô \(reference) nằm trong dòng \(rowNumber)")
                }
                cellColumn = column
                cellReference = reference
            } else {
                cellColumn = currentRow.count
                cellReference = Diagnostic.columnLetters(cellColumn + 1) + "\(rowNumber)"
            }
            guard cellColumn < InputLimits.worksheetColumns else {
                return bad(parser, cellReference, "ô \(Self.shown(cellReference)) nằm ngoài cột \(Diagnostic.columnLetters(InputLimits.worksheetColumns)), cột cuối cùng tiendo đọc")
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

    override func close(_ name: Substring, _ parser: XMLParser) {
        switch name {
        case "v": inValue = false
        case "t": if inInline { inValue = false }
        case "is": inInline = false
        case "c":
            let text: String
            switch cellType {
            case "s":
                guard let index = Int(value), sharedStrings.indices.contains(index) else {
                    return bad(parser, cellReference, "ô \(cellReference) trỏ tới chuỗi số \"\(value.prefix(20))\" trong bảng chuỗi dùng chung, nhưng bảng chỉ có \(sharedStrings.count) chuỗi")
                }
                text = sharedStrings[index]
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
            if cellColumn >= currentRow.count {
                let added = cellColumn - currentRow.count + 1
                cellCount += added
                guard cellCount <= InputLimits.worksheetCells else {
                    return stop(parser, .tooLarge("hơn \(VietnameseNumber.grouped(InputLimits.worksheetCells)) ô"))
                }
                currentRow += Array(repeating: "", count: added)
            }
            currentRow[cellColumn] = text
        case "row":
            // A row number met twice (a second <sheetData>, rows renumbered by
            // another tool) would make two rows of one line: refused, not merged.
            if let last = rows.last, last.line >= rowNumber {
                return bad(parser, "A\(rowNumber)", "dòng \(rowNumber) ghi sau dòng \(last.line): các dòng phải theo thứ tự tăng dần")
            }
            rows.append(CSVTable.Row(line: rowNumber, cells: currentRow))
        case "sheetData":
            // One <sheetData> per worksheet; what follows a second one is not read as more rows.
            if sawEnd { return bad(parser, "A\(rowNumber)", "trang tính có hai phần dữ liệu <sheetData>") }
            sawEnd = true
        default: break
        }
    }

    override func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inValue { value += string }
    }
}
