import Foundation
import Testing

extension ProgramTests.TerminalTests {
    @Test func endAsksFirstAndQuitSaysHowToComeBack() async throws {
        let atelier = try AtelierBinary()
        defer { atelier.remove() }
        let tmux = try start(atelier, session: "leave")
        defer { tmux.kill() }

        #expect(await tmux.wait(for: "atelier[intro]>").0)
        try await tmux.type("end")
        try await tmux.keys("Enter")
        let (asked, question) = await tmux.wait(for: "cannot be undone")
        #expect(asked, "\(question)")
        try await tmux.type("no")
        try await tmux.keys("Enter")
        #expect(await tmux.wait(for: "session leave goes on (not ended)").0)
        try await tmux.type("quit")
        try await tmux.keys("Enter")
        let (ended, last) = await tmux.wait(for: "EXIT=0")
        #expect(ended, "\(last)")
        let whole = tmux.screen(history: true)
        #expect(
            whole.contains(
                "Ending session leave is for good: no answer can be given after, and it cannot be undone."))
        #expect(whole.contains("End it for everyone? Type yes to end it: no"))
        // Wider than the terminal, the line is wrapped between its words.
        #expect(
            whole.joined(separator: " ").contains(
                "session leave stays open; to take it up again: atelier resume leave --store \(atelier.store)"))

        // The command it gives works, and the session was not ended.
        let resumed = try await atelier.run(
            ["resume", "leave", "--store", atelier.store, "--locale", "en"], input: "stage")
        #expect(resumed.status == 0, "\(resumed.errors)")
        #expect(resumed.lines.first == "stage 1/9 · intro · Welcome")
    }
}
