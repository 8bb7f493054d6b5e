import AtelierCore
import AtelierLive
import AtelierNet
import Hummingbird
import Logging
import Synchronization
import Testing

@testable import AtelierWeb

/// The facilitator's atelier stops and `resume --listen` starts it again:
/// a browser comes back with its cookie, as a terminal with its token.
@Suite(.timeLimit(.minutes(1))) struct WebRestartTests {
    /// Seats kept in memory across the two servers, as the store keeps them.
    final class Seats: SeatKeeper {
        private let kept = Mutex<[String: Seat]>([:])
        func seats() throws -> [Seat] { kept.withLock { Array($0.values) } }
        func save(_ seat: Seat) throws { kept.withLock { $0[seat.name] = seat } }
        func remove(name: String) throws { _ = kept.withLock { $0.removeValue(forKey: name) } }
    }

    @Test func aBrowserSeatStaysThroughARestartAndIsResumedWithItsCookie() async throws {
        let seats = Seats()
        let catalogs = try Repository.catalogs()
        let quiet = Logger(label: "atelier.web.test") { _ in SwiftLogNoOpLogHandler() }
        let journal = MemoryJournal()
        let state = SessionState(id: "test", workshop: try Repository.workshop("coping-patterns"), locale: "en")
        let session = LiveSession(state: state, journal: journal)
        _ = await session.submit(
            Command(actor: .facilitator, action: .addDepartment(id: "marketing", name: "marketing"), time: 0))

        func open() async throws -> (ParticipantServer, WebServer) {
            let server = try ParticipantServer(
                session: session, catalogs: catalogs, facilitator: catalogs["en"]!,
                configuration: NetConfiguration(code: WebTestRoom.code), logger: quiet, keeper: seats)
            _ = try await server.start()
            let web = WebServer(
                configuration: WebConfiguration(host: "127.0.0.1", port: 0, screenKey: WebTestRoom.screenKey),
                logger: quiet)
            _ = try await web.start(door: try #require(server.door), catalog: catalogs["en"]!)
            return (server, web)
        }

        let (server, web) = try await open()
        let room = WebTestRoom(
            session: session, journal: journal, server: server, web: web, port: 0, webPort: try #require(web.port))
        let browser = try await room.browser()
        _ = try await browser.join("ana", "marketing")
        let token = try #require(browser.token)
        let socket = PageSocket.open(room, token: token)
        _ = try await socket.waitFor { $0.hasPrefix("<main") }
        await web.stop()
        await server.stop()
        // The page was told the session paused, and the socket closed so that the script comes back.
        #expect(try await socket.closeCode() == 1001)
        // The seat stays in the session, as a terminal's does when the facilitator's atelier stops without closing.
        #expect(session.state.participants["ana"]?.present == true)

        let (server2, web2) = try await open()
        let room2 = WebTestRoom(
            session: session, journal: journal, server: server2, web: web2, port: 0, webPort: try #require(web2.port))
        let back = PageSocket.open(room2, token: token)
        let page = try await back.waitFor { $0.hasPrefix("<main") }
        #expect(!page.contains("name=\"code\""))
        #expect(session.state.participants["ana"]?.present == true)
        // Nothing recorded by the pause: ana was in the session throughout.
        #expect(journal.events(session: "test").last?.event == .participantJoined(name: "ana", department: "marketing"))
        back.close()
        await browser.close()
        await web2.stop()
        await server2.stop()
    }
}
