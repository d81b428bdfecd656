import Foundation

/// Facts about the machine the build runs on.
enum SystemInfo {
    static var activeProcessorCount: Int { ProcessInfo.processInfo.activeProcessorCount }
}

/// A mutex with a closure-scoped critical section.
final class NSLockLike: @unchecked Sendable {
    private let lock = NSLock()

    func locked<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}

/// Runs `work` on `count` threads (the caller's among them) and waits for all.
/// Plain threads, not `concurrentPerform`: called from an async command,
/// libdispatch ran that on a single thread.
enum Workers {
    static func run(count: Int, _ work: @escaping @Sendable () -> Void) {
        let group = DispatchGroup()
        for _ in 1..<max(1, count) {
            group.enter()
            let thread = Thread {
                work()
                group.leave()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        work()
        group.wait()
    }
}

extension Workers {
    /// `transform` of every item, worked out on `threads` threads; the
    /// results come back in the items' order, so they never depend on
    /// which thread finished first.
    static func map<Item: Sendable, Result: Sendable>(_ items: [Item], threads: Int,
                                                      _ transform: @escaping @Sendable (Item) -> Result) -> [Result] {
        let slots = Slots<Result>(count: items.count)
        let counter = Counter()
        run(count: max(1, min(threads, items.count))) {
            while let index = counter.next(limit: items.count) { slots.set(index, transform(items[index])) }
        }
        return slots.values.map { $0! }
    }
}

/// Results written by many threads, each index by exactly one of them, and
/// the first error, which tells the other threads to stop.
final class Slots<Value>: @unchecked Sendable {
    private var storage: [Value?]
    private var firstError: Error?
    private let lock = NSLockLike()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) { lock.locked { storage[index] = value } }
    func fail(_ error: Error) { lock.locked { if firstError == nil { firstError = error } } }
    var failed: Bool { lock.locked { firstError != nil } }
    var error: Error? { lock.locked { firstError } }
    /// Nil where nothing was set.
    var values: [Value?] { lock.locked { storage } }
}

/// Hands out work positions and counts finished ones.
final class Counter: @unchecked Sendable {
    private var nextPosition = 0
    private var done = 0
    private let lock = NSLockLike()

    func next(limit: Int) -> Int? {
        lock.locked {
            guard nextPosition < limit else { return nil }
            defer { nextPosition += 1 }
            return nextPosition
        }
    }

    func finished() -> Int { lock.locked { done += 1; return done } }
}
