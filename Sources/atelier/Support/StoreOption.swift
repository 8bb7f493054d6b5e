import ArgumentParser
import AtelierCore
import AtelierFiles
import AtelierStore

/// `--store PATH`: the session store, shared by every subcommand that reads
/// or writes one.
struct StoreOption: ParsableArguments {
    @ArgumentParser.Option(help: "The session store (SQLite). Default: $XDG_DATA_HOME/atelier/atelier.sqlite.")
    var store: String?

    var path: String { store ?? XDGPaths().store }

    /// The store, opened for writing (created if it does not exist yet).
    func open(_ cli: CLI) throws -> SessionStore {
        try cli.attempt { () throws(StoreError) in try SessionStore(path: path) }
    }

    /// The store, which must already exist (reading, or taking a session up, never creates one).
    func existing(_ cli: CLI, readOnly: Bool = true) throws -> SessionStore {
        guard TextFile.exists(path) else { try cli.fail(LocalizedMessage("store.no_store", ["path": .text(path)])) }
        return try cli.attempt { () throws(StoreError) in try SessionStore(path: path, readOnly: readOnly) }
    }
}
