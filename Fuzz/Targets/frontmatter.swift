// libFuzzer target: the YAML path. Any UTF-8 as a directive's front matter
// (between "---" fences, above a small body) and as a unit register. Both
// must return for any text; diagnostics name the file and a line inside it;
// a front matter that declares or corrects tasks still gives unique ids and
// only register units; a register that reads without errors has unique codes.
import TiendoCore

let frontMatterReader = DirectiveReader(register: register)
let frontMatterBody = """
    **1. Sở Nội vụ:**

    - Rà soát hồ sơ, hoàn thành chậm nhất trước ngày 30/6/2026.
    - Tổng hợp báo cáo (qua Sở Nội vụ để tổng hợp).

    """

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontMatter(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let yaml = text(data, size)
    let document = "---\n" + yaml + "\n---\n" + frontMatterBody
    // Lines as YAML and the front-matter reader count them: a lone CR, CRLF,
    // NEL and U+2028 end a line too (Character.isNewline covers them all).
    let lineCount = document.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).count
    let output = frontMatterReader.read(document, file: "dau-tep.md", defaultID: "dau-tep", renderHTML: false)
    checkDiagnostics(output.diagnostics, file: "dau-tep.md")
    for diagnostic in output.diagnostics {
        require(diagnostic.line <= lineCount + 1, "a line past the end (\(lineCount) lines): \(diagnostic)")
    }
    let ids = output.directive.tasks.map(\.id)
    require(Set(ids).count == ids.count, "duplicate task ids \(ids)")
    for task in output.directive.tasks {
        for code in task.units { require(register.unit(code: code) != nil, "task \(task.id) falls on unknown unit \(code)") }
        // A day is named within the supported years; "trước ngày 01/01/1900" is the day before.
        if let due = task.deadline?.due {
            require((CivilDate.supportedYears.lowerBound - 1)...(CivilDate.supportedYears.upperBound + 1) ~= due.year, "a deadline in year \(due.year)")
        }
    }

    var diagnostics: [Diagnostic] = []
    let parsed = UnitRegisterFile.parse(yaml, file: "units.yaml", diagnostics: &diagnostics)
    checkDiagnostics(diagnostics, file: "units.yaml")
    if !diagnostics.hasErrors {
        let codes = parsed.units.map(\.code)
        require(Set(codes).count == codes.count, "a register without errors has duplicate codes \(codes)")
    }
    return 0
}
