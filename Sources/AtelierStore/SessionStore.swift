import AtelierCore
import Foundation
import GRDB

/// The durable journal of every session: an SQLite file through GRDB, in WAL
/// mode with `synchronous=FULL`, so an event is on disk when `append` returns.
/// A file that is not an atelier store, or that a newer atelier wrote, is
/// refused and left exactly as it was.
///
/// The store holds who said what and the seats' token digests: it is the
/// user's alone. A new store is created 0600 (SQLite gives its `-wal` and
/// `-shm` files the same mode) in a folder created 0700; an existing one
/// opened for writing is brought to 0600.
public final class SessionStore: EventJournal, Sendable {
    public let path: String
    let queue: DatabaseQueue

    /// Opens the store at `path`, creating it unless `readOnly`. A read-only
    /// store is read without writing anything: no migration, no journal
    /// mode change, so a store the user may not write is still listed,
    /// exported and replayed.
    public init(path: String, readOnly: Bool = false) throws(StoreError) {
        self.path = path
        let exists = FileManager.default.fileExists(atPath: path)
        if exists {
            try Self.checkIdentity(path)
        } else if readOnly {
            throw StoreError("store.no_store", ["path": .text(path)])
        }
        if !readOnly { try Self.prepareFile(path, exists: exists) }
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        if readOnly {
            configuration.readonly = true
        } else {
            configuration.journalMode = .wal
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA synchronous = FULL")
            }
        }
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            if !readOnly {
                let before = try queue.read { try Int32.fetchOne($0, sql: "PRAGMA user_version") ?? 0 }
                try StoreSchema.migrator.migrate(queue)
                // Tokens in clear from before their digests: out of the WAL too.
                if before > 0, before < StoreSchema.tokenDigestsVersion {
                    _ = try queue.writeWithoutTransaction { try $0.checkpoint(.truncate) }
                }
            }
        } catch {
            throw .database(path, error)
        }
    }

    /// Creates the store's folder (0700) and an empty store file (0600) when
    /// they are missing; brings an existing store and its WAL files to 0600.
    private static func prepareFile(_ path: String, exists: Bool) throws(StoreError) {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        if !FileManager.default.fileExists(atPath: folder) {
            do {
                try FileManager.default.createDirectory(
                    atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw StoreError(
                    "store.cannot_create_folder", ["folder": .text(folder), "reason": .text("\(error)")])
            }
        }
        if exists {
            for file in [path, path + "-wal", path + "-shm"] where FileManager.default.fileExists(atPath: file) {
                _ = chmod(file, 0o600)
            }
            return
        }
        // An empty file is a new SQLite database: created here with its mode, before SQLite opens it.
        let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            if errno == EEXIST { return }
            throw StoreError(
                "store.cannot_create_store", ["path": .text(path), "reason": .text(String(cString: strerror(errno)))])
        }
        close(descriptor)
    }

    /// Reads what the file is, through a read-only connection: nothing is
    /// written to a file that turns out not to be ours.
    private static func checkIdentity(_ path: String) throws(StoreError) {
        var configuration = Configuration()
        configuration.readonly = true
        var identity = StoreSchema.Identity.foreign
        do {
            let probe = try DatabaseQueue(path: path, configuration: configuration)
            identity = try probe.read(StoreSchema.identify)
            try probe.close()
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            identity = .foreign
        } catch {
            throw .database(path, error)
        }
        switch identity {
        case .foreign:
            throw StoreError("store.not_a_store", ["path": .text(path)])
        case .store(let version) where version > StoreSchema.version:
            throw StoreError(
                "store.newer_store",
                ["path": .text(path), "version": .text("\(version)"), "supported": .text("\(StoreSchema.version)")])
        case .store, .emptyDatabase:
            return
        }
    }

    // MARK: - Transactions

    /// Runs a write transaction; any failure is a `StoreError`, and the
    /// transaction is rolled back.
    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        try mapErrors { try queue.write(body) }
    }

    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        try mapErrors { try queue.read(body) }
    }

    /// Every failure inside a transaction, as the `StoreError` a person reads.
    private func mapErrors<T>(_ work: () throws -> T) throws(StoreError) -> T {
        do {
            return try work()
        } catch let error as StoreError {
            throw error
        } catch let error as RecordingError {
            throw StoreError(message: error.message)
        } catch {
            throw .database(path, error)
        }
    }

    // MARK: - Sessions

    /// Opens a new session: its row, holding the full workshop definition, and
    /// its `session_started` event, in one transaction.
    /// `anonymous` and `minGroup` are recorded in the first event, for the
    /// whole session (`SessionState.anonymous`, `SmallGroups`).
    public func create(
        id: String, workshop: Workshop, locale: String, time: Timestamp, actor: Actor = .facilitator,
        anonymous: Bool = false, minGroup: Int? = nil
    ) throws(StoreError) -> SessionState {
        guard Slug.isValid(id) else { throw StoreError("store.invalid_session_id", ["session": .text(id)]) }
        let started = RecordedEvent(
            seq: 1, time: time, actor: actor,
            event: WorkshopJSON.opening(workshop, locale: locale, anonymous: anonymous, minGroup: minGroup))
        let header = RecordingHeader(session: id, workshop: workshop, locale: locale, startedAt: time, eventCount: 1)
        var state = SessionState(id: id, workshop: workshop, locale: locale)
        state.apply(started)
        try write { db in
            let key = try Self.insert(db, header, events: [started])
            try SessionSummaryRow.write(db, session: key, SessionSummary(state))
        }
        return state
    }

    /// Inserts a session row and its events; refuses an id already stored.
    /// Returns the row's key.
    static func insert(_ db: Database, _ header: RecordingHeader, events: some Sequence<RecordedEvent>) throws -> Int64
    {
        let key = try insertSession(db, header, id: header.session)
        let insert = try EventInsert(db)
        for event in events { try insert(event, session: key) }
        return key
    }

    /// Inserts a session row under `id`; refuses an id already stored.
    static func insertSession(_ db: Database, _ header: RecordingHeader, id: String) throws -> Int64 {
        guard Slug.isValid(id) else { throw StoreError("store.invalid_session_id", ["session": .text(id)]) }
        if try sessionKey(db, id) != nil {
            throw StoreError("store.session_exists", ["session": .text(id)])
        }
        try db.execute(
            sql: """
                INSERT INTO sessions (id, workshop_id, workshop_version, locale, started_at, workshop)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                id, header.workshop.id, header.workshop.version, header.locale, header.startedAt,
                WorkshopJSON.encode(header.workshop),
            ])
        return db.lastInsertedRowID
    }

    static func sessionKey(_ db: Database, _ id: String) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT key FROM sessions WHERE id = ?"), arguments: [id])
    }

    static func requireSession(_ db: Database, _ id: String) throws -> Int64 {
        if let key = try sessionKey(db, id) { return key }
        let known = try String.fetchAll(db, sql: "SELECT id FROM sessions ORDER BY id")
        throw StoreError(
            "store.unknown_session",
            ["session": .text(id), "known": known.isEmpty ? .message(LocalizedMessage("common.none")) : .list(known)])
    }

    // MARK: - The journal

    /// Appends the events of one command after `lastSeq`, in one transaction
    /// committed (and synced) before it returns, with the session's summary
    /// once they are applied (`summary`). Fails, recording nothing, when
    /// `lastSeq` is not the session's last stored event.
    public func append(
        session: String, after lastSeq: Int64, _ events: [PendingEvent], reaching summary: SessionSummary
    ) throws(StoreError) -> [RecordedEvent] {
        try write { db in
            let key = try Self.requireSession(db, session)
            // Cached statements: this runs once per write of a live session.
            let last = try db.cachedStatement(sql: "SELECT max(seq) FROM event_packs WHERE session = ?")
            let stored = try Int64.fetchOne(last, arguments: [key]) ?? 0
            guard stored == lastSeq else {
                throw StoreError(
                    "store.conflict",
                    ["session": .text(session), "stored": .text("\(stored)"), "expected": .text("\(lastSeq)")])
            }
            let insert = try EventInsert(db)
            var seq = lastSeq
            let recorded = try events.map { pending in
                seq += 1
                let recorded = RecordedEvent(seq: seq, time: pending.time, actor: pending.actor, event: pending.event)
                try insert(recorded, session: key)
                return recorded
            }
            try SessionSummaryRow.write(db, session: key, summary)
            // Once the session is over, no seat resumes: its tokens go with the end.
            if events.contains(where: { $0.event == .sessionEnded }) {
                try db.execute(sql: "DELETE FROM seats WHERE session = ?", arguments: [key])
            }
            return recorded
        }
    }

    /// Every event of a session, in order.
    public func events(id: String) throws(StoreError) -> [RecordedEvent] {
        try read { db in
            let key = try Self.requireSession(db, id)
            var events: [RecordedEvent] = []
            try JournalReader.forEach(db, session: key, id: id) { events.append($0) }
            return events
        }
    }

    /// The state of a session: the fold of its stored journal.
    public func load(id: String) throws(StoreError) -> SessionState {
        try read { db in
            let row = try Self.sessionRow(db, id)
            return try JournalReader.fold(db, row)
        }
    }

    /// Every stored session, oldest first, as kept in the `sessions` table
    /// (no journal is folded).
    public func sessions() throws(StoreError) -> [SessionSummary] {
        try read { db in try SessionSummaryRow.all(db) }
    }

    /// The workshop and every event of a session, in order (a replay steps
    /// through them); nothing is folded.
    public func journal(id: String) throws(StoreError) -> (workshop: Workshop, events: [RecordedEvent]) {
        try read { db in
            let row = try Self.sessionRow(db, id)
            var events: [RecordedEvent] = []
            try JournalReader.forEach(db, session: row.key, id: id) { events.append($0) }
            return (row.workshop, events)
        }
    }

    /// The session's row: its key, header fields and workshop.
    static func sessionRow(_ db: Database, _ id: String) throws -> SessionRow {
        let key = try requireSession(db, id)
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT locale, started_at, workshop FROM sessions WHERE key = ?", arguments: [key])
        else { throw StoreError("store.unknown_session", ["session": .text(id), "known": .list([])]) }
        let json: String = row["workshop"]
        switch WorkshopJSON.decode(json) {
        case .success(let workshop):
            // A session imported before recordings were checked may hold a
            // definition that breaks the rules: refused, not run.
            if let problem = WorkshopRules.problems(in: workshop).first {
                throw StoreError("store.invalid_workshop", ["session": .text(id), "problem": .message(problem)])
            }
            return SessionRow(
                key: key, id: id, workshop: workshop, locale: row["locale"], startedAt: row["started_at"])
        case .failure(let failure):
            throw StoreError(
                "store.unreadable_workshop", ["session": .text(id), "field": .text(failure.field)])
        }
    }
}

/// A session's row in the `sessions` table.
struct SessionRow {
    let key: Int64
    let id: String
    let workshop: Workshop
    let locale: String
    let startedAt: Timestamp
}

extension SessionStore {
    /// SQLite's own check of the file: "ok" when the database is sound.
    public func integrityCheck() throws(StoreError) -> String {
        try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "\n") }
    }
}

extension SessionStore {
    /// Rewrites the file's mark, for tests that need a foreign or a newer
    /// file: `nil` keeps a value as it is.
    package func setMark(applicationID: Int32?, userVersion: Int32?) throws(StoreError) {
        try write { db in
            if let applicationID { try db.execute(sql: "PRAGMA application_id = \(applicationID)") }
            if let userVersion { try db.execute(sql: "PRAGMA user_version = \(userVersion)") }
        }
    }
}
