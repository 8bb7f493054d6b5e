import AtelierCore
import AtelierLive
import AtelierNet
import AtelierREPL
import AtelierTerminal
import Logging
import Testing

/// The network in the facilitator's REPL, as `atelier run --listen` has it.
@Suite("The facilitator's view of the room", .timeLimit(.minutes(1)))
struct FacilitatorViewTests {
    @Test func quietHidesEachAnswerButNotTheCount() async throws {
        let catalogs = try Repository.catalogs()
        let english = try #require(catalogs["en"])
        let state = SessionState(id: "quiet", workshop: try Repository.workshop("coping-patterns"), locale: "en")
        let live = LiveSession(state: state, journal: MemoryJournal())
        let console = Console(.memory)
        let input = LineQueue(["dept add marketing", "goto position", "quiet on"])
        let network = ParticipantNetwork(
            configuration: NetConfiguration(code: TestRoom.code), catalogs: catalogs, logger: Logger(label: "test"))
        let repl = REPL(
            live: live, initial: state, catalog: english, console: console, input: input,
            settings: .init(interactive: false), clock: { 0 }, extensions: [network])
        let run = Task { await repl.run() }
        try await eventually {
            console.transcript.contains(
                "quiet: joins, leaves and answers are no longer shown one by one; the count of who answered stays")
        }
        let listening = console.transcript.first { $0.hasPrefix("participants can join on 127.0.0.1:") } ?? ""
        let client = try await TestClient.connect(port: try #require(Int(listening.split(separator: ":").last ?? "")))
        _ = try await client.waitFor { $0.hasPrefix("* welcome") }
        #expect(try await client.ask("join \(TestRoom.code) alice marketing en").hasPrefix("ok "))
        #expect(try await client.ask("pick drift").hasPrefix("ok "))
        try await eventually { console.transcript.contains("1 of 1 present answered position") }
        input.push("quit")
        _ = await run.value
        #expect(console.transcript.contains("0 of 1 present answered position"))
        #expect(!console.transcript.contains { $0.hasPrefix("alice") })
    }

    @Test func theAnsweredCountPrintsAfterTheAnswersItCounts() async throws {
        let catalogs = try Repository.catalogs()
        let english = try #require(catalogs["en"])
        let state = SessionState(id: "view", workshop: try Repository.workshop("coping-patterns"), locale: "en")
        let live = LiveSession(state: state, journal: MemoryJournal())
        let console = Console(.memory)
        let input = LineQueue(["dept add marketing", "goto brakes"])
        let network = ParticipantNetwork(
            configuration: NetConfiguration(code: TestRoom.code), catalogs: catalogs, logger: Logger(label: "test"))
        let repl = REPL(
            live: live, initial: state, catalog: english, console: console, input: input,
            settings: .init(interactive: false), clock: { 0 }, extensions: [network])
        let run = Task { await repl.run() }
        try await eventually { console.transcript.contains { $0.hasPrefix("participants can join on 127.0.0.1:") } }
        let listening = console.transcript.first { $0.hasPrefix("participants can join on 127.0.0.1:") } ?? ""
        let port = try #require(Int(listening.split(separator: ":").last ?? ""))
        // Listening on loopback, the facilitator is told how to open the session to the room.
        let next = try #require(console.transcript.firstIndex(of: listening)).advanced(by: 1)
        #expect(
            console.transcript[next]
                == "(from this machine only; to open the session to the room, start it with --listen 0.0.0.0:\(port))")
        let people = ["alice", "bob", "chloe"]
        var clients: [TestClient] = []
        for name in people {
            let client = try await TestClient.connect(port: port)
            _ = try await client.waitFor { $0.hasPrefix("* welcome") }
            #expect(try await client.ask("join \(TestRoom.code) \(name) marketing en").hasPrefix("ok "))
            clients.append(client)
        }
        try await eventually { console.transcript.contains("0 of 3 present answered brakes") }
        for client in clients {
            for (item, value) in [("control", 1), ("understanding", 2), ("strategy", 3)] {
                #expect(try await client.ask("rate \(item) \(value)").hasPrefix("ok "))
            }
        }
        try await eventually { console.transcript.contains("3 of 3 present answered brakes") }
        input.push("quit")
        _ = await run.value
        // Each count follows the answer that completed it.
        let shown = console.transcript
        for (count, name) in zip(1...3, people) {
            let answer = try #require(
                shown.firstIndex(of: "\(name) (marketing) rated strategy: 3 (A strong brake)"), "\(shown)")
            let line = try #require(shown.firstIndex(of: "\(count) of 3 present answered brakes"), "\(shown)")
            #expect(answer < line, "\(shown)")
        }
    }
}
