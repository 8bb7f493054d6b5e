import AtelierCore
import AtelierStore
import PostgresNIO

/// The PostgreSQL store's tables (docs/recording-format.md), built by named
/// migrations: each runs once, in a transaction that records its name in
/// `atelier_migrations`. A migration, once shipped, is never edited: a
/// change is a new one appended to the list. A database holding a migration
/// this atelier does not know was written by a newer one: refused, untouched.
enum PostgresSchema {
    /// Two processes opening one database migrate one after the other
    /// (`pg_advisory_xact_lock` on this key: "ATLR", then 0).
    static let migrationLock = "SELECT pg_advisory_xact_lock(1096043602, 0)"

    static let migrations: [(name: String, statements: [String])] = [
        (
            "pg1-sessions-events-seats",
            [
                """
                CREATE TABLE atelier_sessions (
                    key BIGSERIAL PRIMARY KEY,
                    id TEXT NOT NULL UNIQUE,
                    workshop_id TEXT NOT NULL,
                    workshop_version BIGINT NOT NULL,
                    locale TEXT NOT NULL,
                    started_at BIGINT NOT NULL,
                    workshop TEXT NOT NULL,
                    event_count BIGINT NOT NULL DEFAULT 0,
                    last_event_at BIGINT,
                    ended_at BIGINT,
                    departments BIGINT NOT NULL DEFAULT 0,
                    participants BIGINT NOT NULL DEFAULT 0
                )
                """,
                """
                CREATE TABLE atelier_events (
                    session BIGINT NOT NULL REFERENCES atelier_sessions(key),
                    seq BIGINT NOT NULL,
                    time BIGINT NOT NULL,
                    packed BYTEA NOT NULL,
                    PRIMARY KEY (session, seq)
                )
                """,
                """
                CREATE TABLE atelier_seats (
                    session BIGINT NOT NULL REFERENCES atelier_sessions(key),
                    name TEXT NOT NULL,
                    department TEXT NOT NULL,
                    locale TEXT NOT NULL,
                    token_digest TEXT NOT NULL,
                    PRIMARY KEY (session, name)
                )
                """,
                """
                CREATE TABLE atelier_writers (
                    session_id TEXT PRIMARY KEY,
                    host TEXT NOT NULL,
                    pid BIGINT NOT NULL,
                    since BIGINT NOT NULL
                )
                """,
            ]
        )
    ]

    /// The store's version: how many migrations this atelier knows.
    static var version: Int { migrations.count }

    /// The names of the migrations the database holds; nil when it holds no
    /// atelier store. Reads only.
    static func applied(_ query: Query) throws -> [String]? {
        let exists = try query("SELECT to_regclass('atelier_migrations') IS NOT NULL")
        guard let row = exists.first, try row.decode(Bool.self) else { return nil }
        return try query("SELECT name FROM atelier_migrations ORDER BY applied_at, name").map {
            try $0.decode(String.self)
        }
    }

    /// Refuses, touching nothing, a store holding a migration not in the list.
    static func checkNotNewer(_ applied: [String], _ address: PostgresAddress) throws(StoreError) {
        let known = Set(migrations.map(\.name))
        guard applied.allSatisfy(known.contains) else {
            throw StoreError(
                "store.newer_store",
                [
                    "path": .text(address.display), "version": .text("\(applied.count)"),
                    "supported": .text("\(version)"),
                ])
        }
    }

    /// Runs, in one transaction, the migrations the database does not hold yet.
    static func migrate(_ link: PostgresLink) throws(StoreError) {
        try link.transaction { query in
            try query.execute(migrationLock)
            try query.execute(
                """
                CREATE TABLE IF NOT EXISTS atelier_migrations (
                    name TEXT PRIMARY KEY,
                    applied_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
                )
                """)
            let applied = try applied(query) ?? []
            try checkNotNewer(applied, link.address)
            for migration in migrations where !applied.contains(migration.name) {
                for statement in migration.statements { try query.execute(statement) }
                try query("INSERT INTO atelier_migrations (name) VALUES (\(migration.name))")
            }
        }
    }
}
