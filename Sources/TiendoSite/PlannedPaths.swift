import TiendoCore

/// Every path of the site that the content decides (unit, directive and
/// task pages), with where it comes from, checked once for two sources
/// that would write one file. `check` runs it as well as `build`, so a
/// unit named "Index" (which would replace the unit list) or a front-matter
/// task id that slugs like another task's is an error naming both, never a
/// page silently replaced. Letter case is ignored: a site copied to a
/// Windows or macOS share would lose one of two names that differ only in it.
public enum PlannedPaths {
    public struct Origin: Sendable {
        public var path: String
        /// What writes the path, in words ("đơn vị \"Index\" (mã X)").
        public var source: String
        public var file: String
        public var line: Int
    }

    /// The pages tiendo itself makes at fixed paths.
    static let fixed: [(String, String)] = [
        (SitePaths.home, "trang Tổng quan"), (SitePaths.units, "trang danh sách đơn vị"),
        (SitePaths.calendar, "trang Lịch thời hạn"), (SitePaths.calendarFeed, "lịch iCalendar của mọi thời hạn"),
        (SitePaths.progress, "trang Bảng tiến độ"), (SitePaths.matrix, "trang Ma trận"),
        (SitePaths.progressJSON, "tệp tiến độ JSON"), (SitePaths.progressWorkbook, "sổ tiến độ Excel"),
        (SitePaths.taskCSV, "tệp tiến độ CSV"),
        (SitePaths.groupCSV, "tệp CSV theo nhóm đơn vị"), (SitePaths.matrixCSV, "tệp CSV ma trận"),
        (SitePaths.recent, "trang Cập nhật gần đây"), (SitePaths.recentFeed, "nguồn tin Atom"),
    ]

    /// Every planned path and its origin, in plan order. `directiveFile`
    /// turns a directive's content-relative file into the path diagnostics show.
    public static func origins(register: UnitRegister, registerFile: String = "units.yaml", directives: [Directive],
                               directiveFile: (String) -> String = { $0 }) -> [Origin] {
        let paths = SitePaths(register: register)
        var origins = fixed.map { Origin(path: $0.0, source: $0.1 + " (do tiendo tạo)", file: "", line: 0) }
        for unit in register.units {
            let source = "đơn vị \"\(unit.name)\" (mã \(unit.code))"
            origins.append(Origin(path: paths.unit(unit.code), source: source, file: registerFile, line: unit.line))
            origins.append(Origin(path: paths.unitFeed(unit.code), source: source, file: registerFile, line: unit.line))
            origins.append(Origin(path: paths.unitWorkbook(unit.code), source: source, file: registerFile, line: unit.line))
        }
        for directive in directives {
            let file = directiveFile(directive.file)
            let source = "văn bản \"\(directive.id)\""
            origins.append(Origin(path: paths.directive(directive.id), source: source, file: file, line: 1))
            origins.append(Origin(path: paths.directiveMatrix(directive.id), source: source, file: file, line: 1))
            for task in directive.tasks {
                origins.append(Origin(path: paths.task(task.key), source: "nhiệm vụ \(task.id) của văn bản \"\(directive.id)\"",
                                      file: file, line: task.line))
            }
        }
        return origins
    }

    /// Names Windows keeps for devices, with any extension ("con.html"):
    /// such a page cannot be copied to a Windows share.
    static let windowsDeviceNames: Set<String> = Set(["con", "prn", "aux", "nul"]
        + (1...9).map { "com\($0)" } + (1...9).map { "lpt\($0)" })

    /// One error per path written by a second source, at that source, naming
    /// the first; and one per path Windows cannot hold.
    public static func collisions(_ origins: [Origin]) -> [Diagnostic] {
        var first: [String: Origin] = [:]
        var diagnostics: [Diagnostic] = []
        for origin in origins {
            let stems = origin.path.lowercased().split(separator: "/").map { $0.split(separator: ".").first.map(String.init) ?? "" }
            if let device = stems.first(where: windowsDeviceNames.contains) {
                diagnostics.append(.error(origin.file.isEmpty ? "site" : origin.file, line: origin.line,
                                          "\(origin.source) sẽ ghi vào tệp \(origin.path), tên \"\(device)\" là tên thiết bị mà Windows cấm đặt cho tệp",
                                          hint: "đổi tên hoặc mã để đường dẫn khác \"\(device)\""))
            }
            let key = origin.path.lowercased()
            guard let earlier = first[key] else { first[key] = origin; continue }
            // A unit's page and feed, or a directive's two pages, never collide with their own source.
            if earlier.source == origin.source, earlier.file == origin.file, earlier.line == origin.line { continue }
            let place = earlier.file.isEmpty ? "" : " (\(earlier.file)\(earlier.line > 0 ? ":\(earlier.line)" : ""))"
            diagnostics.append(.error(origin.file.isEmpty ? "site" : origin.file, line: origin.line,
                                      "\(origin.source) sẽ ghi vào tệp \(origin.path), trùng với \(earlier.source)\(place); một trong hai trang sẽ bị mất",
                                      hint: "đổi tên hoặc mã để hai trang có đường dẫn khác nhau (đường dẫn không phân biệt chữ hoa, chữ thường và dấu)"))
        }
        return diagnostics
    }
}
