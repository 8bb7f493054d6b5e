import AtelierCore
import AtelierLive
import AtelierTerminal
import Testing

@testable import AtelierREPL

/// Leaving and ending: a facilitator at a terminal is told how to come back,
/// and asked before ending for good; a script is neither told nor asked.
@Suite struct REPLLeavingTests {
    /// An interactive REPL on a fresh session "test", its store named `store`.
    func harness(language: String = "en", store: String? = nil, interactive: Bool = true) throws -> (
        REPL, Console, LineQueue, LiveSession
    ) {
        let state = SessionState(id: "test", workshop: try TestFiles.workshop(), locale: language)
        let live = LiveSession(state: state, journal: MemoryJournal())
        let console = Console(.memory)
        let input = LineQueue()
        let repl = REPL(
            live: live, initial: state, catalog: TestFiles.catalog(language), console: console, input: input,
            settings: REPL.Settings(interactive: interactive, store: store), clock: { REPLHarness.start })
        return (repl, console, input, live)
    }

    @Test func quitSaysHowToTakeTheSessionUpAgain() async throws {
        let (repl, console, input, _) = try harness(store: "/tmp/my store.sqlite")
        input.push("quit")
        _ = await repl.run()
        #expect(
            console.transcript.last
                == "session test stays open; to take it up again: atelier resume test --store '/tmp/my store.sqlite'")
    }

    @Test func theEndOfTheInputSaysItTooInFrench() async throws {
        let (repl, console, input, _) = try harness(language: "fr")
        input.end()
        _ = await repl.run()
        #expect(console.transcript.last == "la session test reste ouverte ; pour la reprendre : atelier resume test")
    }

    @Test func endAsksFirstAndOnlyYesEnds() async throws {
        let (repl, console, input, live) = try harness()
        for line in ["end", "no", "end", "", "end", "yes"] { input.push(line) }
        input.end()
        _ = await repl.run()
        let lines = console.transcript
        #expect(lines.filter { $0 == "session test goes on (not ended)" }.count == 2)
        let warning = "Ending session test is for good: no answer can be given after, and it cannot be undone."
        #expect(lines.filter { $0.hasPrefix("Ending session") } == Array(repeating: warning, count: 3))
        #expect(live.state.isEnded)
        #expect(
            lines.suffix(2) == [
                "the session has ended; results and export remain available",
                "session test is over; read it again with atelier replay test, or export it with atelier export test --format md",
            ])
    }

    @Test func aScriptIsNeitherAskedNorTold() async throws {
        let (repl, console, input, live) = try harness(interactive: false)
        input.push("end")
        input.end()
        _ = await repl.run()
        #expect(live.state.isEnded)
        #expect(console.transcript == ["the session has ended; results and export remain available"])
    }

    @Test func shellWordsAreQuotedOnlyWhenNeeded() {
        #expect(REPL.shellWord("coping-patterns-2026-12-06-kxqz") == "coping-patterns-2026-12-06-kxqz")
        #expect(REPL.shellWord("/data/a.sqlite") == "/data/a.sqlite")
        #expect(REPL.shellWord("it's") == "'it'\\''s'")
        #expect(REPL.shellWord("café") == "'café'")
    }
}
