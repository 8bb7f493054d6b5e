import AtelierCore
import AtelierLive
import AtelierNet
import Synchronization
import Testing

@Suite("The participant's client", .timeLimit(.minutes(1)))
struct ClientTests {
    /// Lines typed one at a time, when the test says so.
    final class Keyboard: Sendable {
        private let state = Mutex<(lines: [String], waiter: CheckedContinuation<String?, Never>?)>(([], nil))

        func type(_ line: String) {
            let waiter = state.withLock { state -> CheckedContinuation<String?, Never>? in
                guard let waiter = state.waiter else {
                    state.lines.append(line)
                    return nil
                }
                state.waiter = nil
                return waiter
            }
            waiter?.resume(returning: line)
        }

        func next() async -> String? {
            await withCheckedContinuation { continuation in
                let ready = state.withLock { state -> String? in
                    guard !state.lines.isEmpty else {
                        state.waiter = continuation
                        return nil
                    }
                    return state.lines.removeFirst()
                }
                if let ready { continuation.resume(returning: ready) }
            }
        }
    }

    final class Screen: Sendable {
        private let lines = Mutex<[String]>([])
        func show(_ line: String) { lines.withLock { $0.append(line) } }
        var shown: [String] { lines.withLock { $0 } }

        func waitFor(_ line: String) async throws {
            try await eventually { self.shown.contains(line) }
        }
    }

    static func client(
        port: Int, name: String = "alice", screen: Screen, code: String = TestRoom.code,
        stages: Screen = Screen(), keptToken: String? = nil, kept: Screen = Screen()
    ) throws -> ParticipantClient {
        let request = JoinRequest(
            address: NetAddress(host: "127.0.0.1", port: port), code: code, name: name, department: "marketing",
            locale: "en")
        return ParticipantClient(
            request: request, catalog: try Repository.catalogs()["en"]!, languages: ["en", "fr"],
            retry: .init(delay: .milliseconds(50), attempts: 100), keptToken: keptToken,
            keepToken: { kept.show($0 ?? "(none)") }, stageChanged: { stages.show($0) }, show: { screen.show($0) })
    }

    @Test func aClientRunAgainTakesItsSeatBackWithTheKeptToken() async throws {
        let room = try await TestRoom.start()
        defer { Task { await room.stop() } }
        // The first run of the client dies with the seat held: the name stays reserved.
        let (first, token) = try await room.joined("alice", "marketing")
        await first.close()
        try await eventually { room.events.last?.event == .participantLeft(name: "alice") }
        let screen = Screen()
        let kept = Screen()
        let keyboard = Keyboard()
        let client = try Self.client(port: room.port, screen: screen, keptToken: token, kept: kept)
        let running = Task { await client.run { await keyboard.next() } }
        try await screen.waitFor("you are in as alice for marketing; type help for the commands, Tab completes")
        #expect(room.events.last?.event == .participantJoined(name: "alice", department: "marketing"))
        keyboard.type("quit")
        #expect(await running.value == .left)
        // Kept while seated, forgotten once the seat is over.
        #expect(kept.shown == [token, "(none)"])
    }

    @Test func aKeptTokenTheServerNoLongerKnowsFallsBackToJoin() async throws {
        let room = try await TestRoom.start()
        defer { Task { await room.stop() } }
        let screen = Screen()
        let kept = Screen()
        let keyboard = Keyboard()
        let client = try Self.client(
            port: room.port, screen: screen, keptToken: "0123456789abcdef0123456789abcdef", kept: kept)
        let running = Task { await client.run { await keyboard.next() } }
        try await screen.waitFor("you are in as alice for marketing; type help for the commands, Tab completes")
        #expect(!screen.shown.contains { $0.hasPrefix("✗") })
        keyboard.type("quit")
        #expect(await running.value == .left)
        #expect(
            kept.shown.count == 2 && kept.shown[0].count == 32 && kept.shown[0] != "0123456789abcdef0123456789abcdef")
    }

    @Test func aKeptTokenAndNoServerIsUnreachableAtOnce() async throws {
        let screen = Screen()
        let kept = Screen()
        let client = try Self.client(
            port: 9, screen: screen, keptToken: "0123456789abcdef0123456789abcdef", kept: kept)
        #expect(await client.run { nil } == .unreachable)
        #expect(screen.shown == ["cannot reach a session at 127.0.0.1:9; check the address the facilitator shows"])
        #expect(kept.shown.isEmpty)
    }

    @Test func aParticipantAnswersAndSeesTheSessionEnd() async throws {
        let room = try await TestRoom.start()
        defer { Task { await room.stop() } }
        let screen = Screen()
        let keyboard = Keyboard()
        let stages = Screen()
        let client = try Self.client(port: room.port, screen: screen, stages: stages)
        let running = Task { await client.run { await keyboard.next() } }
        try await screen.waitFor("you are in as alice for marketing; type help for the commands, Tab completes")
        try await stages.waitFor("intro")
        await room.goTo("brakes")
        try await screen.waitFor("▶ The three brakes (stage 7 of 9)")
        #expect(client.stage == "brakes")
        #expect(client.complete("") == RequestParser.commands.filter { $0 != "join" && $0 != "resume" })
        #expect(client.complete("rate ") == ["control", "understanding", "strategy"])
        #expect(client.complete("rate control ") == ["0", "1", "2", "3", "4"])
        keyboard.type("rate control 4")
        try await screen.waitFor("✓ control: 4 (It stops us) recorded")
        keyboard.type("rate nothing 4")
        try await screen.waitFor(
            "✗ unknown item \"nothing\" on stage \"brakes\"; items: control, understanding, strategy")
        await room.goTo("position")
        try await eventually { client.complete("pick ") == ["ignore", "status_quo", "delegate", "drift"] }
        await room.facilitator(.end)
        #expect(await running.value == .sessionEnded)
        #expect(screen.shown.last == "» the session has ended; thank you for taking part")
        #expect(stages.shown == ["intro", "brakes", "position"])
    }

    @Test func theFacilitatorLeavingWithoutEndingPausesTheClient() async throws {
        let room = try await TestRoom.start()
        let screen = Screen()
        let keyboard = Keyboard()
        let client = try Self.client(port: room.port, screen: screen)
        let running = Task { await client.run { await keyboard.next() } }
        try await screen.waitFor("you are in as alice for marketing; type help for the commands, Tab completes")
        await room.stop()
        #expect(await running.value == .paused)
        #expect(
            screen.shown.last
                == "» the facilitator has paused the session; your answers are kept; join again when it resumes")
    }

    @Test func linesPipedInAreSentOneByOneWithinTheFloodControl() async throws {
        let room = try await TestRoom.start()
        defer { Task { await room.stop() } }
        await room.goTo("brakes")
        let screen = Screen()
        let keyboard = Keyboard()
        let client = try Self.client(port: room.port, screen: screen)
        // Fifteen answers at once, as `atelier join ... < answers.txt` reads them.
        let values = (0..<15).map { $0 % 5 }
        for value in values { keyboard.type("rate control \(value)") }
        let running = Task { await client.run { await keyboard.next() } }
        try await eventually { screen.shown.filter { $0.hasPrefix("✓ control") }.count == 15 }
        #expect(!screen.shown.contains { $0.hasPrefix("✗") })
        keyboard.type("quit")
        #expect(await running.value == .left)
        let rated = room.events.compactMap { recorded -> Int? in
            guard case .rated(_, _, "control", let value) = recorded.event else { return nil }
            return value
        }
        #expect(rated == values)
    }

    @Test func aDroppedConnectionIsResumedWithTheToken() async throws {
        let room = try await TestRoom.start()
        defer { Task { await room.stop() } }
        let proxy = try await CuttableProxy.start(to: room.port)
        defer { proxy.stop() }
        let screen = Screen()
        let keyboard = Keyboard()
        let client = try Self.client(port: proxy.port, screen: screen)
        let running = Task { await client.run { await keyboard.next() } }
        await room.goTo("ignore")
        try await screen.waitFor("▶ Looking away (stage 2 of 9)")
        proxy.cut()
        try await screen.waitFor("connection to 127.0.0.1:\(proxy.port) lost; trying again…")
        try await screen.waitFor("connected again as alice")
        keyboard.type("rate 2")
        try await screen.waitFor("✓ ignore: 2 (Partly us) recorded")
        keyboard.type("quit")
        #expect(await running.value == .left)
        #expect(screen.shown.last == "you left the session; the same atelier join command brings you back")
        let expected = ["participant_joined", "participant_left", "participant_joined", "rated", "participant_left"]
        try await eventually { room.events.filter { $0.actor == .participant("alice") }.map(\.event.type) == expected }
    }

    @Test func aRefusedJoinEndsTheClient() async throws {
        let room = try await TestRoom.start()
        defer { Task { await room.stop() } }
        let screen = Screen()
        let client = try Self.client(port: room.port, screen: screen, code: "WRONG2")
        let keyboard = Keyboard()
        #expect(await client.run { await keyboard.next() } == .refused)
        #expect(screen.shown == ["✗ wrong join code; check the six characters shown by the facilitator"])
    }

    @Test func noServerAtTheAddress() async throws {
        let room = try await TestRoom.start()
        let port = room.port
        await room.stop()
        let screen = Screen()
        let client = try Self.client(port: port, screen: screen)
        let keyboard = Keyboard()
        #expect(await client.run { await keyboard.next() } == .unreachable)
        #expect(
            screen.shown == ["cannot reach a session at 127.0.0.1:\(port); check the address the facilitator shows"])
    }
}
