/// How much of an office file tiendo agrees to read. A .docx is a zip of
/// XML parts; a hostile one can claim little and inflate to gigabytes, or
/// hold millions of entries. Every limit is checked while reading, never
/// trusted from the file's own headers.
public struct OfficeLimits: Sendable, Hashable {
    /// The file as received (compressed).
    public var fileBytes: Int
    /// Entries in the zip's central directory.
    public var entries: Int
    /// One XML part, inflated.
    public var partBytes: Int
    /// All the parts read, inflated, together.
    public var totalBytes: Int
    /// Nesting of XML elements in one part.
    public var depth: Int

    public init(fileBytes: Int, entries: Int, partBytes: Int, totalBytes: Int, depth: Int) {
        self.fileBytes = fileBytes
        self.entries = entries
        self.partBytes = partBytes
        self.totalBytes = totalBytes
        self.depth = depth
    }

    /// A directive of a hundred pages is under 1 MB of XML; these leave
    /// room for a hundredfold while keeping memory bounded.
    public static let standard = OfficeLimits(fileBytes: 100 << 20, entries: 5_000, partBytes: 64 << 20,
                                              totalBytes: 128 << 20, depth: 200)
}
