import AtelierCore
import AtelierLive
import AtelierTerminal
import Foundation

/// Puts the facilitator in the REPL on a session: with the line editor on a
/// terminal, reading a script otherwise. Used by `atelier run` and `atelier resume`.
public enum FacilitatorSession {
    public struct Options: Sendable {
        /// Exit status 1 at the end when a command was refused.
        public var strict = false
        public var resumed = false
        /// Where the readline history is kept.
        public var historyPath: String?
        /// The store named on the command line, for the way back (`atelier resume`).
        public var storePath: String?
        /// Where `export FORMAT` writes without a path.
        public var exportDirectory = FileManager.default.currentDirectoryPath
        public var extensions: [any REPLExtension] = []

        public init() {}
    }

    /// Runs the REPL until `quit` or the end of the input; returns the exit status.
    public static func run(
        state: SessionState, journal: any EventJournal, catalog: Catalog, options: Options,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) async -> Int32 {
        let live = LiveSession(state: state, journal: journal)
        let interactive = isatty(STDIN_FILENO) != 0
        let settings = REPL.Settings(
            interactive: interactive, resumed: options.resumed, width: TerminalWidth(measuring: STDOUT_FILENO),
            store: options.storePath)
        let exporter = FileExport(directory: options.exportDirectory)
        let summary: REPLSummary
        if interactive {
            let style = Style.forTerminal(isTerminal: isatty(STDOUT_FILENO) != 0, environment: environment)
            let editor = LineEditor(name: "atelier", historyPath: options.historyPath)
            // Never paged into a pipe: the output must be a terminal too.
            let pager = isatty(STDOUT_FILENO) != 0 ? Pager(environment: environment) : nil
            let repl = REPL(
                live: live, initial: state, catalog: catalog,
                console: Console(.editor(editor), style: style, pager: pager, width: settings.width),
                input: editor, settings: settings, clock: WallClock.now, extensions: options.extensions,
                exporter: exporter)
            editor.setCompleter { [weak repl] line in repl?.complete(line) ?? .words([]) }
            editor.start()
            summary = await repl.run()
            await editor.stop()
        } else {
            let repl = REPL(
                live: live, initial: state, catalog: catalog,
                console: Console(.streams(output: STDOUT_FILENO, errors: STDERR_FILENO)), input: StreamLines(),
                settings: settings, clock: WallClock.now, extensions: options.extensions, exporter: exporter)
            summary = await repl.run()
        }
        return options.strict && summary.refused > 0 ? 1 : 0
    }
}
