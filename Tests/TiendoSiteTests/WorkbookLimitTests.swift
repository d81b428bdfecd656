import Foundation
import Testing
import TiendoCore
import TiendoOffice
@testable import TiendoSite
import ZIPFoundation

/// Broken and hostile workbooks are errors naming the file and cell, never
/// a trap, a shorter table or gigabytes of memory (issue 12).
@Suite struct WorkbookLimitTests {
    static let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
    static let footer = "</sheetData></worksheet>"

    /// A workbook of one sheet "Trạng thái" with these rows (and shared strings).
    static func workbook(rows: String, sharedStrings: [String]? = nil, sheetXML: String? = nil, sheetBytes: Data? = nil) throws -> Data {
        var entries: [ZipWriter.Entry] = []
        func add(_ path: String, _ text: String) { add(path, Data(text.utf8)) }
        func add(_ path: String, _ bytes: Data) { entries.append(ZipWriter.Entry(path: path, data: bytes)) }
        add("xl/workbook.xml", #"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Trạng thái" sheetId="1" r:id="rId1"/></sheets></workbook>"#)
        add("xl/_rels/workbook.xml.rels", #"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#)
        if let sharedStrings {
            add("xl/sharedStrings.xml", #"<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
                    + sharedStrings.map { "<si><t>\($0)</t></si>" }.joined() + "</sst>")
        }
        if let sheetBytes { add("xl/worksheets/sheet1.xml", sheetBytes) } else {
            add("xl/worksheets/sheet1.xml", sheetXML ?? header + rows + footer)
        }
        return try ZipWriter.zip(entries)
    }

    static func failure(_ data: Data) -> Workbook.Failure? {
        if case .failure(let failure) = Workbook.read(data) { return failure }
        return nil
    }

    @Test func aGoodHandMadeSheetReads() throws {
        let data = try Self.workbook(rows: #"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>x</t></is></c></row><row r="3"><c r="B3"><v>7</v></c></row>"#,
                                     sharedStrings: ["directive"])
        let sheet = try Workbook.read(data).get()
        #expect(sheet.table.rows.map(\.line) == [1, 3])
        #expect(sheet.table.rows.map(\.cells) == [["directive", "", "x"], ["", "7"]])
    }

    @Test(arguments: [
        // (row XML, the cell named, words the message must hold)
        (#"<row r="2"><c r="C2" t="s"><v>5</v></c></row>"#, "Trạng thái!C2", "chỉ có 1 chuỗi"),
        (#"<row r="2"><c r="C2" t="s"><v>-1</v></c></row>"#, "Trạng thái!C2", "chỉ có 1 chuỗi"),
        (#"<row r="2"><c r="C2" t="s"><v>99999999999999999999999</v></c></row>"#, "Trạng thái!C2", "chỉ có 1 chuỗi"),
        (#"<row r="2"><c r="C2" t="s"><v></v></c></row>"#, "Trạng thái!C2", "chỉ có 1 chuỗi"),
        (#"<row r="2"><c r="2"><v>1</v></c></row>"#, "Trạng thái!2", "không đọc được"),
        (#"<row r="2"><c r="ZZZZZZZZ2"><v>1</v></c></row>"#, "Trạng thái!ZZZZZZZZ2", "không đọc được"),
        (#"<row r="2"><c r="c2"><v>1</v></c></row>"#, "Trạng thái!c2", "không đọc được"),
        (#"<row r="2"><c r="C"><v>1</v></c></row>"#, "Trạng thái!C", "không đọc được"),
        (#"<row r="2"><c r="C0"><v>1</v></c></row>"#, "Trạng thái!C0", "không đọc được"),
        (#"<row r="2"><c r="C99999999999999999999"><v>1</v></c></row>"#, "Trạng thái!C999999999999999…", "không đọc được"),
        (#"<row r="2"><c r="XFD2"><v>1</v></c></row>"#, "Trạng thái!XFD2", "nằm ngoài cột IV"),
        (#"<row r="2"><c r="C3"><v>1</v></c></row>"#, "Trạng thái!C3", "nằm trong dòng 2"),
        (#"<row r="99999999999"><c><v>1</v></c></row>"#, "Trạng thái!99999999999", "số dòng"),
        (#"<row r="0"><c><v>1</v></c></row>"#, "Trạng thái!0", "số dòng"),
        (#"<row r="x"><c><v>1</v></c></row>"#, "Trạng thái!x", "số dòng"),
        (#"<row r="3"><c><v>1</v></c></row><row r="2"><c><v>1</v></c></row>"#, "Trạng thái!A2", "tăng dần"),
    ])
    func aMalformedCellIsAnErrorNamingIt(_ row: String, _ cell: String, _ words: String) throws {
        let data = try Self.workbook(rows: #"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"# + row, sharedStrings: ["directive"])
        let failure = try #require(Self.failure(data))
        #expect(failure.cell == cell)
        #expect(failure.description.contains(words), "\(failure)")
    }

    @Test(arguments: [
        #"<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row><row r="3"><c r="A3"><v>"#,
        #"<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>"#,
        #"<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row></sheetData>"#,
    ])
    func aSheetCutOffIsAnErrorNotFewerRows(_ body: String) throws {
        let data = try Self.workbook(rows: "", sheetXML: Self.header + body)
        let failure = try #require(Self.failure(data), "a cut-off sheet must not read as \(String(describing: try? Workbook.read(data).get().table.rows))")
        #expect(failure.description.contains("bị cắt cụt"), "\(failure)")
    }

    @Test func aDocumentTypeIsRefused() throws {
        let laughs = #"<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>"#
            + #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>"#
        let failure = try #require(Self.failure(try Self.workbook(rows: "", sheetXML: laughs)))
        #expect(failure.description.contains("DOCTYPE"))
    }

    @Test func tooManyEntriesAreRefusedBeforeReadingThem() throws {
        let archive = try Archive(accessMode: .create)
        for index in 0...InputLimits.workbookEntries {
            try archive.addEntry(with: "x/\(index)", type: .file, uncompressedSize: Int64(0)) { (_: Int64, _: Int) in Data() }
        }
        let data = try #require(archive.data)
        let failure = try #require(Self.failure(data))
        #expect(failure.description.contains("tệp bên trong"), "\(failure)")
    }

    /// The hostile workbooks of Fixtures/xlsx/make-bombs.py, checked by the
    /// real binary: refused quickly, naming the file, in bounded memory
    /// (the child's own peak RSS, its VmHWM).
    @Test(arguments: [
        ("bomb-declared.xlsx", "giải nén ra hơn 512 MB"),
        ("bomb-lying.xlsx", "dài hơn kích thước ghi trong tệp nén"),
        ("far-cell.xlsx", "Sheet1!XFD1048576"),
    ])
    func bombsAreRefusedInBoundedMemory(_ name: String, _ words: String) throws {
        let content = Support.temporaryDirectory() + "/content"
        try FileManager.default.copyItem(atPath: Support.miniContent, toPath: content)
        try FileManager.default.removeItem(atPath: content + "/status.csv")
        try FileManager.default.copyItem(atPath: Support.fixtures + "/xlsx/" + name, toPath: content + "/status.xlsx")
        let run = try ChildProcess.run(TiendoProcess.executable, ["check", "--content", content])
        #expect(run.status == 1)
        #expect(run.stderr.contains("status.xlsx"), "\(run.stderr)")
        #expect(run.stderr.contains(words), "\(run.stderr)")
        // `tiendo check` of the small content takes about 40 MB; inflating
        // the 1 GiB sheet took 4.2 GB before the limits.
        #expect(run.peakMegabytes > 0, "the child's memory was never sampled")
        #expect(run.peakMegabytes < 150, "peak RSS \(run.peakMegabytes) MB")
        #expect(run.seconds < 20)
    }
}

/// Inputs the `workbook` fuzz target found (Fuzz/run workbook), each read
/// without a trap. ZIPFoundation's in-memory reader trapped on an offset
/// past the end of the data; tiendo checks the zip directory first.
@Suite struct WorkbookFuzzRegressionTests {
    @Test func everyFoundInputIsAFailureNotATrap() throws {
        let folder = Support.fixtures + "/fuzz-regressions/workbook"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(!names.isEmpty)
        for name in names {
            var data = try #require(FileManager.default.contents(atPath: folder + "/" + name))
            // As the target does: what is not a zip is a sheet in a small workbook.
            if !data.starts(with: [0x50, 0x4B]) { data = try WorkbookLimitTests.workbook(rows: "", sheetBytes: data) }
            guard case .failure(let failure) = Workbook.read(data) else { continue }
            #expect(!failure.description.isEmpty)
        }
        let cut = try #require(FileManager.default.contents(atPath: folder + "/zip-directory-past-the-end.xlsx"))
        #expect(Workbook.read(cut).failure?.description.contains("tệp nén") == true)
        let notUTF8 = try #require(FileManager.default.contents(atPath: folder + "/element-name-not-utf8.xml"))
        let failure = Workbook.read(try WorkbookLimitTests.workbook(rows: "", sheetBytes: notUTF8)).failure
        #expect(failure?.description.contains("không phải văn bản UTF-8") == true, "\(String(describing: failure))")
        // A second <sheetData> gave two rows of line 2: now refused, never a table with a line twice.
        let twice = try #require(FileManager.default.contents(atPath: folder + "/row-number-twice.xml"))
        let twiceFailure = Workbook.read(try WorkbookLimitTests.workbook(rows: "", sheetBytes: twice)).failure
        #expect(twiceFailure != nil, "a worksheet with row 2 twice must be refused")
    }

    @Test func aRowNumberMetTwiceIsAnError() throws {
        let data = try WorkbookLimitTests.workbook(rows: #"<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>"#
            + #"</sheetData><sheetData><row><c><v>3</v></c></row>"#)
        let failure = Workbook.read(data).failure
        #expect(failure?.description.contains("<sheetData>") == true || failure?.description.contains("tăng dần") == true,
                "\(String(describing: failure))")
    }

    @Test func zipStructuresPointingOutsideTheFileAreRefused() throws {
        let good = try WorkbookLimitTests.workbook(rows: #"<row r="1"><c r="A1"><v>1</v></c></row>"#)
        #expect(throws: Never.self) { try ZipDirectory.check(good) }
        var bytes = [UInt8](good)
        let signature: [UInt8] = [0x50, 0x4B, 5, 6] // end of central directory
        let found = (0...(bytes.count - 22)).last { (at: Int) -> Bool in Array(bytes[at..<(at + 4)]) == signature }
        let end = try #require(found)
        for (field, value) in [(16, UInt32.max - 1), (12, UInt32.max - 1)] { // directory start, directory size
            var broken = bytes
            withUnsafeBytes(of: value.littleEndian) { broken.replaceSubrange((end + field)..<(end + field + 4), with: $0) }
            #expect(throws: ZipDirectory.Problem.self) { try ZipDirectory.check(Data(broken)) }
            #expect(Workbook.read(Data(broken)).failure != nil)
        }
        bytes.removeLast(30)
        #expect(Workbook.read(Data(bytes)).failure != nil)
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}
