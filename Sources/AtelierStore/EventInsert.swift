import AtelierCore
import GRDB
import GRDBSQLite

/// Writes events into a transaction: each one packed (`PackedEvent`) into
/// `event_packs`, the store's one table of events.
///
/// The live session's writer runs this for every answer, so the values are
/// bound through SQLite's own functions on GRDB's prepared statements (the
/// raw statement pointer), without boxing each one into GRDB's arguments.
final class EventInsert {
    private let db: Database
    private let packs: Statement
    /// One buffer for every event's packed bytes (SQLite copies them).
    private var buffer: [UInt8] = []

    init(_ db: Database) throws {
        self.db = db
        packs = try db.cachedStatement(sql: "INSERT INTO event_packs (session, seq, time, packed) VALUES (?, ?, ?, ?)")
    }

    func callAsFunction(_ recorded: RecordedEvent, session key: Int64) throws {
        let row = Binding(packs.sqliteStatement)
        row.int64(1, key)
        row.int64(2, recorded.seq)
        row.int64(3, recorded.time)
        PackedEvent.encode(recorded.event, actor: recorded.actor, into: &buffer)
        row.blob(4, buffer)
        try execute(packs)
    }

    /// Rows of a batch inserted by one statement: SQLite's cost of a
    /// statement (its step and reset, opening the table, taking its locks)
    /// is paid once for that many rows.
    static let rowsPerStatement = 64

    /// Inserts a batch of events packed by an import (`ImportPipeline`).
    func callAsFunction(_ rows: ImportPipeline.Rows, session key: Int64) throws {
        let many = try db.cachedStatement(
            sql: "INSERT INTO event_packs (session, seq, time, packed) VALUES "
                + Array(repeating: "(?, ?, ?, ?)", count: Self.rowsPerStatement).joined(separator: ", "))
        defer {
            sqlite3_clear_bindings(many.sqliteStatement)
            sqlite3_clear_bindings(packs.sqliteStatement)
        }
        try rows.bytes.withUnsafeBytes { bytes in
            var index = 0
            while index < rows.count {
                let statement = rows.count - index >= Self.rowsPerStatement ? many : packs
                let binding = Binding(statement.sqliteStatement)
                let count = statement === many ? Self.rowsPerStatement : 1
                for parameter in 0..<count {
                    let start = index == 0 ? 0 : rows.ends[index - 1]
                    let first = Int32(4 * parameter)
                    binding.int64(first + 1, key)
                    binding.int64(first + 2, rows.seqs[index])
                    binding.int64(first + 3, rows.times[index])
                    // Not copied by SQLite: the bytes outlive the step, and
                    // the bindings are cleared before they go.
                    binding.blob(
                        first + 4, UnsafeRawBufferPointer(rebasing: bytes[start..<rows.ends[index]]), copied: false)
                    index += 1
                }
                try execute(statement)
            }
        }
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

    func blob(_ index: Int32, _ bytes: [UInt8]) {
        bytes.withUnsafeBytes { blob(index, $0) }
    }

    /// `copied: false` (SQLite's `SQLITE_STATIC`): the bytes must stay
    /// until the statement is stepped and its bindings cleared or replaced.
    func blob(_ index: Int32, _ bytes: UnsafeRawBufferPointer, copied: Bool = true) {
        _ = sqlite3_bind_blob(
            statement, index, bytes.baseAddress, Int32(bytes.count), copied ? Self.transient : nil)
    }

    private func null(_ index: Int32) {
        sqlite3_bind_null(statement, index)
    }
}
