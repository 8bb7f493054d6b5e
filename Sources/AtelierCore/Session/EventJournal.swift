/// An event not yet in the journal: what happened, who did it, when.
public struct PendingEvent: Sendable, Hashable {
    public let time: Timestamp
    public let actor: Actor
    public let event: Event

    public init(time: Timestamp, actor: Actor, event: Event) {
        self.time = time
        self.actor = actor
        self.event = event
    }
}

/// Where a live session's events are made durable. `append` returns only
/// once the events are committed: nothing is acknowledged before.
/// The port is declared in the core so that the store (AtelierStore) and the
/// live session (AtelierLive) both see it; the core itself does no I/O.
public protocol EventJournal: Sendable {
    /// Appends the events of one command atomically, numbered after `lastSeq`.
    /// `summary` is the session once they are applied: what a list of the
    /// stored sessions shows, kept with them so that listing folds nothing.
    func append(session: String, after lastSeq: Int64, _ events: [PendingEvent], reaching summary: SessionSummary)
        throws -> [RecordedEvent]
}

extension SessionState {
    /// The summary of this session once `events` are applied after its last
    /// one (applied to a copy: for a caller that has no state ahead of the
    /// journal, such as a test or a tool).
    public func summary(after events: [PendingEvent]) -> SessionSummary {
        var ahead = self
        for event in events {
            ahead.apply(RecordedEvent(seq: ahead.lastSeq + 1, time: event.time, actor: event.actor, event: event.event))
        }
        return SessionSummary(ahead)
    }
}
