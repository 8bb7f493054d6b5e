import ArgumentParser
import AtelierCore
import AtelierFiles
import AtelierLive
import AtelierREPL
import AtelierStore

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Start a live session of a workshop and lead it from the REPL.",
        discussion: """
            With a terminal, the REPL has line editing, history and Tab completion; type help. \
            Otherwise it reads commands from stdin, one per line (# starts a comment), and prints \
            only results and errors: atelier run --store s.sqlite --session demo --strict < workshop.atl

            With --listen 0.0.0.0:PORT the room answers too: phones' browsers on the next port up (a QR \
            code and the join code show at the start, with the projector's address), terminals with \
            atelier join or nc on PORT. quit leaves the session open for atelier resume.
            """
    )

    @Argument(help: "The workshop: an id (see atelier workshops) or a YAML file.")
    var workshop = "coping-patterns"

    @OptionGroup var language: LanguageOption

    @ArgumentParser.Option(help: "The new session's id. Default: the workshop id, the date and four letters.")
    var session: String?

    @OptionGroup var live: LiveOptions

    func validate() throws {
        try live.validate(CLI(locale: language.locale))
    }

    func run() async throws {
        let cli = try CLI(locale: language.locale)
        let entry = try cli.attempt { () throws(FilesError) in try WorkshopLibrary().load(workshop) }
        let (journal, listening) = try await live.open(cli, creating: true)
        let now = WallClock.now()
        var random = SystemRandomNumberGenerator()
        let id =
            session
            ?? SessionName.make(
                workshop: entry.id, time: now, letters: SessionName.letters(using: &random))
        if (try? journal.load(id: id)) != nil {
            try cli.fail(LocalizedMessage("repl.run.session_exists", ["session": .text(id)]))
        }
        let state = try cli.attempt { () throws(StoreError) in
            try journal.create(id: id, workshop: entry.workshop, locale: cli.catalog.language, time: now)
        }
        try await live.lead(state, journal: journal, listening: listening, resumed: false, cli: cli)
    }
}
