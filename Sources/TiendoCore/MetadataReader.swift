import TiendoMarkdown

/// Reads a directive's header (issuer, number, place and date, subject,
/// recipients, legal bases) and footer (signature, distribution) from its
/// top-level blocks, and says where the body between them lies.
struct MetadataReader {
    struct Layout {
        var metadata = DirectiveMetadata()
        /// Top-level block indices of the body: after the header and
        /// preamble is decided later (the first section ends it).
        var bodyRange: Range<Int>
        /// Indices of header and footer blocks, never tasks.
        var nonTask: Set<Int>
    }

    static let motto = TextPattern(#"cộng hòa xã hội chủ nghĩa việt nam|cộng hoà xã hội chủ nghĩa việt nam|độc lập\s*-\s*tự do"#)
    static let number = TextPattern(#"^số\s*:\s*(.*)$"#)
    static let dateLine = TextPattern(#"^(.*?),\s*ngày\s*(\d{0,2})\s*tháng\s*(\d{0,2})\s*năm\s*(\d{0,4})\s*$"#)
    static let subject = TextPattern(#"^(?:v/v|về việc)\s*:?\s*(.*)$"#)
    static let numberInCell = TextPattern(#"số\s*:\s*([0-9][^\s|]*)"#)
    static let dateInCell = TextPattern(#"ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})"#)
    /// "VỀ TĂNG CƯỜNG …" under a kind: a title's "về", which titles add back.
    static let titleAbout = TextPattern(#"^(?:v/v|về việc|về)\s*:?\s+(.*)$"#)
    static let recipients = TextPattern(#"^kính gửi\s*:?\s*(.*)$"#)
    static let basis = TextPattern(#"^(?:căn cứ|thực hiện|theo đề nghị|xét đề nghị|theo chỉ đạo)\b"#)
    /// ", (Chủ tịch) UBND tỉnh (X) giao|yêu cầu|đề nghị": the issuer assigning in its own voice.
    static let issuerAssigns = TextPattern(
        #",\s*(?:chủ tịch\s+)?(?:ubnd|ủy ban nhân dân|uỷ ban nhân dân)\s+(?:tỉnh|thành phố|tp\.?)(?:\s+\p{Lu}\p{L}*){0,3}\s+(?=(?:giao|yêu cầu|đề nghị)\s)"#)
    static let distribution = TextPattern(#"^nơi nhận\s*:?\s*(.*)$"#)
    static let signatureLine = TextPattern(#"^(?:TM|KT|Q|TL|TUQ)\.\s"#, caseSensitive: true)
    /// "1. Sở Tài chính", "II. ...": a numbered section heading, never the issuer.
    static let numbered = TextPattern(#"^\s*(?:\d{1,2}(?:\.\d{1,2})*|[IVXL]{1,5})\s*[.)/]\s"#, caseSensitive: true)
    static let kinds = ["CÔNG VĂN", "CHỈ THỊ", "KẾ HOẠCH", "QUYẾT ĐỊNH", "THÔNG BÁO", "CÔNG ĐIỆN", "NGHỊ QUYẾT", "CHƯƠNG TRÌNH", "BÁO CÁO", "TỜ TRÌNH"]

    static func lines(_ block: MarkdownBlock) -> [String] {
        plainText(block).lines(omittingEmpty: true).map { VietnameseText.collapseSpaces(String($0)) }.filter { !$0.isEmpty }
    }

    static func plainText(_ block: MarkdownBlock) -> String {
        if block.children.isEmpty { return block.text.precomposedNFC }
        return block.children.map(plainText).joined(separator: "\n")
    }

    static func oneLine(_ block: MarkdownBlock) -> String {
        VietnameseText.collapseSpaces(plainText(block))
    }

    static func read(_ blocks: [MarkdownBlock]) -> Layout {
        var layout = Layout(bodyRange: 0..<blocks.count, nonTask: [])
        var meta = DirectiveMetadata()
        var index = 0
        var sawHeader = false
        // Header: everything up to and including "Kính gửi" (and its list), or up
        // to the first paragraph that is neither a header line nor a basis.
        headerLoop: while index < blocks.count {
            let block = blocks[index]
            // Raw HTML above the header, typically a comment saying where the
            // file came from or who converted it, is for whoever edits the file
            // (safe mode never shows it): it holds neither header nor task, and
            // must not hide the header below it.
            if block.kind == .htmlBlock {
                layout.nonTask.insert(index)
                index += 1
                continue
            }
            let text = oneLine(block)
            let isParagraphLike = block.kind == .paragraph || { if case .heading = block.kind { return true }; return false }()
            guard isParagraphLike else { break }
            // A header laid out as a table, as converters render Word's layout
            // table: "| ỦY BAN NHÂN DÂN … | CỘNG HÒA … |" over "| Số: … | …, ngày … |".
            if block.kind == .paragraph, meta.number == nil || meta.date == nil, layoutTable(block, into: &meta) {
                sawHeader = true
                layout.nonTask.insert(index)
                index += 1
                continue
            }
            if motto.isMatch(text) {
                sawHeader = true
            } else if let match = number.firstMatch(in: text) {
                meta.number = (match.group(1) ?? "").trimmed
                sawHeader = true
            } else if let match = dateLine.firstMatch(in: text), text.count < 80 {
                meta.dateLine = text
                meta.place = match.group(1)?.trimmed
                let year = Int(match.group(4) ?? "")
                meta.year = year
                if let y = year, let m = Int(match.group(3) ?? ""), let d = Int(match.group(2) ?? "") {
                    meta.date = CivilDate(year: y, month: m, day: d)
                }
                sawHeader = true
            } else if let match = subject.firstMatch(in: text) {
                meta.subject = (match.group(1) ?? "").trimmed
                if meta.kind == nil { meta.kind = "Công văn" }
                sawHeader = true
            } else if let match = recipients.firstMatch(in: text) {
                let inline = (match.group(1) ?? "").trimmed
                if !inline.isEmpty { meta.recipients.append(contentsOf: splitEntries(inline)) }
                layout.nonTask.insert(index)
                // "Kính gửi:" alone is followed by its list; "Kính gửi: Sở X." names
                // them inline, and a list after it holds the body ("1. Sở X: …").
                if inline.isEmpty, index + 1 < blocks.count, blocks[index + 1].isList {
                    index += 1
                    meta.recipients.append(contentsOf: blocks[index].children.map { trimEntry(oneLine($0)) })
                    layout.nonTask.insert(index)
                }
                index += 1
                sawHeader = true
                break headerLoop
            } else if block.isAllStrong || { if case .heading = block.kind { return true }; return false }(),
                      let kind = kinds.first(where: { text.uppercased().hasPrefix($0) && text.count <= $0.count + 2 }) {
                meta.kind = kind.capitalizedVietnamese
                sawHeader = true
                layout.nonTask.insert(index)
                index += 1
                // A plan, decision or instruction has its title under its kind, in
                // bold or in capitals ("PHÁT TRIỂN KINH TẾ SỐ …", "VỀ TĂNG CƯỜNG …"),
                // its "về (việc)" dropped since titles add it back.
                // A title in capitals may open with the words of a basis ("THỰC
                // HIỆN NGHỊ QUYẾT SỐ …"); a basis itself is written in lower case.
                if index < blocks.count, meta.subject == nil, blocks[index].kind == .paragraph,
                   blocks[index].isAllStrong || isCapitalised(oneLine(blocks[index])),
                   !numbered.isMatch(oneLine(blocks[index])),
                   isCapitalised(oneLine(blocks[index])) || !basis.isMatch(oneLine(blocks[index])) {
                    let title = oneLine(blocks[index]).trimming(anyOf: " *_")
                    meta.subject = titleAbout.firstMatch(in: title).map { ($0.group(1) ?? "").trimmed } ?? title
                    layout.nonTask.insert(index)
                    index += 1
                }
                continue
            } else if meta.issuer == nil, !sawHeader || meta.number == nil, block.isAllStrong || text == text.uppercased(),
                      !numbered.isMatch(text), !isAppendixHeading(block), text == text.uppercased() || sawHeader || opensHeader(blocks, after: index),
                      text.uppercased().contains("ỦY BAN") || text.uppercased().contains("UỶ BAN") || text.uppercased().contains("SỞ ")
                        || text.uppercased().contains("BỘ ") || text.uppercased().contains("BAN ") || text == text.uppercased() {
                meta.issuer = text
                sawHeader = true
            } else {
                break
            }
            layout.nonTask.insert(index)
            index += 1
        }
        if !sawHeader { index = 0 }
        // Legal bases directly after the header. "Thực hiện Công văn số … của Bộ Y
        // tế, Chủ tịch UBND tỉnh giao Sở Y tế …" is no basis: the issuer assigns
        // in it (a lead-in "…, UBND tỉnh đề nghị:" still introduces the body).
        while index < blocks.count, blocks[index].kind == .paragraph, basis.isMatch(oneLine(blocks[index])),
              !(issuerAssigns.isMatch(oneLine(blocks[index])) && !oneLine(blocks[index]).hasSuffix(":")) {
            meta.legalBases.append(oneLine(blocks[index]))
            layout.nonTask.insert(index)
            index += 1
        }
        // Footer: "Nơi nhận" and the signature, wherever they come after the
        // body; an appendix ("PHỤ LỤC") after the signature is body again.
        var footerStart = blocks.count
        for i in stride(from: blocks.count - 1, through: index, by: -1) {
            let block = blocks[i]
            guard block.kind == .paragraph || block.isList else { continue }
            let first = lines(block).first ?? ""
            if distribution.isMatch(first) || (block.kind == .paragraph && signatureLine.isMatch(first)) {
                footerStart = i
            }
        }
        let footerEnd = blocks.indices.dropFirst(footerStart).first {
            isAppendixHeading(blocks[$0]) || isAttachedDocument(blocks[$0]) || isAttachedTitle(blocks[$0])
        } ?? blocks.count
        var signatureBlocks: [MarkdownBlock] = []
        var i = footerStart
        while i < footerEnd {
            let block = blocks[i]
            let first = lines(block).first ?? ""
            if block.kind == .paragraph, distribution.isMatch(first) {
                let inline = (distribution.firstMatch(in: first)?.group(1) ?? "").trimmed
                if !inline.isEmpty { meta.distribution.append(contentsOf: splitEntries(inline)) }
                if i + 1 < footerEnd, blocks[i + 1].isList {
                    meta.distribution.append(contentsOf: blocks[i + 1].children.map { trimEntry(oneLine($0)) })
                    i += 1
                }
            } else if block.kind == .paragraph {
                signatureBlocks.append(block)
            }
            i += 1
        }
        meta.signature = signature(from: signatureBlocks)
        for i in footerStart..<footerEnd { layout.nonTask.insert(i) }
        layout.bodyRange = index..<max(index, footerEnd == blocks.count ? footerStart : blocks.count)
        layout.metadata = meta
        return layout
    }

    /// Reads the number and the place and date from a small table of header
    /// cells; false (and nothing read) when the table holds neither.
    static func layoutTable(_ block: MarkdownBlock, into meta: inout DirectiveMetadata) -> Bool {
        let lines = plainText(block).split(separator: "\n").map(String.init)
        guard let table = PipeTable.parse(lines: lines, firstLine: 0), table.header.count <= 3, table.rows.count <= 3 else { return false }
        var found = false
        for cell in table.header + table.rows.flatMap({ $0 }) {
            let text = VietnameseText.collapseSpaces(cell.replacingOccurrences(of: "*", with: "").replacingOccurrences(of: "_", with: " ")).trimmed
            // A cell's lines may run together ("… AN GIANGSố: 12/UBND"): its
            // line breaks are raw HTML, which the text drops; so search, not anchor.
            if meta.number == nil, let match = numberInCell.firstMatch(in: text) {
                meta.number = (match.group(1) ?? "").trimmed
                found = true
            }
            if meta.date == nil, let match = dateInCell.firstMatch(in: text) {
                meta.dateLine = match.text.trimmed
                if let anchored = dateLine.firstMatch(in: text), text.count < 80 { meta.place = anchored.group(1)?.trimmed; meta.dateLine = text }
                meta.year = Int(match.group(3) ?? "")
                if let y = meta.year, let m = Int(match.group(2) ?? ""), let d = Int(match.group(1) ?? "") {
                    meta.date = CivilDate(year: y, month: m, day: d)
                }
                found = true
            }
            if motto.isMatch(text) { found = true }
        }
        return found
    }

    /// A line in capitals with words in it: a title, as headers set them.
    static func isCapitalised(_ text: String) -> Bool {
        text.count >= 8 && text.contains(where: \.isLetter) && text == text.uppercased()
    }

    /// A heading or one-line paragraph that opens an appendix.
    /// The title of the plan a decision issues, after the decision's
    /// signature: "KẾ HOẠCH", "CHƯƠNG TRÌNH" ... or "(Ban hành kèm theo
    /// Quyết định số ...)". What follows is read as the plan.
    static func isAttachedDocument(_ block: MarkdownBlock) -> Bool {
        guard block.kind == .paragraph || { if case .heading = block.kind { return true }; return false }() else { return false }
        let text = oneLine(block).trimming(anyOf: " *_")
        guard text.count <= 200 else { return false }
        let key = VietnameseText.fold(text)
        if key.hasPrefix("(ban hanh kem theo") || key.hasPrefix("(kem theo") { return true }
        return text == text.uppercased()
            && ["ke hoach", "chuong trinh", "de an", "phuong an", "quy che", "quy dinh"].contains { key.hasPrefix($0) }
    }

    /// After a decision's signature or closing mark, the plan it issues may
    /// be titled in sentence case, in bold or as a heading: "**Kế hoạch
    /// phòng, chống thiên tai năm 2026**", "## Chương trình hành động …".
    /// Only there: inside a body such a bold line is a label.
    static func isAttachedTitle(_ block: MarkdownBlock) -> Bool {
        let isHeading = { if case .heading = block.kind { return true }; return false }()
        guard isHeading || (block.kind == .paragraph && block.isAllStrong) else { return false }
        let text = oneLine(block).trimming(anyOf: " *_")
        guard text.count <= 200, !text.hasSuffix("."), !text.hasSuffix(":") else { return false }
        let key = VietnameseText.fold(text)
        return ["ke hoach ", "chuong trinh ", "de an ", "phuong an "].contains { key.hasPrefix($0) }
    }

    static func isAppendixHeading(_ block: MarkdownBlock) -> Bool {
        guard block.kind == .paragraph || { if case .heading = block.kind { return true }; return false }() else { return false }
        let text = oneLine(block)
        return text.count <= 80 && text.lowercased().hasPrefix("phụ lục")
    }

    /// Whether the blocks after `index` carry on a document header (motto,
    /// "Số:", date line), so a bold name at the top is its issuer.
    static func opensHeader(_ blocks: [MarkdownBlock], after index: Int) -> Bool {
        guard index + 1 < blocks.count else { return false }
        let next = oneLine(blocks[index + 1])
        return motto.isMatch(next) || number.isMatch(next) || dateLine.isMatch(next)
    }

    /// Reads the signature from the footer paragraphs: "TM." / "KT." lines,
    /// then the title in capitals, then the signer's name.
    static func signature(from blocks: [MarkdownBlock]) -> Signature? {
        var signature = Signature()
        var seenSignatureLine = false
        for block in blocks {
            for line in lines(block) {
                if line.hasPrefix("TM.") {
                    signature.onBehalfOf = line
                    seenSignatureLine = true
                } else if line.hasPrefix("KT.") || line.hasPrefix("Q.") || line.hasPrefix("TL.") || line.hasPrefix("TUQ.") {
                    signature.forTitle = line
                    seenSignatureLine = true
                } else if seenSignatureLine, line == line.uppercased(), line.contains(where: \.isLetter) {
                    if signature.title == nil { signature.title = line }
                } else if seenSignatureLine, signature.name == nil, line.contains(where: \.isLetter), line.count <= 60,
                          !line.hasPrefix("(") {
                    signature.name = line
                }
            }
        }
        return seenSignatureLine ? signature : nil
    }

    static func trimEntry(_ text: String) -> String {
        var result = text.trimmed
        while let last = result.last, ";,.".contains(last) { result.removeLast() }
        if result.hasPrefix("- ") { result.removeFirst(2) }
        return result.trimmed
    }

    static func splitEntries(_ text: String) -> [String] {
        text.split(separator: ";").map { trimEntry(String($0)) }.filter { !$0.isEmpty }
    }
}

extension String {
    /// "CHỈ THỊ" → "Chỉ thị": the kind of a document as a sentence writes it.
    var capitalizedVietnamese: String {
        let lower = lowercased()
        guard let first = lower.first else { return self }
        return String(first).uppercased() + lower.dropFirst()
    }
}
