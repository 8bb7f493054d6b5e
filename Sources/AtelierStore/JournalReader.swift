import AtelierCore
import GRDB
import GRDBSQLite

/// Reads a session's journal in sequence order, checking that it is whole
/// (1, 2, 3, ... with no gap) and readable. No JSON is decoded: this is the
/// fast path of `load`, `resume` and `record export`. It steps the statement
/// through SQLite's own column functions (GRDB's raw statement pointer), the
/// way GRDB recommends for reading many rows fast, and reads each event
/// packed (`event_packs`); `forEachFromColumns` reads the typed columns of
/// `events` instead, which only stores written before `v5-events-packed-only`
/// have (the migration that packs version-1 stores uses it).
enum JournalReader {
    static func forEach(_ db: Database, session key: Int64, id: String, _ body: (RecordedEvent) throws -> Void) throws {
        let sql = "SELECT seq, time, packed FROM event_packs WHERE session = ? ORDER BY seq"
        let names = NameCache()
        try step(
            db, sql: sql, session: key, id: id, body: body, label: { PackedEvent.label($0.blob(2)) },
            decode: { row in row.blob(2).flatMap { PackedEvent.decode($0, names: names) } })
    }

    static func forEachFromColumns(
        _ db: Database, session key: Int64, id: String, _ body: (RecordedEvent) throws -> Void
    ) throws {
        let sql = """
            SELECT seq, time, v, kind, actor, stage, item, department, participant, other, value, text
            FROM events WHERE session = ? ORDER BY seq
            """
        let label = { (row: RawRow) in (row.text(3) ?? "", Int(row.int64(2))) }
        try step(
            db, sql: sql, session: key, id: id, body: body, label: label,
            decode: { row in
                guard row.int64(2) <= RecordedEvent.schemaVersion,
                    let event = EventColumns.event(kind: row.text(3) ?? "", TypedColumns(row: row))
                else { return nil }
                return (EventColumns.actor(row.text(4)), event)
            })
    }

    /// The session's state: its journal folded, on two threads when it is
    /// long (`FoldPipeline`).
    static func fold(_ db: Database, _ session: SessionRow) throws -> SessionState {
        var state = SessionState(id: session.id, workshop: session.workshop, locale: session.locale)
        let count =
            try Int.fetchOne(db, sql: "SELECT max(seq) FROM event_packs WHERE session = ?", arguments: [session.key])
            ?? 0
        guard count > FoldPipeline.chunkSize else {
            try forEach(db, session: session.key, id: session.id) { state.apply($0) }
            return state
        }
        return try FoldPipeline.fold(state) { hand in
            try forEach(db, session: session.key, id: session.id) { hand($0) }
        }
    }

    /// Steps `sql` (columns 0 and 1: seq and time) and hands on each event
    /// `decode` reads from the row (nil: a damaged or newer event).
    private static func step(
        _ db: Database, sql: String, session key: Int64, id: String, body: (RecordedEvent) throws -> Void,
        label: (RawRow) -> (kind: String, version: Int), decode: (RawRow) -> (actor: Actor, event: Event)?
    ) throws {
        let statement = try db.makeStatement(sql: sql)
        try statement.setArguments([key])
        let row = RawRow(statement: statement.sqliteStatement)
        var previous: Int64 = 0
        while true {
            let code = sqlite3_step(row.statement)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: sql)
            }
            let seq = row.int64(0)
            guard seq == previous + 1 else {
                throw StoreError(
                    "store.journal_gap",
                    ["session": .text(id), "seq": .text("\(seq)"), "previous": .text("\(previous)")])
            }
            guard let (actor, event) = decode(row) else {
                let (kind, version) = label(row)
                throw StoreError(
                    "store.unreadable_event",
                    [
                        "session": .text(id), "seq": .text("\(seq)"), "kind": .text(kind),
                        "version": .text("\(version)"),
                    ])
            }
            previous = seq
            try body(RecordedEvent(seq: seq, time: row.int64(1), actor: actor, event: event))
        }
    }
}

/// The current row of a stepped statement.
private struct RawRow {
    let statement: OpaquePointer

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

    /// The column's bytes, valid until the next step; nil when it is NULL.
    func blob(_ column: Int32) -> UnsafeRawBufferPointer? {
        guard sqlite3_column_type(statement, column) == SQLITE_BLOB else { return nil }
        let start = sqlite3_column_blob(statement, column)
        return UnsafeRawBufferPointer(start: start, count: Int(sqlite3_column_bytes(statement, column)))
    }
}

/// The typed columns of a row of `forEachFromColumns`, read one at a time.
private struct TypedColumns: EventColumnReading {
    let row: RawRow

    var stage: String? { row.text(5) }
    var item: String? { row.text(6) }
    var department: String? { row.text(7) }
    var participant: String? { row.text(8) }
    var other: String? { row.text(9) }
    var value: Int64? { row.optionalInt64(10) }
    var text: String? { row.text(11) }
}
