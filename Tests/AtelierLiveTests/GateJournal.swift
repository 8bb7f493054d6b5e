import AtelierCore
import Dispatch
import Synchronization

/// A journal the test holds: each append waits at the gate until the test
/// lets it through, then stores or fails as the test said. It tells the test
/// when an append has arrived, so nothing here waits on the clock.
final class GateJournal: EventJournal, Sendable {
    struct Refused: Error, CustomStringConvertible {
        var description: String { "disk full" }
    }

    private struct State {
        var appends: [[PendingEvent]] = []
        var outcomes: [Bool] = []
        var arrived: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())
    private let gate = DispatchSemaphore(value: 0)
    private let failure: (any Error & Sendable)?

    /// - Parameter failure: what a failing append throws (nil: `Refused`).
    init(failure: (any Error & Sendable)? = nil) {
        self.failure = failure
    }

    /// What each append received, in order.
    var appends: [[PendingEvent]] { state.withLock { $0.appends } }

    /// Waits until `count` appends have arrived at the gate.
    func arrived(_ count: Int) async {
        while state.withLock({ $0.appends.count }) < count {
            await withCheckedContinuation { continuation in
                let now = state.withLock { state -> Bool in
                    if state.appends.count >= count { return true }
                    state.arrived.append(continuation)
                    return false
                }
                if now { continuation.resume() }
            }
        }
    }

    /// Lets the next waiting append through: stored, or failed.
    func release(storing: Bool) {
        state.withLock { $0.outcomes.append(storing) }
        gate.signal()
    }

    func append(
        session: String, after lastSeq: Int64, _ events: [PendingEvent], reaching summary: SessionSummary
    ) throws -> [RecordedEvent] {
        let waiting = state.withLock { state in
            state.appends.append(events)
            defer { state.arrived = [] }
            return state.arrived
        }
        for continuation in waiting { continuation.resume() }
        gate.wait()
        let stores = state.withLock { $0.outcomes.removeFirst() }
        guard stores else { throw failure ?? Refused() }
        return events.enumerated().map { index, pending in
            RecordedEvent(
                seq: lastSeq + Int64(index) + 1, time: pending.time, actor: pending.actor, event: pending.event)
        }
    }
}
