import ArgumentParser
import AtelierCore
import AtelierFiles
import AtelierNet
import AtelierREPL
import AtelierStore
import AtelierWeb

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Start a live session of a workshop and lead it from the REPL.",
        discussion: """
            With a terminal, the REPL has line editing, history and Tab completion; type help. \
            Otherwise it reads commands from stdin, one per line (# starts a comment), and prints \
            only results and errors: atelier run --store s.sqlite --session demo --strict < workshop.atl
            """
    )

    @Argument(help: "The workshop: an id (see atelier workshops) or a YAML file.")
    var workshop = "coping-patterns"

    @OptionGroup var language: LanguageOption

    @ArgumentParser.Option(help: StoreOption.help)
    var store: String?

    @ArgumentParser.Option(help: "The new session's id. Default: the workshop id, the date and four letters.")
    var session: String?

    @Flag(help: "Exit with status 1 at the end if any command was refused (for scripts).")
    var strict = false

    @OptionGroup var network: ListenOptions

    func run() async throws {
        let cli = CLI(locale: language.locale)
        let entry = cli.orExit { () throws(FilesError) in try WorkshopLibrary().load(workshop) }
        let paths = XDGPaths()
        let listening = network.configuration(cli).map { ($0, network.webConfiguration($0, cli)) }
        await ListenOptions.checkAvailable(listening, cli: cli)
        let journal = cli.orFail { () throws(StoreError) in try StoreChoice.open(StoreChoice.value(store)) }
        let now = FacilitatorSession.now()
        var random = SystemRandomNumberGenerator()
        let id =
            session
            ?? SessionName.make(
                workshop: entry.id, time: now, letters: SessionName.letters(using: &random))
        if (try? journal.load(id: id)) != nil {
            cli.fail(LocalizedMessage("repl.run.session_exists", ["session": .text(id)]))
        }
        let state = cli.orFail { () throws(StoreError) in
            let state = try journal.create(
                id: id, workshop: entry.workshop, locale: cli.catalog.language, time: now, actor: .facilitator)
            try StoreChoice.lead(journal, session: id)
            return state
        }
        try await Self.lead(
            state, journal: journal, cli: cli, paths: paths, strict: strict, resumed: false, listening: listening,
            store: store)
    }

    /// Puts the facilitator in the REPL on the session (`run` and `resume`);
    /// exits with status 1 when `strict` and a command was refused.
    static func lead(
        _ state: SessionState, journal: any JournalStore, cli: CLI, paths: XDGPaths, strict: Bool, resumed: Bool,
        listening: (NetConfiguration, WebConfiguration)?, store: String?
    ) async throws {
        let network = listening.map {
            ListenOptions.network($0.0, web: $0.1, cli: cli, paths: paths, store: journal, session: state.id)
        }
        var options = FacilitatorSession.Options()
        options.strict = strict
        options.resumed = resumed
        options.historyPath = paths.history
        // Shown in the command that resumes the session: an address without its password.
        options.storePath = store.map(StoreChoice.display)
        options.extensions += network.map { [$0] } ?? []
        let status = await FacilitatorSession.run(
            state: state, journal: journal, catalog: cli.catalog, options: options)
        await network?.stop()
        if status != 0 { throw ExitCode(status) }
    }
}

extension CLI {
    /// Runs `body`; on a store error, prints its message on stderr and exits 1.
    func orFail<T>(_ body: () throws(StoreError) -> T) -> T {
        do throws(StoreError) {
            return try body()
        } catch {
            fail(error.message)
        }
    }
}
