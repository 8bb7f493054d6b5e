import ArgumentParser
import AtelierCore
import AtelierPostgres
import AtelierReplay
import AtelierStore
import AtelierTerminal

/// `atelier watch SESSION --store postgres://...`: a session led elsewhere,
/// read-only, as its facilitator sees it (each event's line, the tallies
/// when revealed, maturity at the end: the replay's transcript), followed
/// live through PostgreSQL's LISTEN/NOTIFY until the session ends.
struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Follow a session led elsewhere, read-only (a PostgreSQL store)."
    )

    @Argument(help: "The session's id (see atelier sessions).")
    var session: String

    @OptionGroup var storeOption: StoreOption
    @OptionGroup var language: LanguageOption

    func run() async throws {
        let cli = try CLI(locale: language.locale)
        let value = storeOption.path
        guard StoreChoice.isPostgres(value) else {
            try cli.fail(LocalizedMessage("watch.needs_postgres", ["store": .text(value)]))
        }
        let store = try cli.attempt { () throws(StoreError) in
            try PostgresStore(address: PostgresAddress(value), readOnly: true)
        }
        let (workshop, events) = try cli.attempt { () throws(StoreError) in try store.journal(id: session) }
        cli.say(LocalizedMessage("watch.following", ["session": .text(session), "store": .text(store.location)]))
        let follower = Follower(
            id: session, workshop: workshop, context: ReplayPace.context(cli), say: { cli.say(line: $0) })
        guard await follower.show(events) else { return }
        do throws(StoreError) {
            try await store.watch(session: session, after: Int64(events.count)) { await follower.show($0) }
        } catch {
            try cli.fail(error.message)
        }
    }
}

/// The session as followed so far, and its lines as each batch arrives.
private actor Follower {
    private var events: [RecordedEvent] = []
    private var state: SessionState
    private let workshop: Workshop
    private let id: String
    private let context: TerminalContext
    private let say: @Sendable (String) -> Void

    init(id: String, workshop: Workshop, context: TerminalContext, say: @escaping @Sendable (String) -> Void) {
        self.id = id
        self.workshop = workshop
        self.context = context
        self.say = say
        state = SessionState(id: id, workshop: workshop)
    }

    /// Shows the batch; false once the session has ended.
    func show(_ batch: [RecordedEvent]) -> Bool {
        let first = events.count
        events += batch
        let transcript = ReplayTranscript(
            session: LoadedSession(id: id, workshop: workshop, events: events), context: context)
        for index in first..<events.count {
            let before = state
            state.apply(events[index])
            for line in transcript.lines(at: index, before: before, after: state) { say(line) }
        }
        return !state.isEnded
    }
}
