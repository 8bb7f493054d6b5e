import AtelierCore
import AtelierTestFixtures
import Foundation
import GRDB
import Testing

@testable import AtelierStore

/// The packed form of events (`event_packs`), the store's one table of events;
/// the typed columns of `events`, which stores written before
/// `v5-events-packed-only` hold, are still read to migrate them.
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
        // An anonymous session's first event; one with only its smallest group.
        (
            .facilitator,
            .sessionStarted(workshop: "coping-patterns", version: 3, locale: "fr", anonymous: true, minGroup: 3)
        ),
        (.facilitator, .sessionStarted(workshop: "coping-patterns", version: 3, locale: "en", minGroup: 50)),
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
            // The typed columns hold the same event (they predate the optional fields: never written with them).
            let kind = EventSchema.kinds[event.kind]
            guard !kind.fields.indices.contains(where: { kind.fields[$0].optional && event.values[$0] != nil })
            else { continue }
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
            // Version 1, kind 3 (participant_joined), then nothing.
            try db.execute(sql: "UPDATE event_packs SET packed = x'0103' WHERE seq = 4")
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
    /// reads back the same from the packs, an empty text stays empty.
    @Test func appendedEventsReadBack() throws {
        let store = try TestSupport.store()
        _ = try store.create(id: "kinds", workshop: TestSupport.copingPatterns, locale: "fr", time: 0)
        let written = Self.events + [(.facilitator, .noteAdded(stage: "intro", text: ""))]
        let appended = try store.append(
            session: "kinds", after: 1, written.map { PendingEvent(time: 1_700_000_000_123, actor: $0, event: $1) })
        #expect(appended.map(\.seq) == Array(2...Int64(written.count + 1)))
        let (packed, tables) = try store.queue.read { db in
            let key = try #require(try SessionStore.sessionKey(db, "kinds"))
            var packed: [RecordedEvent] = []
            try JournalReader.forEach(db, session: key, id: "kinds") { packed.append($0) }
            let tables = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            return (packed, tables)
        }
        #expect(Array(packed.dropFirst()) == appended)
        #expect(packed.last?.event == .noteAdded(stage: "intro", text: ""))
        // The typed columns are gone: one table of events.
        #expect(tables == ["event_packs", "grdb_migrations", "seats", "sessions"])
    }

    /// The version-1 form of the events: their typed columns, as an
    /// atelier of that time wrote them (`EventColumns`).
    static func insertTypedRows(_ db: Database, session key: Int64, _ events: [RecordedEvent]) throws {
        for recorded in events {
            let c = EventColumns(recorded.event, actor: recorded.actor)
            try db.execute(
                sql: """
                    INSERT INTO events (session, seq, time, kind, v, actor, stage, item, department, participant,
                        other, value, text)
                    VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    key, recorded.seq, recorded.time, c.kind, c.actor, c.stage, c.item, c.department, c.participant,
                    c.other, c.value, c.text,
                ])
        }
    }

    /// A store written before `event_packs` existed (schema version 1) is
    /// packed by the migrations when this atelier opens it, loses its typed
    /// columns, gets its sessions' summaries, and folds the same.
    @Test func aVersionOneStoreIsPackedWhenOpened() async throws {
        let current = try TestSupport.store()
        let live = try await ScriptedSession.run(on: current)
        let path = TestSupport.folder() + "/v1.sqlite"
        let queue = try DatabaseQueue(path: path)
        try StoreSchema.migrator.migrate(queue, upTo: "v1-sessions-and-events")
        let version = try await queue.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") }
        #expect(version == 1)
        let original = try current.events(id: ScriptedSession.id)
        try await queue.write { db in
            try db.execute(sql: "ATTACH DATABASE ? AS current", arguments: [current.path])
            try db.execute(
                sql: """
                    INSERT INTO sessions SELECT key, id, workshop_id, workshop_version, locale, started_at, workshop
                    FROM current.sessions
                    """)
            let key = try #require(try Int64.fetchOne(db, sql: "SELECT key FROM sessions"))
            try Self.insertTypedRows(db, session: key, original)
        }
        try queue.close()
        let opened = try SessionStore(path: path)
        #expect(StateComparison.differences(live, try opened.load(id: ScriptedSession.id)) == [])
        let migrated = try opened.events(id: ScriptedSession.id)
        #expect(migrated == original)
        #expect(try opened.sessions() == [SessionSummary(live)])
        #expect(try opened.integrityCheck() == "ok")
        let reopened = try DatabaseQueue(path: path)
        let (upgraded, packs, typed) = try await reopened.read { db in
            (
                try Int.fetchOne(db, sql: "PRAGMA user_version"),
                try Int.fetchOne(db, sql: "SELECT count(*) FROM event_packs"),
                try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE name = 'events'")
            )
        }
        #expect(upgraded == Int(StoreSchema.version))
        #expect(packs == live.eventCount)
        #expect(typed == 0)
    }
}

@Suite struct PrivacyFieldsTests {
    /// A session that sets neither keeps today's bytes; one that does adds
    /// its fields after a presence byte each (criteria and digest absent).
    @Test func theFirstEventKeepsItsBytesUnlessTheSessionSetsThem() throws {
        let plain = PackedEvent.encode(
            .sessionStarted(workshop: "w", version: 1, locale: "fr"), actor: .facilitator)
        #expect(plain == [1, 1, 0, 1, 119, 2, 2, 102, 114])
        let anonymous = PackedEvent.encode(
            .sessionStarted(workshop: "w", version: 1, locale: "fr", anonymous: true, minGroup: 3),
            actor: .facilitator)
        #expect(anonymous == plain + [0, 0, 1, 2, 1, 6])
        let line = RecordingWriter().event(
            RecordedEvent(
                seq: 1, time: 5, actor: .facilitator,
                event: .sessionStarted(workshop: "w", version: 1, locale: "fr", anonymous: true, minGroup: 3)))
        #expect(line.contains(#""anonymous":1"#) && line.contains(#""min_group":3"#))
        let plainLine = RecordingWriter().event(
            RecordedEvent(
                seq: 1, time: 5, actor: .facilitator, event: .sessionStarted(workshop: "w", version: 1, locale: "fr")))
        #expect(!plainLine.contains("anonymous") && !plainLine.contains("min_group"))
    }
}
