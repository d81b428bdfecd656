import Yams

/// Reads the register from its YAML text (`content/units.yaml`).
///
/// The file has three lists: `types` (code, label, heading), `groups` (code,
/// name, aliases, types, members) and `units` (code, name, type, aliases).
/// Problems are reported with the line they are on.
public enum UnitRegisterFile {
    public static func parse(_ text: String, file: String, diagnostics: inout [Diagnostic]) -> UnitRegister {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            diagnostics.append(YAMLDiagnostics.diagnostic(for: error, file: file))
            return UnitRegister(types: [], groups: [], units: [], file: file, diagnostics: &diagnostics)
        } catch {
            diagnostics.append(.error(file, "không đọc được tệp danh sách đơn vị: \(error)"))
            return UnitRegister(types: [], groups: [], units: [], file: file, diagnostics: &diagnostics)
        }
        guard let mapping = root?.mapping else {
            diagnostics.append(.error(file, line: 1, "tệp danh sách đơn vị phải có các mục types, groups và units",
                                      hint: "xem mẫu trong README, mục \"Danh sách đơn vị\""))
            return UnitRegister(types: [], groups: [], units: [], file: file, diagnostics: &diagnostics)
        }
        var reader = YAMLReader(file: file)
        if let root { reader.unknownKeys(root, known: ["types", "groups", "units"], in: "của sổ đơn vị") }
        var types: [UnitType] = []
        for node in reader.list(mapping["types"], key: "types", required: true) {
            reader.unknownKeys(node, known: ["code", "label", "heading"], in: "của loại đơn vị")
            guard let code = reader.string(node, "code"), let label = reader.string(node, "label") else { continue }
            types.append(UnitType(code: code, label: label, heading: reader.optionalString(node, "heading") ?? label))
        }
        var groups: [UnitGroup] = []
        for node in reader.list(mapping["groups"], key: "groups", required: false) {
            reader.unknownKeys(node, known: ["code", "name", "aliases", "types", "members"], in: "của nhóm đơn vị")
            guard let code = reader.string(node, "code"), let name = reader.string(node, "name") else { continue }
            groups.append(UnitGroup(code: code, name: name,
                                    aliases: reader.strings(node, "aliases"),
                                    memberTypes: reader.strings(node, "types"),
                                    memberCodes: reader.strings(node, "members"),
                                    line: node.mark?.line ?? 0))
        }
        var units: [Unit] = []
        for node in reader.list(mapping["units"], key: "units", required: true) {
            reader.unknownKeys(node, known: ["code", "name", "type", "aliases"], in: "của đơn vị")
            guard let code = reader.string(node, "code"), let name = reader.string(node, "name"),
                  let type = reader.string(node, "type") else { continue }
            units.append(Unit(code: code, name: name.precomposedNFC, type: type,
                              aliases: reader.strings(node, "aliases"), line: node.mark?.line ?? 0))
        }
        diagnostics.append(contentsOf: reader.diagnostics)
        return UnitRegister(types: types, groups: groups, units: units, file: file, diagnostics: &diagnostics)
    }
}
