import AtelierCore

/// What every store of sessions does, whatever holds it: an SQLite file
/// (`SessionStore`, the default) or a PostgreSQL database (`PostgresStore`
/// in AtelierPostgres). The commands and the live session see this contract
/// only:
///
/// - `append` (`EventJournal`'s; both stores throw a `StoreError`) returns
///   once the events are committed and durable (SQLite's
///   `synchronous=FULL`, PostgreSQL's `synchronous_commit`): nothing is
///   acknowledged before. The live session groups what waits into one
///   `append` (group commit: one transaction for every command waiting).
/// - `append` fails, storing nothing, when `lastSeq` is not the session's
///   last stored event.
/// - `sessions()` reads the summaries kept with each session: no journal is
///   folded to list them.
/// - `load` is the fast fold: every event read packed (`PackedEvent`).
/// - The schema is built by named migrations, never edited once shipped; a
///   store written by a newer atelier is refused and left untouched.
///
/// Every failure is one localized sentence (`StoreError`).
public protocol JournalStore: EventJournal, AnyObject {
    /// Where the store is, as a person reads it: a path, or an address
    /// without its password.
    var location: String { get }

    /// Opens a new session: its row and its `session_started` event
    /// (`Event.opening`: the criteria in force, the definition's digest,
    /// the session's privacy).
    func create(
        id: String, workshop: Workshop, locale: String, time: Timestamp, actor: Actor, anonymous: Bool,
        minGroup: Int?
    ) throws(StoreError) -> SessionState

    /// The state of a session: the fold of its stored journal.
    func load(id: String) throws(StoreError) -> SessionState

    /// Every event of a session, in order.
    func events(id: String) throws(StoreError) -> [RecordedEvent]

    /// The workshop and every event of a session, in order; nothing folded.
    func journal(id: String) throws(StoreError) -> (workshop: Workshop, events: [RecordedEvent])

    /// Every stored session, oldest first, from the kept summaries.
    func sessions() throws(StoreError) -> [SessionSummary]

    /// The session as a recording (JSON Lines text).
    func exportRecording(id: String) throws(StoreError) -> String

    /// Checks a recording and imports it in one transaction (nothing of it
    /// on any problem); an id already stored is refused. Returns the id.
    func importRecording(_ text: String, file: String, as newID: String?) throws(StoreError) -> String

    /// Imports a recording file as `importRecording(_:file:as:)` does.
    func importRecording(contentsOf path: String, as newID: String?) throws(StoreError) -> String

    /// The seats of a session, by name.
    func seats(session: String) throws(StoreError) -> [StoredSeat]

    /// Stores a seat, replacing the one of the same name; durable when it returns.
    func saveSeat(_ seat: StoredSeat, session: String) throws(StoreError)

    /// Forgets a seat.
    func removeSeat(name: String, session: String) throws(StoreError)
}

extension SessionStore: JournalStore {
    public var location: String { path }
}

extension JournalStore {
    /// Opens a new session that is neither anonymous nor with a smallest group shown.
    public func create(id: String, workshop: Workshop, locale: String, time: Timestamp, actor: Actor = .facilitator)
        throws(StoreError) -> SessionState
    {
        try create(
            id: id, workshop: workshop, locale: locale, time: time, actor: actor, anonymous: false, minGroup: nil)
    }
}
