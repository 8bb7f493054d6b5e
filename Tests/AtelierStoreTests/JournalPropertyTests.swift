import AtelierCore
import AtelierLive
import AtelierStore
import AtelierTestFixtures
import Testing

/// Random command sequences through the live session and the SQLite store.
@Suite struct JournalPropertyTests {
    static let seeds: [UInt64] = [1, 2, 3, 5, 8, 13, 21, 34]
    static let commands = 250

    /// Runs a seeded sequence; checks after each command that a refused one
    /// left the journal as it was and an accepted one added its events.
    func run(seed: UInt64, store: SessionStore) async throws -> (live: SessionState, refused: Int) {
        let id = "s\(seed)"
        let start = try store.create(
            id: id, workshop: TestSupport.copingPatterns, locale: "fr", time: 1_714_550_400_000)
        let live = LiveSession(state: start, journal: store)
        var generator = CommandGenerator(seed: seed)
        var refused = 0
        for _ in 0..<Self.commands {
            let before = try store.events(id: id)
            let command = generator.next(live.state)
            switch await live.submit(command) {
            case .accepted(let events):
                #expect(try store.events(id: id) == before + events, "seed \(seed): \(command)")
            case .refused:
                refused += 1
                #expect(try store.events(id: id) == before, "seed \(seed): refused \(command) changed the journal")
            case .failed(let reason):
                Issue.record("seed \(seed): the store failed: \(reason)")
            }
        }
        return (live.state, refused)
    }

    @Test(arguments: seeds) func storedJournalFoldsToTheLiveState(seed: UInt64) async throws {
        let store = try TestSupport.store()
        let (live, refused) = try await run(seed: seed, store: store)
        #expect(refused > 20, "the generator must exercise refusals too")
        #expect(live.eventCount > 40, "the generator must get well into the workshop")
        let stored = try store.load(id: "s\(seed)")
        #expect(StateComparison.differences(live, stored) == [])
        // A second store, opened on the same file, folds the same.
        let reopened = try SessionStore(path: store.path).load(id: "s\(seed)")
        #expect(StateComparison.differences(live, reopened) == [])
    }

    @Test(arguments: seeds) func exportThenImportGivesTheSameState(seed: UInt64) async throws {
        let store = try TestSupport.store()
        let (live, _) = try await run(seed: seed, store: store)
        let text = try store.exportRecording(id: "s\(seed)")
        let other = try TestSupport.store()
        #expect(try other.importRecording(text, file: "s.jsonl") == "s\(seed)")
        #expect(StateComparison.differences(live, try other.load(id: "s\(seed)")) == [])
        // Folding the recording itself gives the same state too.
        let (header, events) = try Recording.read(text, file: "s.jsonl")
        let folded = SessionState.fold(id: header.session, workshop: header.workshop, events: events)
        #expect(StateComparison.differences(live, folded) == [])
        // And the export of the imported session is the same text.
        #expect(try other.exportRecording(id: "s\(seed)") == text)
    }
}
