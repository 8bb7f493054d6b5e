import AtelierCore
import AtelierNet
import Hummingbird
import Testing

@testable import AtelierWeb

/// Answering from a browser with plain forms (no script): the same request
/// and the same path as a terminal's line, stored once, refused the same way.
@Suite(.timeLimit(.minutes(1))) struct WebAnswerTests {
    let en = try! Repository.catalogs()["en"]!

    private func rated(_ room: WebTestRoom) -> [Event] {
        room.events.map(\.event).filter {
            if case .rated = $0 { return true }
            return false
        }
    }

    @Test func aRatingIsStoredOnceAndConfirmed() async throws {
        let room = try await WebTestRoom.start()
        await room.facilitator(.goTo(stage: "ignore"))
        let browser = try await room.browser()
        _ = try await browser.join("ana", "marketing")
        let page = try await browser.post("/act", [("op", "rate"), ("item", "ignore"), ("value", "3")])
        #expect(page.status == .ok)
        #expect(rated(room) == [.rated(rater: .participant("ana"), stage: "ignore", item: "ignore", value: 3)])
        #expect(room.events.last?.actor == .participant("ana"))
        // The page itself says it: the point highlighted, "Your answer", and no sentence naming the item's id.
        #expect(page.body.contains("value=\"3\" class=\"choice chosen\" aria-pressed=\"true\""))
        #expect(page.body.contains("Your answer: 3 — Much like us."))
        #expect(!page.body.contains("class=\"confirmation\""))
        let noted = try await browser.post("/act", [("op", "note"), ("text", "We never look")])
        #expect(noted.body.contains("<p class=\"confirmation\" role=\"status\">note recorded</p>"))
        await browser.close()
        await room.stop()
    }

    @Test func aValueOutOfTheScaleIsRefusedWithTheSessionsSentence() async throws {
        let room = try await WebTestRoom.start()
        await room.facilitator(.goTo(stage: "ignore"))
        let terminal = try await LineClient.connect(port: room.port)
        _ = try await terminal.ask("join \(WebTestRoom.code) bob legal")
        let expected = try await terminal.ask("rate ignore 9")
        let browser = try await room.browser()
        _ = try await browser.join("ana", "marketing")
        let page = try await browser.post("/act", [("op", "rate"), ("item", "ignore"), ("value", "9")])
        #expect(expected.hasPrefix("error "))
        #expect(page.body.contains(HTML.escape(String(expected.dropFirst("error ".count)))))
        #expect(rated(room).isEmpty)
        await terminal.close()
        await browser.close()
        await room.stop()
    }

    @Test func noFormActsForSomeoneElseOrForTheFacilitator() async throws {
        let room = try await WebTestRoom.start()
        await room.facilitator(.goTo(stage: "ignore"))
        let browser = try await room.browser()
        _ = try await browser.join("ana", "marketing")
        let smuggled = try await browser.post("/act", [("op", "rate"), ("item", "bob ignore"), ("value", "3")])
        #expect(
            smuggled.body.contains(
                HTML.escape(en.text("net.usage", ["usage": .text(en.text("net.help.rate"))]))))
        let facilitator = try await browser.post("/act", [("op", "next")])
        #expect(
            facilitator.body.contains(HTML.escape(en.render(DomainError.facilitatorOnly(command: "next").message))))
        let unknown = try await browser.post("/act", [("op", "dance")])
        #expect(
            unknown.body.contains(
                HTML.escape(
                    en.text(
                        "net.unknown_command", ["command": .text("dance"), "known": .list(RequestParser.commands)]))))
        #expect(rated(room).isEmpty)
        // Nothing was recorded after the join.
        #expect(room.events.last?.event == .participantJoined(name: "ana", department: "marketing"))
        await browser.close()
        await room.stop()
    }

    @Test func aNoteWithALineBreakIsRefusedAsNotPlainText() async throws {
        let room = try await WebTestRoom.start()
        let browser = try await room.browser()
        _ = try await browser.join("ana", "marketing")
        let before = room.events.count
        let page = try await browser.post("/act", [("op", "note"), ("text", "one\ntwo")])
        #expect(page.body.contains(HTML.escape(en.text("net.not_text"))))
        #expect(room.events.count == before)
        await browser.close()
        await room.stop()
    }

    @Test func withoutASeatAnAnswerAsksToJoinFirst() async throws {
        let room = try await WebTestRoom.start()
        let browser = try await room.browser()
        let page = try await browser.post("/act", [("op", "rate"), ("item", "ignore"), ("value", "3")])
        #expect(page.body.contains(HTML.escape(en.text("net.join_first"))))
        browser.setToken("0123456789abcdef0123456789abcdef")
        let forged = try await browser.post("/act", [("op", "rate"), ("item", "ignore"), ("value", "3")])
        #expect(forged.body.contains(HTML.escape(en.text("net.join_first"))))
        #expect(
            forged.cookies.map(Browser.Cookie.init) == [
                Browser.Cookie(
                    name: "atelier_seat", value: "", attributes: ["Max-Age=0", "Path=/", "HttpOnly", "SameSite=Strict"])
            ])
        await browser.close()
        await room.stop()
    }

    @Test func aFloodIsRefusedAfterTheBurstLikeATerminals() async throws {
        let room = try await WebTestRoom.start { $0.clock = { 5_000 } }
        let browser = try await room.browser()
        _ = try await browser.join("ana", "marketing")
        for _ in 0..<10 { _ = try await browser.post("/act", [("op", "note"), ("text", "hello")]) }
        let refused = try await browser.post("/act", [("op", "note"), ("text", "hello")])
        #expect(refused.body.contains(HTML.escape(en.text("net.flood", ["count": .count(10), "rate": .count(5)]))))
        let notes = room.events.filter {
            if case .noteAdded = $0.event { return true }
            return false
        }
        #expect(notes.count == 10)
        await browser.close()
        await room.stop()
    }
}
