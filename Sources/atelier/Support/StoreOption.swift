import ArgumentParser
import AtelierCore
import AtelierFiles
import AtelierStore

/// `--store PATH`: the session store, shared by every subcommand that reads
/// or writes one.
struct StoreOption: ParsableArguments {
    static let help = ArgumentHelp(
        "The session store: an SQLite file, or postgres://USER@HOST[:PORT]/DB. Default: $ATELIER_STORE, else "
            + "$XDG_DATA_HOME/atelier/atelier.sqlite.")

    @ArgumentParser.Option(help: help)
    var store: String?

    /// The store's path or address (`StoreChoice`: `--store`, `ATELIER_STORE`, the default file).
    var path: String { StoreChoice.value(store) }

    /// The store, opened for writing (created if it does not exist yet).
    func open(_ cli: CLI) throws -> any JournalStore {
        try cli.attempt { () throws(StoreError) in try StoreChoice.open(path) }
    }

    /// The store, which must already exist (reading, or taking a session up, never creates one).
    func existing(_ cli: CLI, readOnly: Bool = true) throws -> any JournalStore {
        guard StoreChoice.exists(path) else {
            try cli.fail(LocalizedMessage("store.no_store", ["path": .text(path)]))
        }
        return try cli.attempt { () throws(StoreError) in try StoreChoice.open(path, readOnly: readOnly) }
    }

    /// Opens the store for reading when a session id is read from it.
    var reader: SessionSource.StoreOpener { StoreChoice.reader(path) }
}
