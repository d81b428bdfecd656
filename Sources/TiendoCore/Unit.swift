/// An assignee the city tracks: a commune-level unit (phường, xã, đặc khu)
/// or a department (sở, ngành). Its code is what the status file and URLs use.
public struct Unit: Sendable, Hashable {
    public var code: String
    public var name: String
    /// Code of a `UnitType` declared in the register.
    public var type: String
    /// Other names the directive or the clerk may use for the same unit.
    public var aliases: [String]
    /// Line of the register that declares it, for diagnostics.
    public var line: Int

    public init(code: String, name: String, type: String, aliases: [String] = [], line: Int = 0) {
        self.code = code
        self.name = name
        self.type = type
        self.aliases = aliases
        self.line = line
    }
}

/// A kind of unit, in the order the browse page shows them.
public struct UnitType: Sendable, Hashable {
    public var code: String
    /// Singular, as a label ("Phường").
    public var label: String
    /// Heading of the group on the browse page ("Phường", "Sở, ngành").
    public var heading: String

    public init(code: String, label: String, heading: String) {
        self.code = code
        self.label = label
        self.heading = heading
    }
}

/// A set of units a directive addresses by one name ("UBND các xã, phường,
/// đặc khu"), declared in the register by types and/or explicit members.
public struct UnitGroup: Sendable, Hashable {
    public var code: String
    public var name: String
    public var aliases: [String]
    public var memberTypes: [String]
    public var memberCodes: [String]
    public var line: Int

    public init(code: String, name: String, aliases: [String] = [], memberTypes: [String] = [],
                memberCodes: [String] = [], line: Int = 0) {
        self.code = code
        self.name = name
        self.aliases = aliases
        self.memberTypes = memberTypes
        self.memberCodes = memberCodes
        self.line = line
    }
}
