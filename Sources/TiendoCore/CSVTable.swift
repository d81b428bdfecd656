import Foundation

/// A table read from a CSV file as Excel and LibreOffice write it on
/// Vietnamese Windows: UTF-8 with or without BOM, UTF-16 ("Unicode text"),
/// comma, semicolon or tab separated, CRLF or LF, quoted fields with
/// separators, quotes and line breaks inside, trailing empty rows and columns.
public struct CSVTable: Sendable {
    public struct Row: Sendable {
        /// Physical line where the record starts (1-based).
        public var line: Int
        public var cells: [String]

        public init(line: Int, cells: [String]) {
            self.line = line
            self.cells = cells
        }
    }

    public var separator: Character
    public var rows: [Row]

    /// A table from another reader (a workbook), for the same checks.
    public init(separator: Character = ",", rows: [Row]) {
        self.separator = separator
        self.rows = rows
    }

    /// Why bytes could not be read as a table, in the old coarse form; see
    /// `Problem` (from `read`) for the precise reason.
    public enum Failure: Error, Sendable, Equatable {
        /// Not UTF-8 nor UTF-16: a legacy 8-bit encoding such as Windows-1258
        /// or TCVN3 (also: text garbled by a wrong encoding, or not text at all).
        case legacyEncoding(line: Int)
        case unterminatedQuote(line: Int)
    }

    /// Why bytes could not be read as a table, precisely enough to tell the
    /// clerk what to do. `diagnostic(file:)` words it.
    public enum Problem: Error, Sendable, Equatable {
        /// Not UTF-8: a legacy 8-bit encoding. `line` and `column` name the
        /// first character that is not UTF-8.
        case legacyEncoding(Legacy, line: Int, column: Int)
        /// Valid UTF-8, but Vietnamese letters garbled by a wrong encoding on
        /// the way ("PhÆ°á»ng" for "Phường"): UTF-8 opened as Windows-1252 or
        /// 1258 and saved again. `sample` is the garbled word.
        case garbled(line: Int, column: Int, sample: String)
        /// An Excel workbook (.xlsx, or the old .xls) saved under a .csv name.
        case workbook(xlsx: Bool)
        /// Not text at all (zero bytes that are not UTF-16).
        case binary(line: Int)
        case unterminatedQuote(line: Int, column: Int)

        public enum Legacy: Sendable, Equatable {
            /// Vietnamese in the TCVN3 (ABC) encoding, the ".VnTime" fonts.
            case tcvn3
            /// Windows-1258, Latin-1 or another 8-bit code page.
            case codePage
        }

        var failure: Failure {
            switch self {
            case .legacyEncoding(_, let line, _), .garbled(let line, _, _), .binary(let line): .legacyEncoding(line: line)
            case .workbook: .legacyEncoding(line: 1)
            case .unterminatedQuote(let line, _): .unterminatedQuote(line: line)
            }
        }

        /// The problem in the clerk's words: what is wrong and what to do.
        public func diagnostic(file: String) -> Diagnostic {
            let saveAsUTF8 = "trong Excel chọn File > Save As > \"CSV UTF-8 (Comma delimited) (*.csv)\"; trong LibreOffice chọn Character set: Unicode (UTF-8)"
            switch self {
            case .legacyEncoding(.tcvn3, let line, let column):
                return .error(file, line: line, column: column,
                    "tệp viết bằng bảng mã cũ TCVN3 (phông .VnTime), không phải Unicode UTF-8: đọc tiếp sẽ sai dấu tiếng Việt",
                    hint: "chuyển bảng tính sang Unicode bằng công cụ chuyển mã của Unikey (nguồn TCVN3, đích Unicode), rồi " + saveAsUTF8)
            case .legacyEncoding(.codePage, let line, let column):
                return .error(file, line: line, column: column,
                    "tệp không phải UTF-8 (có thể là bảng mã cũ Windows-1258): đọc tiếp sẽ sai dấu tiếng Việt",
                    hint: "lưu lại tệp dạng UTF-8: " + saveAsUTF8)
            case .garbled(let line, let column, let sample):
                return .error(file, line: line, column: column,
                    "chữ tiếng Việt trong tệp đã bị hỏng (\"\(sample)\"): tệp UTF-8 đã bị mở sai bảng mã rồi lưu lại",
                    hint: "lấy lại bản trước khi hỏng; để mở tệp CSV trong Excel, dùng Data > From Text/CSV với File origin \"65001: Unicode (UTF-8)\", rồi " + saveAsUTF8)
            case .workbook(let xlsx):
                return .error(file, line: 1,
                    xlsx ? "tệp này là bảng tính Excel (.xlsx) được đặt tên .csv, không phải tệp CSV"
                         : "tệp này là bảng tính Excel cũ (.xls) được đặt tên .csv, không phải tệp CSV",
                    hint: xlsx ? "đổi tên tệp thành status.xlsx, hoặc mở trong Excel và " + saveAsUTF8
                               : "mở trong Excel và " + saveAsUTF8)
            case .binary(let line):
                return .error(file, line: line, "tệp không phải văn bản (có byte 0): không đọc được như tệp CSV",
                              hint: "mở bảng tính gốc và " + saveAsUTF8)
            case .unterminatedQuote(let line, let column):
                return .error(file, line: line, column: column, "dấu ngoặc kép mở ở đây không được đóng: phần còn lại của tệp bị coi là một ô",
                              hint: "thêm dấu \" đóng ở cuối ô; nếu muốn có dấu ngoặc kép trong nội dung, viết hai dấu \"\"")
            }
        }
    }

    /// Decodes `data` and splits it into records.
    public static func parse(_ data: [UInt8]) -> Result<CSVTable, Failure> {
        read(data).mapError(\.failure)
    }

    /// Decodes `data` and splits it into records, saying precisely why it
    /// cannot when it cannot.
    public static func read(_ data: [UInt8]) -> Result<CSVTable, Problem> {
        records(data).flatMap { records in
            var records = records
            return records.table()
        }
    }

    /// Decodes `data` for reading its records one at a time.
    static func records(_ data: [UInt8]) -> Result<Records, Problem> {
        decode(data).map(Records.init(utf8:))
    }

    /// The text of `data` as valid UTF-8 bytes (the bytes themselves when
    /// they already are: a large file is not copied into a String).
    static func decode(_ data: [UInt8]) -> Result<[UInt8], Problem> {
        decodeText(data).flatMap { utf8 in
            // A zero character is never in a status file: the bytes are not text.
            guard let zero = utf8.firstIndex(of: 0) else { return .success(utf8) }
            return .failure(.binary(line: utf8[..<zero].count(where: { $0 == 0x0A }) + 1))
        }
    }

    static func decodeText(_ data: [UInt8]) -> Result<[UInt8], Problem> {
        if data.starts(with: [0xEF, 0xBB, 0xBF]) {
            return utf8(Array(data.dropFirst(3)))
        }
        if data.starts(with: [0xFF, 0xFE]) {
            return .success(Array(utf16(Array(data.dropFirst(2)), littleEndian: true).utf8))
        }
        if data.starts(with: [0xFE, 0xFF]) {
            return .success(Array(utf16(Array(data.dropFirst(2)), littleEndian: false).utf8))
        }
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .failure(.workbook(xlsx: true)) }
        if data.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .failure(.workbook(xlsx: false)) }
        // UTF-16 without a BOM: most characters of a status file are ASCII
        // (digits, separators, codes), so one byte of most pairs is zero, and
        // the other almost never is (U+0300, a combining grave in decomposed
        // text, is the exception to allow for).
        if data.count >= 4 {
            let sample = data.prefix(400)
            let pairs = sample.count / 2
            let evenZeros = stride(from: 0, to: pairs * 2, by: 2).filter { sample[sample.startIndex + $0] == 0 }.count
            let oddZeros = stride(from: 1, to: pairs * 2, by: 2).filter { sample[sample.startIndex + $0] == 0 }.count
            if oddZeros * 3 >= pairs, evenZeros * 8 <= oddZeros { return .success(Array(utf16(data, littleEndian: true).utf8)) }
            if evenZeros * 3 >= pairs, oddZeros * 8 <= evenZeros { return .success(Array(utf16(data, littleEndian: false).utf8)) }
        }
        return utf8(data)
    }

    static func utf8(_ bytes: [UInt8]) -> Result<[UInt8], Problem> {
        guard isValidUTF8(bytes) else { return .failure(legacy(bytes)) }
        if bytes.contains(0) { return .success(bytes) } // refused by `decode`
        if let garbled = garbledWord(inUTF8: bytes) { return .failure(garbled) }
        return .success(bytes)
    }

    /// Checks the bytes in place: a String made only to validate them
    /// would copy the whole file.
    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        if #available(macOS 26, *) { return (try? UTF8Span(validating: bytes.span)) != nil }
        return String(validating: bytes, as: UTF8.self) != nil
    }

    /// Where the first byte that is not UTF-8 is, and which old encoding the
    /// file most likely uses.
    static func legacy(_ bytes: [UInt8]) -> Problem {
        var line = 1
        var lineStart = 0
        var index = 0
        var bad = bytes.count
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: length = 0
            }
            if length == 0 || index + length > bytes.count
                || String(validating: bytes[index..<(index + length)], as: UTF8.self) == nil {
                bad = index
                break
            }
            if byte == 0x0A { line += 1; lineStart = index + 1 }
            index += length
        }
        let column = (String(validating: bytes[lineStart..<min(bad, bytes.count)], as: UTF8.self)?.unicodeScalars.count ?? 0) + 1
        // TCVN3 puts its commonest letters (à á ả ã ạ ă â ê ô ơ ư đ) in
        // 0xA1...0xBF, where Windows-1258 and Latin-1 have rare symbols.
        let high = bytes.filter { $0 >= 0x80 }
        let tcvn3Letters = high.filter { (0xA1...0xBF).contains($0) }
        let kind: Problem.Legacy = !high.isEmpty && tcvn3Letters.count * 3 >= high.count ? .tcvn3 : .codePage
        return .legacyEncoding(kind, line: line, column: column)
    }

    /// Vietnamese letters encoded as UTF-8, read as Windows-1252/1258 and
    /// encoded as UTF-8 again: "ư" (C6 B0) becomes "Æ°", "ờ" (E1 BB 9D)
    /// becomes "á»" and one more character. These never occur in Vietnamese.
    static let garbledPairs: Set<String> = ["Æ°", "Æ¡", "Ä‘", "Ä\u{91}", "Ã¡", "Ã¢", "Ãª", "Ã´", "Ã¬", "Ã²", "Ã¹", "Ã½", "Ã³", "Ãº", "Ã©", "Ã¨"]
    /// "á»", "áº" followed by what byte 0x80...0xBF becomes: the lead of
    /// U+1EA0...U+1EFF (ạ ả ấ ầ ... ỹ), the commonest Vietnamese letters.
    static let garbledTriples: Set<String> = ["á»", "áº"]

    static func isContinuationAsWindows(_ scalar: Unicode.Scalar) -> Bool {
        (0x80...0xBF).contains(scalar.value) || "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ".unicodeScalars.contains(scalar)
    }

    /// The garbled pairs as UTF-8 bytes, and which bytes start one (0xC3,
    /// the lead byte of á, Æ, Ä and Ã).
    static let garbledBytes: [[UInt8]] = garbledPairs.union(garbledTriples).map { Array($0.utf8) }
    static let startsGarbled: [Bool] = (0...255).map { byte in garbledBytes.contains { $0.first == UInt8(byte) } }

    /// `garbledWord(in:)` for valid UTF-8 bytes. Only text holding one of
    /// the pairs can be garbled: their bytes are looked for first, and the
    /// text is read scalar by scalar (for the word's line and column) only
    /// when one is there.
    static func garbledWord(inUTF8 bytes: [UInt8]) -> Problem? {
        let mayBeGarbled = bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            while index + 1 < buffer.count {
                if startsGarbled[Int(buffer[index])], garbledBytes.contains(where: { pair in
                    index + pair.count <= buffer.count && buffer[index..<(index + pair.count)].elementsEqual(pair)
                }) {
                    return true
                }
                index += 1
            }
            return false
        }
        return mayBeGarbled ? garbledWord(in: String(decoding: bytes, as: UTF8.self)) : nil
    }

    static func garbledWord(in text: String) -> Problem? {
        let scalars = Array(text.unicodeScalars)
        var line = 1
        var lineStart = 0
        for index in scalars.indices {
            let scalar = scalars[index]
            if scalar == "\n" { line += 1; lineStart = index + 1; continue }
            guard ["á", "Æ", "Ä", "Ã"].contains(scalar), index + 1 < scalars.count else { continue }
            let pair = String(String.UnicodeScalarView([scalar, scalars[index + 1]]))
            let garbled = garbledPairs.contains(pair)
                || (garbledTriples.contains(pair) && index + 2 < scalars.count && isContinuationAsWindows(scalars[index + 2]))
            guard garbled else { continue }
            // The garbled word, as the clerk sees it in the file.
            var start = index, end = index
            while start > lineStart, !Self.isWordBreak(scalars[start - 1]) { start -= 1 }
            while end < scalars.count, !Self.isWordBreak(scalars[end]) { end += 1 }
            // C1 controls (what undefined Windows bytes become) would not show.
            let word = String(String.UnicodeScalarView(scalars[start..<min(end, start + 40)].filter { !(0x80...0x9F).contains($0.value) }))
            return .garbled(line: line, column: start - lineStart + 1, sample: word)
        }
        return nil
    }

    private static func isWordBreak(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "," || scalar == ";" || scalar == "\t" || scalar == "\"" || scalar == "\n" || scalar == "\r"
    }

    static func utf16(_ bytes: [UInt8], littleEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = 0
        while i + 1 < bytes.count {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(littleEndian ? a | (b << 8) : (a << 8) | b)
            i += 2
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// Splits decoded text into records, guessing the separator from the header line.
    public static func parse(text: String) -> Result<CSVTable, Failure> {
        split(text).mapError(\.failure)
    }

    static func split(_ text: String) -> Result<CSVTable, Problem> {
        var records = Records(utf8: Array(text.utf8))
        return records.table()
    }
}
