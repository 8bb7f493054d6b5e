import ArgumentParser
import AtelierCore
import AtelierFiles
import AtelierREPL
import AtelierStore

/// The options of a live session, shared by `run` and `resume`: the store,
/// `--strict`, and opening the room to participants (`ListenOptions`).
struct LiveOptions: ParsableArguments {
    @OptionGroup var storeOption: StoreOption

    @Flag(help: "Exit with status 1 at the end if any command was refused (for scripts).")
    var strict = false

    @OptionGroup var network: ListenOptions

    /// Refuses a bad network option (exit 64) while the command line is parsed.
    func validate(_ cli: CLI) throws {
        _ = try network.listening(cli)
    }

    /// The store (created by `run`, which must exist for `resume`), once the
    /// addresses to listen on are known to be free: a busy port stops the
    /// command before any session is created or taken up.
    func open(_ cli: CLI, creating: Bool) async throws -> (any JournalStore, Listening?) {
        let listening = try network.listening(cli)
        try await listening?.checkAvailable(cli)
        let store = creating ? try storeOption.open(cli) : try storeOption.existing(cli, readOnly: false)
        return (store, listening)
    }

    /// Puts the facilitator in the REPL on the session (`run` and `resume`);
    /// fails with status 1 when `--strict` and a command was refused.
    func lead(
        _ state: SessionState, journal: any JournalStore, listening: Listening?, resumed: Bool, cli: CLI
    ) async throws {
        // One writer per session (a PostgreSQL store); taken up, the state is read again once this process is it.
        let state = try cli.attempt { () throws(StoreError) in
            try StoreChoice.lead(journal, session: state.id)
            return resumed ? try journal.load(id: state.id) : state
        }
        let paths = XDGPaths()
        let network = listening.map {
            ListenOptions.network($0, cli: cli, paths: paths, store: journal, session: state.id)
        }
        var options = FacilitatorSession.Options()
        options.strict = strict
        options.resumed = resumed
        options.historyPath = paths.history
        // Shown in the command that resumes the session: an address without its password.
        options.storePath = storeOption.store.map(StoreChoice.display)
        options.extensions += network.map { [$0] } ?? []
        let status = await FacilitatorSession.run(
            state: state, journal: journal, catalog: cli.catalog, options: options)
        await network?.stop()
        if status != 0 { throw ExitCode(status) }
    }
}
