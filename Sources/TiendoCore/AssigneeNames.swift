import Foundation

/// Reads who a sentence or cell assigns: "Giao Sở Xây dựng chủ trì, phối hợp
/// với Công an Thành phố, Sở Tài chính và các đơn vị liên quan" gives the
/// lead and its partners; lists of names are split where the register says a
/// name ends, so "Sở Văn hóa, Thể thao và Du lịch" stays one name.
public struct AssigneeNames: Sendable {
    public let register: UnitRegister

    public init(register: UnitRegister) { self.register = register }

    /// Words that start the name of a body a directive can assign, used to
    /// keep a name the register does not know instead of dropping it.
    static let organisationStarts = TextPattern(
        #"^(?:Sở|Ban|Công an|Bộ Chỉ huy|Bộ|UBND|Ủy ban|Uỷ ban|Văn phòng|Thanh tra|Kho bạc|Thuế|Chi cục|Cục|Bảo hiểm|Trung tâm|Hội|Liên đoàn|Liên minh|Đài|Báo|Trường|Bệnh viện|Tòa án|Toà án|Viện|Mặt trận|Đoàn|Thành đoàn|Tỉnh đoàn|Tỉnh Đoàn|Quân|Cảng vụ|Đảng ủy|Đảng uỷ|Hội đồng|Ngân hàng|Công ty|Tổng công ty|Hải quan|Hiệp hội|Liên hiệp|Giám đốc|Thủ trưởng|Chủ tịch|Người đứng đầu|Các|[Cc]ơ quan|[Tt]ổ chức chính trị|[Tt]ổ chức thành viên|[Cc]ổng [Tt]hông tin|[Hh]ệ thống (?:truyền thanh|thông tin) cơ sở|[Cc]ác (?:cơ quan|doanh nghiệp|tổ chức chính trị|tổ chức thành viên|cơ sở|trường|đơn vị|hội|[Ss]ở|[Bb]an|ngành|Ủy ban|UBND|[Đđ]oàn thể))(?!\p{L})"#,
        caseSensitive: true)
    /// Words that start like an organisation but name an event or an act,
    /// or the public at large ("các tổ chức, cá nhân", "người dân"), whose
    /// duties no unit reports on.
    static let notOrganisation = TextPattern(
        #"^(?:Hội nghị|Hội thảo|Hội thi|Hội chợ|Báo cáo|Trường hợp|Ban hành|Bộ máy|Bộ tiêu chí|Bộ dữ liệu|Bộ chỉ số|[Cc]ác (?!(?:sở|Sở|ban|Ban|ngành|cơ quan|Ủy ban|UBND|phòng|Phòng|doanh nghiệp|cơ sở|trường|đơn vị|hội|Hội|tổ chức chính trị|tổ chức thành viên|[Đđ]oàn thể)(?!\p{L}))|[Cc]ác đơn vị (?:liên quan|có liên quan|được giao))"#,
        caseSensitive: true)
    static let publicAtLarge = TextPattern(#"tổ chức,?\s*cá nhân|người dân|hộ gia đình"#)

    /// Whether a name the register does not know is still worth keeping as
    /// an assignee ("Công an Thành phố"), rather than ordinary words.
    static func looksLikeOrganisation(_ name: String) -> Bool {
        organisationStarts.isMatch(name) && !notOrganisation.isMatch(name) && !publicAtLarge.isMatch(String(name.prefix(40)))
    }

    /// "các đơn vị liên quan", "các sở, ngành, địa phương có liên quan":
    /// kinds of body closed by "liên quan" name nobody a tracker can follow.
    static let vague = TextPattern(#"(?:(?:[Cc]ác\s+)?(?:[Ss]ở|ban|ngành|cơ quan|đơn vị|địa phương|tổ chức|đoàn thể)(?:\s*(?:,|và)\s*(?:các\s+)?(?:sở|ban|ngành|cơ quan|đơn vị|địa phương|tổ chức|đoàn thể))*(?:\s+[^\s,;]+){0,3}?\s+(?:có\s+)?liên quan)(?!\p{L})|đơn vị có liên quan|các địa phương|các ngành liên quan"#, caseSensitive: true)

    /// "Giao Sở Xây dựng chủ trì": the words that open an assignment, and
    /// the verbs that close the name of its lead.
    static let giao = TextPattern(#"(?:^|[\s.;:,(])(?:giao|đề nghị|yêu cầu)\s+"#)
    static let leadEnd = TextPattern(
        #"\s+(?:là cơ quan\s+)?(?:chủ trì|kịp thời|phát hiện|chủ động|tăng cường|đẩy mạnh|tiếp tục|đảm bảo|bảo đảm|cung cấp|giám sát|thực hiện|tham mưu|triển khai|hướng dẫn|tổ chức|xây dựng|nghiên cứu|rà soát|khẩn trương|có trách nhiệm|phối hợp|căn cứ|theo dõi|kiểm tra|chỉ đạo|bố trí|hoàn thiện|trình|tổng hợp)(?!\p{L})"#)
    static let subjectLead = TextPattern(#"^(.+?)\s+(?:là cơ quan\s+)?chủ trì"#)
    static let partnersStart = TextPattern(#"phối hợp\s+(?:chặt chẽ\s+)?(?:với\s+)?"#)
    static let partnersEnd = TextPattern(
        #"\s+(?:tổ chức|thực hiện|triển khai|xây dựng|rà soát|tham mưu|nghiên cứu|để|hoàn thành|trình|báo cáo|khẩn trương|kiểm tra|hướng dẫn|đánh giá|đề xuất)(?!\p{L})|[;.:(]|$"#)

    public struct Found: Sendable, Hashable {
        public var lead: [Assignee] = []
        public var partners: [Assignee] = []
        public var isEmpty: Bool { lead.isEmpty && partners.isEmpty }
    }

    /// "Ủy ban nhân dân các xã: Gia Thuận, Tân Điền", "UBND 04 xã (A, B, C và D)":
    /// one council per commune named, written out so each is a name of its own.
    static let communeList = TextPattern(
        #"(Ủy ban nhân dân|UBND)\s+(?:các\s+)?(?:\d{1,3}\s+)?(xã|phường)\s*[:(]\s*(\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*)*(?:\s*(?:,|và)\s*\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*)*)+)\)?"#,
        caseSensitive: true)

    static func expandingCommuneLists(_ text: String) -> String {
        var result = text
        for match in communeList.matches(in: text).reversed() {
            guard let council = match.group(1), let kind = match.group(2), let list = match.group(3) else { continue }
            let communes = list.replacingOccurrences(of: " và ", with: ", ").split(separator: ",")
                .map { String($0).trimmedSpaces }.filter { !$0.isEmpty }
            result = result.replacingUTF16(match.range, with: communes.map { "\(council) \(kind) \($0)" }.joined(separator: ", "))
        }
        return result
    }

    /// The lead and partners an assignment sentence names, if it has one.
    public func sentence(_ text: String) -> Found {
        let plain = Self.expandingCommuneLists(VietnameseText.collapseSpaces(text))
        var found = Found()
        // "Đề nghị Ủy ban MTTQ thành phố vận động Nhân dân …": a verb the lead
        // list does not name still ends the name.
        if let lead = span(in: plain, after: Self.giao, endingAt: Self.leadEnd) ?? span(in: plain, after: Self.giao, endingAt: Self.verbInName),
           startsWithName(lead) {
            found.lead = names(in: lead, role: .lead, keepUnknown: true)
            // "Yêu cầu Giám đốc các sở: Sở Xây dựng, Sở Y tế …": a colon after a
            // general name introduces the bodies meant.
            if let colon = lead.firstIndex(of: ":") {
                let listed = names(in: String(lead[lead.index(after: colon)...]), role: .lead, keepUnknown: false)
                if !listed.isEmpty { found.lead = listed }
            }
            if found.lead.contains(where: { $0.code == nil }) && found.lead.count > 5 { found.lead = [] }
        } else if let match = Self.subjectLead.firstMatch(in: plain), let lead = match.group(1), lead.count <= 80 {
            found.lead = names(in: lead, role: .lead, keepUnknown: false)
        }
        if !found.lead.isEmpty, let list = partnerSpan(plain) {
            found.partners = names(in: list, role: .partner, keepUnknown: true)
        }
        return found
    }

    /// "Sở Tài chính, Công an tỉnh có trách nhiệm ...", "Thủ trưởng các sở,
    /// ngành căn cứ chức năng ...": a paragraph that opens with the bodies
    /// it binds, before its first verb. Names the register does not know are
    /// kept when they read as an organisation (another province's bodies).
    public func subject(_ text: String) -> Found? {
        let plain = Self.expandingCommuneLists(VietnameseText.collapseSpaces(text))
        if let found = openingSubject(plain) { return found }
        // "Căn cứ Kế hoạch này, các Sở, ban, ngành … xây dựng kế hoạch",
        // "Để nâng cao …, các Sở, ngành … theo chức năng …": the bodies come
        // after the clause that opens the sentence, at the first comma they follow.
        guard Self.openingClause.isMatch(plain) else { return nil }
        for comma in plain.indices where plain[comma] == "," {
            let rest = String(plain[plain.index(after: comma)...]).trimmedSpaces
            if Self.looksLikeOrganisation(rest), let found = openingSubject(rest) { return found }
        }
        return nil
    }

    static let openingClause = TextPattern(
        #"^\s*(?:[-+•]\s*)?(?:(?:[a-zđ]|\d{1,2}(?:\.\d{1,2})*)[.)]\s*)?(?:căn cứ|để|nhằm|trên cơ sở|đồng thời|đối với)(?!\p{L})"#)

    func openingSubject(_ plain: String) -> Found? {
        guard let opening = Self.subjectStart.firstMatch(in: plain) else { return nil }
        let rest = plain.utf16Slice(opening.range.upperBound..<plain.utf16.count)
        // Whether the public is among the names is asked below, of the names
        // alone: the duty after them may well be for the public.
        guard Self.organisationStarts.isMatch(rest), !Self.notOrganisation.isMatch(rest),
              let lead = span(in: rest, after: Self.origin, endingAt: Self.subjectEnd),
              lead.count <= 300,
              // "Các cơ quan quản lý nhà nước, tổ chức, cá nhân liên quan có trách
              // nhiệm …": laid on the public too, so on no body a tracker follows.
              // The names may run past a verb-like word ("quản lý"), so the words just
              // after them count too, unless a colon closes the names: "Sở Y tế: cấp
              // thuốc cho người dân" lays the duty on the department, for the public.
              !Self.publicAtLarge.isMatch(Self.closedByColon(rest, after: lead) ? lead : String(rest.prefix(lead.count + 40)))
        else { return nil }
        var found = Found()
        found.lead = names(in: lead, role: .lead, keepUnknown: true)
        guard !found.lead.isEmpty else { return nil }
        if let list = partnerSpan(plain) {
            found.partners = names(in: list, role: .partner, keepUnknown: true)
                .filter { p in !found.lead.contains { $0.name == p.name } }
        }
        return found
    }

    /// "Sở Nội vụ số hóa hồ sơ …", "Sở Y tế chuẩn bị lực lượng …": an item
    /// that opens with bodies the register knows, whatever verb follows (the
    /// verbs that end a name are a list; the register's names are exact). The
    /// names end at a word boundary followed by a lowercase word.
    func registeredSubject(_ text: String) -> Found? {
        let plain = Self.expandingCommuneLists(VietnameseText.collapseSpaces(text))
        guard let opening = Self.subjectStart.firstMatch(in: plain) else { return nil }
        let rest = plain.utf16Slice(opening.range.upperBound..<plain.utf16.count)
        guard Self.organisationStarts.isMatch(rest), !Self.notOrganisation.isMatch(rest) else { return nil }
        let words = rest.split(separator: " ", omittingEmptySubsequences: true)
        guard words.count >= 2 else { return nil }
        for count in stride(from: min(words.count - 1, 24), through: 1, by: -1) {
            guard let first = words[count].first, first.isLowercase, !",;:".contains(first),
                  !Self.notAVerb.contains(String(words[count]).lowercased()) else { continue }
            let head = words[..<count].joined(separator: " ")
            guard let last = head.last, last.isLetter else { continue }
            let all = names(in: head, role: .lead, keepUnknown: true)
            guard !all.isEmpty, all.allSatisfy({ $0.code != nil }) else { continue }
            // Every word before the duty is a name: nothing dropped on the way
            // ("Các sở, ngành, địa phương có liên quan" is not "Các sở, ngành").
            var left = head
            for assignee in all { if let range = left.range(of: assignee.name) { left.removeSubrange(range) } }
            guard left.split(whereSeparator: { " ,;".contains($0) }).allSatisfy({ $0 == "và" }) else { continue }
            var found = Found()
            found.lead = all
            if let list = partnerSpan(plain) {
                found.partners = names(in: list, role: .partner, keepUnknown: true)
                    .filter { p in !found.lead.contains { $0.name == p.name } }
            }
            return found
        }
        return nil
    }

    /// Words that go on a name or qualify it ("Các sở, ngành có liên quan",
    /// "Sở Y tế và …", "Sở Tài chính được giao …"): no duty starts with them.
    static let notAVerb: Set<String> = ["có", "liên", "được", "thuộc", "trực", "và", "cùng", "các", "tại", "trên", "của", "với", "là", "đã", "đang"]

    /// Whether the names `lead` that open `text` are closed by a colon.
    static func closedByColon(_ text: String, after lead: String) -> Bool {
        text.dropFirst(lead.count).drop { $0 == " " }.first == ":"
    }

    /// "theo đề nghị của cơ quan ..." is no assignment: what follows the verb must be a body.
    func startsWithName(_ text: String) -> Bool {
        guard let first = Self.pieces(of: text).first?.text else { return false }
        return Self.looksLikeOrganisation(first) || register.resolve(Self.stripRoleWords(first)) != nil
            || register.hasName(startingWith: first)
    }

    /// "Phối hợp tổ chức tập huấn … cho doanh nghiệp": a verb right after
    /// "phối hợp" names no partner there; the list is after a later "phối hợp với".
    static let verbAfterPartnering = TextPattern(
        #"^(?:tổ chức|thực hiện|triển khai|xây dựng|rà soát|tham mưu|nghiên cứu|kiểm tra|hướng dẫn|đánh giá|đề xuất|tuyên truyền|cung cấp|theo dõi)(?!\p{L})"#)

    func partnerSpan(_ plain: String) -> String? {
        let length = plain.utf16.count
        for opening in Self.partnersStart.matches(in: plain) {
            let rest = plain.utf16Slice(opening.range.upperBound..<length)
            if Self.verbAfterPartnering.isMatch(rest) { continue }
            return span(in: plain.utf16Slice(opening.range.lowerBound..<length), after: Self.partnersStart, endingAt: Self.partnersEnd)
        }
        return nil
    }

    /// The partners a text names after "phối hợp (với)", whoever leads.
    public func partners(_ text: String) -> [Assignee] {
        let plain = Self.expandingCommuneLists(VietnameseText.collapseSpaces(text))
        guard let list = partnerSpan(plain) else { return [] }
        return names(in: list, role: .partner, keepUnknown: true)
    }

    static let headWords = TextPattern(#"^(?:Giám đốc|Thủ trưởng|Chủ tịch|Người đứng đầu|Lãnh đạo)\s+(?=\S)"#, caseSensitive: true)
    static let headOfBody = TextPattern(#"^(?:Giám đốc|Thủ trưởng|Chủ tịch|Người đứng đầu)(?!\p{L})"#, caseSensitive: true)
    static func isHeadOfBody(_ name: String) -> Bool { headOfBody.isMatch(name) }

    /// What may come before the bodies a paragraph opens with: an item
    /// marker, and the head of the body ("Giám đốc các sở", "Chủ tịch UBND").
    static let subjectStart = TextPattern(
        #"^\s*(?:[-+•]\s*)?(?:(?:[a-zđ]|\d{1,2}(?:\.\d{1,2})*)[.)]\s*)?(?:(?:Giám đốc|Thủ trưởng|Chủ tịch|Người đứng đầu|Lãnh đạo)\s+)?"#)
    static let origin = TextPattern(#"^"#)
    /// The first verb after the subject's names.
    static let subjectEnd = TextPattern(
        #"\s+(?:là cơ quan\s+)?(?:chủ trì|thực hiện|tiến hành|tham mưu|triển khai|hướng dẫn|tổ chức|xây dựng|nghiên cứu|rà soát|khẩn trương|có trách nhiệm|chịu trách nhiệm|phối hợp|căn cứ|theo dõi|kiểm tra|chỉ đạo|bố trí|hoàn thiện|trình|tổng hợp|chủ động|tăng cường|đẩy mạnh|tiếp tục|thường xuyên|quan tâm|vận động|tuyên truyền|cung cấp|đảm bảo|bảo đảm|giám sát|lồng ghép|quản lý|cập nhật|theo chức năng|trong phạm vi|định kỳ|là)(?!\p{L})|\s*:"#)

    /// Whether the text assigns a duty with "giao", "đề nghị" or "yêu cầu".
    func assigns(_ text: String) -> Bool {
        span(in: VietnameseText.collapseSpaces(text), after: Self.giao, endingAt: Self.leadEnd) != nil
    }

    /// The text between `start` and the first `end` that does not cut a
    /// register name in two: "Giao Sở Xây dựng chủ trì" ends at "chủ trì",
    /// not at the verb "xây dựng" inside the name.
    func span(in text: String, after start: TextPattern, endingAt end: TextPattern) -> String? {
        let length = text.utf16.count
        for opening in start.matches(in: text) {
            let rest = text.utf16Slice(opening.range.upperBound..<length)
            for closing in end.matches(in: rest) where closing.range.lowerBound > 0 {
                let candidate = rest.utf16Slice(0..<closing.range.lowerBound)
                let closingWords = closing.text.trimmedSpaces
                // A closing mark (":") never continues a name; a closing verb may
                // ("Sở Xây dựng" holds the verb "xây dựng").
                if let last = Self.pieces(of: candidate).last?.text, closingWords.contains(where: \.isLetter),
                   register.hasName(startingWith: last + " " + closingWords) || Self.institutionKind.isMatch(last + " " + closingWords) {
                    continue
                }
                // "và các tổ chức chính trị - xã hội": after "các" or "những" the
                // word is a noun ("tổ chức"), not the verb that ends the names;
                // a capitalised word is part of a name ("Ban Chỉ đạo").
                if Self.pluralBefore.isMatch(candidate) || closingWords.first?.isUppercase == true { continue }
                // "Cơ quan phối hợp có trách nhiệm …": a role the document names.
                if Self.roleNoun.isMatch(candidate), Self.roleVerb.isMatch(closingWords) { continue }
                // "Các cơ quan được phân công chủ trì thực hiện nhiệm vụ theo Kế hoạch này
                // có trách nhiệm …": a role defined by what it was given runs to its duty.
                if Self.assignedRole.isMatch(candidate + " " + closingWords), !Self.dutyVerb.isMatch(closingWords) { continue }
                return candidate
            }
        }
        return nil
    }

    static let pluralBefore = TextPattern(#"(?:^|\s)(?:các|những)$"#)

    /// Splits a list of names ("Sở Tài chính, Sở Nội vụ và UBND các xã,
    /// phường") into assignees, joining pieces the register knows as one.
    public func names(in list: String, role: Assignee.Role, keepUnknown: Bool) -> [Assignee] {
        var cleaned = Self.expandingCommuneLists(VietnameseText.collapseSpaces(list))
        for match in Self.vague.matches(in: cleaned).reversed() {
            cleaned = cleaned.replacingUTF16(match.range, with: "")
        }
        var pieces = Self.pieces(of: cleaned)
        // After other bodies in a list, "Thủ trưởng sở, ban, ngành", "Chủ tịch
        // Ủy ban nhân dân xã" stand for the bodies they head. A list that opens
        // with the head ("Thủ trưởng các sở, ...") addresses the head: kept.
        for i in pieces.indices.dropFirst() {
            if let head = Self.headWords.firstMatch(in: pieces[i].text), head.range.upperBound < pieces[i].text.utf16.count {
                pieces[i].text = pieces[i].text.utf16Slice(head.range.upperBound..<pieces[i].text.utf16.count)
            }
        }
        var result: [Assignee] = []
        var index = 0
        var lastUnknown: Int?
        list: while index < pieces.count {
            var matched = false
            // Longest run of pieces first: a name may contain "," or "và".
            for end in stride(from: min(pieces.count, index + 6), to: index, by: -1) {
                let candidate = Self.join(pieces[index..<end])
                if let entry = resolveName(candidate) {
                    var name = candidate
                    var next = end
                    if case .group = entry {
                        // "các sở, ban, ngành, đoàn thể Thành phố": another kind of
                        // body of the same rank goes on the group's name.
                        while next < pieces.count, Self.groupContinuation.isMatch(pieces[next].text) {
                            name += pieces[next].separator + pieces[next].text
                            next += 1
                        }
                    }
                    result.append(Assignee(name: name, code: entry.code, role: role))
                    if case .group = entry, next < pieces.count, Self.localities.isMatch(pieces[next].text) {
                        // "các sở, ngành, địa phương": the departments, then the communes.
                        result.append(Assignee(name: pieces[next].text, code: nil, role: role))
                        next += 1
                    }
                    index = next
                    matched = true
                    break
                }
            }
            if !matched, let (name, entry, end, scoped) = knownNameRunningOn(pieces, from: index) {
                result.append(Assignee(name: name, code: entry.code, role: role))
                // "Ban Quản lý Khu kinh tế tỉnh Đồng Tháp, Sở Y tế": a scope, the list goes on.
                if scoped { index = end; lastUnknown = nil; continue }
                // "Công an thành phố nâng cao hiệu quả ...": the list has run
                // into the sentence; the known name is its last name.
                break list
            }
            if !matched, index + 1 < pieces.count, pieces[index].text == "báo", pieces[index + 1].text == "đài" {
                // "báo, đài": the press and broadcasters, one addressee.
                result.append(Assignee(name: "báo, đài", code: nil, role: role))
                index += 2
                lastUnknown = nil
                continue
            }
            if !matched {
                var name = pieces[index].text
                let institution = role == .partner && Self.institutionKind.isMatch(name)
                // An unknown name ends at its first verb ("Ban đại diện cha mẹ
                // học sinh thường xuyên nhắc nhở ..."); the list ends there too.
                let cut = institution ? (name: name, ended: false) : Self.cutAtVerb(name)
                name = cut.name
                if role == .partner, Self.genericKind.isMatch(name) {
                    // "phối hợp với các đơn vị", "cơ quan, đơn vị chức năng": a kind of body, no partner in particular.
                    lastUnknown = nil
                } else if keepUnknown, Self.looksLikeOrganisation(name) || (role == .partner && Self.institutionKind.isMatch(name)), name.count <= 100 {
                    result.append(Assignee(name: name, code: nil, role: role))
                    lastUnknown = result.count - 1
                } else if keepUnknown, let last = lastUnknown, last == result.count - 1,
                          !name.isEmpty, name.first.map({ !$0.isNumber }) ?? false, !Self.preposition.isMatch(name),
                          result[last].name.count + name.count <= 100 {
                    // "Báo và Phát thanh, Truyền hình tỉnh": a piece that does
                    // not start a name goes on the unknown name before it.
                    result[last].name += pieces[index].separator + name
                }
                // Words before any name ("Để nâng cao …, các sở …") do not end the list.
                if cut.ended, !result.isEmpty || Self.genericKind.isMatch(name) { break list }
                index += 1
                continue
            }
            lastUnknown = nil
        }
        var seen = Set<String>()
        return result.filter { seen.insert($0.code ?? $0.name).inserted }
    }

    func resolveName(_ candidate: String) -> UnitRegister.Entry? {
        let bare = Self.stripRoleWords(candidate)
        if let entry = register.resolve(bare) ?? register.resolve(Self.spelledOut(bare)) { return entry }
        // "các sở, ban, ngành tỉnh": a group of bodies with its scope is the group.
        if let scope = Self.scope.firstMatch(in: bare), scope.range.lowerBound > 0,
           case .group(let group)? = register.resolve(bare.utf16Slice(0..<scope.range.lowerBound)) {
            return .group(group)
        }
        return nil
    }

    /// A register name at the start of a run of pieces that goes on with
    /// words in lower case: the name, without the words.
    func knownNameRunningOn(_ pieces: [Piece], from index: Int) -> (String, UnitRegister.Entry, Int, Bool)? {
        for end in (index + 1)...min(pieces.count, index + 6) {
            let words = Self.join(pieces[index..<end]).split(separator: " ").map(String.init)
            guard words.count > 2 else { continue }
            for length in stride(from: words.count - 1, through: 2, by: -1) {
                guard let next = words[length].first, next.isLowercase else { continue }
                let name = words[..<length].joined(separator: " ").trimming(anyOf: Self.edgePunctuation)
                guard let entry = resolveName(name) else { continue }
                // "Ban Quản lý Khu kinh tế tỉnh (Đồng Tháp)": the scope is part of the name.
                let rest = words[length...].joined(separator: " ").trimming(anyOf: Self.edgePunctuation)
                if Self.scopeTail.isMatch(rest) { return (name + " " + rest, entry, end, true) }
                return (name, entry, end, false)
            }
        }
        return nil
    }

    /// "đoàn thể", "đoàn thể Thành phố": a kind of body that goes on a group's name.
    static let groupContinuation = TextPattern(#"^(?:các\s+)?đoàn thể(?:\s+(?:cấp tỉnh|tỉnh|thành phố|cấp xã))?$"#)
    static let scopeTail = TextPattern(#"^(?:tỉnh|thành phố|cấp tỉnh|cấp xã)(?:\s+\p{Lu}\p{Ll}*)*$"#, caseSensitive: true)
    /// "phối hợp với doanh nghiệp, viện nghiên cứu, trường đại học": kinds of
    /// institution a duty is carried out with, partners though unnamed.
    static let institutionKind = TextPattern(#"^(?:các\s+)?(?:doanh nghiệp|viện nghiên cứu|trường đại học)$"#, caseSensitive: false)
    static let genericKind = TextPattern(#"^(?:các\s+)?(?:cơ quan|đơn vị|đoàn thể)(?:\s*(?:,|và)\s*(?:các\s+)?(?:cơ quan|đơn vị|đoàn thể))*(?:\s+chức năng)?$"#)
    static let localities = TextPattern(#"^(?:các\s+)?địa phương$"#)
    static let scope = TextPattern(#"\s+(?:cấp tỉnh|tỉnh|thành phố)$"#)
    /// Verbs that end an unknown name in running text (lower case only:
    /// "Ban Chỉ đạo" is a name).
    static let verbInName = TextPattern(
        #"\s+(?:chủ trì|thực hiện|tiến hành|tham mưu|triển khai|hướng dẫn|xây dựng|nghiên cứu|rà soát|khẩn trương|có trách nhiệm|chịu trách nhiệm|phối hợp|căn cứ|theo dõi|kiểm tra|chỉ đạo|bố trí|hoàn thiện|trình|tổng hợp|chủ động|tăng cường|đẩy mạnh|tiếp tục|thường xuyên|quan tâm|vận động|tuyên truyền|cung cấp|đảm bảo|bảo đảm|giám sát|lồng ghép|cập nhật|định kỳ|nâng cao|huy động|thúc đẩy|đôn đốc|nhắc nhở|dựng|gửi|báo cáo|được|bằng|xác định|thành lập|vận động|trong việc|trong|để|nhằm)(?!\p{L})"#,
        caseSensitive: true)

    static let assignedRole = TextPattern(#"^\s*(?:[Cc]ác\s+)?(?:cơ quan|đơn vị)(?:\s*,\s*(?:cơ quan|đơn vị))*\s+được(?:\s|$)"#)
    static let dutyVerb = TextPattern(#"^(?:có trách nhiệm|chịu trách nhiệm)$"#)

    static func cutAtVerb(_ name: String) -> (name: String, ended: Bool) {
        if assignedRole.isMatch(name) { return (name, false) }
        let text = " " + name
        for match in verbInName.matches(in: text) {
            let before = text.utf16Slice(0..<match.range.lowerBound)
            // "Cơ quan chủ trì giải quyết thủ tục", "đơn vị phối hợp": a role, not a verb.
            if roleNoun.isMatch(before), roleVerb.isMatch(match.text.trimmedSpaces) { continue }
            return (before.trimming(anyOf: edgePunctuation), true)
        }
        return (name, false)
    }

    /// "Các cơ quan, đơn vị được phân công nhiệm vụ", "các cơ quan, đơn vị, địa
    /// phương": every body at once.
    static func isEveryone(_ name: String) -> Bool {
        assignedRole.isMatch(name) || genericKind.isMatch(name) || everyone.isMatch(name)
    }
    static let everyone = TextPattern(#"^(?:các\s+)?cơ quan,\s*đơn vị(?:,\s*địa phương)?$"#)

    static let preposition = TextPattern(#"^(?:tại|trong|theo|của|cho|về)(?!\p{L})"#)
    static let roleNoun = TextPattern(#"(?:cơ quan|đơn vị|các|những)$"#)
    static let roleVerb = TextPattern(#"^(?:chủ trì|phối hợp|thực hiện)$"#)

    struct Piece {
        var text: String
        var separator: String
    }

    /// Pieces between ",", ";", "và" and "/"; each remembers the separator before it.
    static func pieces(of text: String) -> [Piece] {
        var pieces: [Piece] = []
        var current = ""
        var separator = ""
        let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        func flush(next: String) {
            let trimmed = current.trimmedSpaces
            if !trimmed.isEmpty { pieces.append(Piece(text: trimmed, separator: separator)) }
            current = ""
            separator = next
        }
        for word in words {
            if word == "và" || word == "với" {
                flush(next: " \(word) ")
                continue
            }
            var w = word
            var trailing: String?
            if let last = w.last, last == "," || last == ";" {
                w.removeLast()
                trailing = "\(last) "
            }
            current += current.isEmpty ? w : " " + w
            if let trailing { flush(next: trailing) }
        }
        flush(next: "")
        return pieces.map { Piece(text: $0.text.trimming(anyOf: Self.edgePunctuation), separator: $0.separator) }
    }

    static let edgePunctuation = " .,;:()\"“”"

    static func join(_ pieces: ArraySlice<Piece>) -> String {
        var text = ""
        for (offset, piece) in pieces.enumerated() {
            text += offset == 0 ? piece.text : piece.separator + piece.text
        }
        return text
    }

    /// The short forms appendix cells use for the standard names of
    /// departments and bodies ("Sở KH&CN", "Sở NN&MT", "BQL", "TP").
    static let shortForms: [(String, String)] = [
        ("KH&CN", "Khoa học và Công nghệ"), ("KHCN", "Khoa học và Công nghệ"),
        ("NN&MT", "Nông nghiệp và Môi trường"), ("NNMT", "Nông nghiệp và Môi trường"),
        ("GD&ĐT", "Giáo dục và Đào tạo"), ("GDĐT", "Giáo dục và Đào tạo"),
        ("VH,TT&DL", "Văn hóa, Thể thao và Du lịch"), ("VHTTDL", "Văn hóa, Thể thao và Du lịch"),
        ("LĐ-TB&XH", "Lao động - Thương binh và Xã hội"), ("MTTQ", "Mặt trận Tổ quốc"),
        ("BQL", "Ban Quản lý"), ("TP", "thành phố"), ("VN", "Việt Nam"),
    ]

    static func spelledOut(_ name: String) -> String {
        var words = name.split(separator: " ").map(String.init)
        for index in words.indices {
            if let long = shortForms.first(where: { $0.0 == words[index] })?.1 { words[index] = long }
        }
        return words.joined(separator: " ")
    }

    /// "Sở Tài chính (chủ trì)" → "Sở Tài chính".
    static func stripRoleWords(_ name: String) -> String {
        var text = name
        for suffix in ["(chủ trì)", "(phối hợp)", "chủ trì", "thành phố (chủ trì)"] where text.hasSuffix(suffix) && text != suffix {
            text = String(text.dropLast(suffix.count)).trimmedSpaces
        }
        return text
    }
}
