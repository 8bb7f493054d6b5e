import AtelierCore
import Foundation
import GRDB

/// Writes events into a transaction: each one into `events` (its typed
/// columns, for queries) and into `event_packs` (packed, for the fold), in
/// the same transaction, so neither is ever without the other.
struct EventInsert {
    private let events: Statement
    private let packs: Statement

    init(_ db: Database) throws {
        events = try db.cachedStatement(
            sql: """
                INSERT INTO events (session, seq, time, kind, v, actor, stage, item, department, participant, other,
                    value, text)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        packs = try db.cachedStatement(sql: "INSERT INTO event_packs (session, seq, time, packed) VALUES (?, ?, ?, ?)")
    }

    func callAsFunction(_ recorded: RecordedEvent, session key: Int64) throws {
        let c = EventColumns(recorded.event, actor: recorded.actor)
        events.setUncheckedArguments([
            key, recorded.seq, recorded.time, c.kind, RecordedEvent.schemaVersion, c.actor, c.stage, c.item,
            c.department, c.participant, c.other, c.value, c.text,
        ])
        try events.execute()
        try pack(recorded, session: key)
    }

    /// The packed row alone, for events already in `events`.
    func pack(_ recorded: RecordedEvent, session key: Int64) throws {
        packs.setUncheckedArguments([
            key, recorded.seq, recorded.time, Data(PackedEvent.encode(recorded.event, actor: recorded.actor)),
        ])
        try packs.execute()
    }
}
