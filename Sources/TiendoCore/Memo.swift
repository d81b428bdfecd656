import Foundation

/// Answers already worked out for a pure function, kept by a value that
/// never changes (a register) and shared by all its copies and threads.
/// The answer for a key must never change: only what is costly to work out
/// again is remembered, never what could differ.
public final class Memo<Key: Hashable, Value>: @unchecked Sendable {
    // Guarded by `lock`; readers on several threads share one memo.
    private var answers: [Key: Value] = [:]
    private let lock = NSLock()
    private let limit: Int

    /// `limit`: how many answers to keep at most; past it an answer is
    /// worked out each time it is asked (a memo of whatever text an input
    /// holds would otherwise grow with the input, junk included).
    public init(limit: Int = .max) {
        self.limit = limit
    }

    /// The remembered answer for `key`, or `work(key)` remembered.
    public func value(for key: Key, _ work: (Key) -> Value) -> Value {
        if let known = lock.withLock({ answers[key] }) { return known }
        let value = work(key)
        lock.withLock { if answers.count < limit { answers[key] = value } }
        return value
    }
}
