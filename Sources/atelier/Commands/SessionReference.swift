import ArgumentParser
import AtelierCore
import AtelierStore

/// `SESSION|FILE.jsonl` and `--store PATH`, shared by `export` and `replay`.
struct SessionReference: ParsableArguments {
    @Argument(help: "A session id in the store, or a recording file (FILE.jsonl).")
    var session: String

    @OptionGroup var storeOption: StoreOption

    /// The session folded once (for an export), or a localized message on stderr and exit 1.
    func state(_ cli: CLI) throws -> SessionState {
        try cli.attempt(SessionSource.state(session, store: storeOption.reader))
    }

    /// The whole journal, or a localized message on stderr and exit 1.
    func load(_ cli: CLI) throws -> LoadedSession {
        try cli.attempt(SessionSource.load(session, store: storeOption.reader))
    }
}
