import AtelierCore
import GRDB

/// Reads a session's journal from the typed columns, in sequence order,
/// checking that it is whole (1, 2, 3, ... with no gap) and readable.
/// No JSON is decoded: this is the fast path of `load` and `sessions`.
enum JournalReader {
    static let select = """
        SELECT seq, time, kind, v, actor, stage, item, department, participant, other, value, text
        FROM events WHERE session = ? ORDER BY seq
        """

    static func forEach(_ db: Database, session key: Int64, id: String, _ body: (RecordedEvent) throws -> Void) throws {
        let rows = try Row.fetchCursor(db, sql: select, arguments: [key])
        var previous: Int64 = 0
        while let row = try rows.next() {
            let seq: Int64 = row[0]
            let columns = EventColumns(
                kind: row[2], actor: row[4], stage: row[5], item: row[6], department: row[7], participant: row[8],
                other: row[9], value: row[10], text: row[11])
            let version: Int = row[3]
            guard seq == previous + 1 else {
                throw StoreError(
                    "store.journal_gap",
                    ["session": .text(id), "seq": .text("\(seq)"), "previous": .text("\(previous)")])
            }
            guard version <= RecordedEvent.schemaVersion, let event = columns.event else {
                throw StoreError(
                    "store.unreadable_event",
                    [
                        "session": .text(id), "seq": .text("\(seq)"), "kind": .text(columns.kind),
                        "version": .text("\(version)"),
                    ])
            }
            previous = seq
            try body(RecordedEvent(seq: seq, time: row[1], actor: columns.eventActor, event: event))
        }
    }

    static func fold(_ db: Database, _ session: SessionRow) throws -> SessionState {
        var state = SessionState(id: session.id, workshop: session.workshop, locale: session.locale)
        try forEach(db, session: session.key, id: session.id) { state.apply($0) }
        return state
    }
}
