import AtelierCore
import AtelierLive
import AtelierTerminal

/// What an extension's command may use: the live session, the console,
/// the reader's catalog and the clock.
public struct REPLContext: Sendable {
    public let live: LiveSession
    public let console: Console
    public let catalog: Catalog
    public let clock: @Sendable () -> Timestamp
    /// Returns once the REPL has shown the events up to this sequence
    /// number, so that a line about them prints after them.
    public let shown: @Sendable (Int64) async -> Void

    public init(
        live: LiveSession, console: Console, catalog: Catalog, clock: @escaping @Sendable () -> Timestamp,
        shown: @escaping @Sendable (Int64) async -> Void = { _ in }
    ) {
        self.live = live
        self.console = console
        self.catalog = catalog
        self.clock = clock
        self.shown = shown
    }
}

/// Commands another module adds to the facilitator's REPL (the network's
/// `code`, `kick NAME`, `quiet on|off`...). Its entries join the command
/// table: they are parsed, completed and listed in `help` like the built-in
/// ones (a word the built-in table already has is ignored), and the REPL
/// hands their parsed form (`CustomCommand`) to `run`.
public protocol REPLExtension: Sendable {
    /// The table entries, built with `CommandForm(pattern)`; the help keys
    /// and group key are the extension's own catalog keys.
    var commands: [CommandSpec] { get }

    /// Called once, when the REPL starts (after its banner, before the first prompt).
    func started(in context: REPLContext) async

    /// Called once, when the REPL ends (`quit`, Ctrl-D, end of the script).
    func stopped(in context: REPLContext) async

    /// Runs one of the extension's commands, printing through
    /// `context.console`. Returns false when the command was refused (it
    /// then printed one error line with `console.error`).
    func run(_ command: CustomCommand, in context: REPLContext) async -> Bool
}

extension REPLExtension {
    public func started(in context: REPLContext) async {}
    public func stopped(in context: REPLContext) async {}
}
