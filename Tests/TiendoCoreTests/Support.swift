import Foundation
import Testing
@testable import TiendoCore

/// Fixtures live in the test bundle (`resources: [.copy("Fixtures")]`), so
/// tests never guess a working directory or read `content/` at run time.
enum Fixture {
    static let root: URL = {
        guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            fatalError("the Fixtures folder is missing from the test bundle")
        }
        return url
    }()

    static func text(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// The Hải Phòng register, as `content/units.yaml` has it.
    static let register: UnitRegister = {
        var diagnostics: [Diagnostic] = []
        let text = (try? Fixture.text("units.yaml")) ?? ""
        let register = UnitRegisterFile.parse(text, file: "units.yaml", diagnostics: &diagnostics)
        precondition(!diagnostics.hasErrors, "units.yaml: \(diagnostics)")
        return register
    }()

    /// Reads a directive fixture; `file` in diagnostics is the fixture path.
    static func directive(_ path: String) throws -> DirectiveReader.Output {
        let text = try text(path)
        let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        return DirectiveReader(register: register).read(text, file: path, defaultID: stem, renderHTML: false)
    }

    /// Reads Markdown given inline, under the fixture register.
    static func read(_ markdown: String, file: String = "inline.md") -> DirectiveReader.Output {
        DirectiveReader(register: register).read(markdown, file: file, defaultID: "inline", renderHTML: false)
    }

    /// Codes of every unit of the given register types, in register order.
    static func codes(ofTypes types: Set<String>) -> [String] {
        register.units.filter { types.contains($0.type) }.map(\.code)
    }

    static let communeCodes = codes(ofTypes: ["phuong", "xa", "dac-khu"])
    static let departmentCodes = codes(ofTypes: ["so-nganh"])
}

extension CivilDate {
    /// "2026-06-24" as a date, for readable tables; traps on a typo in a test.
    static func iso(_ text: String) -> CivilDate {
        guard let date = CivilDate(iso: text) else { fatalError("not a date: \(text)") }
        return date
    }
}

/// What must be the same however a directive is marked up: the id, who it
/// falls on and its deadline.
struct TaskSummary: Hashable, CustomStringConvertible {
    var id: String
    var assigneeCodes: [String?]
    var unitCount: Int
    var deadlineKind: Deadline.Kind?
    var due: CivilDate?

    init(_ task: Task) {
        id = task.id
        assigneeCodes = task.assignees.map(\.code)
        unitCount = task.units.count
        deadlineKind = task.deadline?.kind
        due = task.deadline?.due
    }

    var description: String {
        "\(id) \(assigneeCodes.map { $0 ?? "nil" }) units=\(unitCount) \(deadlineKind?.rawValue ?? "-") \(due?.iso ?? "-")"
    }
}

extension Array where Element == Task {
    subscript(id id: String) -> Task? { first { $0.id == id } }
}
