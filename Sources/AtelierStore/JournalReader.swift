import AtelierCore
import GRDB
import GRDBSQLite

/// Reads a session's journal from the typed columns, in sequence order,
/// checking that it is whole (1, 2, 3, ... with no gap) and readable.
/// No JSON is decoded: this is the fast path of `load` and `sessions`. It
/// steps the statement through SQLite's own column functions (GRDB's raw
/// statement pointer), the way GRDB recommends for reading many rows fast.
enum JournalReader {
    static let select = """
        SELECT seq, time, kind, v, actor, stage, item, department, participant, other, value, text
        FROM events WHERE session = ? ORDER BY seq
        """

    static func forEach(_ db: Database, session key: Int64, id: String, _ body: (RecordedEvent) throws -> Void) throws {
        let statement = try db.makeStatement(sql: select)
        try statement.setArguments([key])
        let row = RawRow(statement: statement.sqliteStatement)
        var previous: Int64 = 0
        while true {
            let code = sqlite3_step(row.statement)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: select)
            }
            let seq = row.int64(0)
            guard seq == previous + 1 else {
                throw StoreError(
                    "store.journal_gap",
                    ["session": .text(id), "seq": .text("\(seq)"), "previous": .text("\(previous)")])
            }
            let kind = row.text(2) ?? ""
            let version = row.int64(3)
            guard version <= RecordedEvent.schemaVersion, let event = EventColumns.event(kind: kind, row) else {
                throw StoreError(
                    "store.unreadable_event",
                    [
                        "session": .text(id), "seq": .text("\(seq)"), "kind": .text(kind),
                        "version": .text("\(version)"),
                    ])
            }
            previous = seq
            let actor = row.text(4).map(Actor.participant) ?? .facilitator
            try body(RecordedEvent(seq: seq, time: row.int64(1), actor: actor, event: event))
        }
    }

    static func fold(_ db: Database, _ session: SessionRow) throws -> SessionState {
        var state = SessionState(id: session.id, workshop: session.workshop, locale: session.locale)
        try forEach(db, session: session.key, id: session.id) { state.apply($0) }
        return state
    }
}

/// The current row of a stepped statement of `JournalReader.select`.
private struct RawRow: EventColumnReading {
    let statement: OpaquePointer

    var stage: String? { text(5) }
    var item: String? { text(6) }
    var department: String? { text(7) }
    var participant: String? { text(8) }
    var other: String? { text(9) }
    var value: Int64? { optionalInt64(10) }
    var text: String? { text(11) }

    func int64(_ column: Int32) -> Int64 {
        sqlite3_column_int64(statement, column)
    }

    func optionalInt64(_ column: Int32) -> Int64? {
        sqlite3_column_type(statement, column) == SQLITE_NULL ? nil : sqlite3_column_int64(statement, column)
    }

    /// The column's text, nil when it is NULL.
    func text(_ column: Int32) -> String? {
        guard let bytes = sqlite3_column_text(statement, column) else { return nil }
        let count = Int(sqlite3_column_bytes(statement, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }
}
