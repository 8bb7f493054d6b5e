import Foundation
import Testing

extension ProgramTests {
    /// `atelier replay`: what to press at each `--step` pause, and an `--at`
    /// after the end said as such.
    @Suite struct ReplayMomentTests {
        static let recording = TerminalWidthTests.recording

        @Test func aMomentAfterTheEndSaysWhenTheSessionEnded() async throws {
            let atelier = try AtelierBinary()
            defer { atelier.remove() }
            let late = try await atelier.run(["replay", Self.recording, "--at", "2:00:00", "--locale", "en"])
            #expect(late.status == 0, "\(late.errors)")
            #expect(
                Array(late.lines.prefix(4)) == [
                    "2:00:00 is after the end: session demo-2025-03-13 ended at 1:13:00, with event",
                    "166. Here is how it ended:",
                    "",
                    "Session demo-2025-03-13 at 1:13:00: 166 of 166 events",
                ])
            let french = try await atelier.run(["replay", Self.recording, "--at", "500", "--locale", "fr"])
            #expect(
                french.lines.first
                    == "500 est après la fin : la séance demo-2025-03-13 s'est terminée à 1:13:00, avec")
            // A moment inside the session is shown as before, without a word about the end.
            let inside = try await atelier.run(["replay", Self.recording, "--at", "0:45:00", "--locale", "en"])
            #expect(inside.lines.first?.hasPrefix("Session demo-2025-03-13 at 0:4") == true)
        }

        @Test func stepSaysWhatToPressAtEachPause() async throws {
            let atelier = try AtelierBinary()
            defer { atelier.remove() }
            let environment = atelier.environment.map { "\($0.key)='\($0.value)'" }.sorted().joined(separator: " ")
            let command =
                "cd '\(atelier.folder.path)' && env -i \(environment) '\(try AtelierBinary.path())' "
                + "replay '\(Self.recording)' --step --speed 10000 --locale en; echo EXIT=$?; sleep 60"
            let tmux = try Tmux(command, width: 120, height: 40)
            defer { tmux.kill() }
            let first = "▸ next: stage ignore (2/9) — Enter or Space to go on · q: stop"
            let (paused, screen) = await tmux.wait(for: first)
            #expect(paused, "\(screen)")
            #expect(!screen.contains { $0.contains("(3/9)") })
            try await tmux.keys("Enter")
            let (next, after) = await tmux.wait(
                for: "▸ next: stage status_quo (3/9) — Enter or Space to go on · q: stop")
            #expect(next, "\(after)")
            try await tmux.type("q")
            let (stopped, last) = await tmux.wait(for: "EXIT=0")
            #expect(stopped, "\(last)")
        }
    }
}
