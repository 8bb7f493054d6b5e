import AtelierCore
import Hummingbird
import Testing

@testable import AtelierWeb

/// The analysis' sentences on a page are in the page's language, whatever
/// the session's: one analysis per language a page shows.
@Suite(.timeLimit(.minutes(1))) struct WebWordingTests {
    @Test func eachProjectorShowsTheSummaryInItsOwnLanguage() async throws {
        let room = try await WebTestRoom.start()
        await room.facilitator(.join(name: "Ana", department: "marketing"))
        await room.facilitator(.goTo(stage: "ignore"))
        await room.facilitator(.rate(who: "Ana", item: "ignore", value: 3))
        await room.facilitator(.end)
        let browser = try await room.browser()
        let path = "/screen?key=\(WebTestRoom.screenKey)"
        let french = try await browser.get(path, headers: [.acceptLanguage: "fr"])
        #expect(french.body.contains("Déni : pas encore Réactif, car la médiane de « Fuir et fermer les yeux » est 3"))
        #expect(!french.body.contains("Reactive") && !french.body.contains("Flee and close"))
        let english = try await browser.get(path, headers: [.acceptLanguage: "en"])
        #expect(english.body.contains("Denial: not yet Reactive, as the median for “Flee and close our eyes” is 3"))
        #expect(!english.body.contains("Réactif"))
        await browser.close()
        await room.stop()
    }
}
