import AtelierCore
import AtelierStore
import NIOCore
import PostgresNIO

/// The rows of `atelier_events`: each event packed (`PackedEvent`, the same
/// bytes as the SQLite store's `event_packs`), written in one statement per
/// batch (arrays unnested), read in sequence order and checked whole.
enum EventRows {
    /// Rows per INSERT statement when a long journal is copied in.
    static let batch = 10_000

    static func insert(_ query: Query, session key: Int64, _ events: some Collection<RecordedEvent>) throws {
        var packed: [UInt8] = []
        var start = events.startIndex
        while start != events.endIndex {
            let end = events.index(start, offsetBy: batch, limitedBy: events.endIndex) ?? events.endIndex
            var seqs: [Int64] = []
            var times: [Int64] = []
            var packs: [ByteBuffer] = []
            for event in events[start..<end] {
                seqs.append(event.seq)
                times.append(event.time)
                PackedEvent.encode(event.event, actor: event.actor, into: &packed)
                packs.append(ByteBuffer(bytes: packed))
            }
            try query(
                """
                INSERT INTO atelier_events (session, seq, time, packed)
                SELECT \(key), seq, time, packed FROM unnest(\(seqs)::bigint[], \(times)::bigint[], \(packs)::bytea[])
                    AS e(seq, time, packed)
                """)
            start = end
        }
    }

    /// Hands on each event after `seq`, in order, refusing a gap or an
    /// unreadable event as the SQLite store does.
    static func forEach(
        _ query: Query, _ session: StoredSessionRow, after seq: Int64, _ body: (RecordedEvent) throws -> Void
    ) throws {
        let rows = try query(
            "SELECT seq, time, packed FROM atelier_events WHERE session = \(session.key) AND seq > \(seq) ORDER BY seq"
        )
        let names = NameCache()
        var previous = seq
        for row in rows {
            let (seq, time, packed) = try row.decode((Int64, Int64, ByteBuffer).self)
            guard seq == previous + 1 else {
                throw StoreError(
                    "store.journal_gap",
                    ["session": .text(session.id), "seq": .text("\(seq)"), "previous": .text("\(previous)")])
            }
            let decoded = packed.withUnsafeReadableBytes { PackedEvent.decode($0, names: names) }
            guard let (actor, event) = decoded else {
                let (kind, version) = packed.withUnsafeReadableBytes { PackedEvent.label($0) }
                throw StoreError(
                    "store.unreadable_event",
                    [
                        "session": .text(session.id), "seq": .text("\(seq)"), "kind": .text(kind),
                        "version": .text("\(version)"),
                    ])
            }
            previous = seq
            try body(RecordedEvent(seq: seq, time: time, actor: actor, event: event))
        }
    }

    /// The session's state: its journal folded, on two threads when long
    /// (the SQLite store's `FoldPipeline`).
    static func fold(_ query: Query, _ session: StoredSessionRow) throws -> SessionState {
        let state = SessionState(id: session.id, workshop: session.workshop, locale: session.locale)
        return try FoldPipeline.fold(state) { hand in
            try forEach(query, session, after: 0) { hand($0) }
        }
    }
}
