import Foundation

/// Reads a Word document (.docx) as Markdown: the entry point. Pure: bytes
/// in, values out; the caller reads and writes files.
public enum WordDocument {
    /// Checks what the file is, opens the zip within `limits`, and converts.
    public static func convert(_ data: Data, limits: OfficeLimits = .standard) throws(WordImportError) -> WordConversion {
        var package = try OfficePackage(data, limits: limits)
        let parts = try WordParts.read(&package, limits: limits)
        return try convert(parts, limits: limits)
    }

    /// Converts the document's XML parts.
    public static func convert(_ parts: WordParts, limits: OfficeLimits = .standard) throws(WordImportError) -> WordConversion {
        let document = try SafeXML.parse(parts.document, part: "word/document.xml", maxDepth: limits.depth)
        let styles = try parts.styles.map { data throws(WordImportError) in
            WordStyles(try SafeXML.parse(data, part: "word/styles.xml", maxDepth: limits.depth))
        } ?? WordStyles()
        let numbering = try parts.numbering.map { data throws(WordImportError) in
            WordNumbering(try SafeXML.parse(data, part: "word/numbering.xml", maxDepth: limits.depth))
        } ?? WordNumbering()
        let footnotes = try parts.footnotes.map { data throws(WordImportError) in
            try SafeXML.parse(data, part: "word/footnotes.xml", maxDepth: limits.depth)
        }
        var converter = WordConverter(styles: styles, numbering: numbering, footnotes: footnotes)
        let markdown = converter.convert(document: document)
        guard markdown.contains(where: { !InlineSegment.isSpace($0) }) else { throw .noBodyText }
        var conversion = converter.conversion
        conversion.markdown = markdown.precomposedStringWithCanonicalMapping + "\n"
        return conversion
    }
}
