import Foundation

/// What a file is, told from its first bytes rather than its name: clerks
/// receive PDFs renamed .docx, old .doc files, and password-protected
/// documents, and each needs its own advice.
enum FileSignature {
    case zip
    case pdf
    case compoundFile(CompoundContent)
    case rtf
    case unknown

    enum CompoundContent { case encrypted, word, other }

    static func of(_ data: Data) -> FileSignature {
        let head = [UInt8](data.prefix(1024))
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06]) { return .zip }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .compoundFile(compoundContent(data)) }
        if head.starts(with: Array("{\\rtf".utf8)) { return .rtf }
        // A PDF may have junk before its header; readers accept it in the first kilobyte.
        if contains(head, Array("%PDF-".utf8)) { return .pdf }
        return .unknown
    }

    /// An OLE compound file names its streams in UTF-16LE in its directory
    /// sectors. Word encrypts a .docx by wrapping it in such a file with
    /// "EncryptionInfo" and "EncryptedPackage" streams; a Word 97–2003 .doc
    /// has a "WordDocument" stream. Searching for the names is enough to
    /// give the right advice; nothing is read from the streams.
    static func compoundContent(_ data: Data) -> CompoundContent {
        let bytes = [UInt8](data)
        if contains(bytes, utf16("EncryptionInfo")) || contains(bytes, utf16("EncryptedPackage")) { return .encrypted }
        if contains(bytes, utf16("WordDocument")) { return .word }
        return .other
    }

    static func utf16(_ text: String) -> [UInt8] {
        text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        let first = needle[0]
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }
}
