import Foundation
import ZIPFoundation

/// Writes a zip in memory: the entries in the order given, each deflated,
/// all with one timestamp, so the same entries give the same bytes. The
/// workbooks tiendo writes are packed with it, and so are the zips the
/// tests build to read back (bombs included): one writer, not a copy per
/// test target.
public enum ZipWriter {
    /// One file of the zip. `read(position, count)` gives the `count`
    /// bytes from `position`, asked for in order, one chunk at a time, so
    /// an entry need never be held whole.
    public struct Entry {
        public var path: String
        public var size: Int
        public var read: (_ position: Int, _ count: Int) -> Data

        public init(path: String, size: Int, read: @escaping (_ position: Int, _ count: Int) -> Data) {
            self.path = path
            self.size = size
            self.read = read
        }

        /// An entry of bytes at hand.
        public init(path: String, data: Data) {
            self.init(path: path, size: data.count) { position, count in
                data.subdata(in: (data.startIndex + position)..<(data.startIndex + position + count))
            }
        }
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// The earliest a zip can say (01/01/1980): the default timestamp.
    public static let earliest = Date(timeIntervalSince1970: 315_532_800)

    /// `entries` are taken one at a time as they are written (a lazy
    /// sequence makes each only when its turn comes). `chunk`: the most
    /// bytes asked of an entry at once (ZIPFoundation's default; a test
    /// streaming megabytes of zeros asks for more).
    public static func zip<Entries: Sequence<Entry>>(_ entries: Entries, modified: Date = earliest,
                                                     chunk: Int = 16 * 1024) throws(Failure) -> Data {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for entry in entries {
                try archive.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(entry.size), modificationDate: modified,
                                     compressionMethod: .deflate, bufferSize: chunk) { position, count in
                    entry.read(Int(position), count)
                }
            }
            guard let data = archive.data else { throw Failure(description: "không có dữ liệu") }
            return data
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(description: "\(error)")
        }
    }
}
