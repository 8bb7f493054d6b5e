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
        (.facilitator, .roundStarted(stage: "ignore", round: 2)),
        // The first event of a session since rounds: its optional fields, both or one.
        (
            .facilitator,
            .sessionStarted(
                workshop: "coping-patterns", version: 3, locale: "fr", criteria: "iqr_max=1.0;stability_min=0.5",
                workshopDigest: String(repeating: "ab", count: 32))
        ),
        (.facilitator, .sessionStarted(workshop: "w", version: 1, locale: "en", workshopDigest: "00")),
    ]

    func decode(_ bytes: [UInt8]) -> (actor: Actor, event: Event)? {
        bytes.withUnsafeBytes { PackedEvent.decode($0, names: NameCache()) }
    }

    /// A first event without criteria packs to the bytes it had before the
    /// optional fields existed; with them, each optional field is 0 (absent)
    /// or 1 then its value.
    @Test func optionalFieldsAddNoByteWhenAbsent() {
        let old = PackedEvent.encode(.sessionStarted(workshop: "w", version: 3, locale: "fr"), actor: .facilitator)
        // version 1, code 1, facilitator 0, "w" (1, 0x77), 3 zigzag = 6, "fr" (2, 0x66, 0x72)
        #expect(old == [1, 1, 0, 1, 0x77, 6, 2, 0x66, 0x72])
        let digestOnly = PackedEvent.encode(
            .sessionStarted(workshop: "w", version: 3, locale: "fr", workshopDigest: "0"), actor: .facilitator)
        // criteria absent, workshop_digest "0", anonymous and min_group absent.
        #expect(digestOnly == old + [0, 1, 1, 0x30, 0, 0])
        #expect(decode(old)?.event == .sessionStarted(workshop: "w", version: 3, locale: "fr"))
        #expect(decode(old + [2]) == nil)
        #expect(decode(old + [0]) == nil)
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
            // The typed columns (stores before version 4, so before rounds and optional fields) hold the same event.
            let kind = EventSchema.kinds[event.kind]
            guard event.type != "round_started",
                !kind.fields.indices.contains(where: { kind.fields[$0].optional && event.values[$0] != nil })
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
        // A version-1 store's typed columns predate the criteria and the digest of the first event.
        #expect(migrated.dropFirst() == original.dropFirst())
        #expect(
            migrated.first?.event
                == .sessionStarted(
                    workshop: TestSupport.copingPatterns.id, version: TestSupport.copingPatterns.version, locale: "fr"))
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
