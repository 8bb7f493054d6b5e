import GRDB

/// The store's schema: how a file is marked as an atelier store, and the
/// migrations that build it. A migration, once shipped, is never edited: a
/// change is a new migration appended to the list, which also raises
/// `user_version`.
enum StoreSchema {
    /// `PRAGMA application_id`: "ATLR". Marks a SQLite file as an atelier store.
    static let applicationID: Int32 = 0x4154_4C52
    /// `PRAGMA user_version` after the last migration this program knows.
    static let version: Int32 = 6
    /// The version from which seats keep their tokens' digests only.
    static let tokenDigestsVersion: Int32 = 4

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-sessions-and-events") { db in
            try db.execute(
                sql: """
                    CREATE TABLE sessions (
                        key INTEGER PRIMARY KEY,
                        id TEXT NOT NULL UNIQUE,
                        workshop_id TEXT NOT NULL,
                        workshop_version INTEGER NOT NULL,
                        locale TEXT NOT NULL,
                        started_at INTEGER NOT NULL,
                        workshop TEXT NOT NULL
                    );
                    CREATE TABLE events (
                        session INTEGER NOT NULL REFERENCES sessions(key),
                        seq INTEGER NOT NULL,
                        time INTEGER NOT NULL,
                        kind TEXT NOT NULL,
                        v INTEGER NOT NULL,
                        actor TEXT,
                        stage TEXT,
                        item TEXT,
                        department TEXT,
                        participant TEXT,
                        other TEXT,
                        value INTEGER,
                        text TEXT,
                        payload TEXT,
                        PRIMARY KEY (session, seq)
                    ) WITHOUT ROWID;
                    PRAGMA application_id = \(applicationID);
                    PRAGMA user_version = 1;
                    """)
        }
        migrator.registerMigration("v2-event-packs") { db in
            try db.execute(
                sql: """
                    CREATE TABLE event_packs (
                        session INTEGER NOT NULL,
                        seq INTEGER NOT NULL,
                        time INTEGER NOT NULL,
                        packed BLOB NOT NULL,
                        PRIMARY KEY (session, seq),
                        FOREIGN KEY (session, seq) REFERENCES events(session, seq)
                    ) WITHOUT ROWID;
                    """)
            try EventPacksFill.fill(db)
            try db.execute(sql: "PRAGMA user_version = 2")
        }
        migrator.registerMigration("v3-participant-seats") { db in
            try db.execute(
                sql: """
                    CREATE TABLE seats (
                        session INTEGER NOT NULL REFERENCES sessions(key),
                        name TEXT NOT NULL,
                        department TEXT NOT NULL,
                        locale TEXT NOT NULL,
                        token TEXT NOT NULL,
                        PRIMARY KEY (session, name)
                    ) WITHOUT ROWID;
                    PRAGMA user_version = 3;
                    """)
        }
        migrator.registerMigration("v4-seat-token-digests") { db in
            // Tokens were kept in clear: each becomes its digest, and the
            // seats of sessions that ended (whose tokens no longer serve) go.
            // The freed pages are zeroed, so no token stays in the file.
            try db.execute(sql: "PRAGMA secure_delete = ON")
            try db.execute(
                sql: """
                    CREATE TABLE seats_digested (
                        session INTEGER NOT NULL REFERENCES sessions(key),
                        name TEXT NOT NULL,
                        department TEXT NOT NULL,
                        locale TEXT NOT NULL,
                        token_digest TEXT NOT NULL,
                        PRIMARY KEY (session, name)
                    ) WITHOUT ROWID;
                    """)
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT session, name, department, locale, token FROM seats
                    WHERE session NOT IN (SELECT session FROM events WHERE kind = 'session_ended')
                    """)
            for row in rows {
                let token: String = row["token"]
                try db.execute(
                    sql: "INSERT INTO seats_digested VALUES (?, ?, ?, ?, ?)",
                    arguments: [row["session"], row["name"], row["department"], row["locale"], SeatToken.digest(token)])
            }
            try db.execute(
                sql: """
                    DROP TABLE seats;
                    ALTER TABLE seats_digested RENAME TO seats;
                    PRAGMA user_version = 4;
                    """)
        }
        // The typed columns of `events` were written beside every packed event
        // and read by nothing but the migration above (docs/performance.md):
        // the packs become the one table of events.
        migrator.registerMigration("v5-events-packed-only") { db in
            try db.execute(
                sql: """
                    CREATE TABLE event_packs_v5 (
                        session INTEGER NOT NULL REFERENCES sessions(key),
                        seq INTEGER NOT NULL,
                        time INTEGER NOT NULL,
                        packed BLOB NOT NULL,
                        PRIMARY KEY (session, seq)
                    ) WITHOUT ROWID;
                    INSERT INTO event_packs_v5 (session, seq, time, packed)
                        SELECT session, seq, time, packed FROM event_packs ORDER BY session, seq;
                    DROP TABLE event_packs;
                    DROP TABLE events;
                    ALTER TABLE event_packs_v5 RENAME TO event_packs;
                    PRAGMA user_version = 5;
                    """)
        }
        // What `atelier sessions` lists, kept with each session (updated in
        // the transaction that stores its events), so listing folds nothing.
        migrator.registerMigration("v6-session-summaries") { db in
            try db.execute(
                sql: """
                    ALTER TABLE sessions ADD COLUMN event_count INTEGER;
                    ALTER TABLE sessions ADD COLUMN last_event_at INTEGER;
                    ALTER TABLE sessions ADD COLUMN ended_at INTEGER;
                    ALTER TABLE sessions ADD COLUMN departments INTEGER;
                    ALTER TABLE sessions ADD COLUMN participants INTEGER;
                    """)
            try SessionSummaryRow.fill(db)
            try db.execute(sql: "PRAGMA user_version = 6")
        }
        return migrator
    }

    /// What an existing file is, read without writing anything to it.
    enum Identity: Equatable {
        /// An atelier store with this schema version.
        case store(Int32)
        /// An SQLite database with nothing in it (e.g. a creation cut short).
        case emptyDatabase
        /// Anything else: another program's database, a text file...
        case foreign
    }

    static func identify(_ db: Database) throws -> Identity {
        let application = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        let version = try Int32.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        if application == applicationID { return .store(version) }
        let objects = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
        if application == 0, version == 0, objects == 0 { return .emptyDatabase }
        return .foreign
    }
}
