import Testing
@testable import TiendoCore

/// Who collects the reports, and which documents a task cites.
@Suite("Đơn vị tổng hợp và văn bản dẫn chiếu")
struct TaskDetailsTests {
    /// One task under a department heading, read as a directive.
    static func task(_ text: String) -> Task? {
        Fixture.read("**1. Sở Y tế**\n\n- \(text)\n").directive.tasks.first
    }

    static let consolidators: [(String, String?, String?)] = [
        ("báo cáo Ủy ban nhân dân thành phố (qua Sở Nội vụ để tổng hợp), hoàn thành trước ngày 27/6/2026.", "Sở Nội vụ", "SNV"),
        ("báo cáo UBND thành phố (qua Sở Tài chính).", "Sở Tài chính", "STC"),
        ("báo cáo (qua Văn phòng UBND thành phố để theo dõi, tổng hợp).", "Văn phòng UBND thành phố", "VPUBND"),
        ("gửi về Sở Nội vụ để tổng hợp, báo cáo UBND thành phố.", "Sở Nội vụ", "SNV"),
        ("gửi Sở Tài chính tổng hợp trước ngày 15/7/2026.", "Sở Tài chính", "STC"),
        ("báo cáo kết quả qua Sở Nội vụ tổng hợp.", "Sở Nội vụ", "SNV"),
        ("báo cáo UBND thành phố (qua Ban Chỉ đạo 35 để tổng hợp).", "Ban Chỉ đạo 35", nil),
        ("báo cáo Ủy ban nhân dân thành phố.", nil, nil),
        ("Tổng hợp kết quả rà soát, báo cáo UBND thành phố.", nil, nil),
    ]

    @Test("consolidator: \"(qua Sở Nội vụ để tổng hợp)\" and its other wordings", arguments: consolidators)
    func consolidator(_ text: String, _ name: String?, _ code: String?) throws {
        let task = try #require(Self.task(text))
        #expect(task.consolidator?.name == name)
        #expect(task.consolidator?.code == code)
    }

    static let references: [(String, [String])] = [
        ("trọng tâm là các nhiệm vụ tại Thông báo số 406-TB/TU.", ["406-TB/TU"]),
        ("Căn cứ Nghị quyết số 148/NQ-CP ngày 06/6/2026 và Kế hoạch số 192/KH-UBND.", ["148/NQ-CP", "192/KH-UBND"]),
        ("theo Kết luận số 18-KL/TW, ngày 02/4/2026", ["18-KL/TW"]),
        ("theo Nghị định số 150/2025/NĐ-CP", ["150/2025/NĐ-CP"]),
        ("theo Quyết định 1234/QĐ-UBND và Quyết định 1234/QĐ-UBND", ["1234/QĐ-UBND"]),
        ("hoàn thành 2/3 khối lượng trước ngày 30/6/2026", []),
        ("tại 45 xã, phường", []),
    ]

    @Test("document references in the text", arguments: references)
    func reference(_ text: String, _ expected: [String]) throws {
        #expect(try #require(Self.task(text)).references == expected)
    }
}
