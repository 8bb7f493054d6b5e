import Synchronization

/// The lines waiting to be written to one participant. Anyone may add lines
/// without waiting (a push to the room never waits on a slow reader); one
/// writer task takes them in batches. It holds at most `maxBytes`: a client
/// that stops reading fills it, `send` answers false, and the server drops
/// the connection.
final class Outbox: Sendable {
    private struct State {
        var lines: [String] = []
        var bytes = 0
        var finished = false
        var overflowed = false
        var waiter: CheckedContinuation<[String]?, Never>?
    }

    let maxBytes: Int
    private let state = Mutex(State())

    init(maxBytes: Int) {
        self.maxBytes = maxBytes
    }

    /// Queues a line; false when it does not fit (the line is not queued) or
    /// the outbox is finished.
    @discardableResult
    func send(_ line: String) -> Bool {
        send([line])
    }

    @discardableResult
    func send(_ lines: [String]) -> Bool {
        let size = lines.reduce(0) { $0 + $1.utf8.count + 1 }
        let (accepted, waiter): (Bool, CheckedContinuation<[String]?, Never>?) = state.withLock { state in
            guard !state.finished, !state.overflowed else { return (false, nil) }
            guard state.bytes + size <= maxBytes else {
                state.overflowed = true
                return (false, nil)
            }
            guard let waiter = state.waiter else {
                state.lines.append(contentsOf: lines)
                state.bytes += size
                return (true, nil)
            }
            state.waiter = nil
            return (true, waiter)
        }
        waiter?.resume(returning: lines)
        return accepted
    }

    /// No more lines: the writer takes what is queued, then stops.
    func finish() {
        let waiter = state.withLock { state -> CheckedContinuation<[String]?, Never>? in
            state.finished = true
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume(returning: nil)
    }

    var isFinished: Bool { state.withLock { $0.finished } }

    /// The next batch of lines, waiting for one; nil once finished and empty.
    func next() async -> [String]? {
        await withCheckedContinuation { continuation in
            let batch = state.withLock { state -> [String]?? in
                if !state.lines.isEmpty {
                    let lines = state.lines
                    state.lines = []
                    state.bytes = 0
                    return .some(lines)
                }
                if state.finished || state.overflowed { return .some(nil) }
                state.waiter = continuation
                return .none
            }
            if let batch { continuation.resume(returning: batch) }
        }
    }
}
