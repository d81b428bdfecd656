import Foundation
import Testing
@testable import TiendoCore

/// Reads the 12 real directives of `../shared/directives-real/` (public
/// documents kept outside the repository) and compares tiendo's reading with
/// the expectations written by hand in `Fixtures/real-expected/<stem>.md`.
///
/// The figures may only go up: `Fixtures/real-expected/SCOREBOARD.tsv` holds,
/// per document, the least number of exact matches and review items and the
/// most extras the reader may give. `TIENDO_REAL_REPORT=1 swift test --filter
/// RealDirectiveTests` prints the full comparison and the scoreboard line the
/// current reader earns (`TIENDO_REAL_REPORT=DIR` writes one file per
/// document); copy those lines into SCOREBOARD.tsv to raise the bar.
@Suite struct RealDirectiveTests {
    @Test func everyExpectationIsWellFormed() throws {
        let stems = RealExpectation.stems()
        #expect(stems.count == 12, "expected one file per real document (12) in \(RealPaths.expectations.path), found \(stems.count)")
        let board = try Scoreboard.load()
        for stem in stems {
            let expectation = try RealExpectation.load(stem: stem)
            #expect(!expectation.tasks.isEmpty, "\(stem): no task rows")
            #expect(board.limits[stem] != nil, "\(stem): no line in SCOREBOARD.tsv")
            // Two rows may share opening words when the document repeats a duty
            // word for word (a plan's "Tổ chức thực hiện" and its appendix):
            // they are matched in document order.
            for row in expectation.tasks {
                #expect(!row.words.isEmpty, "\(stem) \(row.id): empty opening words")
                #expect(!row.leads.isEmpty, "\(stem) \(row.id): a task needs a lead (else it belongs to Để rà soát)")
                if row.kind == nil { #expect(row.due == nil, "\(stem) \(row.id): a due day without a kind") }
                if row.kind == .on || row.kind == .before || row.kind == .within {
                    #expect(row.due != nil, "\(stem) \(row.id): \(row.kind!.rawValue) needs a due day")
                }
                if row.kind == .standing || row.kind == .reference {
                    #expect(row.due == nil, "\(stem) \(row.id): \(row.kind!.rawValue) has no due day")
                }
            }
        }
    }

    /// A typo in an expectation's opening words would make its row look
    /// "missing" whatever the reader does: every row must quote the document.
    @Test(.enabled(if: RealPaths.documentsAvailable,
                   "../shared/directives-real is absent beside the package: the real documents are not read"),
          arguments: RealExpectation.stems())
    func openingWordsQuoteTheDocument(_ stem: String) throws {
        let expectation = try RealExpectation.load(stem: stem)
        let text = try String(contentsOf: RealPaths.documents.appendingPathComponent(stem + ".md"), encoding: .utf8)
        let document = RealText.words(text.replacingOccurrences(of: "*", with: "").replacingOccurrences(of: "_", with: " "))
        for row in expectation.tasks {
            #expect(RealText.firstByte(of: row.words, in: document) != nil, "\(stem) \(row.id): \"\(row.opening)\" is not in the document")
        }
        for item in expectation.review {
            #expect(RealText.firstByte(of: item.words, in: document) != nil, "\(stem) review: \"\(item.opening)\" is not in the document")
        }
    }

    @Test(.enabled(if: RealPaths.documentsAvailable,
                   "../shared/directives-real is absent beside the package: the real documents are not read"),
          arguments: RealExpectation.stems())
    func readsAsTheClerkDoes(_ stem: String) throws {
        let expectation = try RealExpectation.load(stem: stem)
        let url = RealPaths.documents.appendingPathComponent(stem + ".md")
        let text = try String(contentsOf: url, encoding: .utf8)
        let output = DirectiveReader(register: Fixture.register).read(text, file: url.lastPathComponent,
                                                                     defaultID: "real", renderHTML: false)
        let comparison = RealComparison(expectation: expectation, tasks: output.directive.tasks,
                                        reviewItems: RealReview.items(of: output))
        RealReport.emit(comparison.report(stem: stem), stem: stem)
        let board = try Scoreboard.load()
        guard let limit = board.limits[stem] else {
            Issue.record("\(stem): no line in SCOREBOARD.tsv; add:\n\(comparison.scoreboardLine(stem: stem))")
            return
        }
        let figures = comparison.figures
        #expect(figures.exact >= limit.minExact && figures.extra <= limit.maxExtra && figures.review >= limit.minReview,
                Comment(rawValue: "\(stem): fell below the scoreboard (exact ≥ \(limit.minExact), extras ≤ \(limit.maxExtra), review ≥ \(limit.minReview))\n"
                        + comparison.report(stem: stem)))
    }
}

// MARK: - Where things are

enum RealPaths {
    /// The package root: this file is `<root>/Tests/TiendoCoreTests/RealDirectiveTests.swift`.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// CI puts `shared/` beside the clone, as it sits beside /work/main.
    static let documents: URL = {
        if let dir = ProcessInfo.processInfo.environment["TIENDO_REAL_DIR"], !dir.isEmpty {
            return URL(fileURLWithPath: dir)
        }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/directives-real")
    }()

    static let expectations = packageRoot.appendingPathComponent("Tests/TiendoCoreTests/Fixtures/real-expected")

    static var documentsAvailable: Bool {
        FileManager.default.fileExists(atPath: documents.appendingPathComponent("README.md").path)
    }
}

/// `TIENDO_REAL_REPORT=1`: each document's comparison on standard error
/// (`swift test` may hide a passing test's output; the test binary itself
/// shows it). `TIENDO_REAL_REPORT=DIR`: one `<stem>.txt` per document in DIR.
enum RealReport {
    static func emit(_ report: String, stem: String) {
        guard let setting = ProcessInfo.processInfo.environment["TIENDO_REAL_REPORT"], !setting.isEmpty else { return }
        if setting == "1" {
            FileHandle.standardError.write(Data(report.utf8))
            return
        }
        let dir = URL(fileURLWithPath: setting)
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try? Data(report.utf8).write(to: dir.appendingPathComponent(stem + ".txt"))
    }
}

/// The reader's list of items left for review ("nội dung chưa giao cho đơn vị
/// nào"), as plain text. The reader has no such list yet: when it gains one,
/// return its items' text here and raise the review column of the scoreboard.
enum RealReview {
    static func items(of output: DirectiveReader.Output) -> [String] { [] }
}

// MARK: - The expectation files

struct ExpectedTask {
    var id: String
    var opening: String
    /// Normalised opening words, the key tasks are matched by.
    var words: String
    var leads: Set<String>
    var partners: Set<String>
    var phrase: String
    var kind: Deadline.Kind?
    var due: CivilDate?
    var reason: String
}

struct ExpectedReview {
    var opening: String
    var words: String
}

struct RealExpectation {
    var asOf: CivilDate
    var tasks: [ExpectedTask]
    var review: [ExpectedReview]

    static let taskColumns = ["id", "opening words", "lead", "partners", "deadline phrase", "kind", "due", "reason"]

    static func stems() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: RealPaths.expectations.path)) ?? []
        return names.filter { $0.hasSuffix(".md") && $0 != "README.md" }.map { String($0.dropLast(3)) }.sorted()
    }

    struct FormatError: Error, CustomStringConvertible {
        var description: String
    }

    static func load(stem: String) throws -> RealExpectation {
        let url = RealPaths.expectations.appendingPathComponent(stem + ".md")
        let text = try String(contentsOf: url, encoding: .utf8)
        return try parse(text, name: stem)
    }

    /// The file: a line with "as-of: YYYY-MM-DD", a "## Nhiệm vụ" heading followed
    /// by the task table, and a "## Để rà soát" heading followed by a table whose
    /// first column is the item's opening words.
    static func parse(_ text: String, name: String) throws -> RealExpectation {
        let lines = text.components(separatedBy: "\n")
        guard let asOfLine = lines.first(where: { $0.contains("as-of:") }),
              let iso = asOfLine.range(of: #"\d{4}-\d{2}-\d{2}"#, options: .regularExpression),
              let asOf = CivilDate(iso: String(asOfLine[iso])) else {
            throw FormatError(description: "\(name): no \"as-of: YYYY-MM-DD\" line")
        }
        func table(after heading: String) -> [(line: Int, cells: [String])] {
            guard let start = lines.firstIndex(where: { $0.hasPrefix("## ") && $0.contains(heading) }) else { return [] }
            var rows: [(Int, [String])] = []
            var index = start + 1
            while index < lines.count, !lines[index].hasPrefix("|") {
                if lines[index].hasPrefix("## ") { return [] }
                index += 1
            }
            while index < lines.count, lines[index].hasPrefix("|") {
                var line = lines[index].trimmingCharacters(in: .whitespaces)
                line.removeFirst()
                if line.hasSuffix("|") { line.removeLast() }
                rows.append((index + 1, line.components(separatedBy: "|").map { $0.trimmingCharacters(in: .whitespaces) }))
                index += 1
            }
            return rows
        }
        let taskRows = table(after: "Nhiệm vụ")
        guard let header = taskRows.first?.cells, header == taskColumns else {
            throw FormatError(description: "\(name): the table under \"## Nhiệm vụ\" must have the columns \(taskColumns.joined(separator: " | "))")
        }
        var tasks: [ExpectedTask] = []
        for (line, cells) in taskRows.dropFirst(2) {
            guard cells.count == taskColumns.count else {
                throw FormatError(description: "\(name), line \(line): \(cells.count) cells, not \(taskColumns.count)")
            }
            var kind: Deadline.Kind?
            if !cells[5].isEmpty {
                guard let known = Deadline.Kind(rawValue: cells[5]) else {
                    throw FormatError(description: "\(name), line \(line): unknown kind \"\(cells[5])\"")
                }
                kind = known
            }
            var due: CivilDate?
            if !cells[6].isEmpty {
                guard let day = CivilDate(iso: cells[6]) else {
                    throw FormatError(description: "\(name), line \(line): due \"\(cells[6])\" is not YYYY-MM-DD")
                }
                due = day
            }
            tasks.append(ExpectedTask(id: cells[0], opening: cells[1], words: RealText.words(cells[1]),
                                      leads: RealText.agencies(cells[2]), partners: RealText.agencies(cells[3]),
                                      phrase: cells[4], kind: kind, due: due, reason: cells[7]))
        }
        let review = table(after: "Để rà soát").dropFirst(2).compactMap { _, cells -> ExpectedReview? in
            guard let first = cells.first, !first.isEmpty else { return nil }
            return ExpectedReview(opening: first, words: RealText.words(first))
        }
        return RealExpectation(asOf: asOf, tasks: tasks, review: Array(review))
    }
}

// MARK: - Normalising text the way the comparison needs

/// Kept apart from the reader's own name keys on purpose: the yardstick must
/// not move when the reader changes.
enum RealText {
    /// Old and new tone placement on "oa, oe, uy" are the same word.
    static let tonePlacement: [(String, String)] = [
        ("oà", "òa"), ("oá", "óa"), ("oả", "ỏa"), ("oã", "õa"), ("oạ", "ọa"),
        ("oè", "òe"), ("oé", "óe"), ("oẻ", "ỏe"), ("oẽ", "õe"), ("oẹ", "ọe"),
        ("uỳ", "ùy"), ("uý", "úy"), ("uỷ", "ủy"), ("uỹ", "ũy"), ("uỵ", "ụy"),
    ]

    /// Short forms an office writes in tables, spelt out before comparing.
    static let shortForms: [(String, String)] = [
        ("kh&cn", "khoa học và công nghệ"), ("khcn", "khoa học và công nghệ"),
        ("nn&mt", "nông nghiệp và môi trường"), ("nnmt", "nông nghiệp và môi trường"),
        ("tn&mt", "tài nguyên và môi trường"), ("gd&đt", "giáo dục và đào tạo"), ("gdđt", "giáo dục và đào tạo"),
        ("vh,tt&dl", "văn hóa thể thao và du lịch"), ("vhtt&dl", "văn hóa thể thao và du lịch"),
        ("lđ-tb&xh", "lao động thương binh và xã hội"), ("tt&tt", "thông tin và truyền thông"),
        ("mttq", "mặt trận tổ quốc"), ("ubnd", "ủy ban nhân dân"), ("hđnd", "hội đồng nhân dân"),
        ("bql", "ban quản lý"), ("tp", "thành phố"), ("bchqs", "bộ chỉ huy quân sự"),
    ]

    /// The placement differs only where "oa, oe, uy" end the syllable
    /// ("hoà"/"hòa"); "hoạch" is written one way.
    static func newTonePlacement(_ word: Substring) -> String {
        for (old, new) in tonePlacement where word.hasSuffix(old) {
            return word.dropLast(old.count) + new
        }
        return String(word)
    }

    /// NFC, case-folded, emphasis and punctuation gone, spaces collapsed.
    static func words(_ text: String) -> String {
        let lowered = text.precomposedStringWithCanonicalMapping.lowercased()
        let pieces = lowered.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "&") })
        return pieces.map { newTonePlacement($0).replacingOccurrences(of: "&", with: " ") }
            .joined(separator: " ").split(separator: " ").joined(separator: " ")
    }

    /// One agency's key: short forms spelt out, "các" and a trailing
    /// "(chủ trì)"-like remark dropped.
    static func agency(_ name: String) -> String {
        let lowered = name.precomposedStringWithCanonicalMapping.lowercased()
        var tokens: [String] = []
        for raw in lowered.split(whereSeparator: { $0 == " " || $0 == "\u{a0}" }) {
            var token = String(raw).trimmingCharacters(in: CharacterSet(charactersIn: "*_.,;:()\""))
            for (short, long) in shortForms where token == short { token = long }
            tokens.append(token)
        }
        let key = words(tokens.joined(separator: " ")).split(separator: " ").map(String.init)
        return key.filter { $0 != "các" }.joined(separator: " ")
    }

    /// Where `needle` starts in `haystack`, in UTF-8 bytes; both are already
    /// normalised (NFC), so byte equality is text equality. Foundation's
    /// Unicode-aware search is far slower and nothing here needs it.
    static func firstByte(of needle: String, in haystack: String) -> Int? {
        let n = Array(needle.utf8), h = Array(haystack.utf8)
        guard !n.isEmpty, n.count <= h.count else { return nil }
        let first = n[0]
        var i = 0
        while i <= h.count - n.count {
            if h[i] == first {
                var j = 1
                while j < n.count && h[i + j] == n[j] { j += 1 }
                if j == n.count { return i }
            }
            i += 1
        }
        return nil
    }

    /// Vague names ("các đơn vị liên quan") name nobody a tracker can follow:
    /// both sides drop them before comparing (see README of real-expected).
    static func isVague(_ key: String) -> Bool {
        key.hasSuffix("liên quan") || key.hasSuffix("có liên quan")
    }

    static func agencies(_ cell: String) -> Set<String> {
        Set(cell.components(separatedBy: ";").map(agency).filter { !$0.isEmpty && !isVague($0) })
    }
}

// MARK: - The comparison

struct RealComparison {
    struct Figures {
        var found = 0, exact = 0, expected = 0, missing = 0, extra = 0, review = 0, reviewExpected = 0, reviewAsTask = 0
    }

    struct Pair {
        var row: ExpectedTask
        var task: Task
        var differences: [String]
    }

    var expectation: RealExpectation
    var pairs: [Pair] = []
    var missing: [ExpectedTask] = []
    var extras: [Task] = []
    var reviewAsTask: [(ExpectedReview, Task)] = []
    var reviewMatched: [ExpectedReview] = []
    var reviewMissing: [ExpectedReview] = []
    var figures = Figures()

    /// How far into a task's text its opening words may start: room for a
    /// label ("a)", "Nội dung:", a table's row number) the reader kept.
    static let slack = 90

    static func offset(of words: String, in text: String) -> Int? {
        guard let start = RealText.firstByte(of: words, in: text) else { return nil }
        let offset = String(decoding: text.utf8.prefix(start), as: UTF8.self).count
        return offset <= slack ? offset : nil
    }

    init(expectation: RealExpectation, tasks: [Task], reviewItems: [String]) {
        self.expectation = expectation
        var used = Set<Int>()
        var usedReview = Set<Int>()
        for task in tasks {
            let text = RealText.words(TaskTextPlain.of(task))
            // The row whose opening words start earliest in this task. Rows that
            // tie (a duty the document repeats word for word) go to the one the
            // task agrees with most, then to the first in file order, so a task
            // the reader missed does not push its twin onto the wrong row.
            let candidates = expectation.tasks.indices.filter { !used.contains($0) }
                .compactMap { index in Self.offset(of: expectation.tasks[index].words, in: text).map { (index, $0) } }
            if let earliest = candidates.map(\.1).min() {
                let tied = candidates.filter { $0.1 == earliest }.map { index, _ in
                    (index, Self.differences(expectation.tasks[index], task, asOf: expectation.asOf))
                }
                let best = tied.min { $0.1.count < $1.1.count || ($0.1.count == $1.1.count && $0.0 < $1.0) }!
                used.insert(best.0)
                pairs.append(Pair(row: expectation.tasks[best.0], task: task, differences: best.1))
                continue
            }
            if let review = expectation.review.firstIndex(where: { Self.offset(of: $0.words, in: text) != nil }) {
                reviewAsTask.append((expectation.review[review], task))
            }
            extras.append(task)
        }
        missing = expectation.tasks.indices.filter { !used.contains($0) }.map { expectation.tasks[$0] }
        for item in reviewItems {
            let text = RealText.words(item)
            if let index = expectation.review.indices.first(where: { !usedReview.contains($0) && Self.offset(of: expectation.review[$0].words, in: text) != nil }) {
                usedReview.insert(index)
            }
        }
        reviewMatched = expectation.review.indices.filter { usedReview.contains($0) }.map { expectation.review[$0] }
        reviewMissing = expectation.review.indices.filter { !usedReview.contains($0) }.map { expectation.review[$0] }
        figures = Figures(found: tasks.count, exact: pairs.filter { $0.differences.isEmpty }.count,
                          expected: expectation.tasks.count, missing: missing.count, extra: extras.count,
                          review: reviewMatched.count, reviewExpected: expectation.review.count,
                          reviewAsTask: reviewAsTask.count)
    }

    /// The due day the site would show on the date of the figures: for a
    /// recurring deadline, its next occurrence after that date.
    static func due(of deadline: Deadline, asOf: CivilDate) -> CivilDate? {
        if deadline.kind == .recurring, let recurrence = deadline.recurrence {
            return recurrence.firstOccurrence(after: asOf)
        }
        return deadline.due
    }

    static func differences(_ row: ExpectedTask, _ task: Task, asOf: CivilDate) -> [String] {
        var out: [String] = []
        let leads = RealText.agencies(task.assignees.filter { $0.role == .lead }.map(\.name).joined(separator: ";"))
        let partners = RealText.agencies(task.assignees.filter { $0.role == .partner }.map(\.name).joined(separator: ";"))
        if leads != row.leads { out.append("chủ trì: đọc được \(show(leads)), cần \(show(row.leads))") }
        if partners != row.partners { out.append("phối hợp: đọc được \(show(partners)), cần \(show(row.partners))") }
        let kind = task.deadline?.kind
        let due = task.deadline.flatMap { Self.due(of: $0, asOf: asOf) }
        if kind != row.kind || due != row.due {
            out.append("thời hạn: đọc được \(kind?.rawValue ?? "-") \(due?.iso ?? "-") (\"\(task.deadline?.text ?? "")\"), cần \(row.kind?.rawValue ?? "-") \(row.due?.iso ?? "-") (\"\(row.phrase)\")")
        }
        return out
    }

    static func show(_ names: Set<String>) -> String {
        names.isEmpty ? "(không)" : "[" + names.sorted().joined(separator: "; ") + "]"
    }

    func scoreboardLine(stem: String) -> String {
        "\(stem)\t\(figures.exact)\t\(figures.extra)\t\(figures.review)"
    }

    func report(stem: String) -> String {
        let f = figures
        var out = "== \(stem) (as-of \(expectation.asOf.iso)): tìm thấy \(f.found), đúng \(f.exact)/\(f.expected), thiếu \(f.missing), thừa \(f.extra) (trong đó \(f.reviewAsTask) là mục cần rà soát), rà soát \(f.review)/\(f.reviewExpected)\n"
        for pair in pairs where !pair.differences.isEmpty {
            out += "  ≠ [\(pair.task.id)] ~ \(pair.row.id) \"\(pair.row.opening)\"\n"
            for difference in pair.differences { out += "      \(difference)\n" }
        }
        for row in missing { out += "  − thiếu \(row.id) \"\(row.opening)\"\n" }
        for task in extras {
            let lead = task.assignees.filter { $0.role == .lead }.map(\.name).joined(separator: "; ")
            out += "  + thừa [\(task.id)] \"\(String(VietnameseTextPrefix.of(TaskTextPlain.of(task), 70)))\" chủ trì: \(lead.isEmpty ? "(không)" : lead)\n"
        }
        for item in reviewMissing { out += "  ? chưa đưa vào rà soát: \"\(item.opening)\"\n" }
        out += "  scoreboard: \(scoreboardLine(stem: stem))\n"
        return out
    }
}

enum TaskTextPlain {
    /// The task's text without Markdown emphasis, for matching opening words.
    static func of(_ task: Task) -> String {
        task.text.replacingOccurrences(of: "*", with: "").replacingOccurrences(of: "_", with: " ")
            .split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}

enum VietnameseTextPrefix {
    static func of(_ text: String, _ count: Int) -> String {
        let collapsed = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return collapsed.count > count ? String(collapsed.prefix(count - 1)) + "…" : collapsed
    }
}

// MARK: - The scoreboard

struct Scoreboard {
    struct Limit {
        var minExact: Int
        var maxExtra: Int
        var minReview: Int
    }

    var limits: [String: Limit]

    /// Tab-separated: document, least exact matches, most extras, least review
    /// items matched. Lines starting with "#" are comments.
    static func load() throws -> Scoreboard {
        let url = RealPaths.expectations.appendingPathComponent("SCOREBOARD.tsv")
        let text = try String(contentsOf: url, encoding: .utf8)
        var limits: [String: Limit] = [:]
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let cells = trimmed.split(separator: "\t").map(String.init)
            guard cells.count == 4, let exact = Int(cells[1]), let extra = Int(cells[2]), let review = Int(cells[3]) else {
                throw RealExpectation.FormatError(description: "SCOREBOARD.tsv, line \(number + 1): want document<TAB>exact<TAB>extras<TAB>review")
            }
            limits[cells[0]] = Limit(minExact: exact, maxExtra: extra, minReview: review)
        }
        return Scoreboard(limits: limits)
    }
}
