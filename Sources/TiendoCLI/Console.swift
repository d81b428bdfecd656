import Foundation
import TiendoCore

/// Writes to standard output and error without buffering surprises.
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    /// Prints diagnostics, errors first, each on one line a clerk can act on.
    static func report(_ diagnostics: [Diagnostic]) {
        let ordered = diagnostics.errors + diagnostics.warnings
        for diagnostic in ordered { error(diagnostic.description) }
        let errors = diagnostics.errors.count, warnings = diagnostics.warnings.count
        if errors > 0 || warnings > 0 {
            error("\(errors) lỗi, \(warnings) cảnh báo.")
        }
    }
}

enum AsOfArgument {
    static func parse(_ text: String?) throws -> CivilDate? {
        guard let text else { return nil }
        guard let date = CivilDate(iso: text) ?? DateText.parseDay(text) else {
            throw CommandFailure("ngày số liệu \"\(text)\" không hợp lệ — viết dạng YYYY-MM-DD, ví dụ 2026-06-26")
        }
        return date
    }
}

/// A failure with a message for the user; exits with status 1.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension CommandFailure: LocalizedError {
    var errorDescription: String? { description }
}
