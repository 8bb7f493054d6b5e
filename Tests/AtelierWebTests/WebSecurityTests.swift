import AtelierCore
import AtelierNet
import Hummingbird
import Testing

@testable import AtelierWeb

/// What the web side refuses before anything reaches the room: other sites,
/// big bodies, the projector without its key.
@Suite(.timeLimit(.minutes(1))) struct WebSecurityTests {
    let en = try! Repository.catalogs()["en"]!

    private func joins(_ room: WebTestRoom) -> Int {
        room.events.filter {
            if case .participantJoined = $0.event { return true }
            return false
        }.count
    }

    @Test func aPostFromAnotherSiteOrWithoutOriginIsRefused() async throws {
        let room = try await WebTestRoom.start()
        let browser = try await room.browser()
        let fields = [("code", WebTestRoom.code), ("name", "ana"), ("department", "marketing")]
        let foreign = try await browser.post("/join", fields, origin: "http://evil.example")
        #expect(foreign.status == .forbidden)
        #expect(foreign.body == en.text("web.http.origin") + "\n")
        #expect(
            foreign.headers[.contentSecurityPolicy]
                == "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
        let none = try await browser.post("/join", fields, origin: .some(nil))
        #expect(none.status == .forbidden)
        // Another port of the same host is another origin.
        let otherPort = try await browser.post("/join", fields, origin: "http://127.0.0.1:\(room.port)")
        #expect(otherPort.status == .forbidden)
        #expect(joins(room) == 0)
        #expect(browser.token == nil)
        await browser.close()
        await room.stop()
    }

    @Test func aBodyOverTheLineLimitIsRefusedAndChangesNothing() async throws {
        let room = try await WebTestRoom.start()
        let browser = try await room.browser()
        let long =
            "code=\(WebTestRoom.code)&name=ana&department=marketing&lang=en&pad=" + String(repeating: "x", count: 1024)
        let page = try await browser.post("/join", raw: long, origin: room.origin)
        #expect(page.status == .contentTooLarge)
        #expect(page.body == en.text("web.http.too_large", ["max": .count(1024)]) + "\n")
        #expect(joins(room) == 0)
        // At the limit it is taken.
        let fitting = "code=\(WebTestRoom.code)&name=ana&department=marketing&lang=en&pad="
        let exact = fitting + String(repeating: "x", count: 1024 - fitting.utf8.count)
        #expect(exact.utf8.count == 1024)
        let browser2 = try await room.browser()
        #expect(try await browser2.post("/join", raw: exact, origin: room.origin).status == .seeOther)
        #expect(joins(room) == 1)
        await browser.close()
        await browser2.close()
        await room.stop()
    }

    @Test func theProjectorNeedsItsKey() async throws {
        let room = try await WebTestRoom.start()
        let browser = try await room.browser()
        let without = try await browser.get("/screen")
        #expect(without.status == .forbidden)
        #expect(without.body == en.text("web.http.screen_key") + "\n")
        let wrong = try await browser.get("/screen?key=00000000000000000000000000000000")
        #expect(wrong.status == .forbidden)
        let right = try await browser.get("/screen?key=\(WebTestRoom.screenKey)")
        #expect(right.status == .ok)
        #expect(right.body.contains(WebTestRoom.code))
        #expect(!right.body.contains(WebTestRoom.screenKey))
        let socket = PageSocket.open(room, path: "/screen/ws", token: nil)
        #expect(try await socket.closeCode() == nil)
        #expect(socket.messages.isEmpty)
        await browser.close()
        await room.stop()
    }

    @Test func anUnknownPathIsALocalizedNotFound() async throws {
        let room = try await WebTestRoom.start()
        let browser = try await room.browser()
        let page = try await browser.get("/etc/passwd")
        #expect(page.status == .notFound)
        #expect(page.body == en.text("web.http.not_found", ["path": .text("/")]) + "\n")
        await browser.close()
        await room.stop()
    }

    @Test func theAssetsAreServedFromTheBinary() async throws {
        let room = try await WebTestRoom.start()
        let browser = try await room.browser()
        let script = try await browser.get("/app.js")
        #expect(script.status == .ok)
        #expect(script.headers[.contentType] == "text/javascript; charset=utf-8")
        #expect(!script.body.isEmpty)
        let style = try await browser.get("/style.css")
        #expect(style.headers[.contentType] == "text/css; charset=utf-8")
        await browser.close()
        await room.stop()
    }
}
