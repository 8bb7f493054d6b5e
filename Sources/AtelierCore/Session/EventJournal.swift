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
    func append(session: String, after lastSeq: Int64, _ events: [PendingEvent]) throws -> [RecordedEvent]
}
