import AtelierCore
import AtelierLive
import AtelierTerminal
import Foundation
import Testing

@testable import AtelierREPL

extension ProgramTests {
    /// The line editor on a pseudo-terminal, in this process (readline is global: one at a time).
    @Suite struct LineEditorTests {
        @Test func aLinePrintedAboveTheHalfTypedCommandLeavesItIntact() async throws {
            let pty = try PseudoTerminal()
            defer { pty.close() }
            let workshop = try TestFiles.workshop()
            let state = SessionState(id: "pty", workshop: workshop, locale: "en")
            let live = LiveSession(state: state, journal: MemoryJournal())
            let editor = LineEditor(
                name: "atelier-test", historyPath: nil, input: pty.terminal, output: pty.terminal, handlesSignals: false
            )
            let repl = REPL(
                live: live, initial: state, catalog: TestFiles.catalog("en"), console: Console(.editor(editor)),
                input: editor, settings: .init(interactive: true), clock: { 0 })
            editor.setCompleter { repl.complete($0) }
            editor.start()
            let run = Task { await repl.run() }

            #expect(await pty.wait { $0.hasSuffix("atelier[intro]> ") })
            pty.type("dept add marketing\r")
            #expect(await pty.wait { $0.contains("department marketing added") })
            pty.type("next\r")
            #expect(await pty.wait { $0.hasSuffix("atelier[ignore]> ") })
            pty.type("rate mark")
            #expect(await pty.wait { $0.hasSuffix("atelier[ignore]> rate mark") })

            // A participant joins from elsewhere while the command is half typed.
            let joined = await live.submit(
                Command(actor: .participant("Zoe"), action: .join(name: "Zoe", department: "marketing"), time: 1))
            guard case .accepted = joined else {
                Issue.record("the join was refused")
                return
            }
            #expect(await pty.wait { $0.contains("Zoe joined marketing") })
            #expect(await pty.wait { $0.hasSuffix("atelier[ignore]> rate mark") })
            let after = String(pty.output.split(separator: "Zoe joined marketing").last ?? "")
            #expect(after.contains("atelier[ignore]> rate mark"))

            // The half-typed command is still there: finishing it runs it whole.
            pty.type("eting 3\r")
            #expect(await pty.wait { $0.contains("marketing rated ignore: 3 (Much like us)") })

            // Tab completes in the same editor.
            pty.type("rate Zo\t")
            #expect(await pty.wait { $0.hasSuffix("rate Zoe ") })
            pty.type("1\r")
            #expect(await pty.wait { $0.contains("Zoe (marketing) rated ignore: 1 (A little like us)") })

            pty.type("quit\r")
            let summary = await run.value
            await editor.stop()
            #expect(summary == REPLSummary(lines: 5, refused: 0))

            // On the screen, the line from elsewhere sits above the command, which is whole.
            let screen = await screen(of: pty.output)
            let joinedAt = screen.firstIndex(of: "Zoe joined marketing") ?? 0
            #expect(
                Array(screen[joinedAt...].prefix(3)) == [
                    "Zoe joined marketing", "atelier[ignore]> rate marketing 3",
                    "marketing rated ignore: 3 (Much like us)",
                ], "\(screen)")
        }

        @Test func aNewPromptKeepsTheHalfTypedLineAndStoppingEndsThePromptsLine() async throws {
            let pty = try PseudoTerminal()
            defer { pty.close() }
            let editor = LineEditor(
                name: "atelier-test", historyPath: nil, input: pty.terminal, output: pty.terminal, handlesSignals: false
            )
            editor.start()
            let first = Task { await editor.readLine(prompt: "ana> ") }
            #expect(await pty.wait { $0.hasSuffix("ana> ") })
            pty.type("rate contr")
            #expect(await pty.wait { $0.hasSuffix("rate contr") })
            editor.setPrompt("ana[brakes]> ")
            #expect(await pty.wait { $0.contains("[brakes]") })
            pty.type("ol 3\r")
            #expect(await first.value == .line("rate control 3"))
            let second = Task { await editor.readLine(prompt: "ana[brakes]> ") }
            #expect(await pty.wait { $0.hasSuffix("ana[brakes]> ") })
            await editor.stop()
            #expect(await second.value == .end)
            // The pseudo-terminal's reader may not have the last bytes yet: wait
            // for the newline after the last prompt (terminal modes may follow it).
            #expect(await pty.wait { $0.components(separatedBy: "ana[brakes]> ").last?.hasPrefix("\r\n") == true })
            // The screen helper ends the output with a newline and a marker: the
            // prompt's own line ends first, so an empty line comes between.
            let screen = await screen(of: pty.output)
            let end = screen.lastIndex(of: "END-OF-OUTPUT") ?? 0
            #expect(
                Array(screen[..<end].suffix(3)) == ["ana[brakes]> rate control 3", "ana[brakes]>", ""], "\(screen)")
        }

        /// What a terminal shows for these bytes, as tmux draws them (80 × 40).
        func screen(of output: String) async -> [String] {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("pty-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: file) }
            guard (try? Data(output.utf8).write(to: file)) != nil,
                let tmux = try? Tmux("cat '\(file.path)'; echo; echo END-OF-OUTPUT; sleep 30", width: 80, height: 40)
            else { return [] }
            defer { tmux.kill() }
            return await tmux.wait(for: "END-OF-OUTPUT").1
        }
    }
}
