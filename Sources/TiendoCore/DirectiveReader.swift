import Foundation
import TiendoMarkdown

/// Reads a directive through cmark's tree: its metadata, its assignee
/// sections whatever their markup, and every task in them with assignees,
/// deadline and consolidator. Problems become diagnostics naming the line.
public struct DirectiveReader: Sendable {
    public let register: UnitRegister

    public init(register: UnitRegister) { self.register = register }

    public struct Output: Sendable {
        public var directive: Directive
        public var diagnostics: [Diagnostic]
    }

    /// - Parameters:
    ///   - file: the path diagnostics name.
    ///   - defaultID: the id when front matter sets none (the file's stem).
    ///   - renderHTML: false when only tasks are wanted (the `tasks` command).
    ///   - asOf: the date of the figures; a recurring deadline is due on its
    ///     next occurrence from that day (nil: after the directive's date).
    public func read(_ text: String, file: String, defaultID: String, renderHTML: Bool = true,
                     asOf: CivilDate? = nil) -> Output {
        var diagnostics: [Diagnostic] = []
        let (frontMatter, body) = FrontMatter.split(text.precomposedNFC, file: file, diagnostics: &diagnostics)
        let parsed = Markdown.parseBounded(body, renderHTML: renderHTML)
        let blocks = parsed.blocks
        if let line = parsed.tooDeepAtLine {
            diagnostics.append(InputLimits.tooDeep(file, line: line + frontMatter.bodyStartLine - 1))
        }
        let bodyLines = body.lines().map(String.init)
        let layout = MetadataReader.read(blocks)
        var metadata = layout.metadata
        if let number = frontMatter.number { metadata.number = number }
        if let date = frontMatter.date { metadata.date = date; metadata.year = date.year }
        if let subject = frontMatter.subject { metadata.subject = subject }
        if let short = frontMatter.short { metadata.short = short }
        if let issuer = frontMatter.issuer { metadata.issuer = issuer }
        if let kind = frontMatter.kind { metadata.kind = kind }
        if let signer = frontMatter.signer {
            metadata.signature = metadata.signature ?? Signature()
            metadata.signature?.name = signer
        }
        let id = frontMatter.id ?? defaultID
        var context = ReadingContext(
            directiveID: id, file: file, lineOffset: frontMatter.bodyStartLine - 1, bodyLines: bodyLines,
            register: register, names: AssigneeNames(register: register),
            deadlines: DeadlineParser(documentDate: metadata.date, documentYear: metadata.year, asOf: asOf))
        context.readBody(blocks, range: layout.bodyRange, nonTask: layout.nonTask)
        context.dropContentSpelledOutByAppendix()
        context.dropItemsAssignedByReference()
        context.applyCorrections(frontMatter.corrections)
        diagnostics.append(contentsOf: context.diagnostics)
        if context.tasks.isEmpty {
            diagnostics.append(.warning(file, line: frontMatter.bodyStartLine,
                "không tìm thấy nhiệm vụ nào trong văn bản",
                hint: "kiểm tra các mục giao việc (\"1. Sở ...\", \"**2. UBND các xã...**\") hoặc khai báo nhiệm vụ trong phần đầu tệp"))
        }
        let title = frontMatter.title ?? Self.title(for: metadata, id: id)
        var directive = Directive(id: id, file: file, title: title, metadata: metadata, tasks: context.tasks,
                                  blocks: blocks, bodyLineOffset: frontMatter.bodyStartLine - 1, bodyLines: bodyLines)
        directive.unassigned = context.unassigned
        if let first = context.unassigned.first {
            let ids = context.unassigned.prefix(12).map(\.id).joined(separator: ", ") + (context.unassigned.count > 12 ? ", ..." : "")
            diagnostics.append(.warning(file, line: first.line,
                "\(context.unassigned.count) nội dung chưa giao cho đơn vị nào (\(ids)): không tính là nhiệm vụ",
                hint: "xem bằng \"tiendo tasks \(file)\"; nếu là nhiệm vụ, khai báo \"lead\" hoặc \"assignees\" cho mục đó trong phần đầu tệp"))
        }
        return Output(directive: directive, diagnostics: diagnostics)
    }

    static func title(for metadata: DirectiveMetadata, id: String) -> String {
        let kind = metadata.kind ?? "Văn bản"
        var title = kind
        if let number = metadata.number, !metadata.isNumberBlank { title += " số \(number)" }
        if let subject = metadata.subject, !subject.isEmpty { title += " về việc " + subject.lowercasedFirst }
        // Never the file id: readers know a document by its kind and number.
        return title == kind ? metadata.shortName : title
    }
}

extension String {
    var lowercasedFirst: String {
        guard let first else { return self }
        // Keep proper nouns and abbreviations ("UBND", "Thông báo") as written.
        let firstWord = prefix { !$0.isWhitespace }
        if firstWord.count > 1, firstWord == firstWord.uppercased() { return self }
        return String(first).lowercased() + dropFirst()
    }
}

/// The mutable state of one reading, kept out of the public reader.
struct ReadingContext {
    let directiveID: String
    let file: String
    let lineOffset: Int
    let bodyLines: [String]
    let register: UnitRegister
    let names: AssigneeNames
    let deadlines: DeadlineParser

    var tasks: [Task] = []
    var unassigned: [ReviewItem] = []
    var usedIDs = Set<String>()
    private var hintCache: [String: String] = [:]
    /// The last item read, when it opened with a letter ("d) Giao ..."): the
    /// bullets and plain paragraphs after it are its content, not new items.
    private var letteredItem: (unassigned: Bool, index: Int)?
    /// The last item read, so a list of labelled fields after it
    /// ("- Cơ quan chủ trì: ...", "- Thời gian thực hiện: ...") can complete it.
    private var lastItem: (unassigned: Bool, index: Int, markdown: String, plain: String, line: Int, blockLine: Int)? {
        didSet { itemFields = []; itemMarkdown = "" }
    }
    /// Fields met so far for `lastItem` ("- Nội dung:" and its bullets) while
    /// the field naming who does it ("- Cơ quan thực hiện: ...") is still to come.
    private var itemFields: [(TaskField, String)] = []
    private var itemMarkdown = ""
    /// A block already read as part of the one before it (a field's sub-bullets).
    private var consumedLine: Int?
    var diagnostics: [Diagnostic] = []
    private var sections: [Section] = []
    // Lookups a long document would otherwise pay with a scan per task or
    // per section (a 20 MB directive took 36.7 s, growing with the square
    // of its tasks): task ids taken, each section's place by id, and how
    // many top-level numbered sections there are. (Task ids taken are `usedIDs`.)
    private var sectionIndex: [String: Int] = [:]
    private var topLevelSections = 0
    private var leadIn: AssigneeNames.Found?

    init(directiveID: String, file: String, lineOffset: Int, bodyLines: [String], register: UnitRegister,
         names: AssigneeNames, deadlines: DeadlineParser) {
        self.directiveID = directiveID
        self.file = file
        self.lineOffset = lineOffset
        self.bodyLines = bodyLines
        self.register = register
        self.names = names
        self.deadlines = deadlines
    }

    struct Section {
        var id: String
        var heading: String
        var title: String
        var assignees: [Assignee]
        var taskCount = 0
        var line: Int
        var isAppendix: Bool
        var pendingField: Candidate?
        /// A plan's "MỤC ĐÍCH, YÊU CẦU" (and its sub-items): explains, assigns nothing.
        var isPurpose = false
        /// Opened by "a) Sở ..." rather than a number.
        var isLettered = false
        /// The number as the document writes it ("2" for the id "1.2").
        var written: String?
        /// Items numbered from "1." under it: its numbering restarts, so a
        /// "3." there is its own item, not the next section.
        var hasNumberedItems = false
        /// The roman part it sits in, as written ("IV"), for references such
        /// as "nhiệm vụ tại mục (IV) (1)".
        var romanPart: String?
    }

    /// Adds a section and keeps the lookups in step (sections only grow).
    private mutating func appendSection(_ section: Section) {
        sectionIndex[section.id] = sections.count
        if !section.id.contains("."), !section.id.hasPrefix("PL") { topLevelSections += 1 }
        sections.append(section)
    }

    /// The latest section whose id and a dot begin `id` ("1" and "1.2" for "1.2.3").
    private func parentSection(of id: String) -> Section? {
        var best: Int?
        for index in id.indices where id[index] == "." {
            if let found = sectionIndex[String(id[..<index])], found > (best ?? -1) { best = found }
        }
        return best.map { sections[$0] }
    }

    /// Plan sections whose paragraphs state aims, targets or the plan's
    /// scope ("Phạm vi, đối tượng, thời gian"), not duties.
    static func isPurposeTitle(_ title: String) -> Bool {
        let key = VietnameseText.fold(title)
        if ["muc dich", "yeu cau", "muc tieu", "quan diem", "chi tieu"].contains(where: { key.hasPrefix($0) }) { return true }
        // "Phạm vi, đối tượng, thời gian thực hiện" — but not "Phạm vi, đối
        // tượng, nhu cầu, phương án hỗ trợ", which holds duties.
        let parts = key.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        return parts.count >= 1 && ["pham vi", "doi tuong"].contains(where: { key.hasPrefix($0) })
            && parts.allSatisfy { part in ["pham vi", "doi tuong", "thoi gian"].contains { part.hasPrefix($0) } }
    }


    /// A piece of the body that may become a task.
    struct Candidate {
        var markdown: String
        var plain: String
        var line: Int
        var blockLine: Int
        var fields: [(TaskField, String)]?
    }

    // MARK: Section headings

    struct Heading {
        var number: String?
        var title: String
        var full: String
        var entry: AssigneeNames.Found
    }

    static let numbering = TextPattern(#"^\s*((?:\d{1,2}\.)*\d{1,2}|[IVXL]{1,5})\s*[.)/]\s*(?=\S)"#, caseSensitive: true)
    static let dottedNumbering = TextPattern(#"^\s*(\d{1,2}(?:\.\d{1,2})+)\.?\s+(?=\S)"#)
    static let assigningVerb = TextPattern(#"^(?:giao cho|giao|đối với|đề nghị|yêu cầu|nhiệm vụ của|trách nhiệm của)\s+"#)
    static let roleTail = TextPattern(#"\s*(?:chủ trì|thực hiện|có trách nhiệm|tổ chức thực hiện|thực hiện các nhiệm vụ sau|thực hiện một số nhiệm vụ sau)?\s*:?\s*$"#)

    /// Whether a top-level block reads as a section heading, and what it names.
    func heading(_ block: MarkdownBlock) -> Heading? {
        var text: String
        var structural = false
        var plainNumbered = false
        switch block.kind {
        case .heading:
            text = MetadataReader.oneLine(block)
            structural = true
        case .paragraph:
            text = MetadataReader.oneLine(block)
            let lineCount = block.endLine - block.startLine + 1
            guard lineCount == 1 || block.isAllStrong else { return nil }
            if let lettered = letteredHeading(text) { return lettered }
            if !block.isAllStrong {
                // A plain paragraph is a heading only when numbered: "II.",
                // "1.1.", or "1\." as converters from Word escape it.
                guard Self.numbering.firstMatch(in: text) != nil, text.count <= 120 else { return nil }
                plainNumbered = true
            }
        case .list(ordered: true, let start, _):
            guard block.children.count == 1, let item = block.children.first, item.children.count == 1,
                  item.children[0].kind == .paragraph else { return nil }
            let inner = MetadataReader.oneLine(item.children[0])
            guard inner.count <= 120, !inner.hasSuffix("."), !inner.hasSuffix(";") else { return nil }
            text = "\(start). " + inner
        default:
            return nil
        }
        // "### Điều 1." / "**Điều 2. Hiệu lực thi hành**": a decision's article
        // issues, enforces or executes the decision; it opens no section of
        // duties (its paragraphs are read as the decision's other paragraphs).
        if Self.decisionArticle.isMatch(text) { return nil }
        // A bold heading may list its bodies in a parenthesis, which makes it long.
        guard !text.isEmpty, text.count <= (block.isAllStrong && text.contains("(") ? 400 : 160) else { return nil }
        var number: String?
        var title = text
        if let match = Self.dottedNumbering.firstMatch(in: text) ?? Self.numbering.firstMatch(in: text) {
            number = match.group(1)
            title = text.replacingUTF16(match.range, with: "")
        }
        let bare = Self.bareName(title)
        // "Sở Nội vụ (Cơ quan thường trực ...)": a known name before a remark.
        let head = bare.firstIndex(of: "(").map { String(bare[..<$0]).trimmed } ?? bare
        var found = AssigneeNames.Found()
        if let entry = register.resolve(bare) {
            found.lead = [Assignee(name: bare, code: entry.code, role: .lead)]
        } else if head != bare, !head.isEmpty, let entry = register.resolve(head) {
            found.lead = [Assignee(name: head, code: entry.code, role: .lead)]
        } else {
            found = names.sentence(title)
            if found.lead.isEmpty {
                let listed = names.names(in: bare, role: .lead, keepUnknown: false)
                if !listed.isEmpty {
                    // "Các sở, ban, ngành thành phố và Ủy ban nhân dân xã, phường": once
                    // one name is known, the other bodies listed with it count too.
                    let all = names.names(in: bare, role: .lead, keepUnknown: true)
                    found.lead = all.count > listed.count && all.allSatisfy({ Self.looksLikeOrganisationHead($0.name) || $0.code != nil }) ? all : listed
                }
            }
        }
        // Long sentences with a deadline are tasks set in bold, not headings.
        if deadlines.parse(title).deadline.map({ $0.kind != .standing }) == true, found.lead.isEmpty || title.count > 80 {
            return nil
        }
        // "1.1. Rà soát vị trí việc làm." names nobody and ends like a
        // sentence: a numbered task, not a sub-heading ("1.1. Về cán bộ").
        // "1. Sở Y tế tổ chức khám sàng lọc." names a body and goes on: a duty, not a heading.
        if plainNumbered, !found.isEmpty, let last = title.trimmed.last, ".;".contains(last),
           bare.count > found.lead.map(\.name).joined(separator: ", ").count + 12 {
            return nil
        }
        // "4. Cơ quan phối hợp có trách nhiệm trả lời …." goes on past the name: a duty too.
        if plainNumbered, found.isEmpty, !Self.looksLikeAssignee(bare) || AssigneeNames.cutAtVerb(bare).ended,
           let last = title.trimmed.last, ".;".contains(last) {
            return nil
        }
        // A heading naming a body the register does not know keeps the name
        // (reported when the section opens), so its tasks are not left unassigned.
        // "Các cơ quan đăng ký đầu tư (Sở Tài chính, Ban quản lý ...)": the bodies in the parenthesis.
        if found.isEmpty, number != nil || structural || block.isAllStrong, Self.looksLikeOrganisationHead(bare),
           let open = bare.firstIndex(of: "("), let close = bare.lastIndex(of: ")"), open < close {
            let inner = String(bare[bare.index(after: open)..<close])
            found.lead = names.names(in: inner, role: .lead, keepUnknown: true)
        }
        // "Đề nghị Ủy ban MTTQ Thành phố, Hội LHPN Thành phố và các tổ chức thành viên":
        // a heading that lists several bodies may be long.
        if found.isEmpty, number != nil || structural || block.isAllStrong, bare.count > 80, bare.count <= 240,
           Self.looksLikeOrganisationHead(bare), !bare.hasSuffix(".") {
            let listed = names.names(in: bare, role: .lead, keepUnknown: true)
            if listed.count >= 2 { found.lead = listed }
        }
        if found.isEmpty, number != nil || structural || block.isAllStrong, Self.looksLikeAssignee(bare) {
            // "Liên đoàn Lao động, Hội Nông dân, Liên minh Hợp tác xã": several bodies.
            // A body's head ("Giám đốc Sở, Thủ trưởng cơ quan, ban, ngành") is one name.
            let named = Self.withoutExamples(bare)
            let listed = AssigneeNames.isHeadOfBody(named) ? [] : names.names(in: named, role: .lead, keepUnknown: true)
            found.lead = listed.isEmpty ? [Assignee(name: named, code: nil, role: .lead)] : listed
        }
        if !found.isEmpty || number != nil || structural || Self.isAppendix(title) {
            return Heading(number: number, title: title.trimmed, full: text, entry: found)
        }
        return nil
    }

    static let decisionArticle = TextPattern(#"^\s*điều\s+\d{1,2}\s*[.:]?(?:\s|$)"#)

    static func looksLikeOrganisationHead(_ name: String) -> Bool {
        AssigneeNames.looksLikeOrganisation(name)
    }

    static let elaboration = TextPattern(#"^\s*(?:khi|trường hợp|trong trường hợp|đối với|riêng|nếu)(?!\p{L})"#)
    static let opening = TextPattern(
        #"^\s*(?:căn cứ|thực hiện|theo|tiếp theo|trên cơ sở|nhằm|thời gian qua|vừa qua|ngày\s+\d|tại\s+(?:công văn|kế hoạch|quyết định|thông báo|chỉ thị))(?!\p{L})"#)
    /// "c) Giao Công an ...", "Đề nghị Ủy ban MTTQ ...": an item that opens by assigning.
    static let opensWithAssignment = TextPattern(
        #"^\s*(?:[-+•]\s*)?(?:(?:[a-zđ]|\d{1,2}(?:\.\d{1,2})*)[.)]\s*)?(?:giao|đề nghị|yêu cầu)\s"#)
    static let letteredName = TextPattern(#"^\s*([a-zđ])\)\s+(\S.{1,118}?)\s*:?\s*$"#, caseSensitive: true)
    static let letters = Array("abcdđeghiklmnopqrstuvxy")

    /// "a) Sở Nông nghiệp và Môi trường" alone on its line, its duties below:
    /// a lettered heading, not a duty. A lettered line that goes on with a
    /// verb ("a) Sở Tài chính chủ trì ...") is a duty.
    func letteredHeading(_ text: String) -> Heading? {
        guard let match = Self.letteredName.firstMatch(in: text), let letter = match.group(1), let name = match.group(2),
              !name.hasSuffix("."), !name.hasSuffix(";"), Self.looksLikeAssignee(name),
              register.resolve(name) != nil || AssigneeNames.subjectEnd.firstMatch(in: " " + name) == nil else { return nil }
        let listed = AssigneeNames.isHeadOfBody(name) ? [] : names.names(in: name, role: .lead, keepUnknown: true)
        guard let index = Self.letters.firstIndex(of: Character(letter)) else { return nil }
        return Heading(number: "#\(index + 1)", title: name, full: text.trimmed,
                       entry: AssigneeNames.Found(lead: listed.isEmpty ? [Assignee(name: name, code: nil, role: .lead)] : listed))
    }

    static let remark = TextPattern(#"^\s*\([^()]*\)\s*[.:;]?\s*$"#)
    static let boldLead = TextPattern(
        #"^\s*\*\*\s*((?:\d{1,2}\.)*\d{1,2}|[IVX]{1,5})\s*[.)]\s*([^*]{2,160}?)\s*:?\s*\*\*\s*:?\s*(\S[\s\S]*)$"#, caseSensitive: true)

    /// "**1. Sở Công Thương:** chủ trì, ...": a numbered body in bold that
    /// opens a section, with its first duty on the same line.
    func boldLeadHeading(_ block: MarkdownBlock) -> (Heading, String)? {
        guard block.kind == .paragraph, !block.isAllStrong else { return nil }
        let source = sourceLines(block).joined(separator: "\n")
        guard let match = Self.boldLead.firstMatch(in: source), let number = match.group(1),
              let name = match.group(2), var rest = match.group(3) else { return nil }
        // "**1. Sở Tài chính** (cơ quan chủ trì)": the remark belongs to the heading.
        if Self.remark.isMatch(rest) { rest = "" }
        let bare = Self.withoutExamples(Self.bareName(name))
        guard Self.looksLikeAssignee(bare) || register.resolve(bare) != nil else { return nil }
        var found = AssigneeNames.Found()
        if let entry = register.resolve(bare) {
            found.lead = [Assignee(name: bare, code: entry.code, role: .lead)]
        } else {
            let listed = AssigneeNames.isHeadOfBody(bare) ? [] : names.names(in: bare, role: .lead, keepUnknown: true)
            found.lead = listed.isEmpty ? [Assignee(name: bare, code: nil, role: .lead)] : listed
        }
        return (Heading(number: number, title: bare, full: "\(number). \(name.trimmed)", entry: found), rest)
    }

    /// "Các doanh nghiệp viễn thông (VNPT, Viettel, MobiFone và doanh nghiệp
    /// khác)": a closing parenthesis that names no body gives examples; the
    /// name is the words before it.
    static func withoutExamples(_ name: String) -> String {
        // "Ủy ban nhân dân các xã (A, B và C)" lists the communes: not examples.
        guard name.hasSuffix(")"), let open = name.firstIndex(of: "("),
              AssigneeNames.expandingCommuneLists(name) == name else { return name }
        let head = String(name[..<open]).trimmed
        guard !head.isEmpty, AssigneeNames.looksLikeOrganisation(head) else { return name }
        let inner = String(name[name.index(after: open)..<name.index(before: name.endIndex)])
        let bodies = AssigneeNames.pieces(of: inner).filter { AssigneeNames.looksLikeOrganisation($0.text) }
        return bodies.isEmpty ? head : name
    }

    static func bareName(_ title: String) -> String {
        var text = title.trimmed
        if let match = assigningVerb.firstMatch(in: text) { text = text.replacingUTF16(match.range, with: "") }
        if let match = roleTail.firstMatch(in: text), match.range.lowerBound > 0 { text = text.replacingUTF16(match.range, with: "") }
        return text.trimming(anyOf: " :.;")
    }

    static func isAppendix(_ title: String) -> Bool {
        title.lowercased().hasPrefix("phụ lục")
    }

    static func arabic(_ number: String) -> String {
        let romans: [Character: Int] = ["I": 1, "V": 5, "X": 10, "L": 50]
        guard number.allSatisfy({ romans[$0] != nil }) else { return number }
        var total = 0
        let values = number.map { romans[$0]! }
        for (i, v) in values.enumerated() {
            total += (i + 1 < values.count && values[i + 1] > v) ? -v : v
        }
        return String(total)
    }

    mutating func openSection(_ heading: Heading, line: Int) {
        flushPendingField()
        leadIn = nil
        letteredItem = nil
        lastItem = nil
        let appendix = Self.isAppendix(heading.title)
        var id: String
        if let number = heading.number, number.hasPrefix("#") {
            // A lettered heading sits under the nearest heading that is not lettered.
            let parent = sections.last { !$0.isLettered }
            id = (parent.map { $0.id + "." } ?? "") + number.dropFirst()
        } else if let number = heading.number {
            let isRoman = number.first.map { "IVXL".contains($0) } ?? false
            id = Self.arabic(number)
            // "2.1. Trách nhiệm chung" sits under the latest section numbered
            // "2", even when that one sits under a roman part (id "1.2").
            if !isRoman, let dot = number.lastIndex(of: "."), sectionIndex[String(number[..<dot])] == nil,
               let parent = sections.last(where: { $0.written == String(number[..<dot]) }) {
                id = parent.id + number[dot...]
            }
            if !isRoman, !number.contains("."), let parent = sections.last(where: { $0.heading.first.map { "IVXL".contains($0) } ?? false && !$0.id.contains(".") }),
               let lastRomanIndex = sections.lastIndex(where: { $0.id == parent.id }),
               sections[lastRomanIndex...].allSatisfy({ $0.id == parent.id || $0.id.hasPrefix(parent.id + ".") }) {
                id = parent.id + "." + id
            }
        } else if appendix {
            // "Phụ lục II" → PL2; "PHỤ LỤC: DANH MỤC ..." has no number → PL.
            let word = heading.title.split(separator: " ").dropFirst(2).first
                .map { String($0).trimming(anyOf: ":.") } ?? ""
            let numbered = !word.isEmpty && (word.allSatisfy(\.isNumber) || word.allSatisfy { "IVXL".contains($0) })
            id = "PL" + (numbered ? Self.arabic(word) : "")
        } else {
            id = String(topLevelSections + 1)
        }
        while sectionIndex[id] != nil { id += "'" }
        var assignees = heading.entry.lead + heading.entry.partners
        if assignees.isEmpty, let parent = parentSection(of: id) {
            assignees = parent.assignees
        }
        for unknown in heading.entry.lead + heading.entry.partners where unknown.code == nil {
            diagnostics.append(.warning(file, line: line + lineOffset,
                "mục \"\(heading.full)\" giao việc cho \"\(unknown.name)\" nhưng tên này không có trong danh sách đơn vị",
                hint: suggestionHint(unknown.name)))
        }
        var section = Section(id: id, heading: heading.full, title: heading.title, assignees: assignees,
                              line: line, isAppendix: appendix)
        section.isLettered = heading.number?.hasPrefix("#") ?? false
        section.written = heading.number.flatMap { $0.hasPrefix("#") ? nil : $0 }
        if let number = heading.number, number.allSatisfy({ "IVXL".contains($0) }) {
            section.romanPart = number
        } else if !appendix {
            section.romanPart = sections.last?.romanPart
        }
        let parentIsPurpose = parentSection(of: id)?.isPurpose ?? false
        section.isPurpose = heading.entry.isEmpty && (Self.isPurposeTitle(heading.title) || parentIsPurpose)
        appendSection(section)
    }

    static func looksLikeAssignee(_ name: String) -> Bool {
        AssigneeNames.looksLikeOrganisation(name) && name.count <= 80
    }

    // MARK: Body

    mutating func readBody(_ blocks: [MarkdownBlock], range: Range<Int>, nonTask: Set<Int>) {
        // Paragraphs before the first section are preamble; a document with
        // no section at all keeps the paragraphs that assign someone.
        let hasSections = range.contains { index in
            guard !nonTask.contains(index) else { return false }
            if heading(blocks[index]) != nil { return true }
            if case .list(ordered: true, _, _) = blocks[index].kind { return wouldNest(blocks[index]) }
            return false
        }
        var index = range.lowerBound
        var ended = false
        var awaitingHeading = false
        while index < range.upperBound {
            defer { index += 1 }
            if nonTask.contains(index) { continue }
            let block = blocks[index]
            // After the closing formula only an appendix holds tasks.
            if index > range.lowerBound, MetadataReader.isAttachedDocument(block) || (ended && MetadataReader.isAttachedTitle(block)),
               !MetadataReader.oneLine(block).hasPrefix("(") {
                awaitingHeading = true
                flushPendingField()
            }
            if ended {
                guard MetadataReader.isAppendixHeading(block) || awaitingHeading else { continue }
                ended = false
            }
            // The attached plan's title and "(Kèm theo ...)" line hold no task.
            // Nor does its subtitle set as a heading ("# KẾ HOẠCH" then "## Thực hiện
            // chuyển đổi số năm 2026"): unnumbered, naming no body, not an appendix.
            if awaitingHeading, heading(block).map({ $0.number == nil && $0.entry.isEmpty && !Self.isAppendix($0.title) }) ?? true
                || MetadataReader.isAttachedDocument(block) { continue }
            awaitingHeading = false
            // An appendix's title ("NHIỆM VỤ CỦA CÁC SỞ, BAN, NGÀNH") and its
            // "(Kèm theo Kế hoạch số …)" line introduce its table: no heading, no item.
            if let section = sections.last, section.isAppendix, section.taskCount == 0, block.kind == .paragraph,
               PipeTable.parse(lines: sourceLines(block), firstLine: block.startLine) == nil {
                let text = MetadataReader.oneLine(block)
                if MetadataReader.isAttachedDocument(block) || (text == text.uppercased() && text.count <= 200) { continue }
            }
            if let (heading, rest) = boldLeadHeading(block) {
                openSection(heading, line: block.startLine)
                // "**2. Các sở, ngành:** Là các đơn vị …, chịu trách nhiệm các nội dung sau:"
                // announces the items below; it is none of them.
                if !rest.trimmed.isEmpty, !rest.trimmed.hasSuffix(":") {
                    addCandidate(Candidate(markdown: rest, plain: VietnameseText.collapseSpaces(Self.plain(markdown: rest)),
                                           line: block.startLine, blockLine: block.startLine, fields: nil))
                }
                continue
            }
            if let heading = heading(block) {
                openSection(heading, line: block.startLine)
                continue
            }
            // A numbered item whose first line names an assignee and whose
            // nested blocks are its tasks ("1. Sở Nội vụ:" + indented bullets).
            if case .list(ordered: true, let start, _) = block.kind, nestedSections(block, start: start) {
                continue
            }
            if case .list(ordered: true, let start, let tight) = block.kind, splitSectionList(block, start: start, tight: tight) {
                continue
            }
            let plain = MetadataReader.oneLine(block)
            if block.kind == .paragraph, isClosing(plain) {
                // The last numbered item may carry the closing mark ("**2**. Giao Công an
                // … hiệu quả./."): it, or a paragraph with its own day, is read before the body ends.
                let lastItem = deadlines.parse(plain).deadline?.due != nil
                    || (plain.trimmed.hasSuffix("/.") && Self.leadingNumber.isMatch(plain))
                ended = true
                if !lastItem { continue }
            }
            // "**1.** Các cơ quan … có trách nhiệm …" before the first heading: the
            // body's numbering has begun; the item is the first of its level.
            if sections.isEmpty, hasSections, block.kind == .paragraph, !Self.opening.isMatch(plain),
               Self.leadingNumber.firstMatch(in: plain)?.group(1) == "1" {
                openSection(Heading(number: "1", title: "", full: "1.", entry: AssigneeNames.Found()), line: block.startLine)
            }
            guard !sections.isEmpty || (!hasSections && (implicitTask(block, plain: plain)
                    || listAfterLeadIn(block, previous: index > 0 ? blocks[index - 1] : nil)))
                    || isTaskTable(block) else { continue }
            if sections.isEmpty {
                appendSection(Section(id: "1", heading: "", title: "", assignees: [], line: block.startLine, isAppendix: false))
            }
            let next = index + 1 < range.upperBound ? blocks[index + 1] : nil
            if block.kind == .paragraph, continuesNumbering(plain, next: next) { continue }
            taskBlock(block, next: next)
        }
        flushPendingField()
    }

    /// "a) …" and "*1.1.* …": an item whose plain paragraphs after it are its content.
    static let dottedItem = TextPattern(#"^\s*[*_]*\d{1,2}\.\d{1,2}\.[*_]*\s+\S"#)
    static func opensItem(_ text: String) -> Bool {
        TaskField.marker.isMatch(text) || dottedItem.isMatch(text)
    }

    static let reports = TextPattern(#"(?<!\p{L})báo cáo(?!\p{L})"#)
    static let sentenceBreak = TextPattern(#"[.;]\s+\p{Lu}"#, caseSensitive: true)
    static let leadingNumber = TextPattern(#"^\s*(\d{1,2})\s*[.)]\s+(?=\S)"#)

    /// "**3.** Cơ quan chủ trì …" (a heading with lettered items), then
    /// "**4.** Cơ quan phối hợp có trách nhiệm …": a paragraph numbered next
    /// after the current section's own number closes that section and is
    /// the parent's next item. When it ends with a colon it announces the
    /// items below it, and the bodies it names do them.
    mutating func continuesNumbering(_ plain: String, next: MarkdownBlock?) -> Bool {
        guard let match = Self.leadingNumber.firstMatch(in: plain), let n = Int(match.group(1) ?? ""),
              let current = sections.last, !current.isLettered, !current.hasNumberedItems,
              let written = current.written, let last = written.split(separator: ".").last, Int(last) == n - 1 else { return false }
        let prefix = written.split(separator: ".").dropLast().map(String.init)
        let number = (prefix + [String(n)]).joined(separator: ".")
        var entry = AssigneeNames.Found()
        let announces = plain.hasSuffix(":")
        if announces {
            // "Để nâng cao …, các Sở, ngành, UBND cấp xã … theo chức năng …:"
            entry = names.subject(plain) ?? names.sentence(plain)
        }
        openSection(Heading(number: number, title: "", full: "\(number).", entry: entry), line: 0)
        if announces, !entry.isEmpty { return true }
        return false
    }

    /// A plan whose appendix table lists the tasks spells its content out
    /// there: the impersonal items of the body's content parts ("Nội dung
    /// thực hiện", "Nhiệm vụ trọng tâm", "Lộ trình thực hiện") are neither
    /// tasks nor items for review. Other parts ("Giải pháp", "Tổ chức thực
    /// hiện") keep theirs: the table does not spell those out.
    mutating func dropContentSpelledOutByAppendix() {
        let appendixRows = tasks.contains { task in
            task.reading == .table && sectionIndex[String(task.id.prefix { $0 != "." })].map { sections[$0].isAppendix } == true
        }
        guard appendixRows else { return }
        unassigned.removeAll { item in
            guard let index = sectionIndex[String(item.id.prefix { $0 != "." })], !sections[index].isAppendix else { return false }
            return Self.isContentTitle(sections[index].title)
        }
    }

    static let sectionReference = TextPattern(
        #"(?:[Mm]ục|[Pp]hần)\s*\(?\s*([IVX]{1,4})(?![\p{L}])\s*\)?((?:\s*\(\s*\d{1,2}(?:\.\d{1,2})*\s*\))*)"#, caseSensitive: true)
    static let referencePath = TextPattern(#"\d{1,2}(?:\.\d{1,2})*"#)

    /// "Chủ trì triển khai các nhiệm vụ tại mục (IV) (1)", "… tại Phần III": a task that takes
    /// on a part of the plan by its number assigns that part's impersonal
    /// items, which are then no longer left for review.
    mutating func dropItemsAssignedByReference() {
        var references: [(part: String, paths: [String])] = []
        for task in tasks {
            for match in Self.sectionReference.matches(in: task.text) {
                guard let part = match.group(1) else { continue }
                references.append((part, Self.referencePath.matches(in: match.group(2) ?? "").map(\.text)))
            }
        }
        guard !references.isEmpty else { return }
        let sections = self.sections, sectionIndex = self.sectionIndex
        func parent(of id: String) -> Section? {
            var best: Int?
            for index in id.indices where id[index] == "." {
                if let found = sectionIndex[String(id[..<index])], found > (best ?? -1) { best = found }
            }
            return best.map { sections[$0] }
        }
        unassigned.removeAll { item in
            guard let dot = item.id.lastIndex(of: "."), let index = sectionIndex[String(item.id[..<dot])] else { return false }
            var chain = [sections[index]]
            while let up = parent(of: chain.last!.id), !chain.contains(where: { $0.id == up.id }) { chain.append(up) }
            return references.contains { reference in
                chain.contains { section in
                    guard section.romanPart == reference.part else { return false }
                    guard !reference.paths.isEmpty else { return true }
                    guard let written = section.written else { return false }
                    return reference.paths.contains { written == $0 || written.hasPrefix($0 + ".") }
                }
            }
        }
    }

    static func isContentTitle(_ title: String) -> Bool {
        let key = VietnameseText.fold(title)
        return ["noi dung", "nhiem vu", "lo trinh"].contains { key.hasPrefix($0) }
    }

    func wouldNest(_ list: MarkdownBlock) -> Bool {
        nestingHeadings(list).allSatisfy { $0 != nil }
    }

    func nestingHeadings(_ list: MarkdownBlock) -> [Heading?] {
        list.children.map { item -> Heading? in
            guard item.children.count >= 2, item.children[0].kind == .paragraph else { return nil }
            let first = MetadataReader.oneLine(item.children[0])
            guard first.count <= 120 else { return nil }
            let bare = Self.bareName(first)
            guard let entry = register.resolve(bare) else { return nil }
            return Heading(number: nil, title: first, full: first,
                           entry: AssigneeNames.Found(lead: [Assignee(name: bare, code: entry.code, role: .lead)]))
        }
    }

    /// Top-level ordered items that each open a section with nested tasks.
    mutating func nestedSections(_ list: MarkdownBlock, start: Int) -> Bool {
        let items = list.children
        let headed = nestingHeadings(list)
        guard !items.isEmpty, headed.allSatisfy({ $0 != nil }) else { return false }
        for (offset, item) in items.enumerated() {
            var heading = headed[offset]!
            heading.number = String(start + offset)
            heading.full = "\(start + offset). " + heading.title
            openSection(heading, line: item.startLine)
            for (childIndex, child) in item.children.enumerated().dropFirst() {
                let next = childIndex + 1 < item.children.count ? item.children[childIndex + 1] : nil
                taskBlock(child, next: next)
            }
        }
        return true
    }

    /// "8. Các sở … tổ chức triển khai thực hiện Kế hoạch." then "9. Đề nghị
    /// Ủy ban MTTQ tỉnh" with its a), b) below: consecutive numbered lines
    /// make one Markdown list, but they are items at the level of the
    /// sections. When an item is a body's heading, each item opens a section
    /// of its own: the heading's, or an unnamed one holding the item as a duty.
    mutating func splitSectionList(_ list: MarkdownBlock, start: Int, tight: Bool) -> Bool {
        guard list.children.count > 1, !sections.isEmpty else { return false }
        func single(_ item: MarkdownBlock, _ number: Int) -> MarkdownBlock {
            var block = list
            block.kind = .list(ordered: true, start: number, tight: tight)
            block.children = [item]
            block.startLine = item.startLine
            block.endLine = item.endLine
            return block
        }
        let headings = list.children.enumerated().map { offset, item in heading(single(item, start + offset)) }
        guard headings.contains(where: { $0.map { !$0.entry.isEmpty } ?? false }) else { return false }
        for (offset, item) in list.children.enumerated() {
            if let heading = headings[offset], !heading.entry.isEmpty {
                openSection(heading, line: item.startLine)
                continue
            }
            let number = String(start + offset)
            let parent = sections.last { !$0.isLettered }?.written.map { $0.split(separator: ".").dropLast().map(String.init) } ?? []
            let written = (parent + [number]).joined(separator: ".")
            openSection(Heading(number: written, title: "", full: "\(written).", entry: AssigneeNames.Found()), line: item.startLine)
            addCandidate(candidate(forItem: item))
        }
        return true
    }

    /// A pipe table whose columns name duties ("Tên nhiệm vụ", "Nội dung công việc").
    func isTaskTable(_ block: MarkdownBlock) -> Bool {
        let table = block.kind == .paragraph ? PipeTable.parse(lines: sourceLines(block), firstLine: block.startLine)
            : block.kind == .htmlBlock ? HTMLTable.parse(lines: sourceLines(block), firstLine: block.startLine) : nil
        guard let table else { return false }
        return table.header.contains { TaskField.named($0) == .task } || Self.fieldRows(table) != nil
    }

    func isClosing(_ plain: String) -> Bool {
        let text = plain.trimmed
        if text.hasSuffix("./.") || text.hasSuffix("/.") { return true }
        return Self.closingFormula.isMatch(text)
    }

    /// "Trong quá trình (tổ chức / triển khai) thực hiện, nếu có khó khăn …":
    /// the closing formula, after which only an appendix holds tasks.
    static let closingFormula = TextPattern(#"^trong quá trình\s+(?:\S+\s+){0,2}?thực hiện(?!\p{L})"#)

    /// Outside any section, a paragraph is a task only when it assigns
    /// someone ("Giao Sở ... chủ trì") — the rest is preamble.
    /// A list is judged item by item: "1. Tại Công văn số … đã giao …; Giao
    /// Sở X …" then "2. Sở Y: …" is a list of duties even when its first
    /// item opens with history.
    func implicitTask(_ block: MarkdownBlock, plain: String) -> Bool {
        if block.isList { return block.children.contains { implicitTask(MetadataReader.oneLine($0)) } }
        return implicitTask(plain)
    }

    func implicitTask(_ plain: String) -> Bool {
        // The opening paragraphs (bases, the history of earlier documents) assign
        // nothing new; but a sentence after the history may assign anew ("Tại
        // Công văn số …, UBND tỉnh đã giao … Giao Sở X khẩn trương hoàn thành …").
        Self.sentences(plain).contains { sentence in
            var sentence = sentence
            if Self.opening.isMatch(sentence) {
                // "Thực hiện Công văn số … của Bộ Y tế, Chủ tịch UBND tỉnh giao Sở Y tế
                // chủ trì …": the opening clause says why; the issuer's own "giao /
                // yêu cầu / đề nghị" after it assigns. History ("Ngày …, UBND tỉnh đã
                // ban hành … yêu cầu …") names no such clause of the issuer's.
                guard Self.reasonOpening.isMatch(sentence), let main = Self.issuerAssigns.firstMatch(in: sentence) else { return false }
                sentence = sentence.utf16Slice(main.range.lowerBound..<sentence.utf16.count)
                    .trimmingCharacters(in: CharacterSet(charactersIn: ", "))
            }
            let found = names.sentence(sentence)
            // "Yêu cầu Sở Xây dựng báo cáo …": a sentence that opens by assigning
            // to a known body assigns, whatever verb ends the name.
            return found.lead.contains { $0.code != nil } && (names.assigns(sentence) || Self.opensWithAssignment.isMatch(sentence))
        }
    }

    /// Openings that give the reason for what follows, not its history.
    static let reasonOpening = TextPattern(#"^\s*(?:căn cứ|thực hiện|theo|xét|trên cơ sở|để|nhằm)(?!\p{L})"#)
    static let issuerAssigns = MetadataReader.issuerAssigns

    /// "…, UBND tỉnh đề nghị:" then "- Sở Y tế khẩn trương …": before any
    /// section, a list that a lead-in hands out is a list of duties when its
    /// items open with a known body.
    func listAfterLeadIn(_ block: MarkdownBlock, previous: MarkdownBlock?) -> Bool {
        guard block.isList, let previous, previous.kind == .paragraph,
              Self.assigningLeadIn.isMatch(MetadataReader.oneLine(previous)) else { return false }
        return block.children.contains { item in
            names.subject(MetadataReader.oneLine(item))?.lead.contains { $0.code != nil } == true
        }
    }

    static let assigningLeadIn = TextPattern(#"(?:giao|đề nghị|yêu cầu|chỉ đạo|có ý kiến(?: chỉ đạo)?)(?:\s+như sau)?\s*:\s*$"#)

    /// The sentences of a plain text: cut after "." or ";" before a capital.
    static func sentences(_ plain: String) -> [String] {
        var result: [String] = []
        var start = 0
        for match in sentenceBreak.matches(in: plain) {
            let end = match.range.lowerBound + 1
            result.append(plain.utf16Slice(start..<end).trimmed)
            start = match.range.upperBound - 1
        }
        result.append(plain.utf16Slice(start..<plain.utf16.count).trimmed)
        return result.filter { !$0.isEmpty }
    }

    /// Adds a block to the lettered item before it ("d) Giao Ban Quản lý ...
    /// chỉ đạo:" and its bullets; "a) ..." and the paragraph that goes on).
    mutating func continueLetteredItem(_ block: MarkdownBlock, item chosen: (unassigned: Bool, index: Int)? = nil) -> Bool {
        guard let item = chosen ?? letteredItem else { return false }
        let markdown = sourceLines(block).joined(separator: "\n")
        let plain = VietnameseText.collapseSpaces(MetadataReader.plainText(block))
        if item.unassigned {
            unassigned[item.index].text += "\n\n" + markdown
            if unassigned[item.index].deadline == nil { unassigned[item.index].deadline = deadlines.parse(plain).deadline }
        } else {
            tasks[item.index].text += "\n\n" + markdown
            if tasks[item.index].deadline == nil { tasks[item.index].deadline = deadlines.parse(plain).deadline }
        }
        return true
    }

    /// "Rà soát văn bản ..." then "- Cơ quan chủ trì: X" / "- Thời gian
    /// thực hiện: Y": the fields belong to the item above, which is read
    /// again with them.
    mutating func completeWithFields(_ list: MarkdownBlock, next: MarkdownBlock?) -> Bool {
        guard let item = lastItem, !sections.isEmpty else { return false }
        var fields: [(TaskField, String)] = []
        for child in list.children {
            guard let found = TaskField.fields(in: VietnameseText.collapseSpaces(MetadataReader.plainText(child))) else { return false }
            fields += found
        }
        var markdown = sourceLines(list).joined(separator: "\n")
        // "- Cơ quan thực hiện:" (or "- Nội dung:") with nothing after the
        // colon, then "+ ..." bullets: the bullets are the field's value, one a line.
        if let last = fields.last, last.1.trimmed.isEmpty, let next, next.isList,
           !next.children.contains(where: { TaskField.fields(in: VietnameseText.collapseSpaces(MetadataReader.plainText($0))) != nil }) {
            fields[fields.count - 1].1 = next.children
                .map { VietnameseText.collapseSpaces(MetadataReader.plainText($0)) }.joined(separator: "\n")
            markdown += "\n\n" + sourceLines(next).joined(separator: "\n")
            consumedLine = next.startLine
        }
        let gathered = itemFields + fields
        let gatheredMarkdown = itemMarkdown + "\n\n" + markdown
        // Only what the duty is so far: keep it, and wait for who does it.
        guard gathered.contains(where: { $0.0 == .lead || $0.0 == .partners || $0.0 == .deadline }) else {
            guard fields.contains(where: { $0.0 == .task }) else { return false }
            if item.unassigned { unassigned[item.index].text += "\n\n" + markdown } else { tasks[item.index].text += "\n\n" + markdown }
            itemFields = gathered
            itemMarkdown = gatheredMarkdown
            return true
        }
        // "a) Hoạt động 1" then "- Nội dung: ...": the title names the duty only when no field does.
        let hasTask = gathered.contains { $0.0 == .task && !$0.1.trimmed.isEmpty }
        let id: String
        if item.unassigned { id = unassigned.remove(at: item.index).id } else { id = tasks.remove(at: item.index).id }
        usedIDs.remove(id)
        sections[sections.count - 1].taskCount -= 1
        appendTask(markdown: item.markdown + gatheredMarkdown, plain: item.plain, line: item.line, blockLine: item.blockLine,
                   fields: (hasTask ? [] : [(.task, item.plain)]) + gathered, number: nil)
        lastItem = nil
        return true
    }

    static let leadAndPartners = TextPattern(#"^\s*(?:[a-zđ]|\d{1,2})[.)]\s*chủ trì\s*,?\s*phối hợp(?:\s+với)?\s*:?\s*$"#)

    /// "b) Chủ trì, phối hợp" and then bullets that each open with the bodies
    /// to work with ("- Sở Tài chính … tham mưu …"): one task per bullet, led
    /// by the section's body, with the bullet's bodies as partners.
    mutating func partnerBullets(_ list: MarkdownBlock) -> Bool {
        guard let item = letteredItem, !item.unassigned, item.index == tasks.count - 1,
              Self.leadAndPartners.isMatch(Self.plain(markdown: tasks[item.index].text)) else { return false }
        let bullets = list.children.map { candidate(forItem: $0) }
        let subjects = bullets.map { names.subject($0.plain) }
        guard !bullets.isEmpty, subjects.allSatisfy({ $0 != nil }) else { return false }
        let lead = tasks[item.index].assignees.filter { $0.role == .lead }
        guard !lead.isEmpty else { return false }
        let removed = tasks.remove(at: item.index)
        usedIDs.remove(removed.id)
        sections[sections.count - 1].taskCount -= 1
        letteredItem = nil
        lastItem = nil
        for (bullet, subject) in zip(bullets, subjects) {
            let partners = subject!.lead.map(\.name).joined(separator: "; ")
            appendTask(markdown: bullet.markdown, plain: bullet.plain, line: bullet.line, blockLine: bullet.blockLine,
                       fields: [(.task, bullet.plain), (.lead, lead.map(\.name).joined(separator: "; ")), (.partners, partners)],
                       number: nil)
        }
        return true
    }

    mutating func taskBlock(_ block: MarkdownBlock, next: MarkdownBlock?) {
        if let consumed = consumedLine {
            consumedLine = nil
            if consumed == block.startLine { return }
        }
        switch block.kind {
        case .list where completeWithFields(block, next: next):
            return
        case .list where partnerBullets(block):
            return
        case .list where continueLetteredItem(block):
            return
        case .list:
            for item in block.children {
                addCandidate(candidate(forItem: item))
            }
            leadIn = nil
        case .paragraph:
            let lines = sourceLines(block)
            if let table = PipeTable.parse(lines: lines, firstLine: block.startLine) {
                tableTasks(table)
                return
            }
            let plain = MetadataReader.oneLine(block)
            if block.isAllStrong, heading(block) == nil, deadlines.parse(plain).deadline == nil {
                return // a bold label inside a section, not a duty
            }
            // "a) …", and "2. …" at the level of the items, start an item of their own.
            let lettered = Self.opensItem(plain) || Self.leadingNumber.isMatch(plain)
            // A loose paragraph with a day of its own is a duty of its own.
            // A paragraph that assigns anew ("Giao Sở X ...", a lead-in before a list) starts something else.
            let assignsAnew = Self.opensWithAssignment.isMatch(plain) || (plain.hasSuffix(":") && next?.isList == true)
            if assignsAnew { letteredItem = nil; lastItem = nil }
            if !lettered, !assignsAnew, TaskField.fields(in: plain) == nil, deadlines.parse(plain).deadline?.due == nil,
               continueLetteredItem(block) { return }
            // "Khi ...", "Trường hợp ...", "Đối với ...": a condition that spells out the item above.
            if !lettered, !assignsAnew, let item = lastItem, Self.elaboration.isMatch(plain), TaskField.fields(in: plain) == nil,
               deadlines.parse(plain).deadline?.due == nil,
               continueLetteredItem(block, item: (item.unassigned, item.index)) { return }
            // "… một số đơn vị còn có trách nhiệm … sau:" before "a) Sở Nông nghiệp …":
            // one sentence that announces the headings below is no duty (a
            // duty before it, "… tổ chức quán triệt. Đồng thời, … như sau:", is).
            if plain.hasSuffix(":"), !lettered, Self.sentenceBreak.firstMatch(in: plain) == nil, let next, heading(next) != nil { return }
            if plain.hasSuffix(":"), !lettered, let next, next.isList {
                // "Giao Sở Xây dựng chủ trì, phối hợp với ... thực hiện các nhiệm vụ sau:"
                let found = names.sentence(plain)
                leadIn = found.isEmpty ? nil : found
                return
            }
            for piece in splitLettered(lines, firstLine: block.startLine) {
                addCandidate(Candidate(markdown: piece.markdown, plain: VietnameseText.collapseSpaces(Self.plain(markdown: piece.markdown)),
                                       line: piece.line, blockLine: block.startLine,
                                       fields: TaskField.fields(in: VietnameseText.collapseSpaces(Self.plain(markdown: piece.markdown)))))
            }
        case .htmlBlock:
            let (table, isCut) = HTMLTable.parseChecked(lines: sourceLines(block), firstLine: block.startLine)
            if isCut {
                diagnostics.append(.error(file, line: block.startLine + lineOffset,
                                          "bảng HTML có hơn \(InputLimits.htmlTableCells) ô: các dòng sau đó không được đọc, không hiện trên trang",
                                          hint: "chia bảng thành nhiều bảng nhỏ, hoặc kiểm tra tệp chuyển đổi (bảng này có thể bị lỗi khi xuất từ Word)"))
            }
            if let table { tableTasks(table) }
        case .blockQuote:
            for (i, child) in block.children.enumerated() {
                taskBlock(child, next: i + 1 < block.children.count ? block.children[i + 1] : nil)
            }
        default:
            return
        }
    }

    func candidate(forItem item: MarkdownBlock) -> Candidate {
        let contentColumn = item.children.first?.startColumn ?? item.startColumn
        var lines = sourceLines(item)
        if var first = lines.first {
            let drop = min(first.utf8.count, max(0, contentColumn - 1))
            first = String(decoding: Array(first.utf8).dropFirst(drop), as: UTF8.self)
            lines[0] = first
        }
        let indent = max(0, contentColumn - 1)
        for i in lines.indices.dropFirst() {
            var line = Substring(lines[i])
            var removed = 0
            while removed < indent, line.first == " " { line.removeFirst(); removed += 1 }
            lines[i] = String(line)
        }
        while let last = lines.last, last.trimmed.isEmpty { lines.removeLast() }
        let markdown = lines.joined(separator: "\n")
        let plain = VietnameseText.collapseSpaces(MetadataReader.plainText(item))
        return Candidate(markdown: markdown, plain: plain, line: item.startLine, blockLine: item.startLine,
                         fields: TaskField.fields(in: plain))
    }

    func sourceLines(_ block: MarkdownBlock) -> [String] {
        let start = max(1, block.startLine), end = min(bodyLines.count, max(block.endLine, block.startLine))
        guard start <= end else { return [] }
        return Array(bodyLines[(start - 1)...(end - 1)])
    }

    /// A paragraph whose lines start "a) ... b) ..." holds one duty per letter.
    func splitLettered(_ lines: [String], firstLine: Int) -> [(markdown: String, line: Int)] {
        let starts = lines.indices.filter { TaskField.marker.isMatch(lines[$0]) }
        guard starts.count >= 2, starts.first == 0 else {
            return [(lines.map { $0.trimmed }.joined(separator: "\n"), firstLine)]
        }
        var pieces: [(String, Int)] = []
        for (n, start) in starts.enumerated() {
            let end = n + 1 < starts.count ? starts[n + 1] : lines.count
            pieces.append((lines[start..<end].map { $0.trimmed }.joined(separator: "\n"), firstLine + start))
        }
        return pieces
    }

    /// Plain text of a Markdown fragment, for reading phrases.
    static func plain(markdown: String) -> String {
        Markdown.parse(markdown).map(MetadataReader.plainText).joined(separator: "\n")
    }

    // MARK: Tasks

    mutating func addCandidate(_ candidate: Candidate) {
        guard !candidate.plain.trimmed.isEmpty, !sections[sections.count - 1].isPurpose else { return }
        var candidate = candidate
        var spelledOutInItem = false
        if candidate.fields == nil, let trailing = TaskField.trailingFields(in: candidate.plain) {
            candidate.fields = trailing
            spelledOutInItem = true
        }
        if let fields = candidate.fields {
            if fields.contains(where: { $0.0 == .task }) || sections[sections.count - 1].pendingField == nil {
                flushPendingField()
                var start = candidate
                let section = sections[sections.count - 1]
                if !fields.contains(where: { $0.0 == .task }) {
                    // Fields under a heading that names the duty: the heading is its text.
                    start.fields = [(.task, section.title)] + fields
                    start.markdown = section.title + "\n\n" + candidate.markdown
                } else if section.taskCount == 0, section.assignees.isEmpty, !section.title.isEmpty, !spelledOutInItem {
                    // "**2.** Rà soát văn bản …" then "- Nội dung: …": the heading
                    // still names the duty; the content spells it out.
                    start.markdown = section.title + "\n\n" + candidate.markdown
                }
                sections[sections.count - 1].pendingField = start
            } else {
                var pending = sections[sections.count - 1].pendingField!
                pending.markdown += "\n" + candidate.markdown
                pending.plain += " " + candidate.plain
                pending.fields! += fields
                sections[sections.count - 1].pendingField = pending
            }
            return
        }
        flushPendingField()
        appendTask(markdown: candidate.markdown, plain: candidate.plain, line: candidate.line,
                   blockLine: candidate.blockLine, fields: nil, number: nil)
    }

    mutating func flushPendingField() {
        guard !sections.isEmpty, let pending = sections[sections.count - 1].pendingField else { return }
        sections[sections.count - 1].pendingField = nil
        appendTask(markdown: pending.markdown, plain: pending.plain, line: pending.line,
                   blockLine: pending.blockLine, fields: pending.fields, number: nil)
    }

    /// "| Nhiệm vụ | Xây dựng Đề án … |", "| **Cơ quan chủ trì:** | Sở Xây dựng |":
    /// a table of two columns whose left cells are field labels spells out one
    /// task, a field a row (a converter may make the first row the header).
    static func fieldRows(_ table: PipeTable) -> [(TaskField, String)]? {
        guard table.header.count == 2, table.rows.allSatisfy({ $0.count <= 2 }) else { return nil }
        let rows = [table.header] + table.rows
        func field(_ row: [String]) -> (TaskField, String)? {
            guard row.count == 2 else { return nil }
            let label = row[0].replacingOccurrences(of: "*", with: "").replacingOccurrences(of: "_", with: " ").trimmed
            guard !label.isEmpty, label.count <= 40, let field = TaskField.named(label), field != .number else { return nil }
            return (field, row[1])
        }
        var fields = table.rows.compactMap(field)
        // A header that only titles the columns ("| Nội dung | Chi tiết |") is no field.
        if let head = field(table.header), !fields.contains(where: { $0.0 == head.0 }) { fields.insert(head, at: 0) }
        let kinds = Set(fields.map(\.0))
        guard fields.count >= 2, kinds.contains(.task), kinds.contains(.lead) || kinds.contains(.deadline),
              fields.count * 2 >= rows.count else { return nil }
        return fields
    }

    mutating func tableTasks(_ table: PipeTable) {
        if let fields = Self.fieldRows(table) {
            let taskText = Self.cellLines(fields.first { $0.0 == .task }?.1 ?? "").joined(separator: "\n")
            appendTask(markdown: taskText, plain: VietnameseText.collapseSpaces(Self.plain(markdown: taskText)),
                       line: table.rowLines.first ?? 0, blockLine: table.rowLines.first ?? 0,
                       fields: fields.map { ($0.0, VietnameseText.collapseSpaces(Self.plain(markdown: Self.cellLines($0.1).joined(separator: "; ")))) },
                       number: nil)
            return
        }
        var columns = table.header.map(TaskField.named)
        guard columns.contains(.task) else { return } // a table of figures, not of duties
        // A header on two rows ("Thời gian" over "Bắt đầu | Hoàn thành"): the
        // second row has no duty and names sub-columns; each sub-column it names
        // is read by its own title ("Hoàn thành" is the deadline, "Bắt đầu" none).
        var firstRow = 0
        if let sub = table.rows.first, let taskColumn = columns.firstIndex(of: .task),
           taskColumn >= sub.count || sub[taskColumn].trimmed.isEmpty,
           sub.contains(where: { !$0.trimmed.isEmpty }), sub.allSatisfy({ $0.count <= 40 && !$0.contains(where: \.isNumber) }) {
            for (column, cell) in sub.enumerated() where column < columns.count && !cell.trimmed.isEmpty {
                columns[column] = TaskField.named(cell)
            }
            firstRow = 1
        }
        struct Row { var fields: [(TaskField, String)]; var number: String?; var group: String?; var line: Int }
        var rows: [Row] = []
        var group: String?
        for (row, cells) in table.rows.enumerated() where row >= firstRow {
            var fields: [(TaskField, String)] = []
            var number: String?
            for (column, field) in columns.enumerated() {
                guard let field, column < cells.count else { continue }
                let value = cells[column]
                if field == .number { number = value.trimming(anyOf: " .*_") } else { fields.append((field, value)) }
            }
            let taskText = fields.first { $0.0 == .task }?.1 ?? ""
            guard !taskText.trimmed.isEmpty else { continue }
            // Rows numbered "I", "II" with nothing but a title group the rows below them.
            let others = fields.filter { $0.0 != .task && !$0.1.trimmed.isEmpty }
            // So do rows lettered "A.", "B." ("| **A.** | **CẢI CÁCH THỂ CHẾ** | | |"):
            // a letter numbers parts, never a duty.
            if others.isEmpty, let number, !number.isEmpty, number.allSatisfy({ "IVXL".contains($0) })
                || (number.count == 1 && number.first!.isUppercase) {
                group = Self.arabic(number)
                continue
            }
            // "| | **I. Kinh tế số** | |": the group's number and title in the duty column.
            let bareTitle = taskText.replacingOccurrences(of: "*", with: "").replacingOccurrences(of: "_", with: " ").trimmed
            if others.isEmpty, number?.isEmpty ?? true, let match = Self.romanTitle.firstMatch(in: bareTitle), let roman = match.group(1) {
                group = Self.arabic(roman)
                continue
            }
            // "1.1", "2.3": a number of its own, under the row numbered "1", "2".
            let numeric = number.flatMap { Self.tableNumber.isMatch($0) ? $0 : nil }
            rows.append(Row(fields: fields, number: numeric, group: group, line: table.rowLines[row]))
        }
        // "| 1 | **Cải cách thể chế** | | |" then "| 1.1 | … |": a numbered row
        // with nothing but a title, whose next row is numbered under it, groups
        // the rows below it; it is no task.
        rows = rows.enumerated().compactMap { index, row in
            guard let number = row.number, !number.contains("."),
                  row.fields.allSatisfy({ $0.0 == .task || $0.1.trimmed.isEmpty }),
                  index + 1 < rows.count, rows[index + 1].number?.hasPrefix(number + ".") == true else { return row }
            return nil
        }
        // A row with no number under a numbered one continues it: the cells
        // the two share are merged in the document and left empty here
        // (partners, time), so it takes them from the row above.
        if columns.contains(.number) {
            for index in rows.indices.dropFirst() where rows[index].number == nil && rows[index].group == rows[index - 1].group {
                for field in [TaskField.partners, .deadline] {
                    guard let above = rows[index - 1].fields.first(where: { $0.0 == field }), !above.1.trimmed.isEmpty else { continue }
                    if let at = rows[index].fields.firstIndex(where: { $0.0 == field }) {
                        if rows[index].fields[at].1.trimmed.isEmpty { rows[index].fields[at].1 = above.1 }
                    } else {
                        rows[index].fields.append(above)
                    }
                }
            }
        }
        // One cell holding two duties split by "<br>", with a lead for each
        // in the lead cell: one task per duty, each with its own lead (and
        // its own partners when that cell is split the same way).
        rows = rows.flatMap { row -> [Row] in
            let parts = { (field: TaskField) in row.fields.first { $0.0 == field }.map { Self.cellLines($0.1) } ?? [] }
            let duties = parts(.task), leads = parts(.lead), partners = parts(.partners)
            guard duties.count >= 2, leads.count == duties.count else { return [row] }
            return duties.indices.map { i in
                var piece = row
                piece.fields = row.fields.map { field, value in
                    switch field {
                    case .task: (field, duties[i])
                    case .lead: (field, leads[i])
                    case .partners where partners.count == duties.count: (field, partners[i])
                    default: (field, value)
                    }
                }
                if i > 0 { piece.number = nil }
                return piece
            }
        }
        // Numbering that starts again in each group ("I: 1, 2; II: 1, 2")
        // needs the group in the id to keep ids unique.
        let numbers = rows.compactMap(\.number)
        let restarts = Set(numbers).count < numbers.count
        for row in rows {
            var number = row.number
            if restarts, let n = number { number = row.group.map { "\($0).\(n)" } }
            let taskText = Self.cellLines(row.fields.first { $0.0 == .task }?.1 ?? "").joined(separator: "\n")
            let plain = VietnameseText.collapseSpaces(Self.plain(markdown: taskText))
            appendTask(markdown: taskText, plain: plain, line: row.line, blockLine: row.line,
                       fields: row.fields.map { ($0.0, VietnameseText.collapseSpaces(Self.plain(markdown: Self.cellLines($0.1).joined(separator: "; ")))) },
                       number: number)
        }
    }

    /// One cell for both roles ("Cơ quan chủ trì, phối hợp"): "Sở Tư pháp (chủ
    /// trì); Sở Nội vụ" or "Chủ trì: Sở Nội vụ; phối hợp: Sở Tài chính" marks
    /// who leads; the other bodies are partners. Nil when the cell marks no role.
    static func rolesInCell(_ value: String) -> [(TaskField, String)]? {
        if let fields = TaskField.fields(in: value), fields.contains(where: { $0.0 == .lead }),
           fields.allSatisfy({ $0.0 == .lead || $0.0 == .partners }) {
            return fields
        }
        guard leadMark.isMatch(value) else { return nil }
        var lead: [String] = [], partners: [String] = []
        for piece in value.split(whereSeparator: { $0 == ";" || $0 == "\n" }).map({ String($0).trimmed }) where !piece.isEmpty {
            if let mark = leadMark.firstMatch(in: piece) {
                lead.append(piece.replacingUTF16(mark.range, with: "").trimmed)
            } else if let mark = partnerMark.firstMatch(in: piece) {
                partners.append(piece.replacingUTF16(mark.range, with: "").trimmed)
            } else {
                partners.append(piece)
            }
        }
        guard !lead.isEmpty else { return nil }
        return [(.lead, lead.joined(separator: "; "))] + (partners.isEmpty ? [] : [(.partners, partners.joined(separator: "; "))])
    }

    static let leadMark = TextPattern(#"\s*\(\s*chủ trì\s*\)"#)
    static let partnerMark = TextPattern(#"\s*\(\s*phối hợp\s*\)"#)

    static let tableNumber = TextPattern(#"^\d{1,3}(?:\.\d{1,3})*$"#)
    static let romanTitle = TextPattern(#"^([IVXL]{1,5})\s*[.)]\s+\S"#, caseSensitive: true)
    static let lineBreak = TextPattern(#"<br\s*/?>"#)

    /// A cell's lines: "<br>" is how a converted table breaks a line in a cell.
    static func cellLines(_ cell: String) -> [String] {
        var text = cell
        for match in lineBreak.matches(in: text).reversed() { text = text.replacingUTF16(match.range, with: "\n") }
        return text.split(separator: "\n").map { String($0).trimmed }.filter { !$0.isEmpty }
    }

    static let consolidatorPattern = TextPattern(
        #"\(\s*qua\s+([^()]+?)\s*(?:,?\s*để\s+(?:theo dõi,?\s*)?tổng hợp[^()]*)?\)|qua\s+(.+?)\s+(?:để\s+)?tổng hợp|gửi\s+(?:về\s+)?(.+?)\s+(?:để\s+)?tổng hợp"#)
    static let documentReference = TextPattern(
        #"\b\d{1,4}(?:/\d{4})?[/\-][A-ZĐ][A-ZĐ0-9]*(?:[/\-][A-ZĐ0-9]+)*\b"#, caseSensitive: true, needsDigit: true)

    mutating func appendTask(markdown: String, plain: String, line: Int, blockLine: Int,
                             fields: [(TaskField, String)]?, number: String?) {
        let section = sections[sections.count - 1]
        if Self.leadingNumber.firstMatch(in: markdown.replacingOccurrences(of: "*", with: "").replacingOccurrences(of: "\\", with: ""))?.group(1).flatMap({ Int($0) }) == 1 {
            sections[sections.count - 1].hasNumberedItems = true
        }
        let n = section.taskCount + 1
        sections[sections.count - 1].taskCount = n
        var id = "\(section.id).\(number ?? String(n))"
        // Ids stay unique whatever the document's own numbering does.
        if number != nil, usedIDs.contains(id) { id = "\(section.id).\(n)" }
        while usedIDs.contains(id) { id += "'" }
        usedIDs.insert(id)
        var text = markdown.trimmed
        var assignees: [Assignee] = []
        var reading: Task.Reading = fields == nil ? .heading : (number != nil ? .table : .fields)
        var deadline: Deadline?
        var deadlineProblems: [String] = []
        if let fields {
            for (field, value) in fields.flatMap({ $0.0 == .lead ? Self.rolesInCell($0.1) ?? [$0] : [$0] }) {
                switch field {
                case .lead:
                    // "Cơ quan thực hiện: Sở X tiến hành rà soát ...": the names before the verb;
                    // "Sở X chủ trì, phối hợp với Y": Y are partners. One line per body
                    // when the field lists them as bullets.
                    // "Sở X tiến hành rà soát …; các sở, ngành, UBND các xã rà soát …": each clause its subject.
                    let clauses = value.split(separator: "\n").flatMap { line -> [String] in
                        let parts = line.split(separator: ";").map { String($0).trimmed }
                        return parts.count > 1 && parts.allSatisfy({ names.subject($0) != nil }) ? parts : [String(line)]
                    }
                    for line in clauses {
                        if let subject = names.subject(line) {
                            assignees += subject.lead + subject.partners
                        } else {
                            assignees += names.names(in: line, role: .lead, keepUnknown: true)
                        }
                    }
                case .partners: assignees += names.names(in: value, role: .partner, keepUnknown: true)
                case .deadline:
                    let result = deadlines.parse(value, labelled: true)
                    deadline = result.deadline
                    deadlineProblems += result.problems
                default: break
                }
            }
            if let task = fields.first(where: { $0.0 == .task }), number != nil { text = task.1 }
        }
        if deadline == nil, deadlineProblems.isEmpty {
            // With no time field, the duty's own words may hold its time
            // ("Nội dung: Triển khai ... (từ ngày 15/11 đến ngày 15/12)").
            let said = fields.flatMap { $0.first { $0.0 == .task }?.1 }.map { $0 == plain ? plain : plain + " " + $0 } ?? plain
            let result = deadlines.parse(said)
            deadline = result.deadline
            deadlineProblems += result.problems
        }
        for problem in deadlineProblems {
            diagnostics.append(.error(file, line: line + lineOffset, "nhiệm vụ \(id): \(problem)",
                                      hint: "sửa lại ngày trong văn bản, hoặc ghi thời hạn đúng cho nhiệm vụ \(id) trong phần khai báo đầu tệp (tasks)"))
        }
        if assignees.isEmpty {
            let sentence = names.sentence(plain)
            // "Giao X ..." names its lead, known to the register or not, over the heading's.
            if !sentence.lead.isEmpty,
               sentence.lead.contains(where: { $0.code != nil }) || section.assignees.isEmpty || Self.opensWithAssignment.isMatch(plain) {
                assignees = sentence.lead + sentence.partners
                reading = .sentence
            } else if !section.assignees.isEmpty, let named = colonLead(plain),
                      !named.allSatisfy({ n in section.assignees.contains { $0.code == n.code } }) {
                // "5. **Sở Nội vụ**: theo dõi …" after another body's heading: the
                // item names its own lead before a colon, over the heading's.
                assignees = named + names.partners(plain).filter { p in !named.contains { $0.code != nil && $0.code == p.code } }
                reading = .subject
            } else if let leadIn {
                assignees = leadIn.lead + leadIn.partners
                reading = .leadIn
            } else if section.assignees.isEmpty, let subject = names.subject(plain) ?? names.registeredSubject(plain) {
                assignees = subject.lead + subject.partners
                reading = .subject
            } else {
                assignees = section.assignees
                reading = .heading
                // A partner named in the text joins the section's assignee.
                let extra = names.partners(plain).filter { p in !assignees.contains { $0.code != nil && $0.code == p.code } }
                if !assignees.isEmpty { assignees += extra }
            }
        }
        // "cơ quan chủ trì có trách nhiệm phối hợp …" under "Cơ quan chủ trì giải
        // quyết thủ tục …": a partner that only repeats the lead's role is the lead.
        let leadNames = assignees.filter { $0.role == .lead }.map { VietnameseText.nameKey($0.name) }
        assignees.removeAll { partner in
            guard partner.role == .partner, partner.code == nil else { return false }
            let key = VietnameseText.nameKey(partner.name)
            return !key.isEmpty && leadNames.contains { $0 != key && $0.hasPrefix(key + " ") }
        }
        // A duty laid on every body at once ("Các cơ quan, đơn vị được phân công
        // nhiệm vụ có trách nhiệm thực hiện nghiêm túc …") names nobody to follow,
        // unless it is a report everyone owes: then it is a task.
        if !assignees.isEmpty, assignees.allSatisfy({ $0.code == nil && AssigneeNames.isEveryone($0.name) }),
           !Self.reports.isMatch(plain) {
            assignees = []
        }
        let consolidator = consolidator(in: plain)
        let references = Self.documentReference.matches(in: plain).map(\.text)
        var task = Task(directiveID: directiveID, id: id, section: section.heading, text: text,
                        assignees: dedupe(assignees), units: [], deadline: deadline, consolidator: consolidator,
                        references: unique(references), line: line + lineOffset, blockLine: blockLine)
        task.units = units(for: task.assignees)
        task.reading = reading
        if task.assignees.isEmpty {
            // An aim with no lead is not a task: it goes to review. Under a
            // numbered heading that names a duty ("**5.** Tổ chức các nội dung
            // hỗ trợ …") the first item is that duty's content: the heading leads its text.
            if section.taskCount == 0, section.assignees.isEmpty, !section.title.isEmpty, section.title != section.title.uppercased(),
               section.written?.allSatisfy({ $0.isNumber || $0 == "." }) == true, !text.hasPrefix(section.title),
               !TaskField.marker.isMatch(plain), !Self.leadingNumber.isMatch(plain) {
                text = section.title + "\n\n" + text
            }
            unassigned.append(ReviewItem(id: id, section: section.heading, text: text, reason: ReviewItem.unassignedReason,
                                         deadline: deadline, line: line + lineOffset, blockLine: blockLine))
            letteredItem = Self.opensItem(plain) && fields == nil ? (true, unassigned.count - 1) : nil
            lastItem = fields == nil ? (true, unassigned.count - 1, markdown, plain, line, blockLine) : nil
            return
        } else {
            // Names from the section heading were reported when it opened.
            for assignee in task.assignees where assignee.code == nil && !section.assignees.contains(assignee) {
                diagnostics.append(.warning(file, line: line + lineOffset,
                    "nhiệm vụ \(id): \"\(assignee.name)\" không có trong danh sách đơn vị",
                    hint: suggestionHint(assignee.name)))
            }
        }
        tasks.append(task)
        letteredItem = Self.opensItem(plain) && fields == nil ? (false, tasks.count - 1) : nil
        lastItem = fields == nil ? (false, tasks.count - 1, markdown, plain, line, blockLine) : nil
    }

    static let itemMarker = TextPattern(#"^\s*(?:[-+•]\s*)?(?:(?:[a-zđ]|\d{1,2}(?:\.\d{1,2})*)\s*[.)]\s*)?"#)

    /// The bodies an item opens with when a colon closes them ("Sở Nội vụ: …",
    /// "6. Sở Khoa học và Công nghệ: …"), all known to the register; else nil.
    func colonLead(_ plain: String) -> [Assignee]? {
        var text = plain
        if let marker = Self.itemMarker.firstMatch(in: text) { text = text.replacingUTF16(marker.range, with: "") }
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let head = String(text[..<colon]).trimmed
        guard !head.isEmpty, head.count <= 120, Self.looksLikeOrganisationHead(head) else { return nil }
        let known = names.names(in: head, role: .lead, keepUnknown: false)
        guard !known.isEmpty, known.count == names.names(in: head, role: .lead, keepUnknown: true).count,
              known.allSatisfy({ $0.code != nil }) else { return nil }
        return known
    }

    /// Suggestions cost an edit distance against every register name: a
    /// body named on many tasks ("Công an tỉnh") is looked up once.
    mutating func suggestionHint(_ name: String) -> String {
        if let known = hintCache[name] { return known }
        let hint = Self.hint(register.suggestions(for: name))
        hintCache[name] = hint
        return hint
    }

    static func hint(_ suggestions: [String]) -> String {
        if suggestions.isEmpty { return "thêm đơn vị này (hoặc tên gọi khác) vào tệp danh sách đơn vị" }
        return "có phải " + suggestions.map { "\"\($0)\"" }.joined(separator: " hay ") + "? Nếu là đơn vị mới, thêm vào tệp danh sách đơn vị"
    }

    func consolidator(in plain: String) -> Consolidator? {
        guard let match = Self.consolidatorPattern.firstMatch(in: plain),
              let raw = match.group(1) ?? match.group(2) ?? match.group(3) else { return nil }
        let name = raw.trimming(anyOf: " ,;")
        if let entry = register.resolve(name) { return Consolidator(name: name, code: entry.code) }
        let found = names.names(in: name, role: .lead, keepUnknown: true)
        if let first = found.first { return Consolidator(name: first.name, code: first.code) }
        return Consolidator(name: name, code: nil)
    }

    func units(for assignees: [Assignee]) -> [String] {
        var codes = Set<String>()
        for assignee in assignees {
            guard let code = assignee.code else { continue }
            if let unit = register.unit(code: code) { codes.insert(unit.code) }
            else if let group = register.group(code: code) { register.members(of: .group(group)).forEach { codes.insert($0.code) } }
        }
        return register.units.map(\.code).filter(codes.contains)
    }

    func dedupe(_ assignees: [Assignee]) -> [Assignee] {
        var seen = Set<String>()
        return assignees.filter { seen.insert($0.code ?? "name:" + $0.name).inserted }
    }

    func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }

    // MARK: Corrections

    mutating func applyCorrections(_ corrections: [String: TaskCorrection]) {
        var removed = Set<String>()
        for taskID in corrections.keys.sorted(by: TaskID.precedes) {
            let correction = corrections[taskID]!
            // A review item named by its id becomes a task when given someone to do it.
            if !tasks.contains(where: { $0.id == taskID }), let item = unassigned.firstIndex(where: { $0.id == taskID }),
               !correction.drop, !correction.lead.isEmpty || !correction.assignees.isEmpty {
                let review = unassigned.remove(at: item)
                var task = Task(directiveID: directiveID, id: review.id, section: review.section, text: review.text,
                                deadline: review.deadline, line: review.line, blockLine: review.blockLine)
                task.reading = .correction
                tasks.append(task)
                tasks.sort { $0.line < $1.line }
                if let opening = correction.opening, !Self.opens(review.text, with: opening) {
                    openingMismatch(taskID, opening: opening, text: review.text, line: correction.line)
                    continue
                }
            }
            if !tasks.contains(where: { $0.id == taskID }), !unassigned.contains(where: { $0.id == taskID }),
               let text = correction.text {
                // A task the reader cannot find, declared whole in front matter.
                var task = Task(directiveID: directiveID, id: taskID, section: "", text: text, line: correction.line)
                task.reading = .correction
                tasks.append(task)
            }
            if let item = unassigned.firstIndex(where: { $0.id == taskID }) {
                if let opening = correction.opening, !Self.opens(unassigned[item].text, with: opening) {
                    openingMismatch(taskID, opening: opening, text: unassigned[item].text, line: correction.line)
                    continue
                }
                if correction.drop {
                    unassigned.remove(at: item)
                    removed.insert(taskID)
                } else if !correction.merge.isEmpty {
                    var text = unassigned[item].text
                    mergeItems(correction.merge, into: taskID, text: &text, line: correction.line, removed: &removed)
                    if let index = unassigned.firstIndex(where: { $0.id == taskID }) { unassigned[index].text = text }
                } else {
                    diagnostics.append(.error(file, line: correction.line,
                        "mục \(taskID) chưa giao cho đơn vị nào: khai báo \"lead\" hoặc \"assignees\" để thành nhiệm vụ, hoặc \"drop: true\" để bỏ",
                        hint: "ví dụ:  \"\(taskID)\":\n    lead: [Sở Tài chính]"))
                }
                continue
            }
            guard let index = tasks.firstIndex(where: { $0.id == taskID }) else {
                let known = (tasks.map(\.id) + unassigned.map(\.id)).sorted(by: TaskID.precedes)
                diagnostics.append(.error(file, line: correction.line,
                    removed.contains(taskID)
                        ? "phần khai báo sửa mục \(taskID), nhưng mục này đã bị bỏ hoặc gộp vào mục khác"
                        : "phần khai báo sửa nhiệm vụ \(taskID), nhưng văn bản không có nhiệm vụ này",
                    hint: "các mục đọc được: \(known.prefix(40).joined(separator: ", "))\(known.count > 40 ? ", ..." : ""); để thêm nhiệm vụ mới, ghi cả \"text\""))
                continue
            }
            if let opening = correction.opening, !Self.opens(tasks[index].text, with: opening) {
                openingMismatch(taskID, opening: opening, text: tasks[index].text, line: correction.line)
                continue
            }
            if correction.drop {
                tasks.remove(at: index)
                removed.insert(taskID)
                continue
            }
            var task = tasks[index]
            if let text = correction.text { task.text = text }
            if !correction.merge.isEmpty {
                mergeItems(correction.merge, into: taskID, text: &task.text, line: correction.line, removed: &removed)
            }
            if let phrase = correction.deadline {
                let result = deadlines.parse(phrase, labelled: true)
                if let deadline = result.deadline {
                    task.deadline = deadline
                } else {
                    diagnostics.append(.error(file, line: correction.line,
                        "không hiểu thời hạn \"\(phrase)\" khai báo cho nhiệm vụ \(taskID)" + (result.problems.isEmpty ? "" : ": " + result.problems.joined(separator: "; ")),
                        hint: "viết như trong văn bản: \"chậm nhất ngày 30/6/2026\", \"trước ngày 30/6/2026\", \"trong tháng 8/2026\", \"thường xuyên\""))
                }
            }
            func resolveAll(_ names: [String], role: Assignee.Role) -> [Assignee] {
                names.map { name in
                    let entry = register.resolve(name) ?? register.unit(code: name).map { .unit($0) } ?? register.group(code: name).map { .group($0) }
                    if entry == nil {
                        diagnostics.append(.error(file, line: correction.line,
                            "nhiệm vụ \(taskID): \"\(name)\" không có trong danh sách đơn vị", hint: suggestionHint(name)))
                    }
                    return Assignee(name: entry?.name ?? name, code: entry?.code, role: role)
                }
            }
            if !correction.assignees.isEmpty {
                task.assignees = resolveAll(correction.assignees, role: .lead)
                task.reading = .correction
            }
            if !correction.lead.isEmpty || !correction.partners.isEmpty {
                let lead = correction.lead.isEmpty ? task.assignees.filter { $0.role == .lead } : resolveAll(correction.lead, role: .lead)
                let partners = correction.partners.isEmpty ? task.assignees.filter { $0.role == .partner } : resolveAll(correction.partners, role: .partner)
                task.assignees = dedupe(lead + partners)
                task.reading = .correction
            }
            if let name = correction.consolidator {
                let entry = register.resolve(name) ?? register.unit(code: name).map { .unit($0) }
                task.consolidator = Consolidator(name: entry?.name ?? name, code: entry?.code)
            }
            task.units = units(for: task.assignees)
            if task.assignees.isEmpty {
                diagnostics.append(.warning(file, line: correction.line, "nhiệm vụ \(taskID) không rõ giao cho đơn vị nào",
                                            hint: "khai báo \"assignees\" (hoặc \"lead\") cho nhiệm vụ \(taskID)"))
            }
            if let index = tasks.firstIndex(where: { $0.id == taskID }) { tasks[index] = task }
        }
    }

    /// "merge: [1.5]": the items' text joins this one's, and they are removed.
    mutating func mergeItems(_ ids: [String], into taskID: String, text: inout String, line: Int, removed: inout Set<String>) {
        for other in ids where other != taskID {
            if let index = tasks.firstIndex(where: { $0.id == other }) {
                text += "\n\n" + tasks.remove(at: index).text
            } else if let index = unassigned.firstIndex(where: { $0.id == other }) {
                text += "\n\n" + unassigned.remove(at: index).text
            } else {
                diagnostics.append(.error(file, line: line,
                    "mục \(taskID) gộp mục \(other), nhưng văn bản không có mục \(other)" + (removed.contains(other) ? " (đã bị bỏ hoặc gộp)" : ""),
                    hint: "xem số hiệu các mục bằng \"tiendo tasks\""))
                continue
            }
            removed.insert(other)
        }
    }

    mutating func openingMismatch(_ taskID: String, opening: String, text: String, line: Int) {
        let now = String(Self.openingWords(text).prefix(60))
        diagnostics.append(.error(file, line: line,
            "phần khai báo sửa mục \(taskID) ghi lời mở đầu \"\(opening)\", nhưng mục \(taskID) bây giờ mở đầu \"\(now)\"",
            hint: "văn bản đã đổi: xem lại số hiệu bằng \"tiendo tasks\" rồi sửa số hiệu hoặc lời mở đầu trong phần khai báo"))
    }

    /// The words an item opens with, without its marker and emphasis.
    static func openingWords(_ text: String) -> String {
        var plain = VietnameseText.collapseSpaces(text.replacingOccurrences(of: "*", with: "").replacingOccurrences(of: "_", with: " "))
        if let marker = TaskField.marker.firstMatch(in: plain) { plain = plain.replacingUTF16(marker.range, with: "") }
        while let first = plain.first, "-+• ".contains(first) { plain.removeFirst() }
        return plain
    }

    static func opens(_ text: String, with opening: String) -> Bool {
        let key = { (s: String) in VietnameseText.collapseSpaces(s.precomposedNFC.lowercased()).trimming(anyOf: " .,;:") }
        return key(openingWords(text)).hasPrefix(key(Self.openingWords(opening)))
    }
}
