import Foundation

/// Checks, before ZIPFoundation reads a zip from memory, that every place
/// it will seek to lies inside the bytes. Its in-memory file traps when
/// asked to read past the end (found by the docx fuzz target with a
/// truncated central directory), so a damaged .docx would stop tiendo
/// instead of getting an error. The walk follows ZIPFoundation's own:
/// the end record nearest the end, then the central directory entry by
/// entry, each entry's local header, data and data descriptor. ZIP64,
/// which Word never writes for a document, is refused.
enum ZipBounds {
    static func check(_ data: Data) throws(WordImportError) {
        let bytes = [UInt8](data)
        let count = UInt64(bytes.count)
        func u16(_ at: UInt64) -> UInt64 { UInt64(bytes[Int(at)]) | UInt64(bytes[Int(at) + 1]) << 8 }
        func u32(_ at: UInt64) -> UInt64 { u16(at) | u16(at + 2) << 16 }
        func fits(_ at: UInt64, _ length: UInt64) -> Bool { at <= count && length <= count - at }

        // The end of central directory record: ZIPFoundation takes the signature nearest the end.
        guard bytes.count >= 22 else { throw .damagedZip("thiếu phần cuối tệp nén") }
        var endRecord: UInt64?
        var position = count - 22
        while true {
            if u32(position) == 0x0605_4B50 { endRecord = position; break }
            if position == 0 { break }
            position -= 1
        }
        guard let end = endRecord, fits(end, 22) else { throw .damagedZip("thiếu phần cuối tệp nén") }
        if end >= 20, u32(end - 20) == 0x0706_4B50 { throw .damagedZip("dạng ZIP64") }
        if end >= 76, u32(end - 76) == 0x0606_4B50 { throw .damagedZip("dạng ZIP64") }
        let entries = u16(end + 10)
        let directoryStart = u32(end + 16)
        guard directoryStart <= count else { throw .damagedZip("mục lục tệp nén nằm ngoài tệp") }

        var entry = directoryStart
        for _ in 0..<entries {
            guard entry <= count else { throw .damagedZip("mục lục tệp nén nằm ngoài tệp") }
            // A short or foreign record ends ZIPFoundation's walk too.
            guard fits(entry, 46), u32(entry) == 0x0201_4B50 else { break }
            let flags = u16(entry + 8)
            let compressedSize = u32(entry + 20), uncompressedSize = u32(entry + 24)
            let nameLength = u16(entry + 28), extraLength = u16(entry + 30), commentLength = u16(entry + 32)
            let localHeader = u32(entry + 42)
            if compressedSize == 0xFFFF_FFFF || uncompressedSize == 0xFFFF_FFFF || localHeader == 0xFFFF_FFFF {
                throw .damagedZip("dạng ZIP64")
            }
            guard localHeader <= count else { throw .damagedZip("một thành phần nằm ngoài tệp") }
            if fits(localHeader, 30) {
                let dataStart = localHeader + 30 + u16(localHeader + 26) + u16(localHeader + 28)
                guard dataStart <= count else { throw .damagedZip("một thành phần nằm ngoài tệp") }
                if flags & 0x0008 != 0 {
                    let stored = u16(entry + 10) == 0
                    guard fits(dataStart, stored ? uncompressedSize : compressedSize) else {
                        throw .damagedZip("một thành phần nằm ngoài tệp")
                    }
                }
            }
            entry += 46 + nameLength + extraLength + commentLength
        }
    }
}
