/// Counts of (task, unit) pairs per status class, and the figures a report
/// derives from them.
public struct Progress: Sendable, Hashable {
    public private(set) var counts: [StatusClass: Int] = [:]
    /// Pairs whose report says done, whatever their class (standing duties included).
    public private(set) var done = 0
    public private(set) var total = 0

    public init() {}

    public mutating func add(_ statusClass: StatusClass, state: ReportState?) {
        counts[statusClass, default: 0] += 1
        total += 1
        if state == .done { done += 1 }
    }

    public mutating func add(_ other: Progress) {
        for (key, value) in other.counts { counts[key, default: 0] += value }
        done += other.done
        total += other.total
    }

    public func count(_ statusClass: StatusClass) -> Int { counts[statusClass] ?? 0 }

    /// Share of pairs done, 0...100 (0 when there are none).
    public var percentDone: Double { total == 0 ? 0 : Double(done) * 100 / Double(total) }

    /// Share of finished pairs with a deadline that finished on time; nil
    /// when nothing with a deadline is finished yet.
    public var onTimeRate: Double? {
        let finished = count(.doneOnTime) + count(.doneLate)
        return finished == 0 ? nil : Double(count(.doneOnTime)) * 100 / Double(finished)
    }
}
