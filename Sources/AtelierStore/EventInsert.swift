import AtelierCore
import GRDB
import GRDBSQLite

/// Writes events into a transaction: each one into `events` (its typed
/// columns, for queries) and into `event_packs` (packed, for the fold), in
/// the same transaction, so neither is ever without the other.
///
/// The live session's writer runs this for every answer, so the values are
/// bound through SQLite's own functions on GRDB's prepared statements (the
/// raw statement pointer), without boxing each one into GRDB's arguments.
struct EventInsert {
    private let db: Database
    private let events: Statement
    private let packs: Statement

    init(_ db: Database) throws {
        self.db = db
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
        let row = Binding(events.sqliteStatement)
        row.int64(1, key)
        row.int64(2, recorded.seq)
        row.int64(3, recorded.time)
        row.text(4, c.kind)
        row.int64(5, Int64(RecordedEvent.schemaVersion))
        row.text(6, c.actor)
        row.text(7, c.stage)
        row.text(8, c.item)
        row.text(9, c.department)
        row.text(10, c.participant)
        row.text(11, c.other)
        row.int64(12, c.value)
        row.text(13, c.text)
        try execute(events)
        try pack(recorded, session: key)
    }

    /// The packed row alone, for events already in `events`.
    func pack(_ recorded: RecordedEvent, session key: Int64) throws {
        let row = Binding(packs.sqliteStatement)
        row.int64(1, key)
        row.int64(2, recorded.seq)
        row.int64(3, recorded.time)
        row.blob(4, PackedEvent.encode(recorded.event, actor: recorded.actor))
        try execute(packs)
    }

    /// Steps the bound statement once and makes it ready for the next row.
    private func execute(_ statement: Statement) throws {
        let code = sqlite3_step(statement.sqliteStatement)
        let message = code == SQLITE_DONE ? "" : db.lastErrorMessage ?? ""
        sqlite3_reset(statement.sqliteStatement)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
        }
    }
}

/// Binds the parameters of a statement (numbered from 1); SQLite copies
/// texts and blobs.
private struct Binding {
    let statement: OpaquePointer
    static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ statement: OpaquePointer) { self.statement = statement }

    func int64(_ index: Int32, _ value: Int64?) {
        guard let value else { return null(index) }
        sqlite3_bind_int64(statement, index, value)
    }

    func text(_ index: Int32, _ value: String?) {
        guard var value else { return null(index) }
        value.withUTF8 { bytes in
            guard let start = bytes.baseAddress, !bytes.isEmpty else {
                _ = sqlite3_bind_text(statement, index, "", 0, Self.transient)
                return
            }
            start.withMemoryRebound(to: CChar.self, capacity: bytes.count) { text in
                _ = sqlite3_bind_text(statement, index, text, Int32(bytes.count), Self.transient)
            }
        }
    }

    func blob(_ index: Int32, _ bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer in
            _ = sqlite3_bind_blob(statement, index, buffer.baseAddress, Int32(buffer.count), Self.transient)
        }
    }

    private func null(_ index: Int32) {
        sqlite3_bind_null(statement, index)
    }
}
