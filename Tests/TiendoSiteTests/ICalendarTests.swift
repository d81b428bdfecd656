import Testing
import TiendoCore
@testable import TiendoSite

/// The byte-level iCalendar writer: folding at 75 octets on UTF-8
/// boundaries, TEXT escaping, and pieces folded as one line.
@Suite struct ICalendarTests {
    /// One content line written through the writer, without the calendar around it.
    func written(_ pieces: [String], escaped: Bool = false) -> String {
        var writer = ICalendar.Writer(name: "")
        let header = writer.bytes.count
        for piece in pieces {
            if escaped { writer.appendEscaped(piece) } else { writer.append(piece) }
        }
        writer.endLine()
        return String(decoding: writer.bytes[header...], as: UTF8.self)
    }

    /// Folding as RFC 5545 §3.1 describes it, one scalar at a time: the
    /// slow, obvious form the writer must agree with.
    func referenceFold(_ line: String) -> String {
        var out = ""
        var count = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if count + size > 75 {
                out += "\r\n "
                count = 1
            }
            out.unicodeScalars.append(scalar)
            count += size
        }
        return out + "\r\n"
    }

    @Test func aLineOfExactly75OctetsIsNotFolded() {
        let line = String(repeating: "a", count: 75)
        #expect(written([line]) == line + "\r\n")
        #expect(written([line + "b"]) == line + "\r\n b\r\n")
    }

    @Test func aSequenceThatWouldCrossOctet75MovesWhole() {
        // 73 ASCII octets, then "ệ" (3 octets) would end at 76: it starts the next line.
        let head = String(repeating: "a", count: 73)
        #expect(written([head + "ệx"]) == head + "\r\n ệx\r\n")
        // At 72 octets it ends exactly at 75 and stays.
        let shorter = String(repeating: "a", count: 72)
        #expect(written([shorter + "ệx"]) == shorter + "ệ\r\n x\r\n")
        // A 4-octet scalar one octet short of fitting.
        let emojiHead = String(repeating: "a", count: 72)
        #expect(written([emojiHead + "📅"]) == emojiHead + "\r\n 📅\r\n")
    }

    @Test func twoOctetLettersNeverStraddleAFold() {
        // 120 octets: 37 letters (74 octets) fit the first line, a 38th would
        // end at 76; the rest follow the continuation's space.
        let line = String(repeating: "ư", count: 60)
        let physical = written([line]).components(separatedBy: "\r\n").dropLast()
        #expect(physical.map(\.utf8.count) == [74, 47])
        #expect(physical.dropFirst().allSatisfy { $0.hasPrefix(" ") })
    }

    @Test func piecesFoldAsOneLine() {
        // The boundary between pieces falls inside where the fold must go.
        let pieces = ["DESCRIPTION:", String(repeating: "a", count: 62), "ệệ", "Thời hạn; ", String(repeating: "ố", count: 40)]
        #expect(written(pieces) == written([pieces.joined()]))
        #expect(written(pieces) == referenceFold(pieces.joined()))
    }

    @Test func foldingAgreesWithTheScalarByScalarRule() {
        // Deterministic pseudo-random lines of ASCII, Vietnamese (2 and 3
        // octets, precomposed and combining) and 4-octet scalars.
        let alphabet = Array("ab ,;ăâđêôơưạảãệộờ̀́🗓️📌").map(String.init)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for length in 0..<400 {
            var line = "SUMMARY:"
            for _ in 0..<length {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                line += alphabet[Int(state >> 33) % alphabet.count]
            }
            let folded = written([line])
            #expect(folded == referenceFold(line), "length \(length)")
            for physical in folded.components(separatedBy: "\r\n").dropLast() {
                #expect(physical.utf8.count <= 75)
            }
        }
    }

    @Test func textEscapesBackslashSemicolonCommaAndNewline() {
        #expect(ICalendar.escaped("a,b;c\\d\ne") == Array("a\\,b\\;c\\\\d\\ne".utf8))
        #expect(written(["Hạn: 24/6, xong; \\ hết\nrồi"], escaped: true) == "Hạn: 24/6\\, xong\\; \\\\ hết\\nrồi\r\n")
    }

    @Test func textDropsCarriageReturnsAndOtherControlCharacters() {
        #expect(ICalendar.escaped("dòng 1\r\ndòng 2") == Array("dòng 1\\ndòng 2".utf8))
        #expect(ICalendar.escaped("a\u{0}b\tc\u{1F}d\u{7F}e") == Array("abcde".utf8))
        // C1 controls and noncharacters go too (issue 12); other non-ASCII characters are kept whole.
        #expect(ICalendar.escaped("x\u{85}y\u{2028}z\u{A0}") == Array("xy\u{2028}z\u{A0}".utf8))
    }

    @Test func escapedTextFoldsWithItsEscapes() {
        // Escaping doubles characters; the fold counts the escaped octets.
        let text = String(repeating: ",", count: 40)
        let escapedLine = written([text], escaped: true)
        #expect(escapedLine == referenceFold(String(repeating: "\\,", count: 40)))
    }

    /// Day numbers of 24/06/2026, 02/01/0987, 31/12/0001 and 31/12/9999:
    /// readers name days only in 1900...2200, but arithmetic reaches the others.
    @Test(arguments: [20_628, -359_032, -718_798, 2_932_896])
    func datesAreWrittenAsCompactDoes(_ dayNumber: Int) throws {
        let date = CivilDate(dayNumber: dayNumber)
        for date in [date, date.adding(days: 1)] { // 9999-12-31 + 1 stays 9999-12-31
            var writer = ICalendar.Writer(name: "")
            let header = writer.bytes.count
            writer.append(date)
            #expect(String(decoding: writer.bytes[header...], as: UTF8.self) == date.compact)
        }
    }

    @Test func aFeedIsCRLFLinesFromVCALENDARToItsEnd() throws {
        var writer = ICalendar.Writer(name: "Thời hạn — Sở Nội vụ")
        writer.line("BEGIN:VEVENT")
        writer.line("END:VEVENT")
        let text = String(decoding: writer.finish(), as: UTF8.self)
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        #expect(text.contains("\r\nX-WR-CALNAME:Thời hạn — Sở Nội vụ\r\n"))
        #expect(text.hasSuffix("\r\nEND:VCALENDAR\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }
}
