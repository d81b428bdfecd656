import Foundation

/// Tells the tables that only place text side by side (the header: issuer |
/// national motto, number | place and date; the signature: Nơi nhận | TM.
/// and name) from tables of data, by the words every Vietnamese
/// administrative document puts there.
enum LayoutTable {
    /// A table that lays out the header or the signature rather than holding data.
    static func isLayout(_ rows: [[WordConverter.Cell]]) -> Bool {
        guard rows.count <= 6 else { return false }
        let text = rows.flatMap { $0.flatMap { $0.blocks.map(plainText) } }
        let upper = text.map { $0.uppercased() }
        if upper.contains(where: { $0.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA") || $0.contains("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA")
            || $0.contains("ĐỘC LẬP - TỰ DO") || $0.contains("NƠI NHẬN") }) { return true }
        let starts = upper.map { $0.trimmingCharacters(in: .whitespaces) }
        return starts.contains { $0.hasPrefix("SỐ:") } && starts.contains { $0.contains(", NGÀY") }
            || starts.contains { $0.hasPrefix("TM. ") || $0.hasPrefix("KT. ") }
    }

    static func plainText(_ block: WordConverter.Block) -> String {
        switch block {
        case .paragraph(_, let segments): return segments.map(\.text).joined()
        case .table(let rows): return rows.flatMap { $0.flatMap { $0.blocks.map(plainText) } }.joined(separator: " ")
        }
    }
}
