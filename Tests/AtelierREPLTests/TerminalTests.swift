import Foundation
import Testing

extension ProgramTests {
    /// The real program under a pseudo-terminal (tmux), typed at like a facilitator would.
    @Suite struct TerminalTests {
        /// `atelier run` in a tmux pane, with its own HOME, store and history; `EXIT=status` shows when it ends.
        func start(_ atelier: AtelierBinary, session: String, extra: [String] = []) throws -> Tmux {
            let environment = atelier.environment.map { "\($0.key)='\($0.value)'" }.sorted().joined(separator: " ")
            let arguments = (["run", "--store", atelier.store, "--session", session, "--locale", "en"] + extra)
                .map { "'\($0)'" }.joined(separator: " ")
            let command =
                "cd '\(atelier.folder.path)' && env -i \(environment) '\(try AtelierBinary.path())' \(arguments)"
            return try Tmux("\(command); echo EXIT=$?; sleep 60")
        }

        @Test func tabCompletesInContextAndAnswersShowTheirTally() async throws {
            let atelier = try AtelierBinary()
            defer { atelier.remove() }
            let tmux = try start(atelier, session: "tab")
            defer { tmux.kill() }

            #expect(await tmux.wait(for: "atelier[intro]>").0)
            try await tmux.type("dept add marketing")
            try await tmux.keys("Enter")
            #expect(await tmux.wait(for: "department marketing added").0)

            try await tmux.type("nex")
            try await tmux.keys("Tab")
            let (completed, screen) = await tmux.wait { $0.last { !$0.isEmpty } == "atelier[intro]> next" }
            #expect(completed, "\(screen)")
            try await tmux.keys("Enter")
            #expect(await tmux.wait(for: "atelier[ignore]>").0)

            try await tmux.type("rate mar")
            try await tmux.keys("Tab")
            let (rated, lines) = await tmux.wait { $0.last { !$0.isEmpty } == "atelier[ignore]> rate marketing" }
            #expect(rated, "\(lines)")
            try await tmux.type("3")
            try await tmux.keys("Enter")
            let (tally, after) = await tmux.wait {
                $0.contains("marketing rated ignore: 3 (Much like us)")
                    // The pane is 100 columns wide: the bars take the room.
                    && $0.contains(
                        "  Company    ·              ·              ·              ██████████  1  ·              1     3.0"
                    )
            }
            #expect(tally, "\(after)")
        }

        @Test func ctrlCClearsTheLineAndCtrlDLeavesKeepingTheSession() async throws {
            let atelier = try AtelierBinary()
            defer { atelier.remove() }
            let tmux = try start(atelier, session: "keys")
            defer { tmux.kill() }

            #expect(await tmux.wait(for: "atelier[intro]>").0)
            try await tmux.type("dept add half-typed")
            // Ctrl-C is a signal: it overtakes keys not read yet, so wait until the line shows.
            #expect(await tmux.wait(for: "atelier[intro]> dept add half-typed").0)
            try await tmux.keys("C-c")
            let (cleared, screen) = await tmux.wait {
                $0.contains("atelier[intro]> dept add half-typed^C") && $0.last { !$0.isEmpty } == "atelier[intro]>"
            }
            #expect(cleared, "\(screen)")
            try await tmux.type("dept add hr")
            try await tmux.keys("Enter")
            #expect(await tmux.wait(for: "department hr added").0)
            try await tmux.keys("C-d")
            let (ended, last) = await tmux.wait(for: "EXIT=0")
            #expect(ended, "\(last)")

            let history = try String(
                contentsOf: atelier.folder.appendingPathComponent("state/atelier/history"), encoding: .utf8)
            #expect(history.split(separator: "\n").contains("dept add hr"))
            let resumed = try await atelier.run(
                ["resume", "keys", "--store", atelier.store, "--locale", "en"], input: "departments")
            #expect(resumed.lines == ["  hr  no participant; it answers as one voice"])
        }
    }
}
