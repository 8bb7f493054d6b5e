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

        @Test func aNetworkParticipantsAnswerRedrawsTheOpenTally() async throws {
            let atelier = try AtelierBinary()
            defer { atelier.remove() }
            let tmux = try start(atelier, session: "net", extra: ["--listen", "127.0.0.1:0", "--code", "ABC234"])
            defer { tmux.kill() }
            let (listening, screen) = await tmux.wait(for: "participants can join on 127.0.0.1:")
            #expect(listening, "\(screen)")
            let line = try #require(screen.first { $0.contains("participants can join on 127.0.0.1:") })
            let port = try #require(line.split(separator: ":").last.flatMap { Int($0.prefix { $0.isNumber }) })
            try await tmux.type("dept add marketing")
            try await tmux.keys("Enter")
            try await tmux.type("next")
            try await tmux.keys("Enter")
            #expect(await tmux.wait(for: "atelier[ignore]>").0)

            // Alice answers from her own terminal (`atelier join`, a script on stdin).
            let joined = try await atelier.run(
                [
                    "join", "127.0.0.1:\(port)", "--code", "ABC234", "--name", "alice", "--department", "marketing",
                    "--locale", "en",
                ], input: "rate 3\nquit\n")
            #expect(joined.status == 0, "\(joined.errors)")
            let (redrawn, after) = await tmux.wait {
                $0.contains("alice (marketing) rated ignore: 3 (Much like us)")
                    && $0.contains { $0.hasPrefix("  Company") && $0.hasSuffix("1     3.0") }
                    && $0.contains("1 of 1 present answered ignore")
            }
            #expect(redrawn, "\(after)")
            // The prompt and the half-typed line stay below it.
            #expect(after.last { !$0.isEmpty } == "atelier[ignore]>")
        }
    }
}
