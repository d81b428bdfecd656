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

    /// Prints diagnostics, errors first, each on one line a clerk can act
    /// on; past `InputLimits.messagesPrinted` lines, one line counts the rest.
    static func report(_ diagnostics: [Diagnostic]) {
        // Each kind capped here too: `tasks` reads directives without the loader.
        let diagnostics = DiagnosticTally.capped(diagnostics)
        let ordered = diagnostics.errors + diagnostics.warnings
        let shown = ordered.prefix(InputLimits.messagesPrinted)
        var text = ""
        for diagnostic in shown { text += diagnostic.description + "\n" }
        let rest = Array(ordered.dropFirst(shown.count)).counts
        if rest.errors + rest.warnings > 0 {
            text += "… và \(VietnameseNumber.grouped(rest.errors)) lỗi, \(VietnameseNumber.grouped(rest.warnings)) cảnh báo khác không in ra"
                + " (chỉ in \(VietnameseNumber.grouped(InputLimits.messagesPrinted)) dòng đầu)\n"
        }
        let total = diagnostics.counts
        if total.errors > 0 || total.warnings > 0 {
            text += "\(VietnameseNumber.grouped(total.errors)) lỗi, \(VietnameseNumber.grouped(total.warnings)) cảnh báo.\n"
        }
        if !text.isEmpty { error(text) }
    }
}

/// The date of the figures, read in the command line and only here: the
/// one place tiendo reads the clock. `--as-of` pins it, then
/// `SOURCE_DATE_EPOCH` (reproducible builds); otherwise it is today in Viet Nam.
enum AsOfArgument {
    static func resolve(_ option: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
                        now: () -> Int = { Int(Date().timeIntervalSince1970.rounded(.down)) }) throws -> CivilDate {
        switch FiguresDate.resolve(option: option, sourceDateEpoch: environment["SOURCE_DATE_EPOCH"], now: now) {
        case .success(let resolved): return resolved.date
        case .failure(let failure): throw CommandFailure(failure.message)
        }
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
