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
        guard line.utf8.count > 75 else { return line }
        var out = ""
        var count = 0
        var limit = 75
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if count + size > limit {
                out += "\r\n "
                count = 1
                limit = 75
            }
            out.unicodeScalars.append(scalar)
            count += size
        }
        return out
    }

    /// A UID stable across rebuilds and machines.
    static func uid(_ key: TaskKey, unit: String? = nil) -> String {
        "\(key.directiveID)-\(Slug.task(key.taskID))" + (unit.map { "-" + VietnameseText.slug($0) } ?? "") + "@tiendo"
    }
}
