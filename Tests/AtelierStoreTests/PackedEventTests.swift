import AtelierCore
import AtelierTestFixtures
import Foundation
import GRDB
import Testing

@testable import AtelierStore

/// The packed form the fold reads (`event_packs`), beside the typed columns.
@Suite struct PackedEventTests {
    /// Every kind, with texts that are not plain ASCII, long and empty-ish
    /// values, and both kinds of rater and actor.
    static let events: [(Actor, Event)] = [
        (.facilitator, .sessionStarted(workshop: "coping-patterns", version: 3, locale: "fr")),
        (.facilitator, .departmentAdded(id: "service-client", name: "Service client — Île-de-France 🎧")),
        (.participant("zoé"), .participantJoined(name: "zoé", department: "service-client")),
        (.participant("zoé"), .participantLeft(name: "zoé")),
        (.facilitator, .stageChanged(from: "intro", to: "ignore")),
        (.facilitator, .stageLocked(stage: "ignore")),
        (.facilitator, .stageUnlocked(stage: "ignore")),
        (.facilitator, .stageRevealed(stage: "ignore")),
        (.facilitator, .timerStarted(stage: "ignore", seconds: 10_800)),
        (.participant("zoé"), .rated(rater: .participant("zoé"), stage: "ignore", item: "control", value: -2)),
        (.facilitator, .rated(rater: .department("rh"), stage: "ignore", item: "control", value: 4)),
        (.participant("ana"), .picked(rater: .participant("ana"), stage: "position", option: "drift")),
        (.facilitator, .picked(rater: .department("rh"), stage: "position", option: "status_quo")),
        (.facilitator, .strategyDeclared(department: "rh", text: String(repeating: "Écouter Glassdoor. ", count: 26))),
        (.facilitator, .knowsDeclared(department: "rh", other: "marketing")),
        (.participant("ana"), .sharesDeclared(department: "marketing", other: "rh")),
        (.facilitator, .noteAdded(stage: "intro", text: "« On a une agence » — la direction")),
        (.facilitator, .undone(seq: 1_234_567_890_123)),
        (.facilitator, .sessionEnded),
    ]

    func decode(_ bytes: [UInt8]) -> (actor: Actor, event: Event)? {
        bytes.withUnsafeBytes { PackedEvent.decode($0, names: NameCache()) }
    }

    @Test func everyKindComesBackAsItWent() {
        let names = NameCache()
        for (actor, event) in Self.events {
            let bytes = PackedEvent.encode(event, actor: actor)
            // Twice through the same name cache: the second read takes the names from it.
            for _ in 0..<2 {
                let back = bytes.withUnsafeBytes { PackedEvent.decode($0, names: names) }
                #expect(back?.actor == actor && back?.event == event, "\(event)")
            }
            // The typed columns hold the same event.
            let columns = EventColumns(event, actor: actor)
            #expect(columns.event == event && columns.eventActor == actor, "\(event)")
        }
    }

    @Test func aRatingTakesAFewBytes() {
        let bytes = PackedEvent.encode(
            .rated(rater: .participant("p12"), stage: "ignore", item: "control", value: 3), actor: .participant("p12"))
        // version, kind, actor (1 + "p12"), rater (0 + "p12"), stage, item, value (zigzag)
        var expected: [UInt8] = [1, 10, 1, 3]
        expected += Array("p12".utf8)
        expected += [0, 3]
        expected += Array("p12".utf8)
        expected += [6]
        expected += Array("ignore".utf8)
        expected += [7]
        expected += Array("control".utf8)
        expected += [6]
        #expect(bytes == expected)
    }

    @Test func damagedBytesAreRefused() {
        let good = PackedEvent.encode(.stageLocked(stage: "ignore"), actor: .facilitator)
        #expect(decode(good) != nil)
        #expect(decode([]) == nil)
        #expect(decode(Array(good.dropLast())) == nil, "cut short")
        #expect(decode(good + [0]) == nil, "a byte too many")
        #expect(decode([2] + good.dropFirst()) == nil, "a newer event version")
        #expect(decode([1, 99, 0]) == nil, "an unknown kind")
        #expect(decode([1, 6, 7]) == nil, "an unknown actor mark")
    }

    @Test func aDamagedPackStopsTheFoldWithTheEventNamed() async throws {
        let store = try TestSupport.store()
        _ = try await ScriptedSession.run(on: store)
        let queue = try DatabaseQueue(path: store.path)
        try await queue.write { db in
            try db.execute(sql: "UPDATE event_packs SET packed = x'0105' WHERE seq = 4")
        }
        try queue.close()
        #expect {
            try store.load(id: ScriptedSession.id)
        } throws: { error in
            TestSupport.english((error as? StoreError)?.message ?? LocalizedMessage("none"))
                == "session \"atelier-demo\": event 4 (kind \"participant_joined\", version 1) cannot be read; "
                + "the store is damaged or was written by a newer atelier"
        }
    }

    /// What a live session appends is bound column by column: every kind
    /// reads back the same from the typed columns and from the packs, an
    /// empty text stays empty (not NULL), and a missing value stays NULL.
    @Test func appendedEventsReadBackFromBothTables() throws {
        let store = try TestSupport.store()
        _ = try store.create(id: "kinds", workshop: TestSupport.copingPatterns, locale: "fr", time: 0)
        let written = Self.events + [(.facilitator, .noteAdded(stage: "intro", text: ""))]
        let appended = try store.append(
            session: "kinds", after: 1, written.map { PendingEvent(time: 1_700_000_000_123, actor: $0, event: $1) })
        #expect(appended.map(\.seq) == Array(2...Int64(written.count + 1)))
        let (typed, packed, rows) = try store.queue.read { db in
            let key = try #require(try SessionStore.sessionKey(db, "kinds"))
            var typed: [RecordedEvent] = []
            var packed: [RecordedEvent] = []
            try JournalReader.forEachFromColumns(db, session: key, id: "kinds") { typed.append($0) }
            try JournalReader.forEach(db, session: key, id: "kinds") { packed.append($0) }
            let rows = try Row.fetchAll(
                db, sql: "SELECT seq, time, kind, v, actor, item, value, text FROM events WHERE seq IN (11, 21)")
            return (typed, packed, rows)
        }
        #expect(Array(typed.dropFirst()) == appended)
        #expect(packed == typed)
        #expect(rows.count == 2)
        let rating = rows[0]
        #expect(rating["seq"] as Int64? == 11)
        #expect(rating["time"] as Int64? == 1_700_000_000_123)
        #expect(rating["kind"] as String? == "rated")
        #expect(rating["v"] as Int64? == 1)
        #expect(rating["actor"] as String? == "zoé")
        #expect(rating["item"] as String? == "control")
        #expect(rating["value"] as Int64? == -2)
        #expect(rating["text"] as String? == nil)
        #expect(rows[1]["kind"] as String? == "note_added")
        #expect(rows[1]["text"] as String? == "")
        #expect(rows[1]["value"] as Int64? == nil)
    }

    /// A store written before `event_packs` existed (schema version 1) is
    /// packed by the migration when this atelier opens it, and folds the same.
    @Test func aVersionOneStoreIsPackedWhenOpened() async throws {
        let current = try TestSupport.store()
        let live = try await ScriptedSession.run(on: current)
        let path = TestSupport.folder() + "/v1.sqlite"
        let queue = try DatabaseQueue(path: path)
        try StoreSchema.migrator.migrate(queue, upTo: "v1-sessions-and-events")
        let version = try await queue.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") }
        #expect(version == 1)
        try await queue.write { db in
            try db.execute(sql: "ATTACH DATABASE ? AS current", arguments: [current.path])
            try db.execute(sql: "INSERT INTO sessions SELECT * FROM current.sessions")
            try db.execute(sql: "INSERT INTO events SELECT * FROM current.events")
        }
        try queue.close()
        let opened = try SessionStore(path: path)
        #expect(StateComparison.differences(live, try opened.load(id: ScriptedSession.id)) == [])
        let migrated = try opened.events(id: ScriptedSession.id)
        let original = try current.events(id: ScriptedSession.id)
        #expect(migrated == original)
        #expect(try opened.integrityCheck() == "ok")
        let reopened = try DatabaseQueue(path: path)
        let (upgraded, packs) = try await reopened.read { db in
            (
                try Int.fetchOne(db, sql: "PRAGMA user_version"),
                try Int.fetchOne(db, sql: "SELECT count(*) FROM event_packs")
            )
        }
        #expect(upgraded == Int(StoreSchema.version))
        #expect(packs == live.eventCount)
    }
}
