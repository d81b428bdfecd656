import Mustache

/// A plain view model that templates read by field name. swift-mustache
/// looks fields up through `Mirror`, filtering every field on every lookup;
/// this finds the field's position once per type and reads only that field,
/// which makes rendering several times faster without hand-written lookups.
protocol ViewModel: MustacheParent {}

extension ViewModel {
    func child(named name: String) -> Any? {
        let mirror = Mirror(reflecting: self)
        guard let offset = FieldOffsets.offset(of: name, in: Self.self, mirror: mirror) else { return nil }
        let children = mirror.children
        return children[children.index(children.startIndex, offsetBy: offset)].value
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
