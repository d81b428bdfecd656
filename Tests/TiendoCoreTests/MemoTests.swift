import Testing
@testable import TiendoCore

/// A memo answers as the work does, and keeps no more answers than its limit
/// (a memo of the texts of a file of junk once took most of `check`'s memory).
@Suite struct MemoTests {
    final class Counter: @unchecked Sendable { var calls: [Int] = [] }

    @Test func keepsAnswersUpToItsLimitThenWorksEachTime() {
        let memo = Memo<Int, Int>(limit: 2)
        let counter = Counter()
        func ask(_ key: Int) -> Int { memo.value(for: key) { counter.calls.append($0); return $0 * 10 } }
        #expect([1, 2, 3, 1, 2, 3, 3].map(ask) == [10, 20, 30, 10, 20, 30, 30])
        // 1 and 2 were remembered; 3 came past the limit and is worked out every time.
        #expect(counter.calls == [1, 2, 3, 3, 3])
    }

    @Test func withoutALimitEveryAnswerIsKept() {
        let memo = Memo<Int, Int>()
        let counter = Counter()
        for key in [1, 2, 3, 1, 2, 3] { _ = memo.value(for: key) { counter.calls.append($0); return $0 } }
        #expect(counter.calls == [1, 2, 3])
    }
}
