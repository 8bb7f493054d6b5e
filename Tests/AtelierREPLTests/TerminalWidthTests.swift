import Foundation
import Testing

extension ProgramTests {
    /// The views fill the terminal they are shown on: measured under tmux at
    /// 80, 120 and 200 columns, in English and French, no line wraps.
    @Suite struct TerminalWidthTests {
        /// `atelier ARGUMENTS` in a tmux pane `width` wide; every line it
        /// printed, wrapped lines joined back, once `END` shows.
        func screen(_ arguments: [String], width: Int, in atelier: AtelierBinary? = nil) async throws -> [String] {
            let atelier = try atelier ?? AtelierBinary()
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

        /// The store's sessions: ids whole at 80 columns, the table within the width.
        @Test(arguments: [80, 200], ["en", "fr"])
        func theSessionsTableFitsAndKeepsItsIds(width: Int, language: String) async throws {
            let atelier = try AtelierBinary()
            for file in ["docs/examples/compare-before.jsonl", "docs/examples/compare-after.jsonl"] {
                let path = TestFiles.root.appendingPathComponent(file).path
                let imported = try await atelier.run(["record", "import", path, "--store", atelier.store])
                #expect(imported.status == 0, "\(imported.errors)")
            }
            let lines = try await screen(
                ["sessions", "--store", atelier.store, "--locale", language], width: width, in: atelier)
            let rows = lines.filter { $0.hasPrefix("demo-") }
            #expect(rows.count == 2, "\(lines)")
            #expect(lines.filter { $0.count > width } == [], "\(language) at \(width)")
            for id in ["demo-2025-03-13 ", "demo-2025-09-18 "] { #expect(rows.contains { $0.hasPrefix(id) }) }
            #expect(rows.allSatisfy { $0.contains(" coping-patterns v1 ") })
            // Nor is the status cut: it says which session can be taken up again.
            #expect(rows.allSatisfy { $0.hasSuffix(language == "en" ? "  ended" : "  terminée") }, "\(rows)")
            // The wide terminal shows every column; the narrow one leaves some out.
            let header = try #require(lines.first { $0.hasPrefix("session ") })
            #expect(header.contains(language == "en" ? "participants" : "départements") == (width == 200))
        }

        /// The workshops: the title gives way at 80 columns, never the id; whole at 200.
        @Test(arguments: [80, 200], ["en", "fr"])
        func theWorkshopsListFitsAndKeepsItsIds(width: Int, language: String) async throws {
            let lines = try await screen(["workshops", "--locale", language], width: width)
            let rows = lines.filter { $0.hasPrefix("  ") && $0.contains(" v1 ") }
            #expect(rows.count >= 4, "\(lines)")
            #expect(lines.filter { $0.count > width } == [], "\(language) at \(width)")
            for id in ["barriers", "coping-patterns", "readiness", "sme-pitfalls"] {
                #expect(rows.contains { $0.hasPrefix("  " + id + " ") })
            }
            let title =
                language == "en"
                ? "Facing social media: four reflexes and three brakes"
                : "Face aux médias sociaux : quatre réflexes et trois freins"
            #expect(rows.contains { $0.contains(title) } == (width == 200))
        }

        /// A replay follows the terminal as it is resized, as the REPL does:
        /// the tallies fill 200 columns, then keep within 80 once it is narrowed.
        @Test func aReplayFollowsAResize() async throws {
            let atelier = try AtelierBinary()
            defer { atelier.remove() }
            let environment = atelier.environment.map { "\($0.key)='\($0.value)'" }.sorted().joined(separator: " ")
            let command =
                "cd '\(atelier.folder.path)' && env -i \(environment) '\(try AtelierBinary.path())' "
                + "replay '\(Self.recording)' --step --speed 10000 --locale en; echo EXIT=$?; sleep 60"
            let tmux = try Tmux(command, width: 200, height: 50)
            defer { tmux.kill() }
            // Two stages played at 200 columns, each waiting for Enter after it.
            for stage in ["(2/9)", "(3/9)"] {
                let (paused, screen) = await tmux.wait(for: stage)
                #expect(paused, "\(screen)")
                try await tmux.keys("Enter")
            }
            let (wide, _) = await tmux.wait(for: "(4/9)")
            #expect(wide)
            try await tmux.resize(width: 80, height: 50)
            var (ended, _) = (false, [String]())
            for _ in 0..<9 where !ended {
                try await tmux.keys("Enter")
                (ended, _) = await tmux.wait(timeout: .seconds(2)) { $0.contains { $0.contains("EXIT=0") } }
            }
            #expect(ended)
            let lines = try await OffThread.run { tmux.screen(history: true) }
            let resized = try #require(lines.firstIndex { $0.contains("(4/9)") })
            let rules = lines.filter { $0.hasPrefix("      ──") }
            #expect(lines[..<resized].contains { $0.hasPrefix("      ──") && $0.count > 150 })
            #expect(lines[resized...].filter { $0.count > 80 } == [])
            #expect(rules.count == 8)
        }
    }
}
