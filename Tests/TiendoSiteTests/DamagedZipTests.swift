import Foundation
import Testing
import TiendoOffice
@testable import TiendoSite

/// One zip check (`ZipDirectory`) serves the .docx and the .xlsx reader:
/// every structure that points outside the file is refused by both before
/// ZIPFoundation follows it, each reader in the words it has always used.
@Suite struct DamagedZipTests {
    /// A small good workbook, and where its zip structures are.
    struct Layout {
        var bytes: [UInt8]
        /// The end-of-central-directory record, the first directory entry, its local header.
        let end: Int, directory: Int, local: Int

        init(_ data: Data) throws {
            bytes = [UInt8](data)
            let signature: [UInt8] = [0x50, 0x4B, 5, 6]
            let bytes = bytes
            end = try #require((0...(bytes.count - 22)).last { Array(bytes[$0..<($0 + 4)]) == signature })
            func u32(_ at: Int) -> Int { (0..<4).reduce(0) { $0 | Int(bytes[at + $1]) << (8 * $1) } }
            directory = u32(end + 16)
            local = u32(directory + 42)
        }

        mutating func set(_ at: Int, _ value: UInt32) {
            withUnsafeBytes(of: value.littleEndian) { bytes.replaceSubrange(at..<(at + 4), with: $0) }
        }

        mutating func set(_ at: Int, _ value: UInt16) {
            withUnsafeBytes(of: value.littleEndian) { bytes.replaceSubrange(at..<(at + 2), with: $0) }
        }
    }

    static func good() throws -> Data {
        try WorkbookLimitTests.workbook(rows: #"<row r="1"><c r="A1"><v>1</v></c></row>"#)
    }

    @Test func aGoodZipPassesWithItsEntryCount() throws {
        #expect(try ZipDirectory.check(Self.good()) == 3)
    }

    @Test(arguments: [
        // (what is broken, the problem, the .docx reader's words, the .xlsx reader's words)
        ("cut to ten bytes", ZipDirectory.Problem.tooShort, "thiếu phần cuối tệp nén", "tệp nén quá ngắn"),
        ("no end record", .noEndRecord, "thiếu phần cuối tệp nén", "không có mục lục của tệp nén"),
        ("a ZIP64 locator", .zip64, "dạng ZIP64", "tệp nén dạng zip64"),
        ("a ZIP64 size", .zip64, "dạng ZIP64", "tệp nén dạng zip64"),
        ("directory start past the end", .directoryOutside, "mục lục tệp nén nằm ngoài tệp", "mục lục của tệp nén trỏ ra ngoài tệp"),
        ("directory size past the end", .directoryOutside, "mục lục tệp nén nằm ngoài tệp", "mục lục của tệp nén trỏ ra ngoài tệp"),
        ("entry name past the end", .directoryCutOff, "mục lục tệp nén nằm ngoài tệp", "mục lục của tệp nén bị hỏng"),
        ("one entry more than written", .directoryCutOff, "mục lục tệp nén nằm ngoài tệp", "mục lục của tệp nén bị hỏng"),
        ("entry signature wrong", .directoryDamaged, "mục lục tệp nén bị hỏng", "mục lục của tệp nén bị hỏng"),
        ("local header past the end", .entryOutside, "một thành phần nằm ngoài tệp", "một phần của tệp nén trỏ ra ngoài tệp"),
        ("local header not one", .entryOutside, "một thành phần nằm ngoài tệp", "một phần của tệp nén trỏ ra ngoài tệp"),
        ("data past the end", .entryCutOff, "một thành phần nằm ngoài tệp", "một phần của tệp nén bị cắt cụt"),
    ])
    func bothReadersRefuseIt(_ broken: String, _ problem: ZipDirectory.Problem, _ docxWords: String, _ xlsxWords: String) throws {
        var zip = try Layout(Self.good())
        let count = zip.bytes.count
        switch broken {
        case "cut to ten bytes": zip.bytes.removeLast(count - 10)
        case "no end record": zip.set(zip.end, UInt32(0))
        case "a ZIP64 locator": zip.set(zip.end - 20, UInt32(0x0706_4B50))
        case "a ZIP64 size": zip.set(zip.directory + 20, UInt32.max)
        case "directory start past the end": zip.set(zip.end + 16, UInt32.max - 1)
        case "directory size past the end": zip.set(zip.end + 12, UInt32.max - 1)
        case "entry name past the end": zip.set(zip.directory + 28, UInt16.max)
        case "one entry more than written":
            zip.set(zip.end + 8, UInt16(4))
            zip.set(zip.end + 10, UInt16(4))
        case "entry signature wrong": zip.set(zip.directory, UInt32(0x0403_4B50))
        case "local header past the end": zip.set(zip.directory + 42, UInt32(count))
        case "local header not one": zip.set(zip.directory + 42, UInt32(1))
        case "data past the end": zip.set(zip.directory + 20, UInt32(count))
        default: Issue.record("no such breakage: \(broken)")
        }
        let data = Data(zip.bytes)
        #expect(throws: problem) { try ZipDirectory.check(data) }
        #expect(throws: WordImportError.damagedZip(docxWords)) { try WordDocument.convert(data) }
        #expect(Workbook.read(data).failure == .notAWorkbook(xlsxWords))
    }

    /// Both readers take the count of entries from the checked directory,
    /// before ZIPFoundation lists any.
    @Test func tooManyEntriesAreCountedFromTheDirectory() throws {
        let data = try Self.good()
        let limits = OfficeLimits(fileBytes: 1 << 20, entries: 2, partBytes: 1 << 20, totalBytes: 1 << 20, depth: 100)
        #expect(throws: WordImportError.tooManyEntries(limit: 2)) { try WordDocument.convert(data, limits: limits) }
    }
}
