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

    @ArgumentParser.Option(help: "The session store (SQLite). Default: $XDG_DATA_HOME/atelier/atelier.sqlite.")
    var store: String?

    @Flag(help: "Exit with status 1 at the end if any command was refused (for scripts).")
    var strict = false

    @OptionGroup var network: ListenOptions

    func run() async throws {
        let cli = CLI(locale: language.locale)
        let paths = XDGPaths()
        let listening = network.configuration(cli).map { ($0, network.webConfiguration($0, cli)) }
        await ListenOptions.checkAvailable(listening, cli: cli)
        let journal = cli.orFail { () throws(StoreError) in try SessionStore(path: store ?? paths.store) }
        let state = cli.orFail { () throws(StoreError) in try journal.load(id: session) }
        if state.isEnded {
            cli.fail(LocalizedMessage("repl.resume.ended", ["session": .text(session)]))
        }
        try await RunCommand.lead(
            state, journal: journal, cli: cli, paths: paths, strict: strict, resumed: true, listening: listening,
            store: store)
    }
}
