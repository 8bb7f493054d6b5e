import AtelierCore
import GRDB

/// What `atelier sessions` lists about a session, kept in its row of the
/// `sessions` table: written with the session's events, in the same
/// transaction, so that listing a store reads one row per session and folds
/// no journal. NULL columns (a session whose journal could not be folded
/// when the store was migrated) are folded when listed, as before.
enum SessionSummaryRow {
    static func write(_ db: Database, session key: Int64, _ summary: SessionSummary) throws {
        let statement = try db.cachedStatement(
            sql: """
                UPDATE sessions SET event_count = ?, last_event_at = ?, ended_at = ?, departments = ?,
                    participants = ?
                WHERE key = ?
                """)
        try statement.execute(arguments: [
            summary.eventCount, summary.lastEventAt, summary.endedAt, summary.departments, summary.participants, key,
        ])
    }

    /// Every stored session, oldest first, from the rows alone. A store
    /// written before `v6-session-summaries` and opened read-only (so not
    /// migrated) has no such columns: each of its sessions is folded.
    static func all(_ db: Database) throws -> [SessionSummary] {
        guard try db.columns(in: "sessions").contains(where: { $0.name == "event_count" }) else {
            let ids = try String.fetchAll(db, sql: "SELECT id FROM sessions ORDER BY started_at, id")
            return try ids.map { SessionSummary(try JournalReader.fold(db, try SessionStore.sessionRow(db, $0))) }
        }
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT id, workshop_id, workshop_version, started_at, event_count, last_event_at, ended_at,
                    departments, participants
                FROM sessions ORDER BY started_at, id
                """)
        return try rows.map { row in
            guard let count: Int = row["event_count"], let departments: Int = row["departments"],
                let participants: Int = row["participants"]
            else {
                return SessionSummary(try JournalReader.fold(db, try SessionStore.sessionRow(db, row["id"])))
            }
            return SessionSummary(
                id: row["id"], workshopID: row["workshop_id"], workshopVersion: row["workshop_version"],
                startedAt: count > 0 ? row["started_at"] : nil, lastEventAt: row["last_event_at"],
                eventCount: count, departments: departments, participants: participants, endedAt: row["ended_at"])
        }
    }

    /// Fills the summaries of the sessions a store already holds (part of
    /// the migration `v6-session-summaries`): each journal folded once. A
    /// journal that cannot be folded keeps NULL, and says why when listed.
    static func fill(_ db: Database) throws {
        let ids = try String.fetchAll(db, sql: "SELECT id FROM sessions ORDER BY key")
        for id in ids {
            let row = try SessionStore.sessionRow(db, id)
            guard let state = try? JournalReader.fold(db, row) else { continue }
            try write(db, session: row.key, SessionSummary(state))
        }
    }
}
