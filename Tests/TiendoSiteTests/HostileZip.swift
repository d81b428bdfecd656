import Foundation
import ZIPFoundation

/// Zips made in memory to test the .docx reader's limits.
enum HostileZip {
    static func make(entries: [(String, Data)] = [], zeros: (String, Int)? = nil) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, data) in entries {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Data.Index(position)..<Data.Index(position) + size)
            }
        }
        if let (path, size) = zeros {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(size), compressionMethod: .deflate,
                                 bufferSize: 1 << 20) { _, chunk in Data(count: chunk) }
        }
        return archive.data!
    }
}
