import Foundation

/// The city's list of units, types and groups. A city adds, renames or
/// aliases a unit by editing its register file, never the Swift code.
public struct UnitRegister: Sendable {
    public private(set) var types: [UnitType]
    public private(set) var groups: [UnitGroup]
    public private(set) var units: [Unit]

    private var unitIndexByCode: [String: Int] = [:]
    private var entryByKey: [String: Entry] = [:]
    /// Every name key, and each of its starts that ends before a space
    /// ("so", "so xay" for "so xay dung"): `hasName(startingWith:)` is one
    /// lookup instead of a look at every name.
    private var keyStarts: Set<String> = []
    // Directives name the same bodies over and over, and a name key is
    // costly to make: each name asked about is worked out once. Both answers
    // depend only on the name's NFC form, so canonically equal names (equal
    // Strings) share an answer. A status file names units in its cells,
    // and a file of junk names a new one on every row: the names resolved
    // are kept up to the status reader's memo limit, far above the names of
    // any real register and its documents.
    private let resolved = Memo<String, Entry?>(limit: StatusReader.memoLimit)
    private let started = Memo<String, Bool>()
    /// Units by their name without the type word ("Hải An" for "Phường Hải An").
    private var unitCodesByBareName: [String: [String]] = [:]
    /// Each unit's names and aliases folded, whole and without the type
    /// word, for suggestions (folding is the costly part: done once).
    private var suggestionKeys: [[(whole: String, bare: String)]] = []

    /// What a name in a document resolves to.
    public enum Entry: Sendable, Hashable {
        case unit(Unit)
        case group(UnitGroup)

        public var code: String {
            switch self {
            case .unit(let unit): unit.code
            case .group(let group): group.code
            }
        }

        public var name: String {
            switch self {
            case .unit(let unit): unit.name
            case .group(let group): group.name
            }
        }
    }

    /// Builds the register and reports duplicate codes and names, unknown
    /// types and group members. `file` names the register in diagnostics.
    public init(types: [UnitType], groups: [UnitGroup], units: [Unit], file: String = "units.yaml",
                diagnostics: inout [Diagnostic]) {
        self.types = types
        self.groups = groups
        self.units = []
        let typeCodes = Set(types.map(\.code))
        var codeLine: [String: Int] = [:]
        for unit in units {
            if let first = codeLine[unit.code] {
                diagnostics.append(.error(file, line: unit.line,
                    "mã đơn vị \"\(unit.code)\" đã dùng cho đơn vị ở dòng \(first)",
                    hint: "mỗi đơn vị cần một mã riêng; sửa một trong hai mã"))
                continue
            }
            if !typeCodes.contains(unit.type) {
                diagnostics.append(.error(file, line: unit.line,
                    "loại đơn vị \"\(unit.type)\" của \(unit.name) chưa được khai báo",
                    hint: "dùng một trong: \(types.map(\.code).joined(separator: ", ")), hoặc khai báo loại mới trong mục types"))
            }
            codeLine[unit.code] = unit.line
            unitIndexByCode[unit.code] = self.units.count
            self.units.append(unit)
        }
        for group in groups {
            if codeLine[group.code] != nil {
                diagnostics.append(.error(file, line: group.line,
                    "mã nhóm \"\(group.code)\" trùng với mã một đơn vị", hint: "đặt cho nhóm một mã khác"))
            }
            for type in group.memberTypes where !typeCodes.contains(type) {
                diagnostics.append(.error(file, line: group.line,
                    "nhóm \(group.name) gồm loại \"\(type)\" chưa được khai báo",
                    hint: "dùng một trong: \(types.map(\.code).joined(separator: ", "))"))
            }
            for code in group.memberCodes where unitIndexByCode[code] == nil {
                diagnostics.append(.error(file, line: group.line,
                    "nhóm \(group.name) gồm mã \"\(code)\" không có trong danh sách đơn vị",
                    hint: "kiểm tra lại mã hoặc thêm đơn vị đó vào mục units"))
            }
        }
        var keyOwner: [String: (String, Int)] = [:]
        func index(_ name: String, _ entry: Entry, line: Int) {
            let key = VietnameseText.nameKey(name)
            guard !key.isEmpty else { return }
            if let owner = keyOwner[key], owner.0 != entry.code {
                diagnostics.append(.error(file, line: line,
                    "tên \"\(name)\" trùng với tên của \(owner.0) (dòng \(owner.1))",
                    hint: "hai đơn vị không được cùng tên hoặc tên gọi khác; đổi tên hoặc bỏ tên gọi khác"))
                return
            }
            keyOwner[key] = (entry.code, line)
            entryByKey[key] = entry
        }
        for unit in self.units {
            index(unit.name, .unit(unit), line: unit.line)
            index(unit.code, .unit(unit), line: unit.line)
            for alias in unit.aliases { index(alias, .unit(unit), line: unit.line) }
        }
        let labels = Self.nameLabels(types)
        suggestionKeys = self.units.map { unit in
            ([unit.name] + unit.aliases).map { name in
                let folded = VietnameseText.collapseSpaces(VietnameseText.fold(name))
                return (folded, Self.bare(folded, labels: labels))
            }
        }
        for unit in self.units {
            guard let label = types.first(where: { $0.code == unit.type })?.label else { continue }
            let nameKey = VietnameseText.nameKey(unit.name), labelKey = VietnameseText.nameKey(label) + " "
            if nameKey.hasPrefix(labelKey) {
                unitCodesByBareName[String(nameKey.dropFirst(labelKey.count)), default: []].append(unit.code)
            }
        }
        for group in groups {
            index(group.name, .group(group), line: group.line)
            for alias in group.aliases { index(alias, .group(group), line: group.line) }
        }
        for key in entryByKey.keys {
            keyStarts.insert(key)
            for (position, character) in zip(key.indices, key) where character == " " {
                keyStarts.insert(String(key[..<position]))
            }
        }
    }

    public func unit(code: String) -> Unit? {
        unitIndexByCode[code].map { units[$0] }
    }

    /// Where the unit with this code is in `units`.
    func number(ofUnitCode code: String) -> Int? {
        unitIndexByCode[code]
    }

    public func type(code: String) -> UnitType? {
        types.first { $0.code == code }
    }

    public func group(code: String) -> UnitGroup? {
        groups.first { $0.code == code }
    }

    /// The unit or group a name means, by normalised name, alias or code.
    /// "UBND phường Hải An" finds "Phường Hải An" as well.
    public func resolve(_ name: String) -> Entry? {
        resolved.value(for: name, resolveAnew)
    }

    private func resolveAnew(_ name: String) -> Entry? {
        let key = VietnameseText.nameKey(name)
        if let entry = entryByKey[key] { return entry }
        let council = VietnameseText.nameKey("Ủy ban nhân dân") + " "
        if key.hasPrefix(council), let entry = entryByKey[String(key.dropFirst(council.count))] {
            return entry
        }
        return nil
    }

    /// Whether some unit or group name (or alias) starts with these words:
    /// "Sở Xây" + "dựng" is the start of "Sở Xây dựng", so "xây dựng" there
    /// is part of a name, not a verb.
    func hasName(startingWith words: String) -> Bool {
        started.value(for: words, hasNameAnew)
    }

    private func hasNameAnew(startingWith words: String) -> Bool {
        let key = VietnameseText.nameKey(words)
        guard !key.isEmpty else { return false }
        let council = VietnameseText.nameKey("Ủy ban nhân dân") + " "
        let bare = key.hasPrefix(council) ? String(key.dropFirst(council.count)) : key
        // A name N starts with "K " exactly when K is N's text before one of
        // its spaces (Characters compared, as hasPrefix does).
        return keyStarts.contains(key) || keyStarts.contains(bare)
    }

    /// A unit as a clerk writes it in a status file: its code, its name or
    /// an alias ("UBND phường Hải An"), the type abbreviated ("P. Hải An",
    /// "X. Cẩm Giàng"), or the bare name ("Hải An") when only one unit has it.
    public func unit(named text: String) -> Unit? {
        let trimmed = text.trimmedSpaces
        if let unit = unit(code: trimmed) { return unit }
        if case .unit(let unit) = resolve(trimmed) { return unit }
        var bare = trimmed
        for prefix in ["P.", "X.", "ĐK.", "Đ.K."] where bare.hasPrefix(prefix) {
            bare = String(bare.dropFirst(prefix.count))
        }
        guard let codes = unitCodesByBareName[VietnameseText.nameKey(bare)], codes.count == 1 else { return nil }
        return unit(code: codes[0])
    }

    /// Every unit a resolved name stands for, in register order.
    public func members(of entry: Entry) -> [Unit] {
        switch entry {
        case .unit(let unit): return [unit]
        case .group(let group):
            let types = Set(group.memberTypes)
            let codes = Set(group.memberCodes)
            return units.filter { types.contains($0.type) || codes.contains($0.code) }
        }
    }

    /// Up to `limit` register names closest to `name`, for "did you mean" hints.
    /// Names are compared without diacritics, whole and without their type
    /// word ("Phường", "Xã", "P."), so "P. Hải Ann" finds Phường Hải An; only
    /// names a typo or two away are offered, never a merely similar one.
    public func suggestions(for name: String, limit: Int = 3) -> [String] {
        let target = VietnameseText.collapseSpaces(VietnameseText.fold(name))
        guard !target.isEmpty, target.count <= 80 else { return [] }
        let bareTarget = Self.bare(target, labels: Self.nameLabels(types))
        let threshold = max(1, bareTarget.count / 4)
        let scored = zip(units, suggestionKeys).map { unit, keys -> (Int, String) in
            let best = keys.map { min(EditDistance.between(target, $0.whole), EditDistance.between(bareTarget, $0.bare)) }.min() ?? .max
            return (best, unit.name)
        }
        // Only the nearest names: "Phường Hải Ann" suggests Phường Hải An,
        // not every "Phường Hải ..." a letter further away.
        let best = scored.map(\.0).min() ?? .max
        guard best <= threshold else { return [] }
        return scored.filter { $0.0 <= best + 1 && $0.0 <= threshold }
            .sorted { $0.0 != $1.0 ? $0.0 < $1.0 : VietnameseText.alphabeticallyPrecedes($0.1, $1.1) }
            .prefix(limit).map(\.1)
    }

    /// Words that open a unit's name without telling units apart, folded.
    static func nameLabels(_ types: [UnitType]) -> [String] {
        types.map { VietnameseText.fold($0.label) + " " } + ["ubnd ", "uy ban nhan dan ", "p. ", "x. ", "p.", "x."]
    }

    /// A folded name without its leading type words ("phuong hai an" → "hai an").
    static func bare(_ folded: String, labels: [String]) -> String {
        var text = folded
        var changed = true
        while changed {
            changed = false
            for label in labels where text.hasPrefix(label) && text.count > label.count {
                text = String(text.dropFirst(label.count)).trimmedSpaces
                changed = true
            }
        }
        return text
    }
}

/// Levenshtein distance over characters; names are short, so the plain
/// two-row algorithm is enough.
enum EditDistance {
    static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1,
                                 previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
