import AtelierCore
import AtelierLive
import AtelierNet
import AtelierStore
import Logging
import Synchronization
import Testing

/// Seats kept in memory, as the store keeps them for `atelier run --listen`.
final class MemorySeats: SeatKeeper {
    private let kept = Mutex<[String: Seat]>([:])

    var saved: [Seat] { kept.withLock { $0.values.sorted { $0.name < $1.name } } }

    func seats() throws -> [Seat] { saved }
    func save(_ seat: Seat) throws { kept.withLock { $0[seat.name] = seat } }
    func remove(name: String) throws { _ = kept.withLock { $0.removeValue(forKey: name) } }
}

@Suite("Restart of the facilitator's atelier", .timeLimit(.minutes(1)))
struct RestartTests {
    static func server(
        _ session: LiveSession, keeper: MemorySeats, resumeWindow: Duration = .seconds(120)
    ) async throws -> (ParticipantServer, Int) {
        let catalogs = try Repository.catalogs()
        let server = try ParticipantServer(
            session: session, catalogs: catalogs, facilitator: try #require(catalogs["en"]),
            configuration: NetConfiguration(code: TestRoom.code, resumeWindow: resumeWindow),
            logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }, keeper: keeper)
        return (server, try await server.start())
    }

    @Test func aParticipantResumesWithTheirTokenOnTheRestartedSession() async throws {
        let keeper = MemorySeats()
        let journal = MemoryJournal()
        let state = SessionState(id: "restart", workshop: try Repository.workshop("coping-patterns"), locale: "en")
        let first = LiveSession(state: state, journal: journal)
        for action in [Action.addDepartment(id: "marketing", name: "Marketing"), .goTo(stage: "brakes")] {
            _ = await first.submit(Command(actor: .facilitator, action: action, time: 0))
        }
        let (before, port) = try await Self.server(first, keeper: keeper)
        let alice = try await TestClient.connect(port: port)
        _ = try await alice.waitFor { $0.hasPrefix("* welcome") }
        let joined = try await alice.ask("join \(TestRoom.code) alice marketing en")
        let token = String(joined.dropFirst(3))
        #expect(joined.hasPrefix("ok ") && token.count == 32)
        #expect(try await alice.ask("rate control 2") == "ok control: 2 (A real brake) recorded")
        #expect(try await alice.ask("locale fr") == "ok vous lisez désormais en français")
        // Bob leaves before the restart: the session records it.
        let bob = try await TestClient.connect(port: port)
        _ = try await bob.waitFor { $0.hasPrefix("* welcome") }
        #expect(try await bob.ask("join \(TestRoom.code) bob marketing en").hasPrefix("ok "))
        #expect(try await bob.ask("quit") == "ok goodbye; join again with the code to come back")
        try await eventually { first.state.participants["bob"]?.present == false }
        #expect(keeper.saved.map(\.name) == ["alice"])
        #expect(
            keeper.saved.first
                == Seat(name: "alice", department: "marketing", tokenDigest: SeatToken.digest(token), locale: "fr"))
        // Only the digest is kept: the token itself is nowhere in what the keeper holds.
        #expect(!"\(keeper.saved)".contains(token))

        // The facilitator's atelier stops without a word to anyone: what was
        // stored is all the restarted one has (alice is still present in it).
        let stored = first.state
        let second = LiveSession(state: stored, journal: journal)
        let (after, newPort) = try await Self.server(second, keeper: keeper)
        let back = try await TestClient.connect(port: newPort)
        _ = try await back.waitFor { $0.hasPrefix("* welcome") }
        #expect(try await back.ask("resume \(token)") == "ok \(token)")
        #expect(try await back.ask("rate understanding 3") == "ok understanding : 3 (Frein fort) enregistré")
        let eve = try await TestClient.connect(port: newPort)
        _ = try await eve.waitFor { $0.hasPrefix("* welcome") }
        #expect(
            try await eve.ask("join \(TestRoom.code) alice marketing en")
                == "error \"alice\" is already someone's seat; if it is yours, type resume TOKEN, or ask the facilitator to free it (kick alice)"
        )
        let joins = journal.events(session: "restart").filter {
            $0.event == .participantJoined(name: "alice", department: "marketing")
        }
        #expect(joins.count == 1)

        // Bob, who had left, joins again under his name, with a new token.
        let bobAgain = try await TestClient.connect(port: newPort)
        _ = try await bobAgain.waitFor { $0.hasPrefix("* welcome") }
        #expect(try await bobAgain.ask("join \(TestRoom.code) bob marketing en").hasPrefix("ok "))

        // Kicked, alice's seat is forgotten and she is recorded as having left:
        // the name may join again.
        #expect(await after.kick("alice").done)
        #expect(keeper.saved.map(\.name) == ["bob"])
        try await eventually { second.state.participants["alice"]?.present == false }
        #expect(try await eve.ask("join \(TestRoom.code) alice marketing en").hasPrefix("ok "))
        await after.stop()
        await before.stop()
    }

    /// A session with the department `legal`, its server, and a token for
    /// each of `names`, joined there before the facilitator's atelier dies.
    static func joinedBeforeACrash(_ id: String, _ names: [String], keeper: MemorySeats) async throws -> (
        first: LiveSession, journal: MemoryJournal, server: ParticipantServer, tokens: [String]
    ) {
        let journal = MemoryJournal()
        let state = SessionState(id: id, workshop: try Repository.workshop("coping-patterns"), locale: "en")
        let first = LiveSession(state: state, journal: journal)
        _ = await first.submit(
            Command(actor: .facilitator, action: .addDepartment(id: "legal", name: "Legal"), time: 0))
        let (server, port) = try await Self.server(first, keeper: keeper)
        var tokens: [String] = []
        for name in names {
            let client = try await TestClient.connect(port: port)
            _ = try await client.waitFor { $0.hasPrefix("* welcome") }
            tokens.append(String(try await client.ask("join \(TestRoom.code) \(name) legal en").dropFirst(3)))
        }
        return (first, journal, server, tokens)
    }

    @Test func thoseWhoDoNotResumeLeaveAfterTheWindowAndCanStillComeBack() async throws {
        let keeper = MemorySeats()
        let (first, journal, before, tokens) = try await Self.joinedBeforeACrash(
            "ghosts", ["ghost", "back"], keeper: keeper)
        // The facilitator's atelier dies; its session comes back with both present.
        let second = LiveSession(state: first.state, journal: journal)
        let (after, newPort) = try await Self.server(second, keeper: keeper, resumeWindow: .milliseconds(300))
        let back = try await TestClient.connect(port: newPort)
        _ = try await back.waitFor { $0.hasPrefix("* welcome") }
        #expect(try await back.ask("resume \(tokens[1])") == "ok \(tokens[1])")
        // The window over, the one who did not resume is recorded as having left.
        try await eventually { second.state.participants["ghost"]?.present == false }
        #expect(second.state.participants["back"]?.present == true)
        // Later still, the token brings them back (a join is recorded).
        let late = try await TestClient.connect(port: newPort)
        _ = try await late.waitFor { $0.hasPrefix("* welcome") }
        #expect(try await late.ask("resume \(tokens[0])") == "ok \(tokens[0])")
        #expect(second.state.participants["ghost"]?.present == true)
        let ghost = journal.events(session: "ghosts").filter { $0.actor == .participant("ghost") }.map(\.event.type)
        #expect(ghost == ["participant_joined", "participant_left", "participant_joined"])
        await after.stop()
        await before.stop()
    }

    @Test func aNormalStopRecordsEveryoneAsLeftEvenThoseWhoNeverCameBack() async throws {
        let keeper = MemorySeats()
        let (first, journal, before, _) = try await Self.joinedBeforeACrash("stop", ["ghost"], keeper: keeper)
        let second = LiveSession(state: first.state, journal: journal)
        let (after, _) = try await Self.server(second, keeper: keeper)
        await after.stop()
        #expect(second.state.participants["ghost"]?.present == false)
        await before.stop()
    }
}
