import AtelierCore

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
public protocol EventJournal: Sendable {
    /// Appends the events of one command atomically, numbered after `lastSeq`.
    func append(session: String, after lastSeq: Int64, _ events: [PendingEvent]) throws -> [RecordedEvent]
}

/// A journal in memory, for tests and for previews that need no store.
public final class MemoryJournal: EventJournal, @unchecked Sendable {
    private let lock = Mutex()
    private var storage: [String: [RecordedEvent]] = [:]

    public init() {}

    public func append(session: String, after lastSeq: Int64, _ events: [PendingEvent]) throws -> [RecordedEvent] {
        lock.withLock {
            var seq = lastSeq
            let recorded = events.map { pending in
                seq += 1
                return RecordedEvent(seq: seq, time: pending.time, actor: pending.actor, event: pending.event)
            }
            storage[session, default: []].append(contentsOf: recorded)
            return recorded
        }
    }

    public func events(session: String) -> [RecordedEvent] {
        lock.withLock { storage[session] ?? [] }
    }
}
