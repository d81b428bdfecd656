extension CSVTable {
    /// The records of decoded text, split one at a time: a reader checks
    /// each record and lets it go, so a file of millions of rows never has
    /// all its cells in memory at once.
    ///
    /// Splitting works on UTF-8 bytes. Every byte that splits (separator,
    /// quote, line break) is ASCII, and no byte of a multi-byte character is,
    /// so the bytes split exactly where the characters do; columns in
    /// messages count characters (Unicode scalars), not bytes.
    struct Records: IteratorProtocol {
        /// Valid UTF-8.
        let utf8: [UInt8]
        let separator: Character
        private let separatorByte: UInt8
        private var position = 0
        private var line = 1
        private var column = 0
        private var finished = false
        /// Why the text is not a table: known only once every record has been
        /// read, as a quote left open swallows the rest of the file.
        private(set) var problem: Problem?

        init(utf8: [UInt8]) {
            self.utf8 = utf8
            separator = CSVTable.guessSeparator(utf8)
            separatorByte = separator.asciiValue!
        }

        /// The next record that has a cell, without its trailing empty cells
        /// (spreadsheets leave empty rows and columns after the table).
        mutating func next() -> Row? {
            while !finished {
                guard var row = nextRecord() else { continue }
                while let last = row.cells.last, last.isEmpty { row.cells.removeLast() }
                if !row.cells.isEmpty { return row }
            }
            return nil
        }

        /// At most how many records the text holds (a record ends at a line
        /// break), for reserving room for them at once: a list grown by
        /// doubling briefly holds its old and new copies.
        var lineCount: Int {
            utf8.withUnsafeBufferPointer { bytes in bytes.count(where: { $0 == UInt8(ascii: "\n") }) } + 1
        }

        /// Every record, or why the text cannot be read.
        mutating func table() -> Result<CSVTable, Problem> {
            var rows: [Row] = []
            while let row = next() { rows.append(row) }
            if let problem { return .failure(problem) }
            return .success(CSVTable(separator: separator, rows: rows))
        }

        static let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")

        /// Reads one record up to its line break, or to the end of the text.
        private mutating func nextRecord() -> Row? {
            let quote = Self.quote, cr = Self.cr, lf = Self.lf, separator = separatorByte
            var cells: [String] = []
            var field: [UInt8] = []
            var quoted = false
            var inQuotes = false
            var afterQuote = false
            let recordLine = line
            var quoteLine = 1
            var quoteColumn = 1
            var line = self.line, column = self.column, index = position
            var ended = false
            utf8.withUnsafeBufferPointer { bytes in
                while index < bytes.count {
                    let byte = bytes[index]
                    index += 1
                    if byte & 0xC0 != 0x80 { column += 1 } // not inside a multi-byte character
                    let pending: UInt8? = index < bytes.count ? bytes[index] : nil
                    if inQuotes {
                        if byte == quote {
                            if pending == quote {
                                field.append(quote)
                                index += 1
                                column += 1
                            } else {
                                inQuotes = false
                                afterQuote = true
                            }
                        } else {
                            if byte == cr && pending == lf { continue }
                            if byte == lf || byte == cr { line += 1; column = 0 }
                            field.append(byte == cr ? lf : byte)
                        }
                        continue
                    }
                    switch byte {
                    case quote where !afterQuote && Self.isBlank(field):
                        field.removeAll()
                        inQuotes = true
                        quoted = true
                        quoteLine = line
                        quoteColumn = column
                    case separator:
                        cells.append(Self.cell(field, quoted: quoted))
                        field.removeAll(keepingCapacity: true)
                        quoted = false
                        afterQuote = false
                    case cr, lf:
                        if byte == cr, pending == lf { index += 1 }
                        cells.append(Self.cell(field, quoted: quoted))
                        line += 1
                        column = 0
                        ended = true
                        return
                    default:
                        if afterQuote, byte == Self.space || byte == Self.tab { continue }
                        field.append(byte)
                    }
                }
            }
            self.line = line
            self.column = column
            position = index
            if ended { return Row(line: recordLine, cells: cells) }
            finished = true
            if inQuotes {
                problem = .unterminatedQuote(line: quoteLine, column: quoteColumn)
                return nil
            }
            guard !field.isEmpty || !cells.isEmpty || quoted else { return nil }
            cells.append(Self.cell(field, quoted: quoted))
            return Row(line: recordLine, cells: cells)
        }

        /// A field's text: as quoted, or without the blanks around it.
        static func cell(_ field: [UInt8], quoted: Bool) -> String {
            if quoted { return String(decoding: field, as: UTF8.self) }
            // Spaces and tabs come off as bytes; only an edge that is not
            // ASCII can be another blank (a no-break space), to trim as text.
            var start = field.startIndex, end = field.endIndex
            while start < end, field[start] == space || field[start] == tab { start += 1 }
            while start < end, field[end - 1] == space || field[end - 1] == tab { end -= 1 }
            let text = String(decoding: field[start..<end], as: UTF8.self)
            if start < end, field[start] >= 0x80 || field[end - 1] >= 0x80 { return text.trimmedSpaces }
            return text
        }

        /// Whether a field read so far is only blanks, so a quote opens it.
        static func isBlank(_ field: [UInt8]) -> Bool {
            if field.allSatisfy({ $0 == space || $0 == tab }) { return true }
            if field.allSatisfy({ $0 < 0x80 }) { return false }
            return String(decoding: field, as: UTF8.self).trimmedSpaces.isEmpty
        }
    }

    /// The separator that splits the header line into the most fields:
    /// Vietnamese regional settings make Excel write ";". The header is the
    /// first line that is not blank; quotes are read as the splitter reads
    /// them (opening only at the start of a field), and a combining mark
    /// after a quote or separator changes nothing.
    static func guessSeparator(_ utf8: [UInt8]) -> Character {
        let comma = UInt8(ascii: ","), semicolon = UInt8(ascii: ";"), tab = UInt8(ascii: "\t")
        let quote = UInt8(ascii: "\""), space = UInt8(ascii: " ")
        var counts: [UInt8: Int] = [comma: 0, semicolon: 0, tab: 0]
        var inQuotes = false
        var fieldStart = true
        var sawText = false
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            index += 1
            if inQuotes {
                if byte == quote {
                    if index < utf8.count, utf8[index] == quote { index += 1 } else { inQuotes = false }
                }
                continue
            }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                if sawText { break }
                fieldStart = true
                continue
            }
            if counts[byte] != nil {
                counts[byte]! += 1
                sawText = true
                fieldStart = true
            } else if byte == quote, fieldStart {
                inQuotes = true
                sawText = true
            } else if byte == space {
                continue
            } else if byte == 0xC2, index < utf8.count, utf8[index] == 0xA0 {
                index += 1 // a no-break space, as a space
            } else {
                // Any other character (each byte of one that is not ASCII
                // counts the same) is text.
                sawText = true
                fieldStart = false
            }
        }
        let best = counts.max { a, b in a.value != b.value ? a.value < b.value : order(a.key) > order(b.key) }!
        return best.value == 0 ? "," : Character(Unicode.Scalar(best.key))
    }

    private static func order(_ byte: UInt8) -> Int {
        byte == UInt8(ascii: ",") ? 0 : byte == UInt8(ascii: ";") ? 1 : 2
    }
}
