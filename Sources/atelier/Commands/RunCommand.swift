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

    @ArgumentParser.Option(help: "The session store (SQLite). Default: $XDG_DATA_HOME/atelier/atelier.sqlite.")
    var store: String?

    @ArgumentParser.Option(help: "The new session's id. Default: the workshop id, the date and four letters.")
    var session: String?

    @Flag(help: "Exit with status 1 at the end if any command was refused (for scripts).")
    var strict = false

    @Flag(
        help: """
            Anonymous session: participants are known as their department and a number (marketing#3), \
            the names they type are never stored. Kept for the whole session (resume keeps it).
            """)
    var anonymous = false

    @ArgumentParser.Option(
        name: .customLong("min-group"),
        help: """
            Withhold from the room and the exports any department figure built from fewer than K answers \
            (it still counts for the company). Default: 3 with --anonymous, off otherwise.
            """)
    var minGroup: String?

    @OptionGroup var network: ListenOptions

    func run() async throws {
        let cli = CLI(locale: language.locale)
        let entry = cli.orExit { () throws(FilesError) in try WorkshopLibrary().load(workshop) }
        let smallest = Self.minimumGroup(minGroup, anonymous: anonymous, cli: cli)
        let paths = XDGPaths()
        let listening = network.configuration(cli).map { ($0, network.webConfiguration($0, cli)) }
        await ListenOptions.checkAvailable(listening, cli: cli)
        let journal = cli.orFail { () throws(StoreError) in try SessionStore(path: store ?? paths.store) }
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
            try journal.create(
                id: id, workshop: entry.workshop, locale: cli.catalog.language, time: now, anonymous: anonymous,
                minGroup: smallest)
        }
        try await Self.lead(
            state, journal: journal, cli: cli, paths: paths, strict: strict, resumed: false, listening: listening,
            store: store)
    }

    /// The session's smallest group shown: `--min-group` when given (a whole
    /// number in `SmallGroups.range`, else one localized message and exit 1),
    /// 3 for an anonymous session, none otherwise.
    static func minimumGroup(_ typed: String?, anonymous: Bool, cli: CLI) -> Int? {
        guard let typed else { return anonymous ? SmallGroups.anonymousDefault : nil }
        guard let value = Int(typed), SmallGroups.range.contains(value) else {
            cli.fail(
                LocalizedMessage(
                    "repl.run.min_group_range",
                    [
                        "value": .text(typed), "min": .count(SmallGroups.range.lowerBound),
                        "max": .count(SmallGroups.range.upperBound),
                    ]))
        }
        return value
    }

    /// Puts the facilitator in the REPL on the session (`run` and `resume`);
    /// exits with status 1 when `strict` and a command was refused.
    static func lead(
        _ state: SessionState, journal: SessionStore, cli: CLI, paths: XDGPaths, strict: Bool, resumed: Bool,
        listening: (NetConfiguration, WebConfiguration)?, store: String?
    ) async throws {
        let network = listening.map {
            ListenOptions.network($0.0, web: $0.1, cli: cli, paths: paths, store: journal, session: state.id)
        }
        var options = FacilitatorSession.Options()
        options.strict = strict
        options.resumed = resumed
        options.historyPath = paths.history
        options.storePath = store
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
