import AtelierCore
import Dispatch
import Synchronization

/// What happened to a command submitted to the live session.
public enum Outcome: Sendable {
    /// Accepted and durably stored: these events are in the journal.
    case accepted([RecordedEvent])
    /// Refused by the session's rules: nothing was stored.
    case refused(DomainError)
    /// The store failed: nothing is acknowledged.
    case failed(WriteFailure)
}

/// A write to the journal that failed, and so every command it held and
/// every command decided after them: the journal's own sentence when its
/// error carries one (`StoreError`), else the error's description in one.
public struct WriteFailure: LocalizedFailure, Hashable {
    public let message: LocalizedMessage

    public init(message: LocalizedMessage) {
        self.message = message
    }

    init(_ error: any Error) {
        if let failure = error as? any LocalizedFailure {
            message = failure.message
        } else {
            message = LocalizedMessage("live.write_failed", ["reason": .text(String(describing: error))])
        }
    }
}

/// The one writer of a live session. Every adapter (the facilitator's REPL,
/// participants over the network) submits commands here, in one order:
/// decide, append to the journal, and only then apply and tell anyone.
///
/// Appends are grouped: while one write is on its way to disk, the commands
/// that arrive are decided (in arrival order, against the state as it will
/// be once what is ahead of them is stored) and wait together for the next
/// write: one transaction and one sync for all of them. The writes run on a
/// thread of their own, so neither Swift's cooperative pool nor a network
/// event loop waits on the disk. No command is acknowledged before its
/// events are committed; when a write fails, its commands and every command
/// decided after them fail, and nothing of them is applied.
public final class LiveSession: Sendable {
    private struct Waiting {
        let events: [PendingEvent]
        let reply: CheckedContinuation<Outcome, Never>
    }

    private struct Inner {
        /// What is durably stored: what anyone may be told.
        var state: SessionState
        /// `state` and the events decided but not yet stored.
        var ahead: SessionState
        var waiting: [Waiting] = []
        var writing = false
        var listeners: [Int: AsyncStream<[[RecordedEvent]]>.Continuation] = [:]
        /// Followers that take the state after each write with it (`followStates()`).
        var stateListeners: [Int: AsyncStream<Write>.Continuation] = [:]
        var nextListener = 0
    }

    private let inner: Mutex<Inner>
    private let journal: any EventJournal
    private let writer = DispatchQueue(label: "atelier.journal")

    public init(state: SessionState, journal: any EventJournal) {
        self.inner = Mutex(Inner(state: state, ahead: state))
        self.journal = journal
    }

    /// The state of what is durably stored, read at once.
    public var state: SessionState { inner.withLock { $0.state } }

    /// The state now and every write accepted after it, read under one lock:
    /// the stream's first element is the write right after the state, so a
    /// follower applies everything it receives (none of it is in the state
    /// already, none is missed). One element per write to the journal,
    /// holding the events of each command it stored.
    public func follow() -> (state: SessionState, writes: AsyncStream<[[RecordedEvent]]>) {
        let (stream, continuation) = AsyncStream<[[RecordedEvent]]>.makeStream(bufferingPolicy: .unbounded)
        let (state, id) = inner.withLock { inner in
            defer { inner.nextListener += 1 }
            inner.listeners[inner.nextListener] = continuation
            return (inner.state, inner.nextListener)
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.inner.withLock { $0.listeners.removeValue(forKey: id) }
        }
        return (state, stream)
    }

    /// One write to the journal as `followStates()` gives it: the events of
    /// each command it stored, and the session's state once they are applied.
    public struct Write: Sendable {
        public let commands: [[RecordedEvent]]
        public let state: SessionState
    }

    /// `follow()` for a follower that needs the state after each write and
    /// not each event's own (the network room): the session's state comes
    /// with each write, so the follower does not fold the events again.
    public func followStates() -> (state: SessionState, writes: AsyncStream<Write>) {
        let (stream, continuation) = AsyncStream<Write>.makeStream(bufferingPolicy: .unbounded)
        let (state, id) = inner.withLock { inner in
            defer { inner.nextListener += 1 }
            inner.stateListeners[inner.nextListener] = continuation
            return (inner.state, inner.nextListener)
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.inner.withLock { $0.stateListeners.removeValue(forKey: id) }
        }
        return (state, stream)
    }

    /// Commands decided and waiting for a write (tests).
    var waitingCount: Int { inner.withLock { $0.waiting.count } }

    /// Decides the command; once its events are stored, applies them and
    /// acknowledges it.
    public func submit(_ command: Command) async -> Outcome {
        await withCheckedContinuation { reply in
            let start = inner.withLock { inner -> Bool in
                let events: [Event]
                do throws(DomainError) {
                    events = try inner.ahead.decide(command)
                } catch {
                    reply.resume(returning: .refused(error))
                    return false
                }
                let pending = events.map {
                    PendingEvent(time: command.time, actor: command.recordedActor(of: $0), event: $0)
                }
                for event in pending {
                    inner.ahead.apply(
                        RecordedEvent(
                            seq: inner.ahead.lastSeq + 1, time: event.time, actor: event.actor, event: event.event))
                }
                inner.waiting.append(Waiting(events: pending, reply: reply))
                guard !inner.writing else { return false }
                inner.writing = true
                return true
            }
            if start { writer.async { self.writeWaiting() } }
        }
    }

    /// On the writer's thread: writes what waits, one transaction at a
    /// time, until nothing waits.
    private func writeWaiting() {
        while true {
            // What waits is everything decided after the stored state, so the
            // state ahead is the session once the batch is applied.
            let next = inner.withLock {
                inner -> (batch: [Waiting], id: String, lastSeq: Int64, summary: SessionSummary)? in
                guard !inner.waiting.isEmpty else {
                    inner.writing = false
                    return nil
                }
                defer { inner.waiting = [] }
                return (inner.waiting, inner.state.id, inner.state.lastSeq, SessionSummary(inner.ahead))
            }
            guard let (batch, id, lastSeq, summary) = next else { return }
            do {
                let recorded = try journal.append(
                    session: id, after: lastSeq, batch.flatMap(\.events), reaching: summary)
                accept(batch, recorded)
            } catch {
                fail(batch, error)
            }
        }
    }

    private func accept(_ batch: [Waiting], _ recorded: [RecordedEvent]) {
        var rest = recorded[...]
        let perCommand = batch.map { command in
            defer { rest = rest.dropFirst(command.events.count) }
            return Array(rest.prefix(command.events.count))
        }
        let (listeners, stateListeners, state) = inner.withLock { inner in
            for event in recorded { inner.state.apply(event) }
            // The state is shared only with those that asked for it.
            let stateListeners = Array(inner.stateListeners.values)
            return (Array(inner.listeners.values), stateListeners, stateListeners.isEmpty ? nil : inner.state)
        }
        for listener in listeners { listener.yield(perCommand) }
        if let state {
            let write = Write(commands: perCommand, state: state)
            for listener in stateListeners { listener.yield(write) }
        }
        for (command, events) in zip(batch, perCommand) { command.reply.resume(returning: .accepted(events)) }
    }

    private func fail(_ batch: [Waiting], _ error: any Error) {
        // What waits was decided after the failed commands: it fails too.
        let failed = inner.withLock { inner in
            defer {
                inner.waiting = []
                inner.ahead = inner.state
            }
            return batch + inner.waiting
        }
        let failure = WriteFailure(error)
        for command in failed { command.reply.resume(returning: .failed(failure)) }
    }

    /// The events accepted from now on, from any adapter, in journal order
    /// (`follow()` without its state).
    public func events() async -> AsyncStream<[[RecordedEvent]]> {
        follow().writes
    }
}
