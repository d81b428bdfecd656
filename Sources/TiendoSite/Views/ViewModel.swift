/// A plain view model that templates read by field name.
///
/// The default lookup reads the field through `Mirror`, finding its position
/// once per type; the types that templates read thousands of times per page
/// (table rows, badges, bars, cells) answer with a direct switch instead, in
/// FieldLookups.swift.
protocol ViewModel: TemplateValueConvertible {
    func value(named name: String) -> TemplateValue?
}

extension ViewModel {
    var templateValue: TemplateValue { .object(self) }

    func value(named name: String) -> TemplateValue? {
        let mirror = Mirror(reflecting: self)
        guard let offset = FieldOffsets.offset(of: name, in: Self.self, mirror: mirror) else { return nil }
        let children = mirror.children
        return Self.templateValue(of: children[children.index(children.startIndex, offsetBy: offset)].value)
    }

    /// A field of a type templates do not know prints as Swift describes it.
    static func templateValue(of field: Any) -> TemplateValue {
        (field as? TemplateValueConvertible)?.templateValue ?? .text(String(describing: field))
    }
}

/// Field positions per view-model type, computed once and shared by all threads.
enum FieldOffsets {
    private static let cache = Cache()

    static func offset(of name: String, in type: Any.Type, mirror: Mirror) -> Int? {
        let key = ObjectIdentifier(type)
        if let table = cache.table(for: key) { return table[name] }
        var table: [String: Int] = [:]
        for (offset, child) in mirror.children.enumerated() {
            if let label = child.label { table[label] = offset }
        }
        cache.store(table, for: key)
        return table[name]
    }

    private final class Cache: @unchecked Sendable {
        private var tables: [ObjectIdentifier: [String: Int]] = [:]
        private let lock = NSLockLike()

        func table(for key: ObjectIdentifier) -> [String: Int]? { lock.locked { tables[key] } }
        func store(_ table: [String: Int], for key: ObjectIdentifier) { lock.locked { tables[key] = table } }
    }
}
