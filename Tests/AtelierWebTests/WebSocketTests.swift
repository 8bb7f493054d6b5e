import AtelierCore
import AtelierNet
import Hummingbird
import Testing

@testable import AtelierWeb

/// The page's live channel over 127.0.0.1: answers as JSON, pushes of the
/// fragment on each change, kick, reconnection with the cookie.
@Suite(.timeLimit(.minutes(1))) struct WebSocketTests {
    let en = try! Repository.catalogs()["en"]!

    @Test func anAnswerOverTheSocketIsStoredAndTheFragmentComesBack() async throws {
        let room = try await WebTestRoom.start()
        await room.facilitator(.goTo(stage: "ignore"))
        let browser = try await room.browser()
        _ = try await browser.join("ana", "marketing")
        let socket = PageSocket.open(room, token: browser.token)
        let first = try await socket.waitFor { $0.hasPrefix("<main id=\"room\"") }
        #expect(first.hasSuffix("</main>"))
        try socket.send(["op": "rate", "item": "ignore", "value": "2"])
        _ = try await socket.waitFor { $0.hasPrefix("<main id=\"room\"") }
        let rated = room.events.map(\.event).filter {
            if case .rated = $0 { return true }
            return false
        }
        #expect(rated == [.rated(rater: .participant("ana"), stage: "ignore", item: "ignore", value: 2)])
        socket.close()
        await browser.close()
        await room.stop()
    }

    @Test func eachChangeOfTheSessionIsPushed() async throws {
        let room = try await WebTestRoom.start()
        let browser = try await room.browser()
        _ = try await browser.join("ana", "marketing")
        let socket = PageSocket.open(room, token: browser.token)
        _ = try await socket.waitFor { $0.hasPrefix("<main") }
        await room.facilitator(.goTo(stage: "ignore"))
        let prompt = HTML.escape("How much does this reflex describe your department?")
        _ = try await socket.waitFor { $0.contains(prompt) }
        socket.close()
        await browser.close()
        await room.stop()
    }

    @Test func aColleaguesStrategyAndSharesArePushedToTheDepartmentsPagesAtOnce() async throws {
        let room = try await WebTestRoom.start()
        await room.facilitator(.goTo(stage: "strategy"))
        let ana = try await room.browser()
        _ = try await ana.join("ana", "marketing")
        let chloe = try await room.browser()
        _ = try await chloe.join("chloe", "marketing")
        let anaSocket = PageSocket.open(room, token: ana.token)
        _ = try await anaSocket.waitFor { $0.hasPrefix("<main") }
        let chloeSocket = PageSocket.open(room, token: chloe.token)
        let first = try await chloeSocket.waitFor { $0.hasPrefix("<main") }
        #expect(!first.contains("<ul class=\"stated\">") && !first.contains("aria-checked=\"true\""))
        try anaSocket.send(["op": "strategy", "text": "One voice"])
        _ = try await chloeSocket.waitFor { $0.contains("<ul class=\"stated\"><li>One voice</li></ul>") }
        try anaSocket.send(["op": "shares", "other": "legal"])
        let shared = try await chloeSocket.waitFor { $0.contains("aria-checked=\"true\"") }
        #expect(shared.components(separatedBy: "aria-checked=\"true\"").count == 2)
        anaSocket.close()
        chloeSocket.close()
        await ana.close()
        await chloe.close()
        await room.stop()
    }

    @Test func anAnswerTypedForAParticipantAndItsUndoArePushedToTheirPage() async throws {
        let room = try await WebTestRoom.start()
        await room.facilitator(.goTo(stage: "ignore"))
        let browser = try await room.browser()
        _ = try await browser.join("ana", "marketing")
        let socket = PageSocket.open(room, token: browser.token)
        let first = try await socket.waitFor { $0.hasPrefix("<main") }
        #expect(!first.contains("aria-pressed=\"true\""))
        await room.facilitator(.rate(who: "ana", item: "ignore", value: 3))
        let rated = try await socket.waitFor { $0.contains("aria-pressed=\"true\"") }
        #expect(rated.contains("value=\"3\" class=\"choice chosen\" aria-pressed=\"true\""))
        await room.facilitator(.undo)
        _ = try await socket.waitFor { $0.hasPrefix("<main") && !$0.contains("aria-pressed=\"true\"") }
        socket.close()
        await browser.close()
        await room.stop()
    }

    @Test func withoutASeatTheSocketGetsTheJoinFormAndCloses() async throws {
        let room = try await WebTestRoom.start()
        let socket = PageSocket.open(room, token: "0123456789abcdef0123456789abcdef")
        #expect(try await socket.closeCode() == 4001)
        #expect(socket.messages.count == 1)
        #expect(socket.messages.first?.contains("name=\"code\"") == true)
        await room.stop()
    }

    @Test func aSocketFromAnotherSiteIsRefused() async throws {
        let room = try await WebTestRoom.start()
        let browser = try await room.browser()
        _ = try await browser.join("ana", "marketing")
        let socket = PageSocket.open(room, token: browser.token, origin: "http://evil.example")
        #expect(try await socket.closeCode() == nil)
        #expect(socket.messages.isEmpty)
        await browser.close()
        await room.stop()
    }

    @Test func aMessageOverTheLineLimitClosesTheSocket() async throws {
        let room = try await WebTestRoom.start()
        let browser = try await room.browser()
        _ = try await browser.join("ana", "marketing")
        let socket = PageSocket.open(room, token: browser.token)
        _ = try await socket.waitFor { $0.hasPrefix("<main") }
        let before = room.events.count
        socket.sendRaw("{\"op\":\"note\",\"text\":\"" + String(repeating: "x", count: 1100) + "\"}")
        #expect(try await socket.closeCode() == 1009)
        #expect(room.events.count == before)
        await browser.close()
        await room.stop()
    }

    @Test func aKickedBrowserSeatIsClosedAndItsCookieNoLongerWorks() async throws {
        let room = try await WebTestRoom.start()
        let browser = try await room.browser()
        _ = try await browser.join("ana", "marketing")
        let socket = PageSocket.open(room, token: browser.token)
        _ = try await socket.waitFor { $0.hasPrefix("<main") }
        let (done, text) = await room.server.kick("ana")
        #expect(done)
        #expect(text == en.text("net.kicked", ["name": .text("ana")]))
        #expect(try await socket.closeCode() == 4001)
        let page = try await browser.get("/")
        #expect(
            page.cookies.map(Browser.Cookie.init) == [
                Browser.Cookie(
                    name: "atelier_seat", value: "", attributes: ["Max-Age=0", "Path=/", "HttpOnly", "SameSite=Strict"])
            ])
        #expect(page.body.contains("name=\"code\""))
        #expect(room.events.last?.event == .participantLeft(name: "ana"))
        // The name is free again.
        let again = try await room.browser()
        #expect(try await again.join("ana", "marketing").status == .seeOther)
        await again.close()
        await browser.close()
        await room.stop()
    }

    @Test func aDroppedSeatLeavesAfterTheGraceAndComesBackWithItsCookie() async throws {
        let room = try await WebTestRoom.start(web: { $0.leaveGrace = .milliseconds(50) })
        let browser = try await room.browser()
        _ = try await browser.join("ana", "marketing")
        let socket = PageSocket.open(room, token: browser.token)
        _ = try await socket.waitFor { $0.hasPrefix("<main") }
        socket.close()
        var left = false
        for _ in 0..<300 where !left {
            left = room.events.last?.event == .participantLeft(name: "ana")
            if !left { try await Task.sleep(for: .milliseconds(10)) }
        }
        #expect(left)
        let back = PageSocket.open(room, token: browser.token)
        _ = try await back.waitFor { $0.hasPrefix("<main") }
        #expect(room.events.last?.event == .participantJoined(name: "ana", department: "marketing"))
        #expect(room.session.state.participants["ana"]?.present == true)
        back.close()
        await browser.close()
        await room.stop()
    }

    @Test func aTerminalResumingABrowserSeatTakesItOver() async throws {
        let room = try await WebTestRoom.start()
        let browser = try await room.browser()
        _ = try await browser.join("ana", "marketing")
        let token = try #require(browser.token)
        let socket = PageSocket.open(room, token: token)
        _ = try await socket.waitFor { $0.hasPrefix("<main") }
        let terminal = try await LineClient.connect(port: room.port)
        #expect(try await terminal.ask("resume \(token)") == "ok \(token)")
        #expect(try await socket.closeCode() == 4001)
        #expect(room.session.state.participants["ana"]?.present == true)
        await terminal.close()
        await browser.close()
        await room.stop()
    }
}
