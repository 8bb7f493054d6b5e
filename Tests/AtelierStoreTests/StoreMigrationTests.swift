import AtelierCore
import AtelierTestFixtures
import Foundation
import GRDB
import Testing

@testable import AtelierStore

/// A store written before `v5-events-packed-only` and `v6-session-summaries`
/// (schema version 3: typed columns beside the packs, no summaries) opens,
/// loses its typed columns, gets its sessions' summaries, and folds the same.
@Suite struct StoreMigrationTests {
    @Test func aVersionThreeStoreOpensAndListsItsSessions() async throws {
        let current = try TestSupport.store()
        let live = try await ScriptedSession.run(on: current)
        let original = try current.events(id: ScriptedSession.id)
        let path = TestSupport.folder() + "/v3.sqlite"
        let queue = try DatabaseQueue(path: path)
        try StoreSchema.migrator.migrate(queue, upTo: "v3-participant-seats")
        try await queue.write { db in
            try db.execute(sql: "ATTACH DATABASE ? AS current", arguments: [current.path])
            try db.execute(
                sql: """
                    INSERT INTO sessions SELECT key, id, workshop_id, workshop_version, locale, started_at, workshop
                    FROM current.sessions
                    """)
            let key = try #require(try Int64.fetchOne(db, sql: "SELECT key FROM sessions"))
            try PackedEventTests.insertTypedRows(db, session: key, original)
            try db.execute(sql: "INSERT INTO event_packs SELECT * FROM current.event_packs")
        }
        let before = try await queue.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") }
        #expect(before == 3)
        try queue.close()

        // Read-only, it is not migrated, and still lists and folds its sessions.
        let readOnly = try SessionStore(path: path, readOnly: true)
        #expect(try readOnly.sessions() == [SessionSummary(live)])
        #expect(StateComparison.differences(live, try readOnly.load(id: ScriptedSession.id)) == [])

        let opened = try SessionStore(path: path)
        #expect(try opened.sessions() == [SessionSummary(live)])
        #expect(try opened.events(id: ScriptedSession.id) == original)
        #expect(StateComparison.differences(live, try opened.load(id: ScriptedSession.id)) == [])
        #expect(try opened.integrityCheck() == "ok")
        let (version, tables) = try await opened.queue.read { db in
            (
                try Int.fetchOne(db, sql: "PRAGMA user_version"),
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            )
        }
        #expect(version == Int(StoreSchema.version))
        #expect(tables == ["event_packs", "grdb_migrations", "seats", "sessions"])
        // It goes on as any store: a new event updates the summary in the same write.
        let note = PendingEvent(time: 1_900_000_000_000, actor: .facilitator, event: .sessionEnded)
        let ahead = live.summary(after: [note])
        _ = try opened.append(session: ScriptedSession.id, after: live.lastSeq, [note], reaching: ahead)
        #expect(try opened.sessions() == [ahead])
        #expect(try opened.sessions().first?.endedAt == 1_900_000_000_000)
    }

    /// A session whose journal cannot be folded when the store is migrated
    /// keeps no summary, and listing says why, as listing did before.
    @Test func aDamagedJournalIsNamedWhenListed() async throws {
        let store = try TestSupport.store()
        _ = try await ScriptedSession.run(on: store)
        let queue = try DatabaseQueue(path: store.path)
        try await queue.write { db in
            try db.execute(sql: "UPDATE event_packs SET packed = x'0103' WHERE seq = 4")
            try db.execute(sql: "UPDATE sessions SET event_count = NULL")
        }
        try queue.close()
        #expect {
            try store.sessions()
        } throws: { error in
            TestSupport.english((error as? StoreError)?.message ?? LocalizedMessage("none"))
                == "session \"atelier-demo\": event 4 (kind \"participant_joined\", version 1) cannot be read; "
                + "the store is damaged or was written by a newer atelier"
        }
    }
}
