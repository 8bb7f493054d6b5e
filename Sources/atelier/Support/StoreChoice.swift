import AtelierCore
import AtelierFiles
import AtelierPostgres
import AtelierStore
import Foundation

/// The store a command uses: `--store`, else `ATELIER_STORE`, else the
/// SQLite file in the user's data folder. A value `postgres://...` is a
/// PostgreSQL database (AtelierPostgres); anything else, an SQLite file.
enum StoreChoice {
    static func value(_ option: String?) -> String {
        option ?? ProcessInfo.processInfo.environment["ATELIER_STORE"].flatMap { $0.isEmpty ? nil : $0 }
            ?? XDGPaths().store
    }

    static func isPostgres(_ value: String) -> Bool { PostgresAddress.names(value) }

    /// Whether there is a store to read: an SQLite file must exist (reading
    /// never creates one); a database says for itself when opened.
    static func exists(_ value: String) -> Bool {
        isPostgres(value) || TextFile.exists(value)
    }

    /// Opens the store, creating an SQLite file or atelier's tables unless `readOnly`.
    static func open(_ value: String, readOnly: Bool = false) throws(StoreError) -> any JournalStore {
        if isPostgres(value) {
            return try PostgresStore(address: PostgresAddress(value), readOnly: readOnly)
        }
        return try SessionStore(path: value, readOnly: readOnly)
    }

    /// Opens the store for reading when a session id is read from it; an
    /// SQLite file must exist (`SessionSource.sqlite`).
    static func reader(_ value: String) -> SessionSource.StoreOpener {
        guard isPostgres(value) else { return SessionSource.sqlite(value) }
        return { () throws(StoreError) in try open(value, readOnly: true) }
    }

    /// Where the store is, as messages show it (no password).
    static func display(_ value: String) -> String {
        guard isPostgres(value), let address = try? PostgresAddress(value) else { return value }
        return address.display
    }

    /// Makes this process the session's one writer where the store has
    /// several (PostgreSQL); an SQLite file is one machine's.
    static func lead(_ store: any JournalStore, session: String) throws(StoreError) {
        if let postgres = store as? PostgresStore { try postgres.lead(session: session) }
    }
}
