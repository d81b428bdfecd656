/// Finds the deadline in a task's plain text, the way a careful clerk reads it.
///
/// Precedence follows what the words mean: an explicit day beats a period,
/// a period beats a recurrence, which beats a schedule by reference, which
/// beats a standing duty. Dates that are not deadlines — a cited document's
/// date ("Kế hoạch số 192/KH-UBND ngày 27/5/2026"), a target year ("đến năm
/// 2030") — never match, because every pattern needs a deadline word.
public struct DeadlineParser: Sendable {
    /// The directive's own date, or at least its year: needed for periods
    /// without a year ("6 tháng đầu năm") and for the first occurrence of a
    /// recurring deadline.
    public var documentDate: CivilDate?
    public var documentYear: Int?

    /// The date of the figures: a recurring deadline is due on its next
    /// occurrence after this day. Without it, the first after the document's date.
    public var asOf: CivilDate?

    public init(documentDate: CivilDate? = nil, documentYear: Int? = nil, asOf: CivilDate? = nil) {
        self.documentDate = documentDate
        self.documentYear = documentYear ?? documentDate?.year
        self.asOf = asOf
    }

    /// The due day of a recurrence: its next occurrence after the date of the
    /// figures (the one still to come), or the first after the document's date.
    public func due(of recurrence: Recurrence) -> CivilDate? {
        guard let from = asOf ?? documentDate else { return nil }
        return recurrence.firstOccurrence(after: from)
    }

    /// The result of reading one text: the deadline, if any, and problems
    /// such as an impossible date (31/02/2026), each with its phrase.
    public struct Result: Sendable, Hashable {
        public var deadline: Deadline?
        public var problems: [String]
    }

    // MARK: Patterns

    // A day with its year: 24/6/2026, 24-6-2026, 24.6.2026, "05 tháng 12 năm 2025".
    static let date = #"(\d{1,2})\s*([/.\-])\s*(\d{1,2})\s*\2\s*(\d{4})|(\d{1,2})\s+tháng\s+(\d{1,2})\s*,?\s*năm\s+(\d{4})"#
    static let roman = #"(IV|I{1,3}|[1-4])"#

    static let before = TextPattern(#"(?:chậm nhất\s+)?(?:là\s+)?trước\s+(?:ngày\s+)?(?:"# + date + ")", needsDigit: true)
    // "trước hoặc trong ngày D" allows D itself: inclusive, not "trước".
    static let on = TextPattern(
        #"(?:trước hoặc (?:trong|vào)|chậm nhất|hạn chót|thời hạn|hạn|hoàn thành|xong|đến hết|đến|vào|trong)\s*(?:là\s+|vào\s+|trong\s+|hết\s+|:\s*)?(?:ngày\s+)?(?:"# + date + ")", needsDigit: true)
    // A day without its year ("trước ngày 15/7", "chậm nhất ngày 20 tháng 8"):
    // the document's year. "ngày" is required, so "hoàn thành 2/3 khối lượng"
    // is a fraction, not the 2nd of March.
    static let dayWithoutYear = #"(\d{1,2})\s*/\s*(\d{1,2})(?!\s*[/.\-]?\s*\d)|(\d{1,2})\s+tháng\s+(\d{1,2})(?!\d)(?!\s*,?\s*năm\s+\d)"#
    static let beforeWithoutYear = TextPattern(#"(?:chậm nhất\s+)?(?:là\s+)?trước\s+ngày\s+(?:"# + dayWithoutYear + ")", needsDigit: true)
    static let onWithoutYear = TextPattern(
        #"(?:trước hoặc (?:trong|vào)|chậm nhất|hạn chót|thời hạn|hạn|hoàn thành|xong|đến hết|đến|vào|trong)\s*(?:là\s+|vào\s+|trong\s+|hết\s+|:\s*)?ngày\s+(?:"# + dayWithoutYear + ")", needsDigit: true)
    // "trước 16 giờ 00 ngày 24/6/2026", "chậm nhất 17h00 ngày 24/6/2026": an
    // hour on that day, so the day itself is allowed.
    static let atHour = TextPattern(
        #"(?:chậm nhất|trước|hạn|hoàn thành|gửi)\s+(?:là\s+|vào\s+|trước\s+)?\d{1,2}\s*(?:giờ|h)\s*(?:\d{2}\s*(?:phút)?)?\s*,?\s*(?:ngày\s+)?(?:"# + date + ")", needsDigit: true)
    // A range of days: "từ ngày 15/11 đến ngày 15/12", "từ ngày 01/12/2025 đến hết ngày 31/12/2025".
    static let dayRange = TextPattern(
        #"từ\s+ngày\s+\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?\s*(?:đến|[-–—])\s*(?:hết\s+)?(?:ngày\s+)?(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*(\d{4}))?(?![\d/])"#,
        needsDigit: true)
    static let onBare = TextPattern(#"^\s*(?:ngày\s+)?(?:"# + date + #")\s*\.?\s*$"#, needsDigit: true)
    static let month = TextPattern(
        #"(?:(?:chậm nhất|hoàn thành|xong|thực hiện|báo cáo|thời gian|thời hạn)[^.;]{0,12}?)?(?:trong\s+|hết\s+|cuối\s+)?tháng\s+(\d{1,2})\s*(?:[/\-]|năm)\s*(\d{4})"#, needsDigit: true)
    static let quarter = TextPattern(#"(?:trong\s+|hết\s+|cuối\s+)?qu[ýí]\s+"# + roman + #"\s*(?:[/\-]|năm|,\s*năm)\s*(\d{4})"#, needsDigit: true)
    // "trong tháng 8", "trong quý III": the document's year.
    static let monthWithoutYear = TextPattern(#"(?:trong|hết|cuối)\s+tháng\s+(\d{1,2})(?!\d)(?!\s*(?:[/\-]|năm)\s*\d)"#, needsDigit: true)
    static let quarterWithoutYear = TextPattern(#"(?:trong|hết|cuối)\s+qu[ýí]\s+"# + roman + #"(?![\p{L}\d])(?!\s*(?:[/\-]|năm|,\s*năm)\s*\d)"#)
    static let half = TextPattern(#"(?:trong\s+)?6\s+tháng\s+(đầu|cuối)\s+năm(?:\s+(\d{4}))?"#, needsDigit: true)
    // Several quarters of one year: "Quý I, II/2026", "Quý III và Quý IV/2026",
    // "quý I - III năm 2026": due at the end of the latest.
    static let quarterItem = roman + #"(?![\p{L}\d])"#
    static let quarterSeparator = #"\s*(?:,|và|hoặc|[-–—]|đến)\s*(?:qu[ýí]\s+)?"#
    static let quarterList = TextPattern(
        #"(?:(?:trong|hết|cuối|từ)\s+)?qu[ýí]\s+"# + quarterItem + "(?:" + quarterSeparator + quarterItem + #")+\s*(?:[/\-]|năm|,\s*năm)\s*(\d{4})"#,
        needsDigit: true)
    // Without a year, Roman numerals only: "trong quý I, 2 văn bản" is no list.
    static let romanItem = #"(IV|I{1,3})(?![\p{L}\d])"#
    static let quarterListWithoutYear = TextPattern(
        #"(?:trong|hết|cuối|từ)\s+qu[ýí]\s+"# + romanItem + "(?:" + quarterSeparator + romanItem + #")+(?!\s*(?:[/\-]|năm|,\s*năm)\s*\d)"#)
    // A deadline cell of quarters alone ("Quý IV", "Quý I, II"): the document's year.
    static let quarterCell = TextPattern(
        #"^\s*(?:trong\s+)?qu[ýí]\s+"# + quarterItem + "(?:" + quarterSeparator + quarterItem + #")*\s*\.?\s*$"#)
    /// Each quarter a list names.
    static let quarterNumbers = TextPattern(#"(?<![\p{L}\d])"# + quarterItem)
    /// "trước Tết Nguyên đán", "trước Tết Nguyên đán Bính Ngọ 2026", "trước Tết
    /// năm 2026": the day before the first day of the lunar year. Other
    /// feasts called Tết (Dương lịch, Trung thu, Đoan ngọ…) are not it.
    static let beforeTet = TextPattern(
        #"(?:chậm nhất\s+)?(?:là\s+)?trước\s+(?:(?:ngày|dịp)\s+)?Tết(?!\p{L})"#
            + #"(?!\s+(?:dương|tây|trung|đoan|hàn|thanh|độc|thiếu|trồng|ông|nguyên tiêu|thượng|hạ|cơm|khai)(?!\p{L}))"#
            + #"(?:\s+(?:nguyên\s+đán|âm\s+lịch|cổ\s+truyền)(?!\p{L}))?"#
            + #"(?:\s+(?:năm\s+)?("# + LunarYear.namePattern + #")(?!\p{L}))?"#
            + #"(?:\s*,?\s*(?:năm\s+)?(\d{4})(?!\d))?"#
            + #"(?:\s+(?:ít nhất\s+)?(\d{1,2})\s+ngày(?!\p{L}))?"#)
    /// "trước Tết, trong và sau Tết", "trước Tết và trong dịp Tết": a season of
    /// work around Tết, not a deadline.
    static let aroundTet = TextPattern(#"^\s*(?:,|và|hoặc|/)\s*(?:trong|sau)(?!\p{L})"#)
    /// A day of one month of each quarter: "trước ngày 20 tháng cuối quý",
    /// "trước ngày 15 của tháng cuối quý", "định kỳ hằng quý, trước ngày 20
    /// tháng cuối quý", "trước ngày 10 tháng đầu quý sau".
    static let quarterMonthDay = TextPattern(
        #"(?:(?:định kỳ\s+(?:(?:hằng|hàng|mỗi)\s+)?|(?:hằng|hàng|mỗi)\s+)qu[ýí]\s*,?\s*(?:báo cáo\s+)?)?(?:(trước|vào|chậm nhất|trong)\s+)?ngày\s+(\d{1,2})\s+(?:của\s+)?tháng\s+(cuối|đầu|giữa|thứ\s+nhất|thứ\s+hai|thứ\s+ba)\s+(?:của\s+)?(?:(?:hằng|hàng|mỗi)\s+)?qu[ýí](?!\p{L})(?:\s+(?:sau|tiếp theo|kế tiếp)(?!\p{L}))?"#,
        needsDigit: true)
    // "Tháng 11 - 12/2025", "từ tháng 10 đến tháng 12/2025": the end of the range.
    static let monthRange = TextPattern(#"tháng\s+\d{1,2}\s*(?:[-–—]|đến)\s*(?:tháng\s+)?(\d{1,2})\s*(?:[/\-]|năm)\s*(\d{4})"#, needsDigit: true)
    // In a deadline field: "Năm 2025 - 2026", "2025 - 2035", "từ năm 2026 đến năm 2030".
    static let yearRange = TextPattern(#"(?:năm\s+)?(\d{4})\s*(?:[-–—]|đến)\s*(?:năm\s+)?(\d{4})"#, needsDigit: true)
    // In a deadline field: "Năm 2026 và các năm tiếp theo" is due within its first year.
    static let yearLead = TextPattern(#"^\s*(?:từ\s+|trong\s+)?năm\s+(\d{4})(?!\s*[-–—/]\s*\d)"#, needsDigit: true)
    static let year = TextPattern(#"(?:trong|hết|cuối)\s+năm\s+(\d{4})"#, needsDigit: true)
    // A deadline cell that is only a year ("Năm 2026", "2026").
    /// A document's number ("45/KH-UBND", "77/UBND-VX"), which a cited date leaves behind.
    static let citesDocument = TextPattern(#"\d{1,5}(?:/\d{4})?/[A-ZĐ][A-ZĐ0-9]*(?:-[A-ZĐ0-9]+)*"#, caseSensitive: true, needsDigit: true)

    /// "Trước 15/12 hằng năm", "chậm nhất 30/6": a day written without the
    /// word "ngày" reads as with it.
    static let dayWithoutWord = TextPattern(#"(trước|chậm nhất|vào)\s+(?=\d{1,2}\s*/\s*\d{1,2}(?!\d))"#, needsDigit: true)
    static func withDayWord(_ text: String) -> String {
        var result = text
        for match in dayWithoutWord.matches(in: result).reversed() {
            result = result.replacingUTF16(match.range, with: (match.group(1) ?? "") + " ngày ")
        }
        return result
    }

    /// Short forms in a cell: "T3/2026" (a month), "Q1/2026" (a quarter).
    static let monthShort = TextPattern(#"^\s*t\s*(\d{1,2})\s*[/\-]\s*(\d{4})\s*$"#, needsDigit: true)
    static let quarterShort = TextPattern(#"^\s*q\s*([1-4])\s*[/\-]\s*(\d{4})\s*$"#, needsDigit: true)
    static let monthBare = TextPattern(#"^\s*(\d{1,2})\s*/\s*(\d{4})\s*\.?\s*$"#, needsDigit: true)
    static let yearBare = TextPattern(#"^\s*(?:năm\s+)?(\d{4})\s*\.?\s*$"#, needsDigit: true)
    static let recurringDay = TextPattern(
        #"(?:định kỳ\s+(?:6 tháng\s+|hằng\s+|hàng\s+)?(?:tuần|tháng|quý|quí|năm)?[,\s]*)?(trước|vào|chậm nhất|trong)?\s*(?:ngày\s+)(\d{1,2})(?:\s*(?:/|tháng)\s*(\d{1,2}))?\s+(?:của\s+)?(?:tháng cuối\s+)?(hằng|hàng|mỗi)\s+(tuần|tháng|quý|quí|năm)"#, needsDigit: true)
    static let recurringPeriodic = TextPattern(
        #"định kỳ\s+(6 tháng|hằng tuần|hàng tuần|hằng tháng|hàng tháng|hằng quý|hàng quý|hằng quí|hàng quí|hằng năm|hàng năm|tuần|tháng|quý|quí|năm)(?:\s*(?:,|và)?\s*(?:báo cáo\s+)?(trước|vào|chậm nhất|trong)?\s*ngày\s+(\d{1,2})(?:\s*(?:/|tháng)\s*(\d{1,2}))?)?"#)
    static let recurringPlain = TextPattern(#"(?:^|\s)(hằng|hàng)\s+(tuần|tháng|quý|quí|năm)\b"#)
    static let reference = TextPattern(
        #"theo\s+(?:đúng\s+)?(?:(?:tiến độ|thời gian|thời hạn|lộ trình|yêu cầu)\s+(?:của|tại|quy định tại|nêu tại)?\s*)?((?:Kế hoạch|Chương trình|Đề án|Lộ trình|Quyết định|Công văn|Thông báo|Chỉ thị)\s+số\s+[0-9][\w./\-Đđ]*)"#, needsDigit: true)
    static let yearlyThing = TextPattern(
        #"(?:kế hoạch|dự toán|ngân sách|chỉ tiêu|mục tiêu|nhiệm vụ|vốn|lộ trình|trung hạn|sự cố|kinh phí|dự án|chương trình|đề án|[Nn]ghị quyết)(?:\s*,?\s*[\p{L}]+){0,3}\s*,?\s*$|[Kk]ế hoạch phát triển kinh tế\s*-\s*xã hội\s*$"#, caseSensitive: true)

    /// Whether the words just before `offset` are a noun phrase a "hằng năm"
    /// qualifies. Lower case only: "thực hiện Kế hoạch hằng năm" names this
    /// Plan, and evaluating it each year is a schedule.
    static func qualifiesNoun(_ text: String, before offset: Int) -> Bool {
        var start = max(0, offset - 60)
        // Never cut a character outside the Basic Multilingual Plane in two.
        let units = text.utf16
        while start < offset, UTF16.isTrailSurrogate(units[units.index(units.startIndex, offsetBy: start)]) { start += 1 }
        return yearlyThing.isMatch(text.utf16Slice(start..<offset))
    }

    static let deferred = TextPattern(#"^\s*(?:theo|sau khi)\s+\S.*$"#)
    // "Khi có phát sinh", "khi có yêu cầu": whenever the need arises.
    static let whenNeeded = TextPattern(#"^\s*khi\s+(?:có\s+)?(?:phát sinh|yêu cầu|cần thiết)[^.;]*"#)
    static let timingWord = TextPattern(#"tiến độ|thời gian|thời hạn|lộ trình"#)
    // "chi thường xuyên" is a budget line, not a duty that never ends.
    /// "trực ban 24/24": round the clock, a standing duty.
    static let roundTheClock = TextPattern(#"(?<![\d/])24\s*/\s*24(?![\d/])|24/7"#, needsDigit: true)
    /// "trong thời hạn 10 ngày kể từ ngày nhận Kế hoạch": the receipt date is not
    /// in the document, so the days count from its date.
    static let daysFromReceipt = TextPattern(
        #"trong\s+(?:thời hạn|vòng)\s+(\d{1,3})\s+ngày\s+(?!làm việc)(?:kể\s+)?từ\s+(?:ngày\s+)?(?:nhận|ban hành|ký)"#, needsDigit: true)
    static let betweenStandingAndPeriod = TextPattern(#"^[\s,;]*(?:định kỳ)?[\s,]*$"#)
    static let standing = TextPattern(#"(?:^|[^\p{L}])(?<!chi )(thường xuyên|tiếp tục|liên tục)(?:$|[^\p{L}])"#)
    // "định kỳ" with no period ("định kỳ kiểm tra", "định kỳ sơ kết"): recurring,
    // its rhythm unknown. "định kỳ hoặc đột xuất" is a manner of inspecting.
    static let periodicBare = TextPattern(#"(?:^|[^\p{L}])định kỳ(?!\s*(?:,|hoặc|hay|và)\s*đột xuất)(?!\p{L})"#)

    // MARK: Reading

    /// Reads a task's text. `labelled` says the text is a deadline field on
    /// its own (an appendix cell, "Thời gian thực hiện: ..."), where a bare
    /// date or period is the deadline.
    public func parse(_ rawText: String, labelled: Bool = false) -> Result {
        let text = Self.withoutNonDeadlines(Self.withDayWord(VietnameseText.collapseSpaces(rawText.precomposedNFC)), labelled: labelled)
        var problems: [String] = []

        // 1. Explicit days.
        var explicit: [(Deadline, Int)] = []
        var past: [(Deadline, Int)] = []
        func addDay(_ match: TextPattern.Match, kind: Deadline.Kind, offset: Int) {
            guard let day = Self.day(from: match, offset: offset) else { return }
            guard let date = day.date else {
                problems.append("ngày \"\(day.written)\" không có thật (trong \"\(match.text.trimmed)\")")
                return
            }
            let due = kind == .before ? date.adding(days: -1) : date
            // A day already past when the document is issued ("Theo Kế hoạch
            // số …, hạn hoàn thành là ngày 30/6/2025", "(hoàn thành trước ngày
            // 31/5/2025)") tells the history of an earlier duty: not the new
            // deadline when the text gives another, or cites the earlier document.
            if !labelled, let documentDate, date < documentDate {
                past.append((Deadline(text: match.text.trimmed, kind: kind, due: due), match.range.lowerBound))
                return
            }
            explicit.append((Deadline(text: match.text.trimmed, kind: kind, due: due), match.range.lowerBound))
        }
        let recurringDayMatches = Self.recurringDay.matches(in: text)
        let recurringRanges = recurringDayMatches.map(\.range) + Self.recurringPeriodic.matches(in: text).map(\.range)
        func insideRecurring(_ range: Range<Int>) -> Bool { recurringRanges.contains { $0.overlaps(range) } }
        var covered: [Range<Int>] = []
        // "từ ngày 15/11 đến ngày 15/12(/2025)": within the range, due its end.
        for match in Self.dayRange.matches(in: text) where !insideRecurring(match.range) {
            guard let d = Int(match.group(1) ?? ""), let m = Int(match.group(2) ?? "") else { continue }
            var year = match.group(3).flatMap { Int($0) } ?? documentYear
            if match.group(3) == nil, let y = year, let documentDate, let end = CivilDate(year: y, month: m, day: d), end < documentDate {
                year = y + 1
            }
            guard let y = year else { continue }
            guard let end = CivilDate(year: y, month: m, day: d) else {
                problems.append("ngày \"\(d)/\(m)/\(y)\" không có thật (trong \"\(match.text.trimmed)\")")
                continue
            }
            explicit.append((Deadline(text: match.text.trimmed, kind: .within, due: end), match.range.lowerBound))
            covered.append(match.range)
        }
        for match in Self.atHour.matches(in: text) where !insideRecurring(match.range) && !covered.contains(where: { $0.overlaps(match.range) }) {
            addDay(match, kind: .on, offset: 1)
            covered.append(match.range)
        }
        for match in Self.before.matches(in: text) where !insideRecurring(match.range) && !covered.contains(where: { $0.overlaps(match.range) }) {
            addDay(match, kind: .before, offset: 1)
            covered.append(match.range)
        }
        for match in Self.on.matches(in: text) where !insideRecurring(match.range) && !covered.contains(where: { $0.overlaps(match.range) }) {
            addDay(match, kind: .on, offset: 1)
        }
        let rangeCovered = covered
        if labelled, explicit.isEmpty, problems.isEmpty, let match = Self.onBare.firstMatch(in: text) {
            addDay(match, kind: .on, offset: 1)
        }
        if let documentDate {
            for match in Self.daysFromReceipt.matches(in: text) {
                guard let days = Int(match.group(1) ?? "") else { continue }
                explicit.append((Deadline(text: match.text.trimmed, kind: .within, due: documentDate.adding(days: days)), match.range.lowerBound))
            }
        }
        // "trước Tết Nguyên đán (Bính Ngọ 2026)": an exclusive day, Tết's eve.
        var undatedTet: Deadline?
        for (deadline, offset) in beforeTet(in: text) {
            guard let due = deadline.due else {
                if undatedTet == nil { undatedTet = deadline }
                continue
            }
            // Tết already past when the document is issued, as for a written day.
            let day = deadline.kind == .before ? due.adding(days: 1) : due
            if !labelled, let documentDate, day < documentDate {
                past.append((deadline, offset))
            } else {
                explicit.append((deadline, offset))
            }
        }
        if explicit.isEmpty, !past.isEmpty, !Self.citesDocument.isMatch(text) { explicit = past }
        if let latest = explicit.max(by: { ($0.0.due!, $0.1) < ($1.0.due!, $1.1) }) {
            return Result(deadline: latest.0, problems: problems)
        }
        if !problems.isEmpty { return Result(deadline: nil, problems: problems) }
        // "trước ngày 20 tháng cuối quý": a day of each quarter.
        if let recurring = quarterMonthDay(in: text) {
            if let recurrence = recurring.recurrence, !recurrence.isPossible {
                problems.append("ngày không có thật (trong \"\(recurring.text)\")")
                return Result(deadline: nil, problems: problems)
            }
            return Result(deadline: recurring, problems: problems)
        }
        // "trước ngày 15/11 hằng năm", "ngày 15 hằng tháng": days that come
        // back each period, not one day of the document's year.
        if let recurring = recurringDays(in: text) {
            if let recurrence = recurring.recurrence, !recurrence.isPossible {
                problems.append("ngày không có thật (trong \"\(recurring.text)\")")
                return Result(deadline: nil, problems: problems)
            }
            return Result(deadline: recurring, problems: problems)
        }
        if let partial = dayWithoutYear(in: text, excluding: { range in insideRecurring(range) || rangeCovered.contains { $0.overlaps(range) } },
                                        problems: &problems) {
            return Result(deadline: partial, problems: problems)
        }
        if let undatedTet { return Result(deadline: undatedTet, problems: problems) }
        if !problems.isEmpty { return Result(deadline: nil, problems: problems) }

        // 2. Periods.
        var periods: [(Deadline, Int)] = []
        func addPeriod(_ match: TextPattern.Match, phrase: String? = nil, endMonth: Int, year: Int?) {
            guard let year else {
                periods.append((Deadline(text: phrase ?? match.text.trimmed, kind: .within, due: nil), match.range.lowerBound))
                return
            }
            guard let due = CivilDate(year: year, month: endMonth, day: CivilDate.daysIn(month: endMonth, year: year)) else {
                problems.append("năm \(year) không có thật (trong \"\(match.text.trimmed)\")")
                return
            }
            periods.append((Deadline(text: phrase ?? match.text.trimmed, kind: .within, due: due), match.range.lowerBound))
        }
        for match in Self.month.matches(in: text) {
            guard let m = Int(match.group(1) ?? ""), let y = Int(match.group(2) ?? "") else { continue }
            let hasTrigger = match.text.lowercased().hasPrefix("trong") || match.text.lowercased().hasPrefix("hết")
                || match.text.lowercased().hasPrefix("cuối") || !match.text.lowercased().hasPrefix("tháng")
            guard hasTrigger || labelled else { continue }
            guard (1...12).contains(m) else {
                problems.append("tháng \(m) không có thật (trong \"\(match.text.trimmed)\")")
                continue
            }
            addPeriod(match, phrase: Self.periodPhrase(match.text), endMonth: m, year: y)
        }
        // "Quý I, II/2026": the latest quarter's end; its single quarters are part of it.
        var lists: [Range<Int>] = []
        for (pattern, hasYear) in [(Self.quarterList, true), (Self.quarterListWithoutYear, false)] {
            for match in pattern.matches(in: text) where !lists.contains(where: { $0.overlaps(match.range) }) {
                let year = hasYear ? match.group(match.groups.count - 1).flatMap { Int($0) } : documentYear
                guard let latest = Self.latestQuarter(in: match.text) else { continue }
                lists.append(match.range)
                addPeriod(match, endMonth: latest * 3, year: year)
            }
        }
        if labelled, lists.isEmpty, let match = Self.quarterCell.firstMatch(in: text), let latest = Self.latestQuarter(in: match.text) {
            lists.append(match.range)
            addPeriod(match, endMonth: latest * 3, year: documentYear)
        }
        for match in Self.quarter.matches(in: text) where !lists.contains(where: { $0.overlaps(match.range) }) {
            guard let q = Self.quarterNumber(match.group(1) ?? ""), let y = Int(match.group(2) ?? "") else { continue }
            addPeriod(match, endMonth: q * 3, year: y)
        }
        for match in Self.monthWithoutYear.matches(in: text) {
            guard let m = Int(match.group(1) ?? ""), (1...12).contains(m) else { continue }
            addPeriod(match, endMonth: m, year: documentYear)
        }
        for match in Self.quarterWithoutYear.matches(in: text) where !lists.contains(where: { $0.overlaps(match.range) }) {
            guard let q = Self.quarterNumber(match.group(1) ?? "") else { continue }
            addPeriod(match, endMonth: q * 3, year: documentYear)
        }
        var halves: [Range<Int>] = []
        for match in Self.half.matches(in: text) {
            let first = match.group(1)?.lowercased() == "đầu"
            halves.append(match.range)
            addPeriod(match, endMonth: first ? 6 : 12, year: match.group(2).flatMap({ Int($0) }) ?? documentYear)
        }
        for match in Self.monthRange.matches(in: text) {
            guard let m = Int(match.group(1) ?? ""), let y = Int(match.group(2) ?? ""), (1...12).contains(m) else { continue }
            addPeriod(match, endMonth: m, year: y)
        }
        if labelled {
            for match in Self.yearRange.matches(in: text) {
                guard let y = Int(match.group(2) ?? "") else { continue }
                addPeriod(match, endMonth: 12, year: y)
            }
            if periods.isEmpty, let match = Self.yearLead.firstMatch(in: text), let y = Int(match.group(1) ?? "") {
                addPeriod(match, endMonth: 12, year: y)
            }
        }
        // "6 tháng cuối năm 2026" is a half-year, not "cuối năm 2026".
        for match in Self.year.matches(in: text) where !halves.contains(where: { $0.overlaps(match.range) }) {
            guard let y = Int(match.group(1) ?? "") else { continue }
            addPeriod(match, endMonth: 12, year: y)
        }
        if labelled, periods.isEmpty, problems.isEmpty, let match = Self.yearBare.firstMatch(in: text), let y = Int(match.group(1) ?? "") {
            addPeriod(match, endMonth: 12, year: y)
        }
        // A cell "03/2026" or "T3/2026" (a table's "Hoàn thành" column): the month, within it.
        if labelled, periods.isEmpty, problems.isEmpty, let match = Self.monthBare.firstMatch(in: text) ?? Self.monthShort.firstMatch(in: text),
           let m = Int(match.group(1) ?? ""), let y = Int(match.group(2) ?? ""), (1...12).contains(m) {
            addPeriod(match, endMonth: m, year: y)
        }
        // "Q1/2026": the quarter.
        if labelled, periods.isEmpty, problems.isEmpty, let match = Self.quarterShort.firstMatch(in: text),
           let q = Int(match.group(1) ?? ""), let y = Int(match.group(2) ?? "") {
            addPeriod(match, endMonth: q * 3, year: y)
        }
        if !problems.isEmpty { return Result(deadline: nil, problems: problems) }
        if let latest = periods.max(by: { ($0.0.due ?? CivilDate.earliest, $0.1) < ($1.0.due ?? CivilDate.earliest, $1.1) }) {
            return Result(deadline: latest.0, problems: problems)
        }

        // 3. Recurring.
        if var recurring = recurringDeadline(in: text, dayMatches: recurringDayMatches) {
            // "Thường xuyên, hằng năm": a standing duty with a yearly report.
            if recurring.due == nil, recurring.recurrence?.hasKnownDay != true,
               let match = Self.standing.firstMatch(in: text), let word = match.group(1),
               let plain = Self.recurringPlain.firstMatch(in: text),
               plain.range.lowerBound >= match.range.upperBound,
               // "Thường xuyên, hằng năm", "Thường xuyên, định kỳ hằng quý báo cáo …".
               Self.betweenStandingAndPeriod.isMatch(text.utf16Slice(match.range.upperBound..<plain.range.lowerBound)) {
                recurring.kind = .standing
                recurring.text = Self.span(of: [match.range, Self.recurringPlain.firstMatch(in: text)?.range].compactMap { $0 }, in: text)
                    .trimming(anyOf: " ,.;()")
                if recurring.text.isEmpty { recurring.text = word }
                return Result(deadline: recurring, problems: problems)
            }
            if let recurrence = recurring.recurrence, !recurrence.isPossible {
                let written = [recurrence.day.map(String.init), recurrence.month.map(String.init)].compactMap { $0 }.joined(separator: "/")
                problems.append("ngày \"\(written)\" không có thật (trong \"\(recurring.text)\")")
                return Result(deadline: nil, problems: problems)
            }
            return Result(deadline: recurring, problems: problems)
        }

        // 4. By reference to another document's schedule.
        for match in Self.reference.matches(in: text) {
            let lowered = match.text.lowercased()
            let namesSchedule = Self.timingWord.isMatch(lowered)
                || ["kế hoạch", "chương trình", "đề án", "lộ trình"].contains { lowered.contains("theo " + $0) || lowered.contains("theo đúng " + $0) }
            guard namesSchedule, let reference = match.group(1) else { continue }
            let cleaned = Self.trimReference(reference)
            let phraseEnd = match.text.count - (reference.count - cleaned.count)
            return Result(deadline: Deadline(text: String(match.text.prefix(phraseEnd)).trimmed, kind: .reference, due: nil, reference: cleaned), problems: problems)
        }

        // A deadline field that defers to another schedule: "Theo tiến độ
        // xây dựng dự thảo ...", "Sau khi Nghị định ... được ban hành".
        if labelled, let match = Self.deferred.firstMatch(in: text) {
            return Result(deadline: Deadline(text: match.text.trimmed.trimming(anyOf: " ."), kind: .reference, due: nil), problems: problems)
        }

        if labelled, let match = Self.whenNeeded.firstMatch(in: text) {
            return Result(deadline: Deadline(text: match.text.trimmed, kind: .standing, due: nil), problems: problems)
        }

        // 5. Standing duties.
        if let match = Self.standing.firstMatch(in: text), let word = match.group(1) {
            return Result(deadline: Deadline(text: word, kind: .standing, due: nil), problems: problems)
        }
        if let match = Self.roundTheClock.firstMatch(in: text) {
            return Result(deadline: Deadline(text: match.text, kind: .standing, due: nil), problems: problems)
        }
        return Result(deadline: nil, problems: problems)
    }

    /// "trước ngày 15/7": the day in the document's year (the next year when
    /// that day falls before a known document date). Without any year the
    /// phrase is kept and its day is unknown.
    private func dayWithoutYear(in text: String, excluding: (Range<Int>) -> Bool, problems: inout [String]) -> Deadline? {
        var found: [(Deadline, Int)] = []
        var covered: [Range<Int>] = []
        for (pattern, kind) in [(Self.beforeWithoutYear, Deadline.Kind.before), (Self.onWithoutYear, .on)] {
            for match in pattern.matches(in: text) where !excluding(match.range) && !covered.contains(where: { $0.overlaps(match.range) }) {
                covered.append(match.range)
                guard let d = Int(match.group(1) ?? match.group(3) ?? ""), let m = Int(match.group(2) ?? match.group(4) ?? ""),
                      (1...31).contains(d), (1...12).contains(m) else { continue } // not a day and month
                let phrase = match.text.trimmed
                guard var year = documentDate?.year ?? documentYear else {
                    found.append((Deadline(text: phrase, kind: kind, due: nil), match.range.lowerBound))
                    continue
                }
                if let documentDate, let day = CivilDate(year: year, month: m, day: d), day < documentDate { year += 1 }
                guard let date = CivilDate(year: year, month: m, day: d) else {
                    problems.append("ngày \"\(d)/\(m)/\(year)\" không có thật (trong \"\(phrase)\")")
                    continue
                }
                found.append((Deadline(text: phrase, kind: kind, due: kind == .before ? date.adding(days: -1) : date), match.range.lowerBound))
            }
        }
        let floor = CivilDate.earliest
        return found.max { ($0.0.due ?? floor, $0.1) < ($1.0.due ?? floor, $1.1) }?.0
    }

    /// Each "trước Tết Nguyên đán" in the text with its offset. The year is
    /// the one written ("2026", or its name "Bính Ngọ" near the document's
    /// year); without one, the first Tết after the document's date, or the
    /// Tết of the document's year, as "trước ngày 15/7" takes it. A year the
    /// table does not cover, or no year at all, keeps the phrase with no day.
    private func beforeTet(in text: String) -> [(Deadline, Int)] {
        guard text.range(of: "tết", options: .caseInsensitive) != nil else { return [] }
        var found: [(Deadline, Int)] = []
        for match in Self.beforeTet.matches(in: text) {
            let after = text.utf16Slice(match.range.upperBound..<text.utf16.count)
            if Self.aroundTet.isMatch(after) { continue }
            let near = documentDate?.year ?? documentYear
            let tet: CivilDate?
            if let written = match.group(2).flatMap({ Int($0) }) {
                tet = LunarYear.tetDay(of: written)
            } else if let name = match.group(1) {
                tet = near.flatMap { LunarYear.year(named: name, near: $0) }.flatMap(LunarYear.tetDay(of:))
            } else if let documentDate {
                tet = LunarYear.tetDay(after: documentDate)
            } else {
                tet = documentYear.flatMap(LunarYear.tetDay(of:))
            }
            let phrase = match.text.trimmed.trimming(anyOf: " ,.;")
            // "trước Tết Nguyên đán 15 ngày": that day itself.
            if let days = match.group(3).flatMap({ Int($0) }) {
                found.append((Deadline(text: phrase, kind: .on, due: tet?.adding(days: -days)), match.range.lowerBound))
            } else {
                found.append((Deadline(text: phrase, kind: .before, due: tet?.adding(days: -1)), match.range.lowerBound))
            }
        }
        return found
    }

    /// The latest quarter a list names ("Quý I, II" → 2).
    static func latestQuarter(in text: String) -> Int? {
        quarterNumbers.matches(in: text).compactMap { quarterNumber($0.group(1) ?? "") }.max()
    }

    /// "trước ngày 20 tháng cuối quý": a report due each quarter, in its last
    /// month (its first with "tháng đầu quý sau"), the next one still to come.
    func quarterMonthDay(in text: String) -> Deadline? {
        guard let match = Self.quarterMonthDay.firstMatch(in: text), let day = Int(match.group(2) ?? "") else { return nil }
        let which = (match.group(3) ?? "").lowercased()
        let month: Int
        switch which {
        case "cuối": month = 3
        case "đầu": month = 1
        case "giữa": month = 2
        default: month = which.hasSuffix("nhất") ? 1 : which.hasSuffix("hai") ? 2 : 3
        }
        let recurrence = Recurrence(period: .quarter, day: day, month: month, exclusive: match.group(1)?.lowercased() == "trước")
        return Deadline(text: match.text.trimmed.trimming(anyOf: " ,.;()"), kind: .recurring, due: due(of: recurrence), recurrence: recurrence)
    }

    // MARK: Days that recur

    static let periodWord = TextPattern(#"(?:hằng|hàng|mỗi)\s+(ngày|tuần|tháng|quý|quí|năm)(?!\p{L})|\d{1,2}\s*lần\s*/\s*(ngày|tuần|tháng|quý|năm)"#)
    static let dayMonth = #"(\d{1,2})\s*(?:/|\s+tháng\s+)(\d{1,2})(?![\d/])(?!\s*(?:[.\-]|,?\s*năm)\s*\d)"#
    static let daysOfYear = TextPattern(
        #"(?:(trước|chậm nhất|vào|trong)\s+)?ngày\s+"# + dayMonth + #"(?:\s*(?:,|và)\s*(?:ngày\s+)?"# + dayMonth + ")*", needsDigit: true)
    static let oneDayMonth = TextPattern(dayMonth, needsDigit: true)
    static let dayOfMonth = TextPattern(#"(?:(trước|chậm nhất|vào|trong)\s+)?ngày\s+(\d{1,2})(?!\s*(?:/|tháng|\d))"#, needsDigit: true)
    static let hour = TextPattern(#"(?:(trước|chậm nhất|vào|trong)\s+)?\d{1,2}\s*(?:h|giờ)\s*\d{0,2}"#, needsDigit: true)

    /// A recurrence with the day it falls on: "trước ngày 15/11 hằng năm",
    /// "Hằng năm (trước ngày 15/11)", "trước ngày 01/6 và 15/11 hằng năm",
    /// "ngày 15 hằng tháng", "trước 19h00 hằng ngày", "02 lần/ngày".
    func recurringDays(in text: String) -> Deadline? {
        guard let periodMatch = Self.periodWord.firstMatch(in: text),
              let word = periodMatch.group(1) ?? periodMatch.group(2) else { return nil }
        let period = word.lowercased() == "ngày" ? Recurrence.Period.day : Self.period(word)
        switch period {
        case .year, .halfYear:
            guard let match = Self.daysOfYear.firstMatch(in: text) else { return nil }
            let days = Self.oneDayMonth.matches(in: match.text).compactMap { m -> Recurrence.Day? in
                guard let d = Int(m.group(1) ?? ""), let mo = Int(m.group(2) ?? "") else { return nil }
                return Recurrence.Day(day: d, month: mo)
            }
            guard let first = days.first else { return nil }
            let recurrence = Recurrence(period: .year, day: first.day, month: first.month,
                                        exclusive: match.group(1)?.lowercased() == "trước", otherDays: Array(days.dropFirst()))
            return Deadline(text: Self.span(of: [match.range, periodMatch.range], in: text).trimming(anyOf: " ,.;()"),
                            kind: .recurring, due: due(of: recurrence), recurrence: recurrence)
        case .month, .quarter:
            guard let match = Self.dayOfMonth.firstMatch(in: text), let d = Int(match.group(2) ?? "") else { return nil }
            let recurrence = Recurrence(period: period, day: d, exclusive: match.group(1)?.lowercased() == "trước")
            return Deadline(text: Self.span(of: [match.range, periodMatch.range], in: text).trimming(anyOf: " ,.;()"),
                            kind: .recurring, due: due(of: recurrence), recurrence: recurrence)
        case .day:
            let recurrence = Recurrence(period: .day)
            let ranges = [periodMatch.range] + (Self.hour.firstMatch(in: text).map { [$0.range] } ?? [])
            return Deadline(text: Self.span(of: ranges, in: text).trimming(anyOf: " ,.;()"),
                            kind: .recurring, due: due(of: recurrence), recurrence: recurrence)
        case .week:
            return nil
        }
    }

    /// The text from the first to the last of some ranges, when they lie
    /// close together; else the first alone.
    static func span(of ranges: [Range<Int>], in text: String) -> String {
        guard let first = ranges.min(by: { $0.lowerBound < $1.lowerBound }) else { return "" }
        let start = first.lowerBound, end = ranges.map(\.upperBound).max()!
        if end - start <= 80 { return text.utf16Slice(start..<end) }
        return text.utf16Slice(first)
    }

    // MARK: Not deadlines

    /// A parenthesis that reports what was done ("(đã hoàn thành ngày
    /// 10/10/2025)"), a cited document's date ("Kế hoạch số 12/KH-UBND ngày
    /// 5/3/2025"), a plan's horizon ("giai đoạn 2026 - 2030", "đến năm 2030"):
    /// removed before any deadline is looked for.
    static let pastParenthesis = TextPattern(#"\([^()]*(?:\bđã\b|vừa qua|trước đây|năm trước)[^()]*\)"#)
    static let citedDate = TextPattern(
        #"(?:số\s+)?\d{1,5}(?:/\d{4})?[/\-][A-ZĐa-zđ][\wĐđ\-/]*\s*,?\s*ngày\s+(?:\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s*,?\s*năm\s+\d{4})"#,
        needsDigit: true, isCitation: true)
    // "phấn đấu đạt … ngay trong năm 2025" is a target, not a deadline.
    static let horizon = TextPattern(#"giai đoạn\s+\d{4}\s*[-–—]\s*\d{4}|(?:đến|tới)\s+năm\s+\d{4}|tầm nhìn\s+(?:đến\s+)?(?:năm\s+)?\d{4}|phấn đấu[^.;:]{0,160}?(?:ngay\s+)?trong\s+năm\s+\d{4}"#, needsDigit: true)

    /// "Đối với các nhiệm vụ triển khai trong năm 2025, các sở …": the
    /// opening clause says which items the duty covers, not when it is due.
    static let scopeClause = TextPattern(
        #"^\s*(?:[-+•]\s*)?(?:(?:[a-zđ]|\d{1,2}(?:\.\d{1,2})*)[.)]\s*)?đối với\s[^,;:.]{1,160},"#)

    static func withoutNonDeadlines(_ text: String, labelled: Bool) -> String {
        var result = text
        var patterns = [pastParenthesis, citedDate, scopeClause]
        if !labelled { patterns.append(horizon) }
        for pattern in patterns {
            for match in pattern.matches(in: result).reversed() {
                var range = match.range
                // A cited document keeps its number (a schedule by reference), loses its date.
                if pattern.isCitation, let day = match.text.range(of: "ngày", options: .backwards) {
                    range = (range.lowerBound + match.text[..<day.lowerBound].utf16.count)..<range.upperBound
                }
                result = result.replacingUTF16(range, with: " ")
            }
        }
        return result
    }

    private func recurringDeadline(in text: String, dayMatches: [TextPattern.Match]) -> Deadline? {
        if let match = dayMatches.first {
            let period = Self.period(match.group(5) ?? "")
            let exclusive = match.group(1)?.lowercased() == "trước"
            let recurrence = Recurrence(period: text.lowercased().contains("định kỳ 6 tháng") ? .halfYear : period,
                                        day: Int(match.group(2) ?? ""), month: match.group(3).flatMap { Int($0) },
                                        exclusive: exclusive)
            return Deadline(text: match.text.trimmed, kind: .recurring,
                            due: due(of: recurrence), recurrence: recurrence)
        }
        if let match = Self.recurringPeriodic.firstMatch(in: text) {
            let word = (match.group(1) ?? "").lowercased()
            let period: Recurrence.Period = word.hasPrefix("6") ? .halfYear : Self.period(String(word.split(separator: " ").last ?? ""))
            let recurrence = Recurrence(period: period, day: match.group(3).flatMap { Int($0) },
                                        month: match.group(4).flatMap { Int($0) },
                                        exclusive: match.group(2)?.lowercased() == "trước")
            return Deadline(text: match.text.trimmed, kind: .recurring,
                            due: due(of: recurrence), recurrence: recurrence)
        }
        // "Tiếp tục rà soát, cập nhật định kỳ": a standing duty, its rhythm unsaid.
        if let match = Self.periodicBare.firstMatch(in: text), !Self.recurringPlain.isMatch(text), !Self.standing.isMatch(text) {
            return Deadline(text: match.text.trimming(anyOf: " ,.;()"), kind: .recurring, due: nil)
        }
        // "dự toán ngân sách hằng năm", "kế hoạch thực hiện hàng năm": the
        // name of a yearly plan or budget, not how often the duty is done.
        if let match = Self.recurringPlain.matches(in: text).first(where: { !Self.qualifiesNoun(text, before: $0.range.lowerBound) }) {
            let recurrence = Recurrence(period: Self.period(match.group(2) ?? ""))
            return Deadline(text: match.text.trimmed, kind: .recurring, due: nil, recurrence: recurrence)
        }
        return nil
    }

    // MARK: Helpers

    struct WrittenDay {
        let written: String
        let date: CivilDate?
    }

    /// The day in a match whose date groups start at `offset` (numeric form:
    /// offset…offset+3, written-out form: offset+4…offset+6).
    static func day(from match: TextPattern.Match, offset: Int) -> WrittenDay? {
        func date(_ d: String, _ m: String, _ y: String) -> CivilDate? {
            guard let day = Int(d), let month = Int(m), let year = Int(y) else { return nil }
            return CivilDate(year: year, month: month, day: day)
        }
        if let d = match.group(offset), let m = match.group(offset + 2), let y = match.group(offset + 3) {
            let sep = match.group(offset + 1) ?? "/"
            return WrittenDay(written: "\(d)\(sep)\(m)\(sep)\(y)", date: date(d, m, y))
        }
        if let d = match.group(offset + 4), let m = match.group(offset + 5), let y = match.group(offset + 6) {
            return WrittenDay(written: "\(d) tháng \(m) năm \(y)", date: date(d, m, y))
        }
        return nil
    }

    static func quarterNumber(_ text: String) -> Int? {
        switch text.uppercased() {
        case "I", "1": 1
        case "II", "2": 2
        case "III", "3": 3
        case "IV", "4": 4
        default: nil
        }
    }

    static func period(_ word: String) -> Recurrence.Period {
        switch word.lowercased() {
        case "tuần": .week
        case "quý", "quí": .quarter
        case "năm": .year
        default: .month
        }
    }

    /// A month phrase without the leading verb ("hoàn thành trong tháng 8/2026" → "trong tháng 8/2026").
    static func periodPhrase(_ text: String) -> String {
        let trimmed = text.trimmed
        for start in ["trong tháng", "hết tháng", "cuối tháng", "tháng"] {
            if let range = trimmed.range(of: start, options: [.caseInsensitive]) {
                return String(trimmed[range.lowerBound...])
            }
        }
        return trimmed
    }

    /// A reference number ends before trailing punctuation.
    static func trimReference(_ text: String) -> String {
        var result = text
        while let last = result.last, ".,;:/-".contains(last) { result.removeLast() }
        return result
    }
}
