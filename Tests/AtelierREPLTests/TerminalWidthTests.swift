import Foundation
import Testing

extension ProgramTests {
    /// The views fill the terminal they are shown on: measured under tmux at
    /// 80, 120 and 200 columns, in English and French, no line wraps.
    @Suite struct TerminalWidthTests {
        /// `atelier ARGUMENTS` in a tmux pane `width` wide; every line it
        /// printed, wrapped lines joined back, once `END` shows.
        func screen(_ arguments: [String], width: Int) async throws -> [String] {
            let atelier = try AtelierBinary()
            defer { atelier.remove() }
            let environment = atelier.environment.map { "\($0.key)='\($0.value)'" }.sorted().joined(separator: " ")
            let command =
                "cd '\(atelier.folder.path)' && env -i \(environment) '\(try AtelierBinary.path())' "
                + arguments.map { "'\($0)'" }.joined(separator: " ") + " </dev/null; echo END; sleep 60"
            let tmux = try Tmux(command, width: width, height: 50)
            defer { tmux.kill() }
            let (ended, _) = await tmux.wait(for: "END")
            #expect(ended)
            return try await OffThread.run { tmux.screen(history: true) }
        }

        static let recording = TestFiles.root.appendingPathComponent("recordings/coping-patterns-demo.jsonl").path

        @Test(arguments: [80, 120, 200], ["en", "fr"])
        func aReplayedMomentFitsTheTerminal(width: Int, language: String) async throws {
            let lines = try await screen(
                ["replay", Self.recording, "--at", "0:45:00", "--locale", language], width: width)
            #expect(lines.count > 60)
            #expect(lines.filter { $0.count > width } == [], "\(language) at \(width)")
            let widest = lines.map(\.count).max() ?? 0
            // The wide terminal is used: the tables grow with it.
            #expect(widest > width - 10, "\(language) at \(width): widest line \(widest)")
            let header = language == "en" ? "n  share  spread  most chosen" : "n  part  dispersion  le plus choisi"
            #expect(lines.contains { $0.hasSuffix(header) })
        }

        @Test(arguments: [80, 120, 200], ["en", "fr"])
        func theDemoFitsTheTerminalUpToItsSummary(width: Int, language: String) async throws {
            let lines = try await screen(["demo", "--speed", "10000", "--locale", language], width: width)
            let summary = try #require(lines.firstIndex { $0.hasPrefix("# ") })
            let played = lines[..<summary]
            #expect(played.count > 200)
            #expect(played.filter { $0.count > width } == [], "\(language) at \(width)")
            // Each reveal's tally, indented under its event, fills the width when the bars can grow.
            let rules = played.filter { $0.hasPrefix("      ──") }
            #expect(rules.count == 8)
            #expect(rules.allSatisfy { $0.count > min(width, 150) - 10 }, "\(rules.map(\.count))")
        }
    }
}
