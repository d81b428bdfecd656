// libFuzzer target: a deadline phrase as arbitrary UTF-8. DeadlineParser
// must return for any text, and any day it gives must exist.
import TiendoCore

let parsers = [DeadlineParser(), DeadlineParser(documentDate: CivilDate(year: 2026, month: 6, day: 20)!)]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDeadline(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let phrase = text(data, size)
    for parser in parsers {
        for labelled in [false, true] {
            let result = parser.parse(phrase, labelled: labelled)
            if let deadline = result.deadline {
                if let due = deadline.due {
                    require(CivilDate(year: due.year, month: due.month, day: due.day) == due, "an impossible due day \(due)")
                }
                require(!deadline.text.isEmpty, "a deadline without its phrase for \(phrase.debugDescription)")
            }
        }
    }
    _ = DateText.classify(phrase)
    return 0
}
