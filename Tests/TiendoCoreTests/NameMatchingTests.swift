import Foundation
import Testing
@testable import TiendoCore

/// Names as directives and clerks write them, matched to the register the
/// way a careful clerk would — and Vietnamese alphabetical order.
@Suite("Tên đơn vị và thứ tự chữ cái")
struct NameMatchingTests {
    static let same: [(String, String)] = [
        ("Phường Việt Hoà", "10543"),          // old tone placement
        ("Phường Việt Hòa", "10543"),
        ("Phường Thuỷ Nguyên", "11560"),
        ("Phường Thủy Nguyên", "11560"),
        ("Xã Vĩnh Hoà", "11848"),
        ("Sở Văn hoá, Thể thao và Du lịch", "SVHTTDL"),
        ("PHƯỜNG HẢI AN", "11413"),            // case
        ("phường hải an", "11413"),
        ("UBND phường Hải An", "11413"),       // "UBND" + the unit's name
        ("Ủy ban nhân dân phường Hải An", "11413"),
        ("Uỷ ban nhân dân Phường Hải An", "11413"),
        ("11413", "11413"),                     // the code itself
        ("Ủy ban nhân dân các xã, phường, đặc khu", "CAP-XA"),
        ("UBND các xã, phường, đặc khu", "CAP-XA"),
        ("Ủy ban nhân dân xã, phường, đặc khu", "CAP-XA"), // without "các"
        ("UBND xã, phường, đặc khu", "CAP-XA"),
        ("Các sở, ngành thành phố", "SO-NGANH"),
        ("các Sở, ngành thành phố", "SO-NGANH"),
        ("Sở, ngành thành phố", "SO-NGANH"),
        ("Các sở, ngành TP", "SO-NGANH"),       // "TP" = "thành phố"
        ("Văn phòng UBND thành phố", "VPUBND"),  // an alias
        ("Văn phòng Ủy ban nhân dân thành phố", "VPUBND"),
        ("  Sở   Tài   chính ", "STC"),          // spacing
        ("Sở Tài chính.", "STC"),                // punctuation
        ("Xã Cẩm Giang", "10888"),
        ("Xã Cẩm Giàng", "10903"),
        ("UBND xã Cẩm Giàng", "10903"),
    ]

    @Test("resolves to the unit or group", arguments: same)
    func resolves(_ name: String, _ code: String) {
        #expect(Fixture.register.resolve(name)?.code == code)
        // Decomposed (NFD) text, as some editors save it, is the same name.
        #expect(Fixture.register.resolve(name.decomposedStringWithCanonicalMapping)?.code == code)
    }

    static let different: [(String, String)] = [
        ("Xã Cẩm Giang", "Xã Cẩm Giàng"),       // tones still count
        ("Phường An Hải", "Phường Hải An"),     // word order counts
        ("Phường Đồ Sơn", "Phường Nam Đồ Sơn"),
        ("Sở Nội vụ", "Sở Ngoại vụ"),
    ]

    @Test("names a clerk would not confuse stay apart", arguments: different)
    func distinct(_ a: String, _ b: String) {
        #expect(VietnameseText.nameKey(a) != VietnameseText.nameKey(b))
        let ra = Fixture.register.resolve(a), rb = Fixture.register.resolve(b)
        #expect(ra != nil && rb != nil && ra?.code != rb?.code)
    }

    static let unknown = ["Xã Cẩm", "Sở Du lịch", "Công an thành phố", "Phường", "", "UBND", "Cẩm Giang Xã"]

    @Test("names not in the register resolve to nothing", arguments: unknown)
    func unknownName(_ name: String) {
        #expect(Fixture.register.resolve(name) == nil)
    }

    static let statusUnits: [(String, String?)] = [
        ("11413", "11413"),
        (" 11413 ", "11413"),
        ("Phường Hải An", "11413"),
        ("UBND phường Hải An", "11413"),
        ("Hải An", "11413"),            // the bare name, when only one unit has it
        ("P. Hải An", "11413"),
        ("X. Cẩm Giàng", "10903"),
        ("Cẩm Giàng", "10903"),
        ("Cẩm Giang", "10888"),
        ("Cát Hải", "11914"),
        ("Sở Tài chính", "STC"),
        ("Các sở, ngành thành phố", nil), // a group is not one unit
        ("Hải Ann", nil),
        ("Tiên", nil),
    ]

    @Test("a unit as a clerk writes it in the status file", arguments: statusUnits)
    func statusUnit(_ text: String, _ code: String?) {
        #expect(Fixture.register.unit(named: text)?.code == code)
    }

    @Test("a bare name two units share finds neither")
    func ambiguousBareName() {
        var diagnostics: [Diagnostic] = []
        let register = UnitRegister(types: [UnitType(code: "xa", label: "Xã", heading: "Xã"), UnitType(code: "phuong", label: "Phường", heading: "Phường")],
                                    groups: [], units: [Unit(code: "1", name: "Xã An Lão", type: "xa"), Unit(code: "2", name: "Phường An Lão", type: "phuong")],
                                    diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty)
        #expect(register.unit(named: "An Lão") == nil)
        #expect(register.unit(named: "Xã An Lão")?.code == "1")
        #expect(register.unit(named: "P. An Lão") == nil)
    }

    @Test("name keys: tone placement and abbreviations, not tones")
    func nameKeys() {
        #expect(VietnameseText.nameKey("Hoà") == VietnameseText.nameKey("Hòa"))
        #expect(VietnameseText.nameKey("Thuỷ") == VietnameseText.nameKey("Thủy"))
        #expect(VietnameseText.nameKey("Khoẻ") == VietnameseText.nameKey("Khỏe"))
        #expect(VietnameseText.nameKey("UBND") == VietnameseText.nameKey("Ủy ban nhân dân"))
        #expect(VietnameseText.nameKey("HĐND") == VietnameseText.nameKey("Hội đồng nhân dân"))
        #expect(VietnameseText.nameKey("các xã") == VietnameseText.nameKey("xã"))
        #expect(VietnameseText.nameKey("Giang") != VietnameseText.nameKey("Giàng"))
        #expect(VietnameseText.nameKey("Hòa") != VietnameseText.nameKey("Hoa"))
    }

    @Test("did-you-mean suggestions for a mistyped name")
    func suggestions() {
        #expect(Fixture.register.suggestions(for: "Phường Hải Ann").first == "Phường Hải An")
        let cam = Fixture.register.suggestions(for: "Xa Cam Giang")
        #expect(Set(cam.prefix(2)) == ["Xã Cẩm Giang", "Xã Cẩm Giàng"])
        #expect(Fixture.register.suggestions(for: "Bộ Quốc phòng").isEmpty)
        // The type word abbreviated or left out still finds the name; a merely similar name is not offered.
        #expect(Fixture.register.suggestions(for: "P. Hải Ann") == ["Phường Hải An"])
        #expect(Fixture.register.suggestions(for: "UBND phường Hải Ann") == ["Phường Hải An"])
        #expect(Fixture.register.suggestions(for: "Phòng Kế toán").isEmpty)
        #expect(Fixture.register.suggestions(for: String(repeating: "Hải An ", count: 100)).isEmpty)
    }

    // MARK: Folding, slugs, order

    static let folds: [(String, String)] = [
        ("Cẩm Giàng", "cam giang"),
        ("Cẩm Giang", "cam giang"),
        ("Đặc khu Bạch Long Vĩ", "dac khu bach long vi"),
        ("ĐỒ SƠN", "do son"),
        ("Thuỷ Nguyên", "thuy nguyen"),
        ("Ưng Hoà", "ung hoa"),
    ]

    @Test("fold: what a reader types in the filter box", arguments: folds)
    func fold(_ text: String, _ folded: String) {
        #expect(VietnameseText.fold(text) == folded)
        #expect(VietnameseText.fold(text.decomposedStringWithCanonicalMapping) == folded)
    }

    @Test("ASCII slugs")
    func slugs() {
        #expect(VietnameseText.slug("Xã Cẩm Giàng") == "xa-cam-giang")
        #expect(VietnameseText.slug("Hải Phòng") == "hai-phong")
        #expect(VietnameseText.slug("Sở Văn hóa, Thể thao và Du lịch") == "so-van-hoa-the-thao-va-du-lich")
        #expect(VietnameseText.slug("  1.4 / Đợt 2 ") == "1-4-dot-2")
    }

    static let ordered: [(String, String)] = [
        ("Ái", "An"),         // a-i before a-n: letters first, tones after
        ("An", "Ăn"),
        ("Ăn", "Ân"),
        ("An", "Ân"),
        ("Dương Kinh", "Đồ Sơn"), // D before Đ
        ("Đồ Sơn", "Hải An"),
        ("Đạo", "Eo"),
        ("Ma", "Mà"),         // tones break ties: ngang, huyền, hỏi, ngã, sắc, nặng
        ("Mà", "Mả"),
        ("Mả", "Mã"),
        ("Mã", "Má"),
        ("Má", "Mạ"),
        ("O", "Ô"),
        ("Ô", "Ơ"),
        ("U", "Ư"),
        ("Xã An", "Xã An Hưng"),
        ("Xã An Hưng", "Xã An Khánh"),
        ("Phường 2", "Phường 10") ,
    ]

    @Test("Vietnamese alphabetical order", arguments: ordered)
    func order(_ a: String, _ b: String) {
        #expect(VietnameseText.alphabeticallyPrecedes(a, b))
        #expect(!VietnameseText.alphabeticallyPrecedes(b, a))
    }

    @Test("sorting a list of units")
    func sortUnits() {
        let names = ["Phường Đồ Sơn", "Phường Dương Kinh", "Xã Ân Thi", "Xã An Lão", "Phường Ái Quốc", "Xã Ăn", "Phường Bắc An Phụ"]
        let sorted = names.sorted(by: VietnameseText.alphabeticallyPrecedes)
        #expect(sorted == ["Phường Ái Quốc", "Phường Bắc An Phụ", "Phường Dương Kinh", "Phường Đồ Sơn",
                           "Xã An Lão", "Xã Ăn", "Xã Ân Thi"])
        // NFC and NFD sort alike.
        #expect(names.map { $0.decomposedStringWithCanonicalMapping }.sorted(by: VietnameseText.alphabeticallyPrecedes)
                    .map(\.precomposedNFC) == sorted)
    }
}

/// The register file: every unit, its groups, and the mistakes a city can make editing it.
@Suite("Sổ đơn vị")
struct UnitRegisterTests {
    @Test("the Hải Phòng register: 114 commune-level units and 14 departments, unique codes")
    func haiPhong() {
        let register = Fixture.register
        #expect(register.units.count == 128)
        #expect(Fixture.communeCodes.count == 114)
        #expect(register.units.filter { $0.type == "phuong" }.count == 45)
        #expect(register.units.filter { $0.type == "xa" }.count == 67)
        #expect(register.units.filter { $0.type == "dac-khu" }.count == 2)
        #expect(Fixture.departmentCodes.count == 14)
        #expect(Set(register.units.map(\.code)).count == register.units.count)
        #expect(register.groups.map(\.code) == ["CAP-XA", "SO-NGANH"])
        #expect(register.members(of: .group(register.group(code: "CAP-XA")!)).count == 114)
    }

    @Test("mistakes in the register file are errors on their line")
    func mistakes() {
        let yaml = """
        types:
          - {code: xa, label: Xã}
        groups:
          - {code: G, name: Các xã, types: [xa, phuong], members: ["999"]}
        units:
          - {code: "1", name: Xã Một, type: xa}
          - {code: "1", name: Xã Hai, type: xa}
          - {code: "3", name: Xã Ba, type: huyen}
          - {code: "4", name: Xã Bốn, type: xa, aliases: [Xã Một]}
          - {code: "5", type: xa}
        """
        var diagnostics: [Diagnostic] = []
        let register = UnitRegisterFile.parse(yaml, file: "units.yaml", diagnostics: &diagnostics)
        #expect(register.units.map(\.code) == ["1", "3", "4"])
        let shown = diagnostics.map { "\($0.severity.rawValue) \($0.line) \($0.message)" }
        #expect(shown.sorted() == [
            "lỗi 10 thiếu trường \"name\"",
            "lỗi 4 nhóm Các xã gồm loại \"phuong\" chưa được khai báo",
            "lỗi 4 nhóm Các xã gồm mã \"999\" không có trong danh sách đơn vị",
            "lỗi 7 mã đơn vị \"1\" đã dùng cho đơn vị ở dòng 6",
            "lỗi 8 loại đơn vị \"huyen\" của Xã Ba chưa được khai báo",
            "lỗi 9 tên \"Xã Một\" trùng với tên của 1 (dòng 6)",
        ])
    }

    @Test("a misspelt key is a warning naming the key meant; names that are not names are an error on the key's line")
    func misspeltKeysAndNonNames() {
        let yaml = """
        type:
          - {code: xa, label: Xã}
        types:
          - {code: xa, label: Xã, heading: Xã, headin: Các xã}
        bomb: &b [[x, x], [x, x]]
        groups:
          - {code: G, name: Các xã, types: [xa], member: ["1"]}
        units:
          - {code: "1", name: Xã Một, type: xa, alias: [Một]}
          - {code: "2", name: Xã Hai, type: xa, aliases: [Hai, [Hai bis], {x: y}]}
          - {code: "3", name: Xã Ba, type: xa, aliases: *b}
          - {code: "4", name: Xã Bốn, type: xa, aliases: {Bốn: 4}}
        """
        var diagnostics: [Diagnostic] = []
        let register = UnitRegisterFile.parse(yaml, file: "units.yaml", diagnostics: &diagnostics)
        #expect(register.units.map(\.code) == ["1", "2", "3", "4"])
        #expect(register.units.map(\.aliases) == [[], ["Hai"], [], []])
        let shown = diagnostics.map { "\($0.severity.rawValue) \($0.line) \($0.message)" }
        #expect(shown.sorted() == [
            "cảnh báo 1 khóa \"type\" của sổ đơn vị không được dùng (có phải \"types\"?)",
            "cảnh báo 4 khóa \"headin\" của loại đơn vị không được dùng (có phải \"heading\"?)",
            "cảnh báo 5 khóa \"bomb\" của sổ đơn vị không được dùng",
            "cảnh báo 7 khóa \"member\" của nhóm đơn vị không được dùng (có phải \"members\"?)",
            "cảnh báo 9 khóa \"alias\" của đơn vị không được dùng (có phải \"aliases\"?)",
            "lỗi 10 2 phần tử của \"aliases\" không phải là tên",
            "lỗi 11 2 phần tử của \"aliases\" không phải là tên",
            "lỗi 12 \"aliases\" phải là một tên hoặc danh sách tên",
        ])
    }

    @Test("a broken YAML file is an error with its line, not a crash")
    func brokenYAML() {
        var diagnostics: [Diagnostic] = []
        _ = UnitRegisterFile.parse("types:\n  - {code: xa\nunits: [", file: "units.yaml", diagnostics: &diagnostics)
        #expect(diagnostics.hasErrors)
        #expect(diagnostics.first?.line ?? 0 > 0)
    }

    static let starts: [(String, Bool)] = [
        ("Sở Xây", true), ("Sở Xây dựng", true), ("sở xây dựng", true), ("Sở Xây dựng mới", false), ("Xây dựng", false),
        ("Sở Xâ", false), ("UBND phường Hải", true), ("Ủy ban nhân dân phường Hải An", true), ("Phường Hải", true),
        ("Hải An", false), ("Sở", true), ("Sở Văn hoá, Thể thao", true), ("", false), ("Ủy ban nhân dân", true),
    ]

    @Test("whether some name starts with these words (a whole word at a time)", arguments: starts)
    func nameStarts(_ words: String, _ expected: Bool) {
        #expect(Fixture.register.hasName(startingWith: words) == expected)
    }

    @Test("names resolve the same from many threads at once, and in either normal form")
    func resolveConcurrently() {
        var diagnostics: [Diagnostic] = []
        let register = UnitRegisterFile.parse((try? Fixture.text("units.yaml")) ?? "", file: "units.yaml", diagnostics: &diagnostics)
        let names = NameMatchingTests.same.map(\.0) + NameMatchingTests.same.map { $0.0.decomposedStringWithCanonicalMapping } + NameMatchingTests.unknown
        let expected = NameMatchingTests.same.map(\.1) + NameMatchingTests.same.map(\.1) + NameMatchingTests.unknown.map { _ in nil }
        let results = Results(count: names.count * 8)
        DispatchQueue.concurrentPerform(iterations: names.count * 8) { index in
            results.set(index, register.resolve(names[index % names.count])?.code)
        }
        for index in 0..<(names.count * 8) {
            #expect(results.get(index) == .some(expected[index % names.count]), "\(names[index % names.count])")
        }
    }

    /// Answers written from many threads.
    final class Results: @unchecked Sendable {
        private var values: [String??]
        private let lock = NSLock()
        init(count: Int) { values = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ value: String?) { lock.withLock { values[index] = .some(value) } }
        func get(_ index: Int) -> String?? { lock.withLock { values[index] } }
    }
}
