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

    @OptionGroup var live: LiveOptions

    func validate() throws {
        try live.validate(CLI(locale: language.locale))
    }

    func run() async throws {
        let cli = try CLI(locale: language.locale)
        let entry = try cli.attempt { () throws(FilesError) in try WorkshopLibrary().load(workshop) }
        let smallest = try Self.minimumGroup(minGroup, anonymous: anonymous, cli: cli)
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
            try journal.create(
                id: id, workshop: entry.workshop, locale: cli.catalog.language, time: now, actor: .facilitator,
                anonymous: anonymous, minGroup: smallest)
        }
        try await live.lead(state, journal: journal, listening: listening, resumed: false, cli: cli)
    }

    /// The session's smallest group shown: `--min-group` when given (a whole
    /// number in `SmallGroups.range`, else one localized message and exit 1),
    /// 3 for an anonymous session, none otherwise.
    static func minimumGroup(_ typed: String?, anonymous: Bool, cli: CLI) throws(ExitCode) -> Int? {
        guard let typed else { return anonymous ? SmallGroups.anonymousDefault : nil }
        guard let value = Int(typed), SmallGroups.range.contains(value) else {
            try cli.fail(
                LocalizedMessage(
                    "repl.run.min_group_range",
                    [
                        "value": .text(typed), "min": .count(SmallGroups.range.lowerBound),
                        "max": .count(SmallGroups.range.upperBound),
                    ]))
        }
        return value
    }
}
