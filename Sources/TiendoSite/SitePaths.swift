import TiendoCore

/// Where every page lives, and links between them. Every link is relative
/// and ends in a file name, so the same folder works under any sub-path of
/// an intranet server and opened from disk (file://).
public struct SitePaths: Sendable {
    public let slugs: SlugAllocator

    public init(register: UnitRegister) {
        slugs = SlugAllocator(units: register.units)
    }

    public static let home = "index.html"
    public static let units = "don-vi/index.html"
    public static let calendar = "lich/index.html"
    public static let calendarFeed = "lich/tat-ca.ics"
    public static let progress = "tien-do/index.html"
    public static let matrix = "tien-do/ma-tran.html"
    public static let progressJSON = "tien-do/tien-do.json"
    public static let taskCSV = "tien-do/tien-do.csv"
    public static let groupCSV = "tien-do/nhom-don-vi.csv"
    public static let matrixCSV = "tien-do/ma-tran.csv"
    public static let progressWorkbook = "tien-do/tien-do.xlsx"
    public static let recent = "cap-nhat/index.html"
    public static let recentFeed = "cap-nhat/cap-nhat.xml"
    public static let assets = "assets"

    public func unit(_ code: String) -> String { "don-vi/\(slugs.slug(for: code)).html" }
    public func unitFeed(_ code: String) -> String { "don-vi/\(slugs.slug(for: code)).ics" }
    public func directive(_ id: String) -> String { "van-ban/\(id).html" }
    public func directiveMatrix(_ id: String) -> String { "tien-do/ma-tran/\(id).html" }
    public func task(_ key: TaskKey) -> String { "nhiem-vu/\(key.directiveID)/\(Slug.task(key.taskID)).html" }

    /// The anchor of a task inside its directive page.
    public static func taskAnchor(_ id: String) -> String { "nv-" + Slug.task(id) }

    /// "../" repeated once per folder of `page`.
    public static func root(of page: String) -> String {
        String(repeating: "../", count: page.split(separator: "/").count - 1)
    }

    /// A link from `page` to `target`, both relative to the site root: up
    /// out of the folders of `page` that `target` is not in, then down.
    /// Compares bytes without splitting, as it runs for every row of every table.
    public static func link(from page: String, to target: String) -> String {
        var page = page
        var target = target
        return page.withUTF8 { from in
            target.withUTF8 { to in
                // The end of the longest run of whole folders both paths start with.
                var common = 0
                var index = 0
                while index < from.count, index < to.count, from[index] == to[index] {
                    if from[index] == 0x2F { common = index + 1 }
                    index += 1
                }
                var ups = 0
                for byte in from[common...] where byte == 0x2F { ups += 1 }
                var out: [UInt8] = []
                out.reserveCapacity(ups * 3 + to.count - common)
                for _ in 0..<ups { out.append(contentsOf: [0x2E, 0x2E, 0x2F]) }
                out.append(contentsOf: to[common...])
                return String(decoding: out, as: UTF8.self)
            }
        }
    }
}
