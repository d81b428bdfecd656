/// Counts of (task, unit) pairs per status class, how many of them the
/// units have not reported on, and the figures a report derives from them.
public struct Progress: Sendable, Hashable {
    // One counter per class, not a dictionary: progress is summed for every
    // unit, task, directive and group of a build, pair by pair.
    private var doneOnTime = 0, doneLate = 0, inProgress = 0, overdue = 0, standing = 0
    /// Pairs with no row, per class that can hold them (a done pair always has one).
    private var silentInProgress = 0, silentOverdue = 0, silentStanding = 0
    /// Pairs whose report says done, whatever their class (standing duties included).
    public private(set) var done = 0
    public private(set) var total = 0

    public init() {}

    /// Counts one pair; `state` is nil when the unit has not reported.
    public mutating func add(_ statusClass: StatusClass, state: ReportState?) {
        let silent = state == nil
        switch statusClass {
        case .doneOnTime: doneOnTime += 1
        case .doneLate: doneLate += 1
        case .inProgress: inProgress += 1; if silent { silentInProgress += 1 }
        case .overdue: overdue += 1; if silent { silentOverdue += 1 }
        case .standing: standing += 1; if silent { silentStanding += 1 }
        }
        total += 1
        if state == .done { done += 1 }
    }

    public mutating func add(_ other: Progress) {
        doneOnTime += other.doneOnTime
        doneLate += other.doneLate
        inProgress += other.inProgress
        overdue += other.overdue
        standing += other.standing
        silentInProgress += other.silentInProgress
        silentOverdue += other.silentOverdue
        silentStanding += other.silentStanding
        done += other.done
        total += other.total
    }

    /// Pairs in a class, reported or not.
    public func count(_ statusClass: StatusClass) -> Int {
        switch statusClass {
        case .doneOnTime: doneOnTime
        case .doneLate: doneLate
        case .inProgress: inProgress
        case .overdue: overdue
        case .standing: standing
        }
    }

    /// The part of a class's pairs whose unit has not reported ("chưa báo cáo").
    public func silent(_ statusClass: StatusClass) -> Int {
        switch statusClass {
        case .doneOnTime, .doneLate: 0
        case .inProgress: silentInProgress
        case .overdue: silentOverdue
        case .standing: silentStanding
        }
    }

    /// Pairs with no row at all, whatever their class.
    public var silent: Int { silentInProgress + silentOverdue + silentStanding }

    /// Share of pairs done, 0...100 (0 when there are none).
    public var percentDone: Double { total == 0 ? 0 : Double(done) * 100 / Double(total) }

    /// Share of finished pairs with a deadline that finished on time; nil
    /// when nothing with a deadline is finished yet.
    public var onTimeRate: Double? {
        let finished = count(.doneOnTime) + count(.doneLate)
        return finished == 0 ? nil : Double(count(.doneOnTime)) * 100 / Double(finished)
    }
}
