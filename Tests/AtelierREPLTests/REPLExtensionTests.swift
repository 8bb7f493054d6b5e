import AtelierCore
import AtelierLive
import AtelierTerminal
import Synchronization
import Testing

@testable import AtelierREPL

/// An extension as the network adds one: its own commands, parsed,
/// completed and listed in help with the built-in ones.
final class Echo: REPLExtension {
    let calls = Mutex<[String]>([])

    var commands: [CommandSpec] {
        [
            CommandSpec(
                word: "echo", groupKey: "repl.group.session", helpKey: "repl.help.note",
                forms: [CommandForm([.slot(Slot("who", .participant)), .slot(Slot("mode", .choice(["on", "off"])))])])
        ]
    }

    func started(in context: REPLContext) async {
        calls.withLock { $0.append("started") }
        context.console.line("echo ready")
    }

    func stopped(in context: REPLContext) async {
        calls.withLock { $0.append("stopped") }
    }

    func run(_ command: CustomCommand, in context: REPLContext) async -> Bool {
        calls.withLock { $0.append("run \(command.arguments.text("who")) \(command.arguments.text("mode"))") }
        guard context.live.state.participants[command.arguments.text("who")] != nil else {
            context.console.error("no such participant")
            return false
        }
        context.console.line("echo \(command.arguments.text("who"))")
        return true
    }
}

@Suite struct REPLExtensionTests {
    @Test func anExtensionsCommandsRunThroughTheREPL() async throws {
        let echo = Echo()
        let workshop = try TestFiles.workshop()
        let state = SessionState(id: "x", workshop: workshop, locale: "en")
        let console = Console(.memory)
        let input = LineQueue([
            "dept add hr", "join Ana hr", "echo Ana on", "echo Bob off", "echo Ana maybe", "echo", "help",
        ])
        input.end()
        let repl = REPL(
            live: LiveSession(state: state, journal: MemoryJournal()), initial: state,
            catalog: TestFiles.catalog("en"), console: console, input: input, settings: .init(interactive: false),
            clock: { 0 }, extensions: [echo])
        let summary = await repl.run()
        #expect(summary == REPLSummary(lines: 7, refused: 3))
        #expect(echo.calls.withLock { $0 } == ["started", "run Ana on", "run Bob off", "stopped"])
        let lines = console.transcript
        #expect(
            Array(lines.prefix(7)) == [
                "echo ready", "department hr added", "Ana joined hr", "echo Ana", "! no such participant",
                #"! line 5: "maybe" is not accepted; accepted: on, off; usage: echo NAME on|off"#,
                "! line 6: wrong number of arguments for echo; usage: echo NAME on|off",
            ])
        #expect(lines.contains { $0.hasPrefix("  echo NAME on|off") })
        #expect(repl.complete("echo ") == .words(["Ana"]))
        #expect(repl.complete("echo Ana ") == .words(["on", "off"]))
    }
}
