import ArgumentParser
import AtelierCore
import AtelierFiles
import AtelierReplay

/// `SESSION|FILE.jsonl` and `--store PATH`, shared by `export` and `replay`.
struct SessionReference: ParsableArguments {
    @Argument(help: "A session id in the store, or a recording file (FILE.jsonl).")
    var session: String

    @ArgumentParser.Option(name: .long, help: StoreOption.help)
    var store: String?

    /// The session folded once (for an export), or a localized message on stderr and exit 1.
    func state(_ cli: CLI) -> SessionState {
        switch SessionSource.state(session, store: StoreChoice.reader(StoreChoice.value(store))) {
        case .success(let state): return state
        case .failure(let error): cli.fail(error.message)
        }
    }

    /// The whole journal, or a localized message on stderr and exit 1.
    func load(_ cli: CLI) -> LoadedSession {
        switch SessionSource.load(session, store: StoreChoice.reader(StoreChoice.value(store))) {
        case .success(let loaded): return loaded
        case .failure(let error): cli.fail(error.message)
        }
    }
}
