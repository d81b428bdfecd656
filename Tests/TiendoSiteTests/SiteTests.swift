import Foundation
import Testing
import TiendoCore
@testable import TiendoSite

/// Properties of the generated sample site (content/), checked on every file.
@Suite struct SampleSiteTests {
    static let site = Support.build(Support.sampleContent)
    static let loaded = Support.loaded(Support.sampleContent)

    @Test func everyUnitHasExactlyOnePageAndOneEntryInTheBrowseIndex() throws {
        let register = Self.loaded.register
        #expect(register.units.count == 128)
        let paths = SitePaths(register: register)
        let unitPages = Set(register.units.map { paths.unit($0.code) })
        #expect(unitPages.count == register.units.count, "slugs collide")
        for page in unitPages { #expect(Self.site[page] != nil, "missing \(page)") }
        let builtUnitPages = Self.site.keys.filter { $0.hasPrefix("don-vi/") && $0.hasSuffix(".html") && $0 != SitePaths.units }
        #expect(Set(builtUnitPages) == unitPages)
        let browse = try #require(Self.site[SitePaths.units])
        for unit in register.units {
            let href = SitePaths.link(from: SitePaths.units, to: paths.unit(unit.code))
            let occurrences = browse.components(separatedBy: "href=\"\(href)\"").count - 1
            #expect(occurrences == 1, "\(unit.name) appears \(occurrences) times in the browse index")
        }
    }

    @Test func camGiangAndCamGiangGetDifferentPages() {
        let paths = SitePaths(register: Self.loaded.register)
        #expect(paths.unit("10888") != paths.unit("10903"))
        #expect(paths.unit("10888").allSatisfy { $0.isASCII })
    }

    @Test func browseIndexIsInVietnameseAlphabeticalOrder() throws {
        let browse = try #require(Self.site[SitePaths.units])
        let names = browse.components(separatedBy: "data-loc=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        let wards = names.filter { $0.hasPrefix("Phường ") }
        #expect(wards.first == "Phường Ái Quốc")
        #expect(wards == wards.sorted(by: VietnameseText.alphabeticallyPrecedes))
    }

    /// Every href and src in every page resolves to a file of the site, and
    /// nothing is fetched from outside it.
    @Test func everyRelativeLinkResolvesAndNothingIsLoadedFromOutside() {
        for (page, html) in Self.site where page.hasSuffix(".html") {
            for reference in LinkScanner.references(in: html) {
                let target = reference.value
                #expect(!target.hasPrefix("/"), "\(page): root-absolute link \(target)")
                if target.hasPrefix("http://") || target.hasPrefix("https://") || target.hasPrefix("//") {
                    #expect(reference.attribute == "href", "\(page): loads \(target) from outside the site")
                    continue
                }
                if target.hasPrefix("#") || target.hasPrefix("mailto:") { continue }
                let path = String(target.prefix { $0 != "#" })
                let resolved = LinkScanner.resolve(path, from: page)
                #expect(Self.site[resolved] != nil, "\(page): link to \(target) resolves to missing \(resolved)")
                #expect(!path.hasSuffix("/"), "\(page): link to a folder \(target) breaks under file://")
            }
            #expect(html.contains("<html lang=\"vi\">"), "\(page) lacks lang=vi")
            #expect(html.contains("Content-Security-Policy"), "\(page) lacks a CSP")
            #expect(html == html.precomposedStringWithCanonicalMapping, "\(page) is not NFC")
        }
    }

    @Test func anchorsInLinksExist() {
        for (page, html) in Self.site where page.hasSuffix(".html") {
            for reference in LinkScanner.references(in: html) where reference.attribute == "href" && reference.value.contains("#") {
                let parts = reference.value.split(separator: "#", maxSplits: 1).map(String.init)
                let targetPage = reference.value.hasPrefix("#") ? page : LinkScanner.resolve(parts[0], from: page)
                let anchor = reference.value.hasPrefix("#") ? String(reference.value.dropFirst()) : parts[1]
                let html = Self.site[targetPage] ?? ""
                #expect(html.contains("id=\"\(anchor)\""), "\(page): anchor #\(anchor) missing in \(targetPage)")
            }
        }
    }

    @Test func feedsCarryTheSampleDeadlines() throws {
        let feed = try #require(Self.site[SitePaths.calendarFeed])
        let events = try ICSParser.events(feed)
        let dates = Set(events.compactMap { $0["DTSTART;VALUE=DATE"] })
        #expect(dates.contains("20260624"), "24/6/2026 (chậm nhất trong ngày 24/6/2026)")
        #expect(dates.contains("20260626"), "26/6/2026 (trước ngày 27/6/2026)")
        #expect(dates.contains("20260925"), "25/9/2026 (trước ngày 26/9/2026)")
        #expect(!dates.contains("20260627"))
        let uids = events.compactMap { $0["UID"] }
        #expect(Set(uids).count == uids.count)
        let snv = try #require(Self.site["don-vi/so-noi-vu.ics"])
        let snvDates = try ICSParser.events(snv).compactMap { $0["DTSTART;VALUE=DATE"] }
        #expect(snvDates.contains("20260626"))
        #expect(snvDates.contains("20260925"))
    }

    @Test func everyFeedIsWellFormed() throws {
        for (path, text) in Self.site where path.hasSuffix(".ics") {
            _ = try ICSParser.events(text)
            for line in text.components(separatedBy: "\r\n").dropLast() {
                #expect(line.utf8.count <= 75, "\(path): line longer than 75 octets")
                #expect(!line.contains("\n"), "\(path): bare LF")
            }
        }
    }

    @Test func exportsAreForSpreadsheetsAndProgramsAlike() throws {
        let csv = try #require(Self.site[SitePaths.taskCSV])
        #expect(csv.hasPrefix("\u{FEFF}"))
        #expect(csv.contains("\r\n"))
        let json = try #require(Self.site[SitePaths.progressJSON])
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect(object?["as_of"] as? String == "2026-06-26")
        let tasks = object?["tasks"] as? [[String: Any]]
        #expect(tasks?.count == 16)
    }

    @Test func buildingTwiceGivesTheSameBytes() {
        let again = Support.build(Support.sampleContent)
        #expect(again.keys.sorted() == Self.site.keys.sorted())
        for (path, text) in Self.site { #expect(again[path] == text, "\(path) differs between two builds") }
    }

    @Test func noAbsolutePathOrClockInTheOutput() {
        let repository = Support.repository
        for (path, text) in Self.site {
            #expect(!text.contains(repository), "\(path) contains the absolute path \(repository)")
        }
    }
}

/// Hostile content renders inert: scripts, event handlers, javascript: links.
@Suite struct HostileContentTests {
    static let site = Support.build(Support.miniContent)

    @Test func notesAndNamesCannotInjectMarkup() throws {
        let task = try #require(Self.site["nhiem-vu/cv-12/1-1.html"])
        #expect(!task.contains("<script>alert"))
        #expect(!task.contains("onerror="), "an event attribute survived")
        #expect(!task.contains("javascript:"))
        let unitsPage = try #require(Self.site[SitePaths.units])
        #expect(!unitsPage.contains("<svg onload"))
        #expect(unitsPage.contains("&quot;&gt;&lt;svg onload=alert(1)&gt;"))
        for (path, html) in Self.site where path.hasSuffix(".html") {
            #expect(!html.contains("<script>"), "\(path) has an inline script")
            for tag in LinkScanner.tags(in: html) {
                // Attribute values are quoted with '"' escaped inside, so removing them leaves names only.
                let lowered = tag.lowercased().split(separator: "\"", omittingEmptySubsequences: false)
                    .enumerated().filter { $0.offset % 2 == 0 }.map(\.element).joined(separator: "\"\"")
                #expect(!lowered.contains(" onload=") && !lowered.contains(" onerror="), "\(path): event attribute in <\(tag)>")
                #expect(!lowered.hasPrefix("svg onload"), "\(path): injected element <\(tag)>")
            }
        }
    }

    @Test func directiveTextIsRenderedInSafeMode() throws {
        let directive = try #require(Self.site["van-ban/cv-12.html"])
        #expect(!directive.contains("<script>alert(1)</script>"))
        #expect(directive.contains("id=\"nv-1-1\""))
        #expect(directive.contains("Nhiệm vụ 1.1"))
    }

    @Test func csvExportNeutralisesFormulas() {
        #expect(CSVWriter.cell("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(CSVWriter.cell("+1") == "'+1")
        #expect(CSVWriter.cell("-1") == "'-1")
        #expect(CSVWriter.cell("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVWriter.cell("Xã Cẩm Giàng") == "Xã Cẩm Giàng")
        #expect(CSVWriter.cell("a, b") == "\"a, b\"")
    }
}

/// Scans href and src attributes; enough for pages this project writes.
enum LinkScanner {
    struct Reference {
        let attribute: String
        let value: String
    }

    static func references(in html: String) -> [Reference] {
        var result: [Reference] = []
        for attribute in ["href", "src"] {
            for part in html.components(separatedBy: " \(attribute)=\"").dropFirst() {
                let value = String(part.prefix { $0 != "\"" })
                result.append(Reference(attribute: attribute, value: value.replacingOccurrences(of: "&amp;", with: "&")))
            }
        }
        return result
    }

    /// The inside of every tag: escaped text never contains "<", so what
    /// is found here is markup the browser will act on.
    static func tags(in html: String) -> [String] {
        html.components(separatedBy: "<").dropFirst().map { String($0.prefix { $0 != ">" }) }
    }

    static func resolve(_ link: String, from page: String) -> String {
        var parts = page.split(separator: "/").dropLast().map(String.init)
        for piece in link.split(separator: "/") {
            if piece == ".." { if !parts.isEmpty { parts.removeLast() } } else if piece != "." { parts.append(String(piece)) }
        }
        return parts.joined(separator: "/")
    }
}

/// A strict little iCalendar reader for the tests: CRLF lines, unfolding,
/// balanced BEGIN/END, required properties.
enum ICSParser {
    struct Invalid: Error { let reason: String }

    static func events(_ text: String) throws -> [[String: String]] {
        guard text.hasSuffix("\r\n") else { throw Invalid(reason: "does not end with CRLF") }
        var lines: [String] = []
        for raw in text.components(separatedBy: "\r\n").dropLast() {
            if raw.hasPrefix(" ") {
                guard !lines.isEmpty else { throw Invalid(reason: "continuation first") }
                lines[lines.count - 1] += raw.dropFirst()
            } else {
                lines.append(raw)
            }
        }
        guard lines.first == "BEGIN:VCALENDAR", lines.last == "END:VCALENDAR" else { throw Invalid(reason: "not a VCALENDAR") }
        guard lines.contains("VERSION:2.0"), lines.contains(where: { $0.hasPrefix("PRODID:") }) else { throw Invalid(reason: "no VERSION/PRODID") }
        var events: [[String: String]] = []
        var current: [String: String]?
        for line in lines {
            if line == "BEGIN:VEVENT" { current = [:]; continue }
            if line == "END:VEVENT" {
                guard let event = current else { throw Invalid(reason: "END without BEGIN") }
                for key in ["UID", "DTSTAMP", "DTSTART;VALUE=DATE", "SUMMARY"] where event[key] == nil {
                    throw Invalid(reason: "event lacks \(key)")
                }
                events.append(event)
                current = nil
                continue
            }
            guard current != nil, let colon = line.firstIndex(of: ":") else { continue }
            current![String(line[..<colon])] = String(line[line.index(after: colon)...])
        }
        return events
    }
}

/// Rendering on several threads never changes a byte.
@Suite struct ThreadDeterminismTests {
    @Test func oneThreadAndFourThreadsGiveTheSameSite() throws {
        let loaded = Support.loaded(Support.sampleContent)
        let builder = SiteBuilder(tracker: try #require(loaded.tracker), theme: Support.theme)
        let one = builder.build(threads: 1)
        let four = builder.build(threads: 4)
        #expect(one.map(\.path) == four.map(\.path))
        for (a, b) in zip(one, four) { #expect(a.bytes == b.bytes, "\(a.path) differs") }
    }
}

/// Appendix task tables, which plain libcmark leaves as paragraphs.
@Suite struct PipeTableRenderingTests {
    @Test func appendixTableBecomesATableWithCaptionAndTaskLinks() throws {
        let content = Support.temporaryDirectory() + "/content"
        try FileManager.default.copyItem(atPath: Support.miniContent, toPath: content)
        try """
        ---
        id: kh-7
        ---
        Số: 7/KH-UBND

        V/v kế hoạch thử

        **PHỤ LỤC: DANH MỤC NHIỆM VỤ**

        | STT | Tên nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |
        |---|---|---|---|---|
        | 1 | Rà soát trụ sở | Sở Tài chính | Sở Nội vụ | Quý III/2026 |
        | 2 | Báo cáo <b>kết quả</b> | Sở Nội vụ | | 30/9/2026 |
        """.write(toFile: content + "/directives/kh-7.md", atomically: false, encoding: .utf8)
        let site = Support.build(content)
        let page = try #require(site["van-ban/kh-7.html"])
        #expect(page.contains("<caption>PHỤ LỤC: DANH MỤC NHIỆM VỤ — bảng nhiệm vụ</caption>"))
        #expect(page.contains("<th scope=\"col\">Tên nhiệm vụ</th>"))
        #expect(page.contains("<td>Rà soát trụ sở</td>"))
        #expect(!page.contains("<b>kết quả</b>"), "raw HTML in a cell is dropped by safe mode")
        #expect(page.contains("href=\"../nhiem-vu/kh-7/pl-1.html\""), "rows link to their task pages")
    }
}
