import ArgumentParser
import AtelierCore
import AtelierStore

struct ResumeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume",
        abstract: "Go back into a stored session where it was left.",
        discussion: """
            The session takes up at its stage, with its departments, participants and answers. With \
            --listen on the same address, participants who were in take their seats back (atelier join \
            reconnects by itself) and you are told who came back.
            """
    )

    @Argument(help: "The session's id (see atelier sessions).")
    var session: String

    @OptionGroup var language: LanguageOption

    @OptionGroup var live: LiveOptions

    func validate() throws {
        try live.validate(CLI(locale: language.locale))
    }

    func run() async throws {
        let cli = try CLI(locale: language.locale)
        let (journal, listening) = try await live.open(cli, creating: false)
        let state = try cli.attempt { () throws(StoreError) in try journal.load(id: session) }
        if state.isEnded {
            try cli.fail(LocalizedMessage("repl.resume.ended", ["session": .text(session)]))
        }
        try await live.lead(state, journal: journal, listening: listening, resumed: true, cli: cli)
    }
}
