import TiendoCore

/// iCalendar feeds (RFC 5545): one all-day event per dated deadline, with
/// stable UIDs so a calendar app updates events instead of duplicating
/// them, text escaped, CRLF line ends and lines folded at 75 octets.
enum ICalendar {
    struct Event {
        let uid: String
        let date: CivilDate
        let summary: String
        let description: String
    }

    /// `stamp` is the as-of date: DTSTAMP must exist, and taking it from the
    /// data keeps the feed byte-identical across rebuilds.
    static func feed(name: String, events: [Event], stamp: CivilDate) -> String {
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//tiendo//Theo doi tien do van ban chi dao//VI",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:" + escape(name),
        ]
        for event in events {
            lines += [
                "BEGIN:VEVENT",
                "UID:" + event.uid,
                "DTSTAMP:" + stamp.compact + "T000000Z",
                "DTSTART;VALUE=DATE:" + event.date.compact,
                "DTEND;VALUE=DATE:" + event.date.adding(days: 1).compact,
                "SUMMARY:" + escape(event.summary),
                "DESCRIPTION:" + escape(event.description),
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// TEXT escaping of RFC 5545 §3.3.11.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            case "\r": continue
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Folds a content line so no physical line exceeds 75 octets, never
    /// splitting a UTF-8 sequence (RFC 5545 §3.1).
    static func fold(_ line: String) -> String {
        let bytes = Array(line.utf8)
        guard bytes.count > 75 else { return line }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 70 * 3)
        var count = 0
        var index = 0
        while index < bytes.count {
            // The length of the UTF-8 sequence that starts here; never split one.
            let lead = bytes[index]
            let size = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
            if count + size > 75 {
                out += [0x0D, 0x0A, 0x20]
                count = 1
            }
            out += bytes[index..<min(bytes.count, index + size)]
            count += size
            index += size
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A UID stable across rebuilds and machines.
    static func uid(_ key: TaskKey, unit: String? = nil) -> String {
        "\(key.directiveID)-\(Slug.task(key.taskID))" + (unit.map { "-" + VietnameseText.slug($0) } ?? "") + "@tiendo"
    }
}
