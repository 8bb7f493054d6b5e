import AtelierCore
import AtelierTestFixtures
import Testing

@testable import AtelierLive

/// The live session's contract: nothing acknowledged before it is stored,
/// the commands that wait share one write, a failed write fails everything
/// decided after it, and a follower sees every write exactly once.
@Suite(.timeLimit(.minutes(1))) struct LiveSessionTests {
    let state: SessionState

    init() throws {
        state = SessionState(id: "live", workshop: try Fixtures.workshop("coping-patterns"), locale: "en")
    }

    func add(_ id: String) -> Command {
        Command(actor: .facilitator, action: .addDepartment(id: id, name: id), time: 1)
    }

    /// Waits until the session holds `count` decided commands for the next write.
    func waiting(_ live: LiveSession, _ count: Int) async {
        while live.waitingCount < count { await Task.yield() }
    }

    @Test func commandsArrivingDuringASlowWriteShareTheNextOne() async throws {
        let journal = GateJournal()
        let live = LiveSession(state: state, journal: journal)
        let first = Task { await live.submit(add("marketing")) }
        await journal.arrived(1)
        // The first write is on its way: nothing is acknowledged or applied yet.
        #expect(live.state.departments.isEmpty)
        let second = Task { await live.submit(add("legal")) }
        await waiting(live, 1)
        let third = Task { await live.submit(add("hr")) }
        await waiting(live, 2)
        journal.release(storing: true)
        await journal.arrived(2)
        #expect(live.state.departments.map(\.id) == ["marketing"])
        journal.release(storing: true)
        guard case .accepted(let events) = await first.value, case .accepted = await second.value,
            case .accepted = await third.value
        else {
            Issue.record("a command was not accepted")
            return
        }
        #expect(events.map(\.seq) == [1])
        #expect(journal.appends.map(\.count) == [1, 2])
        #expect(live.state.departments.map(\.id) == ["marketing", "legal", "hr"])
        #expect(live.state.lastSeq == 3)
    }

    @Test func aFailedWriteFailsTheCommandsDecidedAfterItAndChangesNothing() async throws {
        let journal = GateJournal(failure: StoreFailureForTest())
        let live = LiveSession(state: state, journal: journal)
        let first = Task { await live.submit(add("marketing")) }
        await journal.arrived(1)
        // Decided against `marketing` being there: it fails with it.
        let second = Task {
            await live.submit(
                Command(actor: .facilitator, action: .join(name: "ana", department: "marketing"), time: 2))
        }
        await waiting(live, 1)
        journal.release(storing: false)
        let expected = LocalizedMessage("store.database_failed", ["path": .text("s.sqlite"), "reason": .text("full")])
        for outcome in [await first.value, await second.value] {
            guard case .failed(let failure) = outcome else {
                Issue.record("not failed: \(outcome)")
                continue
            }
            #expect(failure.message == expected)
        }
        #expect(live.state.lastSeq == 0 && live.state.departments.isEmpty)
        // The session goes on from what is stored: the same join is refused now, its department unknown.
        guard
            case .refused(let error) = await live.submit(
                Command(actor: .facilitator, action: .join(name: "ana", department: "marketing"), time: 3))
        else {
            Issue.record("the join after the failure was not refused")
            return
        }
        #expect(error == .unknownDepartment("marketing", known: []))
    }

    @Test func aFailureWithoutASentenceGetsOne() async throws {
        let journal = GateJournal()
        let live = LiveSession(state: state, journal: journal)
        let first = Task { await live.submit(add("marketing")) }
        await journal.arrived(1)
        journal.release(storing: false)
        guard case .failed(let failure) = await first.value else {
            Issue.record("not failed")
            return
        }
        #expect(failure.message == LocalizedMessage("live.write_failed", ["reason": .text("disk full")]))
        #expect(try Fixtures.catalog("en").render(failure.message) == "the journal could not be written: disk full")
        #expect(try Fixtures.catalog("fr").render(failure.message) == "le journal n'a pas pu être écrit : disk full")
    }

    @Test func followReturnsTheStateAndEveryWriteAfterItOnce() async throws {
        let live = LiveSession(state: state, journal: MemoryJournal())
        guard case .accepted = await live.submit(add("marketing")) else {
            Issue.record("refused")
            return
        }
        let (followed, writes) = live.follow()
        #expect(followed.lastSeq == 1)
        for id in ["legal", "hr"] { _ = await live.submit(add(id)) }
        var seqs: [Int64] = []
        for await write in writes {
            seqs += write.flatMap { $0.map(\.seq) }
            if seqs.count == 2 { break }
        }
        #expect(seqs == [2, 3])
    }

    /// The network room's way: each write comes with the state after it, the
    /// same state the session serves, so the follower folds nothing again.
    @Test func followStatesGivesEachWriteWithTheStateAfterIt() async throws {
        let live = LiveSession(state: state, journal: MemoryJournal())
        let (followed, writes) = live.followStates()
        #expect(followed.lastSeq == 0)
        for id in ["marketing", "legal"] { _ = await live.submit(add(id)) }
        var seen: [(seqs: [Int64], lastSeq: Int64, departments: [String])] = []
        var last: SessionState?
        for await write in writes {
            seen.append(
                (write.commands.flatMap { $0.map(\.seq) }, write.state.lastSeq, write.state.departments.map(\.id)))
            last = write.state
            if seen.count == 2 { break }
        }
        #expect(seen.map(\.seqs) == [[1], [2]])
        #expect(seen.map(\.lastSeq) == [1, 2])
        #expect(seen.map(\.departments) == [["marketing"], ["marketing", "legal"]])
        #expect(StateComparison.differences(try #require(last), live.state) == [])
    }

    @Test func refusalsCarryTheirSentence() async throws {
        let live = LiveSession(state: state, journal: MemoryJournal())
        let join = Command(actor: .facilitator, action: .join(name: "ana", department: "nowhere"), time: 1)
        guard case .refused(let error) = await live.submit(join) else {
            Issue.record("not refused")
            return
        }
        let failure: any LocalizedFailure = error
        #expect(failure.message == error.message)
        #expect(try Fixtures.catalog("en").render(failure.message).hasPrefix("unknown department \"nowhere\"; known:"))
        #expect(live.state.lastSeq == 0)
    }
}

/// A store's error with its own sentence, as `StoreError` has.
struct StoreFailureForTest: LocalizedFailure {
    var message: LocalizedMessage {
        LocalizedMessage("store.database_failed", ["path": .text("s.sqlite"), "reason": .text("full")])
    }
}
