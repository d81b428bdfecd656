import Foundation
import ZIPFoundation

/// The parts of an Office file (a zip of XML), read from bytes in memory
/// with every limit of `OfficeLimits` checked while inflating: the sizes a
/// zip declares are not trusted.
struct OfficePackage {
    private let archive: Archive
    private let entries: [String: Entry]
    private let limits: OfficeLimits
    private var inflated = 0

    init(_ data: Data, limits: OfficeLimits) throws(WordImportError) {
        guard !data.isEmpty else { throw .empty }
        guard data.count <= limits.fileBytes else { throw .tooLarge(limit: limits.fileBytes) }
        switch FileSignature.of(data) {
        case .zip: break
        case .pdf: throw .pdf
        case .compoundFile(.encrypted): throw .encrypted
        case .compoundFile(.word): throw .legacyWord
        case .compoundFile(.other): throw .otherCompoundFile
        case .rtf: throw .rtf
        case .unknown: throw .notZip
        }
        let count: Int
        do {
            count = try ZipDirectory.check(data)
        } catch {
            throw .damaged(error)
        }
        // Refused from the directory's count, before ZIPFoundation lists a single entry.
        guard count <= limits.entries else { throw .tooManyEntries(limit: limits.entries) }
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw .damagedZip("không mở được tệp nén")
        }
        var entries: [String: Entry] = [:]
        for entry in archive {
            // Part names are case-insensitive in Open Packaging; the first entry of a name wins.
            let name = Self.normalize(entry.path)
            if entries[name] == nil { entries[name] = entry }
        }
        self.entries = entries
        self.limits = limits
    }

    /// "/word/document.xml", "word\\document.xml" → "word/document.xml", lowercased.
    static func normalize(_ path: String) -> String {
        var name = path.replacingOccurrences(of: "\\", with: "/").lowercased()
        while name.hasPrefix("/") { name.removeFirst() }
        return name
    }

    func contains(_ path: String) -> Bool { entries[Self.normalize(path)] != nil }

    /// The part's bytes, or nil when the package has no such part.
    mutating func part(_ path: String) throws(WordImportError) -> Data? {
        guard let entry = entries[Self.normalize(path)], entry.type == .file else { return nil }
        var data = Data()
        let partLimit = limits.partBytes, totalLimit = limits.totalBytes
        var total = inflated
        do {
            _ = try archive.extract(entry, bufferSize: 64 * 1024, skipCRC32: false) { chunk in
                total += chunk.count
                if data.count + chunk.count > partLimit { throw WordImportError.partTooLarge(part: path, limit: partLimit) }
                if total > totalLimit { throw WordImportError.totalTooLarge(limit: totalLimit) }
                data.append(chunk)
            }
        } catch let error as WordImportError {
            throw error
        } catch {
            throw .damagedZip("không giải nén được \(path)")
        }
        inflated = total
        return data
    }
}
