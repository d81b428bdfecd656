/// Diagnostics collected with a ceiling per kind. Fifty megabytes of junk
/// under a valid header once gave 3.57 million messages: more than anyone
/// reads, and a gigabyte of memory. The first `InputLimits.diagnosticsPerKind`
/// of each kind are kept; the rest are only counted, and one line says how
/// many ("… và 3.566.000 lỗi khác cùng loại").
///
/// A kind is the severity, file, column and the message with its quoted
/// values and numbers left out: "không đọc được ngày hoàn thành "x"" on
/// every row is one kind, whatever the rows hold.
public struct DiagnosticTally: Sendable {
    private var kept: [Diagnostic] = []
    private var kinds: [Kind: Count] = [:]
    /// Kinds in the order they were first seen, so the summary lines are deterministic.
    private var order: [Kind] = []
    public private(set) var errorCount = 0
    public private(set) var warningCount = 0

    struct Kind: Hashable, Sendable {
        let severity: Diagnostic.Severity
        let file: String
        let column: Int
        let shape: String
    }

    struct Count: Sendable {
        var seen: Int
        let first: Diagnostic
    }

    public init() {}

    public var hasErrors: Bool { errorCount > 0 }

    public mutating func add(_ diagnostic: Diagnostic) {
        add(diagnostic.severity, file: diagnostic.file, column: diagnostic.column, diagnostic.message,
            weight: diagnostic.omitted ?? 1) { diagnostic }
    }

    /// Adds one diagnostic; its hint is worked out only if it is kept
    /// (hints that suggest the nearest unit name cost edit distances, and
    /// a file of junk would pay them on every row).
    public mutating func add(_ severity: Diagnostic.Severity, file: String, line: Int, column: Int,
                             _ message: String, hint: @autoclosure () -> String) {
        add(severity, file: file, column: column, message, weight: 1) {
            Diagnostic(severity, file: file, line: line, column: column, message, hint: hint())
        }
    }

    /// `weight`: how many diagnostics this stands for (a summary line from
    /// an earlier tally passes through whole and keeps its count).
    private mutating func add(_ severity: Diagnostic.Severity, file: String, column: Int, _ message: String,
                              weight: Int, _ make: () -> Diagnostic) {
        if severity == .error { errorCount += weight } else { warningCount += weight }
        let kind = Kind(severity: severity, file: file, column: column, shape: Self.shape(message))
        if var count = kinds[kind] {
            count.seen += 1
            kinds[kind] = count
            if count.seen <= InputLimits.diagnosticsPerKind { kept.append(make()) }
        } else {
            let diagnostic = make()
            kinds[kind] = Count(seen: 1, first: diagnostic)
            order.append(kind)
            kept.append(diagnostic)
        }
    }

    public mutating func add<S: Sequence<Diagnostic>>(contentsOf diagnostics: S) {
        for diagnostic in diagnostics { add(diagnostic) }
    }

    /// The kept diagnostics, then one line per kind that was cut.
    public var diagnostics: [Diagnostic] {
        var all = kept
        for kind in order {
            guard let count = kinds[kind], count.seen > InputLimits.diagnosticsPerKind else { continue }
            let more = count.seen - InputLimits.diagnosticsPerKind
            let noun = kind.severity == .error ? "lỗi" : "cảnh báo"
            var summary = Diagnostic(kind.severity, file: kind.file, line: 0, column: kind.column, cell: nil,
                                     "… và \(VietnameseNumber.grouped(more)) \(noun) khác cùng loại với \"\(Self.excerpt(count.first.message))\"",
                                     hint: "chỉ in \(InputLimits.diagnosticsPerKind) \(noun) đầu của mỗi loại; sửa các dòng trên (thường là cả cột bị sai, hoặc nhầm tệp) rồi chạy lại tiendo check")
            summary.omitted = more
            all.append(summary)
        }
        return all
    }

    /// Caps a finished list the same way.
    public static func capped(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var tally = DiagnosticTally()
        tally.add(contentsOf: diagnostics)
        return tally.diagnostics
    }

    /// The message without what varies from row to row: quoted text and digits.
    static func shape(_ message: String) -> String {
        var out = String.UnicodeScalarView()
        var quoted = false
        for scalar in message.unicodeScalars {
            if scalar == "\"" { quoted.toggle(); continue }
            if quoted || ("0"..."9").contains(scalar) { continue }
            out.append(scalar)
        }
        return String(out)
    }

    static func excerpt(_ message: String) -> String {
        let plain = String(message.map { $0 == "\"" ? "'" : $0 })
        return plain.count > 80 ? plain.prefix(79) + "…" : plain
    }
}
