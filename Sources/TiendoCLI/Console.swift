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
