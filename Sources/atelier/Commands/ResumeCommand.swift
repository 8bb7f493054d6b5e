import ArgumentParser
import AtelierCore
import AtelierFiles
import AtelierREPL
import AtelierStore

struct ResumeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume",
        abstract: "Go back into a stored session where it was left."
    )

    @Argument(help: "The session's id (see atelier sessions).")
    var session: String

    @OptionGroup var language: LanguageOption

    @ArgumentParser.Option(help: StoreOption.help)
    var store: String?

    @Flag(help: "Exit with status 1 at the end if any command was refused (for scripts).")
    var strict = false

    @OptionGroup var network: ListenOptions

    func run() async throws {
        let cli = CLI(locale: language.locale)
        let paths = XDGPaths()
        let listening = network.configuration(cli).map { ($0, network.webConfiguration($0, cli)) }
        await ListenOptions.checkAvailable(listening, cli: cli)
        let journal = cli.orFail { () throws(StoreError) in try StoreChoice.open(StoreChoice.value(store)) }
        var state = cli.orFail { () throws(StoreError) in try journal.load(id: session) }
        if state.isEnded {
            cli.fail(LocalizedMessage("repl.resume.ended", ["session": .text(session)]))
        }
        // One writer at a time; the state read again once this process is it.
        state = cli.orFail { () throws(StoreError) in
            try StoreChoice.lead(journal, session: session)
            return try journal.load(id: session)
        }
        try await RunCommand.lead(
            state, journal: journal, cli: cli, paths: paths, strict: strict, resumed: true, listening: listening,
            store: store)
    }
}
