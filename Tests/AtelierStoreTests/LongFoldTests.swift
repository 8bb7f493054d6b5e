import AtelierCore
import AtelierTestFixtures
import GRDB
import Testing

@testable import AtelierStore

/// A session long enough to be folded on two threads (`FoldPipeline`).
@Suite struct LongFoldTests {
    /// 30 participants rating the three items of a stage, 120 rounds: 10,800
    /// ratings after the opening events, stored 100 commands per append.
    static func longSession() throws -> (store: SessionStore, events: [RecordedEvent]) {
        let store = try TestSupport.store()
        var state = try store.create(
            id: "long", workshop: TestSupport.copingPatterns, locale: "fr", time: 1_714_550_400_000)
        var pending: [PendingEvent] = []
        var time: Timestamp = 1_714_550_400_000
        func submit(_ actor: Actor, _ action: Action) throws {
            time += 100
            for recorded in try state.execute(Command(actor: actor, action: action, time: time)) {
                pending.append(PendingEvent(time: time, actor: actor, event: recorded.event))
            }
            if pending.count >= 100 { try flush() }
        }
        var stored = state.lastSeq - Int64(pending.count)
        func flush() throws {
            stored += Int64(
                try store.append(session: "long", after: stored, pending, reaching: SessionSummary(state)).count)
            pending = []
        }
        try submit(.facilitator, .addDepartment(id: "marketing", name: "Marketing"))
        try submit(.facilitator, .addDepartment(id: "rh", name: "RH"))
        for person in 0..<30 {
            try submit(
                .participant("p\(person)"), .join(name: "p\(person)", department: person % 2 == 0 ? "marketing" : "rh"))
        }
        let stage = try #require(TestSupport.copingPatterns.stages.first { $0.kind == .rating && $0.items.count > 1 })
        try submit(.facilitator, .goTo(stage: stage.id))
        for round in 0..<120 {
            for person in 0..<30 {
                for (offset, item) in stage.items.enumerated() {
                    let value = (round + person + offset) % 5
                    try submit(.participant("p\(person)"), .rate(who: "p\(person)", item: item.id, value: value))
                }
            }
        }
        try flush()
        return (store, try store.events(id: "long"))
    }

    @Test func aLongSessionFoldsToTheSameStateAsOneEventAfterTheOther() throws {
        let (store, events) = try Self.longSession()
        // Two full chunks and a part of one.
        #expect(events.count > 2 * FoldPipeline.chunkSize && events.count % FoldPipeline.chunkSize != 0)
        let sequential = SessionState.fold(id: "long", workshop: TestSupport.copingPatterns, events: events)
        let loaded = try store.load(id: "long")
        #expect(StateComparison.differences(sequential, loaded) == [])
        #expect(loaded.eventCount == events.count)
    }

    @Test func aDamagedEventInALongSessionStopsTheFold() async throws {
        let (store, _) = try Self.longSession()
        let queue = try DatabaseQueue(path: store.path)
        try await queue.write { db in
            // Version 1, kind 10 (rated), then nothing.
            try db.execute(sql: "UPDATE event_packs SET packed = x'010A' WHERE seq = 9000")
        }
        try queue.close()
        #expect {
            try store.load(id: "long")
        } throws: { error in
            TestSupport.english((error as? StoreError)?.message ?? LocalizedMessage("none"))
                == "session \"long\": event 9000 (kind \"rated\", version 1) cannot be read; "
                + "the store is damaged or was written by a newer atelier"
        }
    }
}
