import Foundation
import Testing
import TiendoOffice
import ZIPFoundation

/// tiendo's zip writer gives the bytes ZIPFoundation's writer gave (the one
/// it replaced), so published workbooks did not change: ZIPFoundation is
/// kept here as the reference, on entries of every kind of size.
@Suite struct ZipWriterTests {
    /// The zip ZIPFoundation writes for the same entries and timestamp.
    static func reference(_ entries: [(String, [UInt8])], modified: Date = ZipWriter.earliest) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, bytes) in entries {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: modified,
                                 compressionMethod: .deflate, bufferSize: 16 * 1024) { position, count in
                Data(bytes[Int(position)..<Int(position) + count])
            }
        }
        return try #require(archive.data)
    }

    /// Deterministic bytes: XML-like text with repeats (deflates well) or noise (does not).
    static func bytes(_ count: Int, seed: UInt64, noise: Bool) -> [UInt8] {
        var state = seed &+ 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return state
        }
        if noise { return (0..<count).map { _ in UInt8(truncatingIfNeeded: next()) } }
        let words = ["<row r=\"", "\"><c t=\"s\"><v>", "</v></c>", "Sở Tài chính", "hoàn thành", "\n", "12", "7"]
        var out: [UInt8] = []
        while out.count < count { out += Array(words[Int(next() % UInt64(words.count))].utf8) }
        return Array(out.prefix(count))
    }

    @Test(arguments: [0, 1, 100, 16 * 1024 - 1, 16 * 1024, 16 * 1024 + 1, 100_000, 1_000_000])
    func sameBytesAsZIPFoundation(size: Int) throws {
        let entries = [
            ("[Content_Types].xml", Self.bytes(size, seed: 1, noise: false)),
            ("xl/worksheets/sheet1.xml", Self.bytes(size, seed: 2, noise: true)),
            ("tệp/trống.xml", []),
            ("xl/sharedStrings.xml", Self.bytes(size / 3, seed: UInt64(size), noise: false)),
        ]
        let ours = try ZipWriter.zip(entries.map { ZipWriter.Entry(path: $0.0, data: Data($0.1)) })
        #expect(ours == (try Self.reference(entries)))
        // Smaller chunks asked of the entries change nothing.
        #expect(try ZipWriter.zip(entries.map { ZipWriter.Entry(path: $0.0, data: Data($0.1)) }, chunk: 1000) == ours)
    }

    @Test func anEntryDeflatedBeforehandIsTheSameEntry() throws {
        let shared = Self.bytes(50_000, seed: 7, noise: false)
        let deflated = try ZipWriter.Deflated(shared)
        let entries = [("a.xml", Self.bytes(3000, seed: 8, noise: false)), ("xl/styles.xml", shared)]
        let once = try ZipWriter.zip([ZipWriter.Entry(path: "a.xml", data: Data(entries[0].1)),
                                      ZipWriter.Entry(path: "xl/styles.xml", deflated: deflated)])
        #expect(once == (try Self.reference(entries)))
        // And it reads back.
        let archive = try Archive(data: once, accessMode: .read)
        var back = Data()
        _ = try archive.extract(try #require(archive["xl/styles.xml"])) { back.append($0) }
        #expect([UInt8](back) == shared)
    }

    @Test func theTimestampIsWrittenAsZIPFoundationWroteIt() throws {
        let modified = Date(timeIntervalSince1970: 1_795_971_600 + 3_723) // 01:02:03 UTC, 30/11/2026
        let entries = [("x.txt", Array("một dòng".utf8))]
        let ours = try ZipWriter.zip([ZipWriter.Entry(path: "x.txt", data: Data(entries[0].1))], modified: modified)
        #expect(ours == (try Self.reference(entries, modified: modified)))
    }

    @Test(arguments: [Int32(1), 4, 9])
    func everyLevelReadsBack(level: Int32) throws {
        let bytes = Self.bytes(200_000, seed: UInt64(level), noise: false)
        let zip = try ZipWriter.zip([ZipWriter.Entry(path: "xl/worksheets/sheet1.xml", data: Data(bytes))], level: level)
        let archive = try Archive(data: zip, accessMode: .read)
        var back = Data()
        _ = try archive.extract(try #require(archive["xl/worksheets/sheet1.xml"])) { back.append($0) }
        #expect([UInt8](back) == bytes)
        // Another level, other bytes: the level is used.
        #expect(zip != (try ZipWriter.zip([ZipWriter.Entry(path: "xl/worksheets/sheet1.xml", data: Data(bytes))], level: level == 9 ? 1 : 9)))
    }

    /// A worksheet's rows are deflated before its head: pieces deflated
    /// apart, joined, must read back as the one entry (ZIPFoundation checks
    /// the CRC as it extracts), whatever the pieces' sizes, empty ones too.
    @Test(arguments: [[0, 0, 0], [1, 1, 1], [120, 0, 70], [3000, 250_000, 40], [70_000, 5, 0]])
    func piecesDeflatedApartReadBackAsOneEntry(sizes: [Int]) throws {
        let pieces = sizes.enumerated().map { Self.bytes($1, seed: UInt64($0 + 11), noise: $0 == 1) }
        var deflated: [ZipWriter.DeflatedPiece] = []
        for (index, piece) in pieces.enumerated() {
            let made = try ZipWriter.DeflatedPiece(level: 4)
            // Fed in uneven slices, as rows are.
            var start = 0
            while start < piece.count {
                let end = min(piece.count, start + 1 + start % 7_000)
                try made.add(Array(piece[start..<end]))
                start = end
            }
            try made.end(final: index == pieces.count - 1)
            deflated.append(made)
        }
        let whole = pieces.flatMap { $0 }
        let entry = ZipWriter.Deflated(joining: deflated)
        #expect(entry.size == whole.count)
        let zip = try ZipWriter.zip([ZipWriter.Entry(path: "xl/worksheets/sheet1.xml", deflated: entry)])
        let archive = try Archive(data: zip, accessMode: .read)
        var back = Data()
        _ = try archive.extract(try #require(archive["xl/worksheets/sheet1.xml"])) { back.append($0) }
        #expect([UInt8](back) == whole)
        // The same entry deflated in one piece has the same CRC, so the headers agree but for sizes.
        let onePiece = try ZipWriter.zip([ZipWriter.Entry(path: "xl/worksheets/sheet1.xml", data: Data(whole))], level: 4)
        #expect(zip[14..<18] == onePiece[14..<18], "CRC-32 of the joined entry")
    }
}
