import AtelierCore
import AtelierLive
import AtelierTerminal
import Foundation

@testable import AtelierREPL

/// A REPL on a memory journal, reading lines the test gives.
struct REPLHarness {
    static let start: Timestamp = 1_790_000_000_000

    /// What both script tests print first: two departments, Alice, and her answer's tally.
    static let firstAnswer: [String] = [
        "department marketing added",
        "department legal added: Legal affairs",
        "Alice joined marketing",
        "stage ignore: Looking away",
        "Alice (marketing) rated ignore: 3 (Much like us)",
        "",
        "  Flee and close our eyes (ignore)",
        "                 0         1         2         3         4         n  median",
        "  marketing      ·         ·         ·         █████  1  ·         1     3.0",
        "  Legal affairs  ·         ·         ·         ·         ·         0       –",
        "  ──────────────────────────────────────────────────────────────────────────",
        "  Company        ·         ·         ·         █████  1  ·         1     3.0",
    ]

    let live: LiveSession
    let console = Console(.memory)
    let input = LineQueue()
    let repl: REPL

    /// A REPL reading `language`, on a session started in `sessionLanguage` (the same by default).
    init(
        language: String = "en", sessionLanguage: String? = nil, interactive: Bool = false, workshop: Workshop? = nil,
        exporter: SessionExport? = nil
    ) throws {
        let workshop = try workshop ?? TestFiles.workshop()
        let state = SessionState(id: "test", workshop: workshop, locale: sessionLanguage ?? language)
        live = LiveSession(state: state, journal: MemoryJournal())
        repl = REPL(
            live: live, initial: state, catalog: TestFiles.catalog(language), console: console, input: input,
            settings: REPL.Settings(interactive: interactive), clock: { REPLHarness.start }, exporter: exporter)
    }

    /// Runs a whole script; returns the transcript and the summary.
    static func script(_ lines: [String], language: String = "en", sessionLanguage: String? = nil) async throws
        -> ([String], REPLSummary)
    {
        let harness = try REPLHarness(language: language, sessionLanguage: sessionLanguage)
        for line in lines { harness.input.push(line) }
        harness.input.end()
        let summary = await harness.repl.run()
        return (harness.console.transcript, summary)
    }

    /// Waits (bounded) until the transcript holds a line.
    func waitFor(_ text: String, timeout: Duration = .seconds(30)) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if console.transcript.contains(where: { $0.contains(text) }) { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return false
    }
}
