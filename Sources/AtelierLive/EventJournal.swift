import AtelierCore
import Synchronization

/// A journal in memory, for tests and for previews that need no store.
public final class MemoryJournal: EventJournal, Sendable {
    private let storage = Mutex<[String: [RecordedEvent]]>([:])

    public init() {}

    public func append(
        session: String, after lastSeq: Int64, _ events: [PendingEvent], reaching summary: SessionSummary
    ) throws -> [RecordedEvent] {
        storage.withLock { storage in
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
        storage.withLock { $0[session] ?? [] }
    }
}
