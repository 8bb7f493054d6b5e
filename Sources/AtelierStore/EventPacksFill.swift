import AtelierCore
import Foundation
import GRDB

/// Packs the events a version-1 store holds, from their typed columns, one
/// session at a time (part of the migration `v2-event-packs`, so it runs
/// once, in the migration's transaction).
enum EventPacksFill {
    static func fill(_ db: Database) throws {
        let sessions = try Row.fetchAll(db, sql: "SELECT key, id FROM sessions ORDER BY key")
        let insert = try EventInsert(db)
        for session in sessions {
            let key: Int64 = session["key"]
            try JournalReader.forEachFromColumns(db, session: key, id: session["id"]) { event in
                try insert(event, session: key)
            }
        }
    }
}
