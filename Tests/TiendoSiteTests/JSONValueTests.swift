import Foundation
import Testing
@testable import TiendoSite

/// JSON written as bytes: escapes found byte by byte must be exactly the
/// ones a scalar-by-scalar reading gives.
@Suite struct JSONValueTests {
    /// The escaping rule one scalar at a time: the slow, obvious form.
    func referenceString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    @Test func controlCharactersBecomeLowercaseHexEscapes() {
        #expect(JSONValue.string("a\u{0}b\u{1F}c\u{0B}d").serialized() == #""a\u0000b\u001fc\u000bd""#)
        #expect(JSONValue.string("\t\r\n\"\\").serialized() == #""\t\r\n\"\\""#)
        // DEL and C1 controls are not JSON control characters.
        #expect(JSONValue.string("\u{7F}\u{85}").serialized() == "\"\u{7F}\u{85}\"")
    }

    @Test func lineAndParagraphSeparatorsAreEscapedButTheirNeighboursAreNot() {
        // U+2028/2029 are E2 80 A8/A9; "…" (E2 80 A6), "—" (E2 80 94) and "₫" (E2 82 AB) share bytes with them.
        #expect(JSONValue.string("a\u{2028}b\u{2029}").serialized() == #""a\u2028b\u2029""#)
        #expect(JSONValue.string("Hạn…—₫").serialized() == "\"Hạn…—₫\"")
        // A string ending in the first bytes of a sequence is never read past.
        #expect(JSONValue.string("x\u{2026}").serialized() == "\"x\u{2026}\"")
    }

    @Test func escapingAgreesWithTheScalarByScalarRule() {
        let alphabet = Array("aZ <>&\"\\\n\r\t\u{0}\u{1}\u{1F}\u{7F}ạệđ\u{2028}\u{2029}\u{2026}\u{2030}📌\u{300}").map(String.init)
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        for length in 0..<300 {
            var text = ""
            for _ in 0..<length {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += alphabet[Int(state >> 33) % alphabet.count]
            }
            #expect(JSONValue.string(text).serialized() == referenceString(text), "length \(length)")
        }
    }

    @Test func compactAndPrettyLayouts() {
        let value = JSONValue.object([
            ("a", .array([.int(1), .number(33.333), .number(50), .null])),
            ("b", .object([("c", .bool(true)), ("d", .array([])), ("e", .object([]))])),
            ("tên", .string("Sở Nội vụ")),
        ])
        #expect(value.serialized() == #"{"a":[1,33.3,50,null],"b":{"c":true,"d":[],"e":{}},"tên":"Sở Nội vụ"}"#)
        #expect(value.serialized(pretty: true) == """
        {
          "a": [
            1,
            33.3,
            50,
            null
          ],
          "b": {
            "c": true,
            "d": [],
            "e": {}
          },
          "tên": "Sở Nội vụ"
        }

        """)
        #expect(value.utf8(pretty: true) == Array(value.serialized(pretty: true).utf8))
    }
}

/// The export's assignments are written straight to bytes; they must read
/// exactly as the same objects serialised through JSONValue.
@Suite struct AssignmentsJSONTests {
    @Test(arguments: ["mini", "sample"])
    func sameBytesAsTheValueTree(_ name: String) throws {
        let tracker = try #require(Support.loaded(name == "mini" ? Support.miniContent : Support.sampleContent).tracker)
        let tree = JSONValue.array(tracker.assignments.map { a in
            .object([("directive", .string(a.task.directiveID)), ("task", .string(a.task.taskID)),
                     ("unit", .string(a.unitCode)), ("class", .string(a.statusClass.rawValue)),
                     ("reported", .bool(a.row != nil)),
                     ("state", .optional(a.row?.state.rawValue)), ("completed", .optional(a.row?.completed?.iso)),
                     ("report", .optional(a.row.map(\.report).flatMap { $0.isEmpty ? nil : $0 }))])
        })
        #expect(tracker.assignments.count > 5)
        #expect(ProgressFigures.assignmentsJSON(tracker) == tree.utf8())
        let export = try JSONSerialization.jsonObject(with: Data(ProgressFigures.json(tracker))) as? [String: Any]
        #expect((export?["assignments"] as? [Any])?.count == tracker.assignments.count)
    }
}
