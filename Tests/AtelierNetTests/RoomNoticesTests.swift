import AtelierCore
import AtelierLive
import AtelierNet
import AtelierREPL
import AtelierTerminal
import Logging
import Testing

/// The facilitator's notices about the room, as `atelier run --listen`
/// prints them on a terminal: wrapped to its width, and saying whether
/// nobody has come yet or everyone has left.
@Suite("The room's notices on the facilitator's terminal", .timeLimit(.minutes(1)))
struct RoomNoticesTests {
    /// A REPL listening on loopback, its console as wide as a terminal of `width` columns.
    private func listening(
        _ language: String, width: Int, lines: [String] = []
    ) async throws -> (console: Console, input: LineQueue, run: Task<REPLSummary, Never>, port: Int) {
        let catalogs = try Repository.catalogs()
        let catalog = try #require(catalogs[language])
        let state = SessionState(
            id: "notices", workshop: try Repository.workshop("coping-patterns"), locale: language)
        let live = LiveSession(state: state, journal: MemoryJournal())
        let console = Console(.memory, width: TerminalWidth(fixed: width))
        let input = LineQueue(lines)
        let network = ParticipantNetwork(
            configuration: NetConfiguration(code: TestRoom.code), catalogs: catalogs, logger: Logger(label: "test"))
        let repl = REPL(
            live: live, initial: state, catalog: catalog, console: console, input: input,
            settings: .init(interactive: false, width: TerminalWidth(fixed: width)), clock: { 0 },
            extensions: [network])
        let run = Task { await repl.run() }
        let prefix =
            language == "fr"
            ? "les participants peuvent rejoindre sur 127.0.0.1:" : "participants can join on 127.0.0.1:"
        try await eventually { console.transcript.contains { $0.hasPrefix(prefix) } && console.transcript.count > 12 }
        let shown = console.transcript.first { $0.hasPrefix(prefix) } ?? ""
        let port = try #require(Int(shown.dropFirst(prefix.count)))
        // An ephemeral port has five digits: the wrapping below counts on it.
        #expect(String(port).count == 5)
        return (console, input, run, port)
    }

    /// The lines from `first` on, as many as `expected` holds.
    private func lines(_ console: Console, from first: String, count: Int) -> [String] {
        let transcript = console.transcript
        guard let start = transcript.firstIndex(of: first) else { return [] }
        return Array(transcript[start..<min(transcript.count, start + count)])
    }

    @Test(arguments: [
        (
            "en", 60,
            [
                "participants can join on 127.0.0.1:PORT",
                "(from this machine only; to open the session to the room,",
                "start it with --listen 0.0.0.0:PORT)",
            ],
            [
                "join code: ABC234",
                "atelier join 127.0.0.1:PORT --code ABC234 --name NAME",
                "--department DEPARTMENT",
                "(or: nc 127.0.0.1 PORT, then join ABC234 NAME DEPARTMENT)",
            ]
        ),
        (
            "en", 100,
            [
                "participants can join on 127.0.0.1:PORT",
                "(from this machine only; to open the session to the room, start it with --listen 0.0.0.0:PORT)",
            ],
            [
                "join code: ABC234",
                "atelier join 127.0.0.1:PORT --code ABC234 --name NAME --department DEPARTMENT",
                "(or: nc 127.0.0.1 PORT, then join ABC234 NAME DEPARTMENT)",
            ]
        ),
        (
            "fr", 60,
            [
                "les participants peuvent rejoindre sur 127.0.0.1:PORT",
                "(depuis cette machine seulement ; pour ouvrir la séance à la",
                "salle, lancez-la avec --listen 0.0.0.0:PORT)",
            ],
            [
                "code pour rejoindre : ABC234",
                "atelier join 127.0.0.1:PORT --code ABC234 --name NOM",
                "--department DÉPARTEMENT",
                "(ou : nc 127.0.0.1 PORT, puis join ABC234 NOM DÉPARTEMENT)",
            ]
        ),
        (
            "fr", 100,
            [
                "les participants peuvent rejoindre sur 127.0.0.1:PORT",
                "(depuis cette machine seulement ; pour ouvrir la séance à la salle, lancez-la avec --listen",
                "0.0.0.0:PORT)",
            ],
            [
                "code pour rejoindre : ABC234",
                "atelier join 127.0.0.1:PORT --code ABC234 --name NOM --department DÉPARTEMENT",
                "(ou : nc 127.0.0.1 PORT, puis join ABC234 NOM DÉPARTEMENT)",
            ]
        ),
    ])
    func theLoopbackHintAndTheJoinLineWrapToTheTerminal(
        language: String, width: Int, hint: [String], join: [String]
    ) async throws {
        let (console, input, run, port) = try await listening(language, width: width)
        input.push("quit")
        _ = await run.value
        let expectedHint = hint.map { $0.replacingOccurrences(of: "PORT", with: String(port)) }
        let expectedJoin = join.map { $0.replacingOccurrences(of: "PORT", with: String(port)) }
        #expect(lines(console, from: expectedHint[0], count: expectedHint.count) == expectedHint)
        #expect(lines(console, from: expectedJoin[0], count: expectedJoin.count) == expectedJoin)
        #expect(console.transcript.allSatisfy { AnalysisLayout.visibleCount($0) <= width })
    }

    @Test(arguments: [
        (
            "en", "nobody has joined yet to answer ignore", "nobody is present any more to answer ignore",
            "nobody is present any more to answer status_quo"
        ),
        (
            "fr", "personne n'a encore rejoint la séance pour répondre à ignore",
            "plus personne n'est présent pour répondre à ignore",
            "plus personne n'est présent pour répondre à status_quo"
        ),
    ])
    func nobodyYetIsNotEveryoneGone(language: String, yet: String, left: String, next: String) async throws {
        let (console, input, run, port) = try await listening(language, width: 80, lines: ["dept add marketing"])
        input.push("next")
        try await eventually { console.transcript.contains(yet) }
        let client = try await TestClient.connect(port: port)
        _ = try await client.waitFor { $0.hasPrefix("* welcome") }
        #expect(try await client.ask("join \(TestRoom.code) alice marketing \(language)").hasPrefix("ok "))
        await client.close()
        try await eventually { console.transcript.contains(left) }
        input.push("next")
        try await eventually { console.transcript.contains(next) }
        input.push("quit")
        _ = await run.value
        let notices = console.transcript.filter { $0 == yet || $0 == left || $0 == next }
        #expect(notices == [yet, left, next])
    }
}
