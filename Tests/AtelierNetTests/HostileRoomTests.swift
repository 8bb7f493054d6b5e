import AtelierCore
import AtelierLive
import AtelierNet
import AtelierStore
import Foundation
import Logging
import Synchronization
import Testing

/// A hostile room: idle sockets, guessed codes from many connections, a
/// client that stops reading its replies. Nobody real is kept out, and the
/// facilitator's screen gets a few lines, not one per knock.
@Suite("Hostile rooms", .timeLimit(.minutes(2)))
struct HostileRoomTests {
    /// Everything the facilitator's feed says until the room stops.
    final class FeedLines: Sendable {
        final class Lines: Sendable {
            let lines = Mutex<[String]>([])
        }
        private let store = Lines()
        let reading: Task<Void, Never>

        init(_ room: TestRoom) async {
            let feed = await room.server.feed()
            let store = store
            reading = Task { for await line in feed { store.lines.withLock { $0.append(line.text) } } }
        }

        var recorded: [String] { store.lines.withLock { $0 } }
    }

    /// Was: 500 idle sockets kept every participant out (18 refused of 18),
    /// and wrote 117,000 lines to the log in 90 s.
    @Test func sixHundredIdleConnectionsDoNotKeepTwentyParticipantsOut() async throws {
        let log = LogRecorder()
        let room = try await TestRoom.start({ _ in }, logger: log.logger)
        let feed = await FeedLines(room)
        // 600 sockets from 127.0.0.1 that never say a word, opened while the participants join.
        let port = room.port
        let opening = Task {
            var idle: [TestClient] = []
            for _ in 0..<600 { idle.append(try await TestClient.connect(port: port, reading: false)) }
            return idle
        }
        var participants: [TestClient] = []
        for index in 0..<20 {
            let (client, _) = try await room.joined("p\(index)", index % 2 == 0 ? "marketing" : "legal")
            participants.append(client)
        }
        let idle = try await opening.value
        #expect(idle.count == 600)
        await room.goTo("ignore")
        for (index, client) in participants.enumerated() {
            #expect(try await client.ask("rate \(index % 5)").hasPrefix("ok "))
        }
        let rated = room.events.filter { if case .rated = $0.event { true } else { false } }
        #expect(rated.count == 20)
        #expect(room.session.state.presentParticipants.count == 20)
        for client in idle { await client.close() }
        await room.stop()
        await feed.reading.value
        // One incident line for the whole spell (its sum would come a minute later).
        #expect(
            feed.recorded.filter { $0.hasPrefix("!") } == [
                "! a connection from 127.0.0.1 that had not joined was closed to make room for a newer one"
            ])
        #expect(log.recorded.filter { $0.contains("closed to make room") }.count == 1)
    }

    /// Was: the delay was per connection, so 200 connections guessed 43
    /// codes a second, each wrong code was a line on the facilitator's
    /// screen, and a typo after an attack waited 8 s.
    @Test func wrongCodesAreLimitedPerAddressAcrossConnections() async throws {
        let clock = ManualClock()
        let delays = DelayRecorder()
        let room = try await TestRoom.start {
            $0.clock = clock.read
            $0.penaltySleep = { delays.record($0) }
            $0.wrongCodeBurst = 3
            $0.wrongCodeForgiveness = .seconds(3)
            $0.summaryWindow = .milliseconds(100)
        }
        defer { Task { await room.stop() } }
        var feed = await room.server.feed().map(\.text).makeAsyncIterator()
        var replies: [String] = []
        for _ in 0..<5 {
            let guesser = try await room.client()
            replies.append(try await guesser.ask("join ZZZ999 mallory marketing"))
        }
        let wrong = "error wrong join code; check the six characters shown by the facilitator"
        let wait = "error too many wrong codes from your address lately; try again in 3 seconds"
        #expect(replies == [wrong, wrong, wrong, wait, wait])
        // Not checked while it waits, even the right code: no guess gets through.
        let alice = try await room.client()
        #expect(try await alice.ask("join ABC234 alice marketing en") == wait)
        #expect(delays.recorded == [.milliseconds(250), .milliseconds(500), .seconds(1)])
        // Three seconds later one failure is forgiven: the typo of a real participant costs little.
        clock.advance(milliseconds: 3000)
        #expect(try await alice.ask("join ABC235 alice marketing en") == wrong)
        #expect(try await alice.ask("join ABC234 alice marketing en") == wait)
        clock.advance(milliseconds: 3000)
        #expect(try await alice.ask("join ABC234 alice marketing en").hasPrefix("ok "))
        // The screen: the first wrong code, then one sum for the others.
        #expect(await feed.next() == "! wrong join code from 127.0.0.1 (1 attempt)")
        #expect(await feed.next() == "! 3 more wrong join codes in the last 1 min (the last from 127.0.0.1)")
    }

    /// Was: the seats table held live resume tokens in clear, readable by
    /// every local user (the store was 0644).
    @Test func noLiveTokenCanBeFoundInTheStore() async throws {
        let folder = NSTemporaryDirectory() + "atelier-net-tests/" + UUID().uuidString
        let path = folder + "/atelier.sqlite"
        let store = try SessionStore(path: path)
        let state = try store.create(
            id: "room", workshop: try Repository.workshop("coping-patterns"), locale: "en", time: 0)
        let session = LiveSession(state: state, journal: store)
        _ = await session.submit(
            Command(actor: .facilitator, action: .addDepartment(id: "marketing", name: "Marketing"), time: 1))
        let catalogs = try Repository.catalogs()
        let server = try ParticipantServer(
            session: session, catalogs: catalogs, facilitator: try #require(catalogs["en"]),
            configuration: NetConfiguration(code: TestRoom.code),
            logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() },
            keeper: StoreKeeper(store: store, session: "room"))
        let port = try await server.start()
        let alice = try await TestClient.connect(port: port)
        _ = try await alice.waitFor { $0.hasPrefix("* welcome") }
        let reply = try await alice.ask("join ABC234 alice marketing en")
        let token = String(reply.dropFirst(3))
        #expect(reply.hasPrefix("ok ") && token.count == 32)
        func found(_ text: String) -> Bool {
            [path, path + "-wal"].contains { file in
                FileManager.default.contents(atPath: file)?.range(of: Data(text.utf8)) != nil
            }
        }
        #expect(!found(token))
        // The seat is there, as the digest of the token.
        #expect(found(SeatToken.digest(token)))
        for file in [path, path + "-wal", path + "-shm"] {
            #expect(try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int == 0o600)
        }
        // It resumes with the token, and no longer once the session ended.
        let back = try await TestClient.connect(port: port)
        _ = try await back.waitFor { $0.hasPrefix("* welcome") }
        #expect(try await back.ask("resume \(token)") == "ok \(token)")
        _ = await session.submit(Command(actor: .facilitator, action: .end, time: 2))
        #expect(try store.seats(session: "room") == [])
        await server.stop()
    }

    /// Was 0644: the log holds the participants' addresses.
    @Test func theNetworkLogIsTheUsersAlone() throws {
        let folder = NSTemporaryDirectory() + "atelier-net-tests/" + UUID().uuidString + "/state"
        let path = folder + "/net.log"
        let logger = Logger(label: "atelier.net") { FileLogHandler(label: $0, path: path) }
        logger.warning("wrong join code", metadata: ["address": "10.0.0.7"])
        let attributes = { (file: String) in
            try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
        }
        #expect(try attributes(path) == 0o600)
        #expect(try attributes(folder) == 0o700)
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasSuffix("address=10.0.0.7\n"))
    }

    /// Was: direction marks and zero-width spaces in notes, and a
    /// blank-looking name, reached the facilitator's screen.
    @Test func invisibleCharactersAreRefusedAndQuotedEscaped() async throws {
        let room = try await TestRoom.start()
        defer { Task { await room.stop() } }
        let client = try await room.client()
        #expect(
            try await client.ask("join ABC234 \u{2800} marketing")
                == #"error "\u{2800}" is not a valid name: at most 40 characters, words separated by single spaces, no quotes or invisible characters"#
        )
        #expect(try await client.ask("join ABC234 nina marketing").hasPrefix("ok "))
        let plain =
            "error the text holds control or invisible characters (such as ESC, a line break, a direction mark or a zero-width space); write plain text"
        for note in ["\u{200F}tnemmoc", "a\u{200B}b", "a\u{061C}b", "one\u{2028}two", "x\u{2066}y"] {
            #expect(try await client.ask("note \"\(note)\"") == plain)
        }
        #expect(!room.events.contains { if case .noteAdded = $0.event { true } else { false } })
    }

    /// Connections opened only to be closed for flooding tell the facilitator once, then a sum.
    @Test func connectionsClosedOneAfterAnotherAreSummed() async throws {
        let room = try await TestRoom.start { $0.summaryWindow = .seconds(60) }
        let feed = await FeedLines(room)
        for _ in 0..<5 {
            let client = try await room.client()
            try await client.sendRaw(Array(repeating: UInt8(ascii: "x"), count: 70_000))
            _ = try await client.readUntilClosed()
        }
        await room.stop()
        await feed.reading.value
        #expect(
            feed.recorded.filter { $0.hasPrefix("!") } == [
                "! 127.0.0.1 disconnected: no line breaks"
            ])
    }

    /// Was shown only as "left": no incident, no log line.
    @Test func aClientThatDoesNotReadItsRepliesIsAnIncident() async throws {
        let log = LogRecorder()
        let room = try await TestRoom.start(
            {
                $0.outboxBytes = 4 * 1024
                $0.sendBufferBytes = 4 * 1024
                $0.floodBurst = 1000
            }, logger: log.logger)
        defer { Task { await room.stop() } }
        var feed = await room.server.feed().map(\.text).makeAsyncIterator()
        let (stuck, _) = try await room.joined("stuck", "marketing", receiveBuffer: 4 * 1024)
        try await stuck.channel.setOption(.autoRead, value: false).get()
        // Requests it never reads the answers to, until the server drops it.
        for _ in 0..<500 where (try? await stuck.send("help")) != nil {}
        try await eventually { room.events.contains { $0.event == .participantLeft(name: "stuck") } }
        #expect(await feed.next() == "! stuck dropped: it stopped reading")
        #expect(log.recorded.contains("warning slow client dropped address=127.0.0.1 who=stuck"))
    }
}

/// Seats kept in a store, as `atelier run --listen` keeps them.
struct StoreKeeper: SeatKeeper {
    let store: SessionStore
    let session: String

    func seats() throws -> [Seat] {
        try store.seats(session: session).map {
            Seat(name: $0.name, department: $0.department, tokenDigest: $0.tokenDigest, locale: $0.locale)
        }
    }

    func save(_ seat: Seat) throws {
        try store.saveSeat(
            StoredSeat(
                name: seat.name, department: seat.department, locale: seat.locale, tokenDigest: seat.tokenDigest),
            session: session)
    }

    func remove(name: String) throws { try store.removeSeat(name: name, session: session) }
}
