import AtelierCore

/// What happened to a command submitted to the live session.
public enum Outcome: Sendable {
    /// Accepted and durably stored: these events are in the journal.
    case accepted([RecordedEvent])
    /// Refused by the session's rules: nothing was stored.
    case refused(DomainError)
    /// The store failed: nothing is acknowledged.
    case failed(String)
}

/// The one writer of a live session. Every adapter (the facilitator's REPL,
/// participants over the network) submits commands here, in one order:
/// decide, append to the journal, and only then evolve and tell anyone.
public actor LiveSession {
    public private(set) var state: SessionState
    private let journal: any EventJournal
    private var listeners: [Int: AsyncStream<[RecordedEvent]>.Continuation] = [:]
    private var nextListener = 0

    public init(state: SessionState, journal: any EventJournal) {
        self.state = state
        self.journal = journal
    }

    public func submit(_ command: Command) -> Outcome {
        let events: [Event]
        do {
            events = try state.decide(command)
        } catch {
            return .refused(error)
        }
        let pending = events.map { PendingEvent(time: command.time, actor: command.actor, event: $0) }
        let recorded: [RecordedEvent]
        do {
            recorded = try journal.append(session: state.id, after: state.lastSeq, pending)
        } catch {
            return .failed(String(describing: error))
        }
        for event in recorded { state.apply(event) }
        for listener in listeners.values { listener.yield(recorded) }
        return .accepted(recorded)
    }

    /// Every batch of events accepted from now on, from any adapter.
    public func events() -> AsyncStream<[RecordedEvent]> {
        let (stream, continuation) = AsyncStream<[RecordedEvent]>.makeStream(bufferingPolicy: .unbounded)
        let id = nextListener
        nextListener += 1
        listeners[id] = continuation
        continuation.onTermination = { [weak self] _ in
            Task { await self?.removeListener(id) }
        }
        return stream
    }

    private func removeListener(_ id: Int) {
        listeners[id] = nil
    }
}
