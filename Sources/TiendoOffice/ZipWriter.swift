import CDeflate
import Foundation

/// Writes a zip in memory: the entries in the order given, each deflated,
/// all with one timestamp, so the same entries give the same bytes. The
/// workbooks tiendo writes are packed with it, and so are the zips the
/// tests build to read back (bombs included): one writer, not a copy per
/// test target.
///
/// Its own writer over zlib rather than ZIPFoundation's: ZIPFoundation
/// writes through a file emulated in memory and rewrites the whole central
/// directory after every entry, which cost as much as deflating the 128
/// report sheets of a build; and an entry deflated once (`Deflated`: a part
/// every workbook shares) can be put into any number of zips. The bytes are
/// those ZIPFoundation 0.9 writes (same headers, zlib level 6 with memory
/// level 9): `ZipWriterTests` compares the two on the same entries.
public enum ZipWriter {
    /// One file of the zip. `read(position, count)` gives the `count`
    /// bytes from `position`, asked for in order, one chunk at a time, so
    /// an entry need never be held whole.
    public struct Entry {
        public var path: String
        public var size: Int
        public var read: (_ position: Int, _ count: Int) -> Data
        /// Set when the entry's bytes were deflated beforehand.
        var deflated: Deflated?

        public init(path: String, size: Int, read: @escaping (_ position: Int, _ count: Int) -> Data) {
            self.path = path
            self.size = size
            self.read = read
            self.deflated = nil
        }

        /// An entry of bytes at hand.
        public init(path: String, data: Data) {
            self.init(path: path, size: data.count) { position, count in
                data.subdata(in: (data.startIndex + position)..<(data.startIndex + position + count))
            }
        }

        /// An entry deflated beforehand: written as it is, not deflated again.
        public init(path: String, deflated: Deflated) {
            self.init(path: path, size: deflated.size) { _, _ in Data() }
            self.deflated = deflated
        }
    }

    /// An entry's bytes deflated once, to be put into many zips.
    public struct Deflated: Sendable {
        public let size: Int
        let crc: UInt32
        let compressed: [UInt8]

        public init(_ bytes: [UInt8], level: Int32 = ZipWriter.defaultLevel) throws(Failure) {
            var deflater = try Deflater(level: level)
            var output: [UInt8] = []
            let crc = try deflater.add(bytes, finish: true, crc: 0, into: &output)
            self.size = bytes.count
            self.crc = crc
            self.compressed = output
        }

        /// One entry from pieces deflated apart, in the order they are
        /// read: each but the last was ended with `end(final: false)`, the
        /// last with `end(final: true)`. A deflate stream is a run of
        /// blocks, and a flushed piece ends on a byte boundary in a block
        /// that is not the last, so the pieces joined are one stream; the
        /// CRC-32s combine without reading the bytes again.
        public init(joining pieces: [DeflatedPiece]) {
            var compressed: [UInt8] = []
            compressed.reserveCapacity(pieces.reduce(0) { $0 + $1.compressed.count })
            var crc: UInt32 = 0
            var size = 0
            for piece in pieces {
                compressed.append(contentsOf: piece.compressed)
                crc = UInt32(crc32_combine(uLong(crc), uLong(piece.crc), piece.size))
                size += piece.size
            }
            self.size = size
            self.crc = crc
            self.compressed = compressed
        }
    }

    /// Part of an entry deflated on its own, as its bytes are made, for an
    /// entry whose parts are made in another order than they are read: a
    /// worksheet's rows are made (and deflated) before the column widths
    /// that come ahead of them are known. A class, so that the piece can
    /// be fed from wherever the bytes are made.
    public final class DeflatedPiece {
        /// nil once the piece is ended.
        private var deflater: Deflater?
        public private(set) var size = 0
        fileprivate private(set) var crc: UInt32 = 0
        public private(set) var compressed: [UInt8] = []
        private var ended = false

        public init(level: Int32 = ZipWriter.defaultLevel) throws(Failure) {
            deflater = try Deflater(level: level)
        }

        /// A piece of these bytes, ended at once.
        public convenience init(_ bytes: [UInt8], final: Bool, level: Int32 = ZipWriter.defaultLevel) throws(Failure) {
            try self.init(level: level)
            try add(bytes)
            try end(final: final)
        }

        public func add(_ bytes: [UInt8]) throws(Failure) {
            precondition(!ended, "bytes added to a piece already ended")
            guard !bytes.isEmpty else { return }
            crc = try deflater!.add(bytes, flush: Z_NO_FLUSH, crc: crc, into: &compressed)
            size += bytes.count
        }

        /// Flushes the piece to a byte boundary; `final`: it ends the entry's stream.
        public func end(final: Bool) throws(Failure) {
            guard !ended else { return }
            ended = true
            _ = try deflater!.add([UInt8](), flush: final ? Z_FINISH : Z_SYNC_FLUSH, crc: crc, into: &compressed)
            // zlib's 400 KB of state freed now, not when the piece is: a
            // workbook's sheets are all measured before any is written, and
            // state kept alive that long was fresh memory faulted in for
            // every sheet (15 times the page faults of a build at S).
            deflater = nil
        }
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// zlib's default (6), the level ZIPFoundation deflated at.
    public static let defaultLevel: Int32 = 6

    /// The earliest a zip can say (01/01/1980): the default timestamp.
    public static let earliest = Date(timeIntervalSince1970: 315_532_800)

    /// `entries` are taken one at a time as they are written (a lazy
    /// sequence makes each only when its turn comes). `chunk`: the most
    /// bytes asked of an entry at once (a test streaming megabytes of
    /// zeros asks for more). The output does not depend on it. `level`:
    /// zlib's, 1 (fastest) to 9 (smallest), for the entries not deflated beforehand.
    public static func zip<Entries: Sequence<Entry>>(_ entries: Entries, modified: Date = earliest,
                                                     chunk: Int = 16 * 1024, level: Int32 = defaultLevel) throws(Failure) -> Data {
        let (date, time) = dosDateTime(modified)
        var out: [UInt8] = []
        var directory: [UInt8] = []
        var count = 0
        for entry in entries {
            let name = Array(entry.path.utf8)
            guard name.count <= Int(UInt16.max) else { throw Failure(description: "tên quá dài: \(entry.path)") }
            let offset = out.count
            // The local header, its sizes and checksum filled in below.
            out.append(contentsOf: [0x50, 0x4B, 0x03, 0x04])
            append16(&out, 20)                 // version needed to extract: 2.0
            append16(&out, 0x0800)             // names in UTF-8
            append16(&out, 8)                  // deflate
            append16(&out, time)
            append16(&out, date)
            let fields = out.count
            out.append(contentsOf: repeatElement(0, count: 12))
            append16(&out, UInt16(name.count))
            append16(&out, 0)                  // no extra field
            out.append(contentsOf: name)
            let start = out.count
            let crc: UInt32
            if let deflated = entry.deflated {
                out.append(contentsOf: deflated.compressed)
                crc = deflated.crc
            } else {
                var deflater = try Deflater(level: level)
                var position = 0
                var running: UInt32 = 0
                // An empty entry still gets its (empty) deflate stream.
                repeat {
                    let count = min(entry.size - position, chunk)
                    let piece = count > 0 ? entry.read(position, count) : Data()
                    position += count
                    running = try deflater.add(piece, finish: position >= entry.size, crc: running, into: &out)
                } while position < entry.size
                crc = running
            }
            let compressed = out.count - start
            // ZIP64 is never needed for a workbook: refused rather than written.
            guard compressed < Int(UInt32.max), entry.size < Int(UInt32.max), offset < Int(UInt32.max) else {
                throw Failure(description: "tệp nén quá lớn")
            }
            put32(&out, at: fields, crc)
            put32(&out, at: fields + 4, UInt32(compressed))
            put32(&out, at: fields + 8, UInt32(entry.size))
            // Its record in the central directory.
            directory.append(contentsOf: [0x50, 0x4B, 0x01, 0x02])
            append16(&directory, 0x0315)       // made by: Unix, zip 2.1 (as ZIPFoundation says)
            append16(&directory, 20)
            append16(&directory, 0x0800)
            append16(&directory, 8)
            append16(&directory, time)
            append16(&directory, date)
            append32(&directory, crc)
            append32(&directory, UInt32(compressed))
            append32(&directory, UInt32(entry.size))
            append16(&directory, UInt16(name.count))
            append16(&directory, 0)            // extra field
            append16(&directory, 0)            // comment
            append16(&directory, 0)            // disk
            append16(&directory, 0)            // internal attributes
            append32(&directory, 0o100644 << 16) // a regular file, rw-r--r--
            append32(&directory, UInt32(offset))
            directory.append(contentsOf: name)
            count += 1
        }
        guard count < Int(UInt16.max), out.count < Int(UInt32.max) else { throw Failure(description: "tệp nén quá lớn") }
        let directoryStart = out.count
        out.append(contentsOf: directory)
        out.append(contentsOf: [0x50, 0x4B, 0x05, 0x06])
        append16(&out, 0)
        append16(&out, 0)
        append16(&out, UInt16(count))
        append16(&out, UInt16(count))
        append32(&out, UInt32(directory.count))
        append32(&out, UInt32(directoryStart))
        append16(&out, 0)                      // no comment
        return Data(out)
    }

    /// MS-DOS date and time of `date` in UTC, years clamped to 1980–2099.
    static func dosDateTime(_ date: Date) -> (date: UInt16, time: UInt16) {
        var seconds = time_t(date.timeIntervalSince1970)
        var parts = tm()
        guard gmtime_r(&seconds, &parts) != nil else { return (0, 0) }
        let year = min(max(Int(parts.tm_year) + 1900, 1980), 2099)
        let day = Int(parts.tm_mday) + (Int(parts.tm_mon) + 1) * 32 + (year - 1980) * 512
        let time = Int(parts.tm_sec) / 2 + Int(parts.tm_min) * 32 + Int(parts.tm_hour) * 2048
        return (UInt16(day), UInt16(time))
    }

    static func append16(_ bytes: inout [UInt8], _ value: UInt16) {
        bytes.append(UInt8(value & 0xFF))
        bytes.append(UInt8(value >> 8))
    }

    static func append32(_ bytes: inout [UInt8], _ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }

    static func put32(_ bytes: inout [UInt8], at index: Int, _ value: UInt32) {
        for (offset, shift) in stride(from: 0, to: 32, by: 8).enumerated() {
            bytes[index + offset] = UInt8((value >> UInt32(shift)) & 0xFF)
        }
    }

    /// A raw deflate stream (no zlib header), memory level 9: the setting
    /// ZIPFoundation used, so that at level 6 the bytes are its bytes.
    struct Deflater: ~Copyable {
        private let stream: UnsafeMutablePointer<z_stream>

        init(level: Int32) throws(Failure) {
            stream = .allocate(capacity: 1)
            stream.initialize(to: z_stream())
            let result = deflateInit2_(stream, level, Z_DEFLATED, -MAX_WBITS, 9, Z_DEFAULT_STRATEGY,
                                       ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
            guard result == Z_OK else {
                stream.deallocate()
                throw Failure(description: "zlib: \(result)")
            }
        }

        deinit {
            deflateEnd(stream)
            stream.deallocate()
        }

        /// Deflates `input` onto the end of `output` (all of it, and the
        /// end of the stream when `finish`); returns `crc` carried over
        /// `input`, the CRC-32 of everything given so far.
        mutating func add<Bytes: ContiguousBytes>(_ input: Bytes, finish: Bool, crc: UInt32,
                                                  into output: inout [UInt8]) throws(Failure) -> UInt32 {
            try add(input, flush: finish ? Z_FINISH : Z_NO_FLUSH, crc: crc, into: &output)
        }

        /// `flush`: Z_NO_FLUSH (more to come), Z_SYNC_FLUSH (everything
        /// given so far out, to a byte boundary) or Z_FINISH (the end).
        mutating func add<Bytes: ContiguousBytes>(_ input: Bytes, flush: Int32, crc: UInt32,
                                                  into output: inout [UInt8]) throws(Failure) -> UInt32 {
            let (status, checksum) = input.withUnsafeBytes { raw in
                let base = raw.baseAddress?.assumingMemoryBound(to: UInt8.self)
                let checksum = UInt32(crc32(uLong(crc), base, uInt(raw.count)))
                stream.pointee.next_in = UnsafeMutablePointer(mutating: base)
                stream.pointee.avail_in = uInt(raw.count)
                var status = Z_OK
                repeat {
                    let room = max(Int(deflateBound(stream, uLong(stream.pointee.avail_in))), 256)
                    let before = output.count
                    output.append(contentsOf: repeatElement(0, count: room))
                    output.withUnsafeMutableBufferPointer { buffer in
                        stream.pointee.next_out = buffer.baseAddress! + before
                        stream.pointee.avail_out = uInt(room)
                        status = deflate(stream, flush)
                    }
                    let unused = Int(stream.pointee.avail_out)
                    output.removeLast(unused)
                    // Z_BUF_ERROR: no progress possible, not an error.
                    if status < Z_OK && status != Z_BUF_ERROR { break }
                    // A flush is complete when deflate left room in the output.
                    if flush == Z_FINISH { if status == Z_STREAM_END { break } else { continue } }
                    if stream.pointee.avail_in == 0 && (flush == Z_NO_FLUSH || unused > 0) { break }
                } while true
                stream.pointee.next_in = nil
                stream.pointee.avail_in = 0
                return (status, checksum)
            }
            guard status >= Z_OK || status == Z_BUF_ERROR else { throw Failure(description: "zlib: \(status)") }
            return checksum
        }
    }
}
