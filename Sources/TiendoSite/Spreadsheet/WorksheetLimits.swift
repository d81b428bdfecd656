import Foundation

/// Keeps sheets within what Excel opens: names of at most 31 characters
/// without : \ / ? * [ ], distinct whatever their case, and at most
/// 1,048,576 rows and 16,384 columns. A longer sheet goes on in "Name (2)",
/// "Name (3)", each with the header; a wider one repeats its frozen columns.
enum WorksheetLimits {
    static let maxName = 31

    static func split(_ sheets: [Worksheet], maxRows: Int = Worksheet.maxRows, maxColumns: Int = Worksheet.maxColumns) -> [Worksheet] {
        var parts: [Worksheet] = []
        for sheet in sheets {
            let wide = splitColumns(sheet, maxColumns: maxColumns)
            for piece in wide { parts.append(contentsOf: splitRows(piece, maxRows: maxRows)) }
        }
        var taken = Set<String>()
        return parts.map { part in
            var part = part
            part.name = uniqueName(part.name, taken: &taken)
            return part
        }
    }

    static func splitRows(_ sheet: Worksheet, maxRows: Int) -> [Worksheet] {
        let perSheet = maxRows - 1
        guard sheet.rowCount > perSheet else { return [sheet] }
        return stride(from: 0, to: sheet.rowCount, by: perSheet).map { start in
            var part = sheet
            let row = sheet.row
            part.rowCount = min(perSheet, sheet.rowCount - start)
            part.row = { row(start + $0) }
            return part
        }
    }

    static func splitColumns(_ sheet: Worksheet, maxColumns: Int) -> [Worksheet] {
        // Only the columns declared count: a sheet is not read whole to find a longer row.
        let width = sheet.columns.count
        guard width > maxColumns else { return [sheet] }
        let kept = min(sheet.frozenColumns, maxColumns - 1)
        let perSheet = maxColumns - kept
        return stride(from: kept, to: width, by: perSheet).map { start in
            let end = min(start + perSheet, width)
            @Sendable func pick<T>(_ items: [T]) -> [T] {
                Array(items.prefix(kept)) + (start < items.count ? Array(items[start..<min(end, items.count)]) : [])
            }
            var part = sheet
            let row = sheet.row
            part.columns = pick(sheet.columns)
            part.row = { pick(row($0)) }
            part.frozenColumns = kept
            // Rules follow their column, or go when it is on another part.
            part.validations = sheet.validations.compactMap { rule in
                var rule = rule
                if rule.column < kept { return rule }
                guard (start..<end).contains(rule.column) else { return nil }
                rule.column = rule.column - start + kept
                return rule
            }
            return part
        }
    }

    /// A valid sheet name, not yet taken (Excel compares names without case).
    static func uniqueName(_ name: String, taken: inout Set<String>) -> String {
        var base = String(name.map { ":\\/?*[]".contains($0) ? "-" : $0 })
        base = base.trimmingCharacters(in: CharacterSet(charactersIn: "' "))
        if base.isEmpty { base = "Trang" }
        var candidate = String(base.prefix(maxName))
        var number = 2
        while taken.contains(candidate.lowercased()) {
            let suffix = " (\(number))"
            candidate = String(base.prefix(maxName - suffix.count)) + suffix
            number += 1
        }
        taken.insert(candidate.lowercased())
        return candidate
    }
}
