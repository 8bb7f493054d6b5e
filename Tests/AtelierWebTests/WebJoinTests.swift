import AtelierCore
import AtelierNet
import Hummingbird
import Synchronization
import Testing

@testable import AtelierWeb

/// Joining from a browser over HTTP on 127.0.0.1: the cookie, the headers,
/// the refusals, and the same seats and limits as terminals.
@Suite(.timeLimit(.minutes(1))) struct WebJoinTests {
    let en = try! Repository.catalogs()["en"]!

    @Test func joinSetsAStrictHttpOnlyCookieAndRecordsTheParticipant() async throws {
        let room = try await WebTestRoom.start()
        let browser = try await room.browser()
        let page = try await browser.join("ana", "marketing")
        #expect(page.status == .seeOther)
        #expect(page.headers[.location] == "/")
        let token = try #require(browser.token)
        #expect(token.count == 32 && token.allSatisfy(\.isHexDigit))
        #expect(
            page.cookies.map(Browser.Cookie.init) == [
                Browser.Cookie(
                    name: "atelier_seat", value: token,
                    attributes: ["Max-Age=43200", "Path=/", "HttpOnly", "SameSite=Strict"])
            ])
        #expect(
            page.headers[.contentSecurityPolicy]
                == "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
        #expect(page.headers[.xContentTypeOptions] == "nosniff")
        let joined = room.events.filter {
            if case .participantJoined = $0.event { return true }
            return false
        }
        #expect(joined.map(\.event) == [.participantJoined(name: "ana", department: "marketing")])
        #expect(joined.map(\.actor) == [.participant("ana")])
        // The page after the redirect is the seat's, and never holds the token.
        let stage = try await browser.get("/")
        #expect(stage.status == .ok)
        #expect(stage.headers[.cacheControl] == "no-store")
        #expect(!stage.body.contains(token))
        #expect(stage.body.contains("ana"))
        await browser.close()
        await room.stop()
    }

    @Test func theCodeOfTheQRIsPrefilledAndABadOneIsNot() async throws {
        let room = try await WebTestRoom.start()
        let browser = try await room.browser()
        let good = try await browser.get("/?code=abc234")
        #expect(good.body.contains("value=\"ABC234\""))
        let bad = try await browser.get("/?code=%3Cb%3Ebold%3C%2Fb%3E")
        #expect(!bad.body.contains("bold"))
        await browser.close()
        await room.stop()
    }

    @Test func aWrongCodeIsRefusedWithTheLineProtocolsSentenceAndHeldBack() async throws {
        let delays = DelayRecorder()
        let room = try await WebTestRoom.start { $0.penaltySleep = { delays.record($0) } }
        let browser = try await room.browser()
        let page = try await browser.join("ana", "marketing", code: "ZZZ999")
        #expect(page.status == .ok)
        #expect(page.body.contains(HTML.escape(en.text("net.wrong_code"))))
        #expect(browser.token == nil)
        #expect(page.cookies.isEmpty)
        // The same count per address as a terminal's: the second wrong code, typed in a terminal, waits twice as long.
        let terminal = try await LineClient.connect(port: room.port)
        let reply = try await terminal.ask("join ZZZ999 bob legal")
        #expect(reply == "error " + en.text("net.wrong_code"))
        #expect(delays.recorded == [.milliseconds(250), .milliseconds(500)])
        #expect(!room.events.contains { if case .participantJoined = $0.event { true } else { false } })
        await terminal.close()
        await browser.close()
        await room.stop()
    }

    @Test func aNameATerminalHoldsIsRefusedWithTheSameSentence() async throws {
        let room = try await WebTestRoom.start()
        let terminal = try await LineClient.connect(port: room.port)
        #expect(try await terminal.ask("join \(WebTestRoom.code) ana legal").hasPrefix("ok "))
        let browser = try await room.browser()
        let page = try await browser.join("ana", "marketing")
        #expect(page.status == .ok)
        #expect(page.body.contains(HTML.escape(en.text("net.name_reserved", ["name": .text("ana")]))))
        #expect(browser.token == nil)
        await terminal.close()
        await browser.close()
        await room.stop()
    }

    @Test func aScriptInANameIsShownAsText() async throws {
        let room = try await WebTestRoom.start()
        let browser = try await room.browser()
        // The session takes any one-word name, as from a terminal; the page shows it as text.
        #expect(try await browser.join("<script>alert(1)</script>", "marketing").status == .seeOther)
        let page = try await browser.get("/")
        #expect(!page.body.contains("<script>alert"))
        #expect(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        await browser.close()
        await room.stop()
    }

    @Test func webAndTerminalSeatsCountTogetherTowardsTheMaximum() async throws {
        let room = try await WebTestRoom.start { $0.maxParticipants = 2 }
        let terminal = try await LineClient.connect(port: room.port)
        #expect(try await terminal.ask("join \(WebTestRoom.code) bob legal").hasPrefix("ok "))
        let first = try await room.browser()
        #expect(try await first.join("ana", "marketing").status == .seeOther)
        let second = try await room.browser()
        let full = try await second.join("eve", "legal")
        #expect(full.status == .ok)
        #expect(full.body.contains(HTML.escape(en.text("net.full", ["max": .count(2)]))))
        #expect(second.token == nil)
        let late = try await LineClient.connect(port: room.port)
        #expect(
            try await late.ask("join \(WebTestRoom.code) zoe legal") == "error "
                + en.text("net.full", ["max": .count(2)]))
        await late.close()
        await terminal.close()
        await first.close()
        await second.close()
        await room.stop()
    }

    @Test func lockedJoinsRefuseBrowsersToo() async throws {
        let room = try await WebTestRoom.start()
        _ = await room.server.setJoinsLocked(true)
        let browser = try await room.browser()
        let page = try await browser.join("ana", "marketing")
        #expect(page.body.contains(HTML.escape(en.text("net.joins_locked"))))
        #expect(browser.token == nil)
        await browser.close()
        await room.stop()
    }
}

/// Records the delays the server asks for instead of waiting them.
final class DelayRecorder: Sendable {
    private let delays = Mutex<[Duration]>([])
    func record(_ delay: Duration) { delays.withLock { $0.append(delay) } }
    var recorded: [Duration] { delays.withLock { $0 } }
}

extension WebJoinTests {
    /// A name with a space joins from a browser as from a terminal (issue 18),
    /// through the same rules: one space between words, no more.
    @Test func aNameWithASpaceJoinsFromTheBrowserThroughTheSameRules() async throws {
        let room = try await WebTestRoom.start()
        let browser = try await room.browser()
        let page = try await browser.join("Jean Dupont", "marketing")
        #expect(page.status == .seeOther)
        #expect(room.events.last?.event == .participantJoined(name: "Jean Dupont", department: "marketing"))
        let other = try await room.browser()
        let refused = try await other.join("Jean  Dupont", "marketing")
        #expect(
            refused.body.contains(
                "&quot;Jean  Dupont&quot; is not a valid name: at most 40 characters, words separated by single spaces, no quotes or invisible characters"
            ))
        await browser.close()
        await other.close()
        await room.stop()
    }
}
