import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads an XML part into `XMLElement`s with Foundation's XMLParser
/// (libxml2, fed as a stream), refusing what Office never writes and an
/// attacker would: a DTD, hence entity declarations. The bytes are checked
/// before the parser sees them, so no entity is ever expanded, and the
/// parser is told not to resolve external ones either.
enum SafeXML {
    static func parse(_ data: Data, part: String, maxDepth: Int) throws(WordImportError) -> XMLElement {
        let utf8 = try utf8Bytes(data, part: part)
        if FileSignature.contains([UInt8](utf8), Array("<!DOCTYPE".utf8)) || FileSignature.contains([UInt8](utf8), Array("<!ENTITY".utf8)) {
            throw .declarationRefused(part: part)
        }
        let builder = TreeBuilder(maxDepth: maxDepth)
        let parser = XMLParser(data: utf8)
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.shouldReportNamespacePrefixes = false
        parser.delegate = builder
        let parsed = parser.parse()
        switch builder.refused {
        case .declarationRefused?: throw .declarationRefused(part: part)
        case .malformedXML(_, let line, let detail)?: throw .malformedXML(part: part, line: line, detail: detail)
        case let other?: throw other
        case nil: break
        }
        // libxml2 may report success on a part cut short; an element left open says so.
        guard parsed, let root = builder.root, builder.stack.isEmpty else {
            let detail = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "không đọc được"
            throw .malformedXML(part: part, line: max(parser.lineNumber, 1), detail: detail)
        }
        return root
    }

    /// Office writes UTF-8; UTF-16 is allowed by XML, so it is turned into
    /// UTF-8 (declaration dropped) before the DTD check, which looks for bytes.
    /// A part in another 8-bit encoding is refused: Word never writes one.
    static func utf8Bytes(_ data: Data, part: String) throws(WordImportError) -> Data {
        let head = [UInt8](data.prefix(4))
        let isUTF16 = head.starts(with: [0xFE, 0xFF]) || head.starts(with: [0xFF, 0xFE])
            || head.starts(with: [0x00, 0x3C]) || head.starts(with: [0x3C, 0x00])
        guard isUTF16 else {
            // FoundationXML's XMLParser traps on a name that is not UTF-8
            // (libxml2 hands it the raw bytes), so bad bytes stop here.
            guard String(validating: data, as: UTF8.self) != nil else {
                throw .malformedXML(part: part, line: 1, detail: "có byte không phải UTF-8")
            }
            return data
        }
        let bigEndian = head.starts(with: [0xFE, 0xFF]) || head.starts(with: [0x00, 0x3C])
        guard var text = String(data: data, encoding: bigEndian ? .utf16BigEndian : .utf16LittleEndian) else {
            throw .malformedXML(part: part, line: 1, detail: "mã UTF-16 không hợp lệ")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.hasPrefix("<?xml"), let end = text.range(of: "?>") { text = String(text[end.upperBound...]) }
        return Data(text.utf8)
    }

    private final class TreeBuilder: NSObject, XMLParserDelegate {
        let maxDepth: Int
        var stack: [XMLElement] = []
        var root: XMLElement?
        var refused: WordImportError?

        init(maxDepth: Int) { self.maxDepth = maxDepth }

        static func local(_ name: String) -> String {
            guard let colon = name.lastIndex(of: ":") else { return name }
            return String(name[name.index(after: colon)...])
        }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            guard stack.count < maxDepth else {
                refused = .malformedXML(part: "", line: parser.lineNumber, detail: "lồng quá \(maxDepth) tầng")
                parser.abortParsing()
                return
            }
            var local: [String: String] = [:]
            for (key, value) in attributes { local[Self.local(key)] = value }
            let element = XMLElement(name: Self.local(elementName), attributes: local)
            if let parent = stack.last { parent.children.append(element) } else if root == nil { root = element }
            stack.append(element)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            _ = stack.popLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            stack.last?.text += String(decoding: CDATABlock, as: UTF8.self)
        }

        // Belt and braces: the byte check above already refused any DTD.
        func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) { refuse(parser) }
        func parser(_ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?, systemID: String?) { refuse(parser) }
        func parser(_ parser: XMLParser, foundUnparsedEntityDeclarationWithName name: String, publicID: String?, systemID: String?, notationName: String?) { refuse(parser) }
        func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? { refuse(parser); return nil }

        func refuse(_ parser: XMLParser) {
            refused = .declarationRefused(part: "")
            parser.abortParsing()
        }
    }
}
