import AtelierCore
import AtelierLive
import AtelierStore
import AtelierTestFixtures
import Testing

/// The journal contract (`JournalStore`), the same tests against the SQLite
/// file and against PostgreSQL (a cluster the tests start themselves).
@Suite struct StoreContractTests {
    static let seeds: [UInt64] = [3, 21]

    /// A seeded sequence of commands through the live session (group
    /// commit) into `store`; after each one, a refused command left the
    /// journal as it was and an accepted one added exactly its events.
    func run(seed: UInt64, store: any JournalStore, commands: Int = 150) async throws -> SessionState {
        let id = "s\(seed)"
        let start = try store.create(
            id: id, workshop: Support.workshop, locale: "fr", time: Support.start, actor: .facilitator)
        let live = LiveSession(state: start, journal: store)
        var generator = CommandGenerator(seed: seed)
        for _ in 0..<commands {
            let before = try store.events(id: id)
            let command = generator.next(live.state)
            switch await live.submit(command) {
            case .accepted(let events): #expect(try store.events(id: id) == before + events, "\(command)")
            case .refused: #expect(try store.events(id: id) == before, "refused \(command) changed the journal")
            case .failed(let reason): Issue.record("the store failed: \(reason)")
            }
        }
        return live.state
    }

    @Test(arguments: StoreKind.allCases, seeds)
    func theStoredJournalFoldsToTheLiveState(kind: StoreKind, seed: UInt64) async throws {
        let store = try kind.make()
        let live = try await run(seed: seed, store: store)
        #expect(live.eventCount > 40)
        #expect(StateComparison.differences(live, try store.load(id: "s\(seed)")) == [])
        let (workshop, events) = try store.journal(id: "s\(seed)")
        #expect(workshop == Support.workshop)
        #expect(events.map(\.seq) == Array(1...Int64(live.eventCount)))
        // The listed summary is the one kept with the session, equal to the fold's.
        #expect(try store.sessions() == [SessionSummary(live)])
    }

    @Test(arguments: StoreKind.allCases)
    func commandsArrivingTogetherAreAllStoredInOrder(kind: StoreKind) async throws {
        let store = try kind.make()
        var state = try store.create(
            id: "burst", workshop: Support.workshop, locale: "en", time: Support.start, actor: .facilitator)
        let setup: [Action] = [
            .addDepartment(id: "legal", name: "Legal"), .addDepartment(id: "sales", name: "Sales"),
        ]
        let live = LiveSession(state: state, journal: store)
        for (offset, action) in setup.enumerated() {
            guard
                case .accepted = await live.submit(
                    Command(actor: .facilitator, action: action, time: Support.start + Int64(offset)))
            else {
                Issue.record("setup \(action) refused")
                return
            }
        }
        let names = (0..<40).map { "p\($0)" }
        let outcomes = await withTaskGroup(of: Bool.self) { group in
            for (index, name) in names.enumerated() {
                group.addTask {
                    let department = index.isMultiple(of: 2) ? "legal" : "sales"
                    let command = Command(
                        actor: .participant(name), action: .join(name: name, department: department),
                        time: Support.start + 100)
                    if case .accepted = await live.submit(command) { return true }
                    return false
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(outcomes == Array(repeating: true, count: 40))
        state = live.state
        #expect(state.eventCount == 43)
        #expect(StateComparison.differences(state, try store.load(id: "burst")) == [])
        #expect(try store.sessions().map(\.participants) == [40])
    }

    /// Both stores open a session with the same first event: the criteria in
    /// force, the workshop's digest, the session's privacy.
    @Test func bothStoresOpenASessionWithTheSameFirstEvent() throws {
        let stores = try StoreKind.allCases.map { try $0.make() }
        for store in stores {
            _ = try store.create(
                id: "same", workshop: Support.workshop, locale: "fr", time: Support.start, actor: .facilitator,
                anonymous: true, minGroup: 3)
        }
        let first = try stores.map { try $0.events(id: "same") }
        #expect(first[0].count == 1)
        #expect(first[0] == first[1])
        #expect(first[0].first?.event == .opening(Support.workshop, locale: "fr", anonymous: true, minGroup: 3))
        for store in stores {
            let state = try store.load(id: "same")
            #expect(state.anonymous && state.minGroup == 3)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func anAppendAfterTheWrongEventStoresNothing(kind: StoreKind) throws {
        let store = try kind.make()
        _ = try store.create(
            id: "moved", workshop: Support.workshop, locale: "fr", time: Support.start, actor: .facilitator)
        let pending = [
            PendingEvent(time: Support.start + 1, actor: .facilitator, event: .departmentAdded(id: "it", name: "IT"))
        ]
        let error = Support.storeError { _ = try store.append(session: "moved", after: 3, pending) }
        #expect(
            error.map(Support.english)
                == "session \"moved\" has moved on (its last event is 1, not 3); nothing was recorded")
        #expect(try store.events(id: "moved").count == 1)
        #expect(try store.append(session: "moved", after: 1, pending).map(\.seq) == [2])
    }

    @Test(arguments: StoreKind.allCases)
    func anUnknownOrTakenSessionIdIsRefused(kind: StoreKind) throws {
        let store = try kind.make()
        #expect(
            Support.storeError { _ = try store.load(id: "nobody") }.map(Support.english)
                == "no session \"nobody\" in the store; sessions: none yet")
        _ = try store.create(
            id: "taken", workshop: Support.workshop, locale: "fr", time: Support.start, actor: .facilitator)
        let again = Support.storeError {
            _ = try store.create(
                id: "taken", workshop: Support.workshop, locale: "fr", time: Support.start, actor: .facilitator)
        }
        #expect(again.map(Support.english) == "a session \"taken\" is already in the store; choose another id")
        #expect(
            Support.storeError { _ = try store.load(id: "other") }.map(Support.english)
                == "no session \"other\" in the store; sessions: taken")
        let bad = Support.storeError {
            _ = try store.create(
                id: "Bad Id", workshop: Support.workshop, locale: "fr", time: Support.start, actor: .facilitator)
        }
        #expect(bad?.message.key == "store.invalid_session_id")
        #expect(try store.sessions().map(\.id) == ["taken"])
    }

    @Test(arguments: StoreKind.allCases)
    func aRecordingExportedThenImportedIsTheSameText(kind: StoreKind) async throws {
        let store = try kind.make()
        let live = try await run(seed: 8, store: store, commands: 80)
        let text = try store.exportRecording(id: "s8")
        for other in StoreKind.allCases {
            let target = try other.make()
            #expect(try target.importRecording(text, file: "s8.jsonl", as: nil) == "s8")
            #expect(try target.exportRecording(id: "s8") == text)
            #expect(StateComparison.differences(live, try target.load(id: "s8")) == [])
            #expect(try target.sessions() == [SessionSummary(live)])
            let twice = Support.storeError { _ = try target.importRecording(text, file: "s8.jsonl", as: nil) }
            #expect(twice?.message.key == "store.import_session_exists")
            #expect(try target.importRecording(text, file: "s8.jsonl", as: "copy") == "copy")
            #expect(try target.sessions().map(\.id).sorted() == ["copy", "s8"])
        }
    }

    @Test(arguments: StoreKind.allCases)
    func aBrokenRecordingImportsNothing(kind: StoreKind) async throws {
        let source = try kind.make()
        _ = try await run(seed: 5, store: source, commands: 40)
        var lines = try source.exportRecording(id: "s5").split(separator: "\n", omittingEmptySubsequences: false)
        lines.remove(at: 3)
        let store = try kind.make()
        let error = Support.storeError {
            _ = try store.importRecording(lines.joined(separator: "\n"), file: "b.jsonl", as: nil)
        }
        #expect(error.map(Support.english)?.hasPrefix("b.jsonl:4: ") == true)
        #expect(try store.sessions() == [])
    }

    @Test(arguments: StoreKind.allCases)
    func seatsAreKeptReplacedRemovedAndGoWithTheEnd(kind: StoreKind) throws {
        let store = try kind.make()
        _ = try store.create(
            id: "room", workshop: Support.workshop, locale: "fr", time: Support.start, actor: .facilitator)
        let ana = StoredSeat(name: "ana", department: "legal", locale: "fr", tokenDigest: "d1")
        let bob = StoredSeat(name: "bob", department: "it", locale: "en", tokenDigest: "d2")
        try store.saveSeat(bob, session: "room")
        try store.saveSeat(ana, session: "room")
        #expect(try store.seats(session: "room") == [ana, bob])
        let moved = StoredSeat(name: "ana", department: "legal", locale: "en", tokenDigest: "d3")
        try store.saveSeat(moved, session: "room")
        #expect(try store.seats(session: "room") == [moved, bob])
        try store.removeSeat(name: "bob", session: "room")
        #expect(try store.seats(session: "room") == [moved])
        _ = try store.append(
            session: "room", after: 1,
            [PendingEvent(time: Support.start + 5, actor: .facilitator, event: .sessionEnded)])
        #expect(try store.seats(session: "room") == [])
        #expect(try store.sessions().first?.endedAt == Support.start + 5)
    }
}
