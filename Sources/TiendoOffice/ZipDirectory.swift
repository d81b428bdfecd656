import Foundation

/// The structures of a zip that ZIPFoundation follows, checked against the
/// bytes there are before it follows them. Its in-memory reader traps when
/// asked to read past the end of the data (found by the docx and the
/// workbook fuzz targets, each with a directory pointing past the end), so
/// a damaged .docx or .xlsx would stop tiendo instead of getting an error.
/// The walk is ZIPFoundation's own: the end record nearest the end, the
/// central directory it points to entry by entry, each entry's local
/// header and its data (past which a data descriptor is sought). ZIP64,
/// which neither Word nor Excel writes for a file of this size, is refused.
///
/// One check for both office readers; each words a `Problem` in its own
/// message (`WordImportError.damagedZip`, `Workbook.Failure.notAWorkbook`).
/// Sizes are read here only to check offsets: what a part inflates to is
/// bounded while inflating, never trusted from these headers.
public enum ZipDirectory {
    public enum Problem: Error, Equatable, Sendable, CaseIterable {
        /// Shorter than an end-of-central-directory record (22 bytes).
        case tooShort
        /// No end-of-central-directory record.
        case noEndRecord
        /// A ZIP64 record, or a size or offset that says "see ZIP64".
        case zip64
        /// The central directory lies, wholly or in part, past the end.
        case directoryOutside
        /// A directory entry runs past the end of the data.
        case directoryCutOff
        /// A directory entry is not one (another record's signature).
        case directoryDamaged
        /// An entry's local header is past the end, or is not a local header.
        case entryOutside
        /// An entry's local header or data runs past the end.
        case entryCutOff
    }

    /// Checks every structure ZIPFoundation will follow and returns the
    /// number of entries, so a reader can refuse too many before opening
    /// the zip (ZIPFoundation then lists exactly these).
    public static func check(_ data: Data) throws(Problem) -> Int {
        try data.withUnsafeBytes { walk($0.bindMemory(to: UInt8.self)) }.get()
    }

    private static func walk(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<Int, Problem> {
        let count = bytes.count
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        /// Whether `length` bytes from `at` lie inside the data.
        func fits(_ at: Int, _ length: Int) -> Bool { at <= count && length <= count - at }

        guard count >= 22 else { return .failure(.tooShort) }
        var end = count - 22
        while end >= 0, u32(end) != 0x0605_4B50 { end -= 1 }
        guard end >= 0 else { return .failure(.noEndRecord) }
        // A ZIP64 locator just before the end record, or a ZIP64 end record before that.
        if end >= 20, u32(end - 20) == 0x0706_4B50 { return .failure(.zip64) }
        if end >= 76, u32(end - 76) == 0x0606_4B50 { return .failure(.zip64) }
        let entries = u16(end + 10), size = u32(end + 12), start = u32(end + 16)
        guard fits(start, size) else { return .failure(.directoryOutside) }
        var offset = start
        for _ in 0..<entries {
            guard fits(offset, 46) else { return .failure(.directoryCutOff) }
            guard u32(offset) == 0x0201_4B50 else { return .failure(.directoryDamaged) }
            let method = u16(offset + 10)
            let compressed = u32(offset + 20), uncompressed = u32(offset + 24), local = u32(offset + 42)
            guard compressed != 0xFFFF_FFFF, uncompressed != 0xFFFF_FFFF, local != 0xFFFF_FFFF else { return .failure(.zip64) }
            let length = 46 + u16(offset + 28) + u16(offset + 30) + u16(offset + 32)
            guard fits(offset, length) else { return .failure(.directoryCutOff) }
            guard fits(local, 30), u32(local) == 0x0403_4B50 else { return .failure(.entryOutside) }
            let header = 30 + u16(local + 26) + u16(local + 28)
            // ZIPFoundation reads (and seeks past, to a data descriptor) the
            // compressed size, or for a stored entry the uncompressed one.
            let stored = max(compressed, method == 0 ? uncompressed : 0)
            guard fits(local, header), fits(local + header, stored) else { return .failure(.entryCutOff) }
            offset += length
        }
        return .success(entries)
    }
}
