import AtelierCore

/// An event spread over the typed columns of the `events` table that stores
/// before version 4 held beside the packs (docs/recording-format.md). Only
/// read now, to pack a version-1 store (`v2-event-packs`) before
/// `v5-events-packed-only` drops the table; the tests write them to build
/// such a store.
struct EventColumns: Sendable, Hashable {
    var kind: String
    var actor: String?
    var stage: String?
    var item: String?
    var department: String?
    var participant: String?
    var other: String?
    var value: Int64?
    var text: String?

    init(
        kind: String, actor: String? = nil, stage: String? = nil, item: String? = nil, department: String? = nil,
        participant: String? = nil, other: String? = nil, value: Int64? = nil, text: String? = nil
    ) {
        self.kind = kind
        self.actor = actor
        self.stage = stage
        self.item = item
        self.department = department
        self.participant = participant
        self.other = other
        self.value = value
        self.text = text
    }

    /// The columns of an event caused by `actor` (NULL actor: the facilitator).
    init(_ event: Event, actor: Actor) {
        self.init(kind: event.type, actor: actor.participantName)
        switch event {
        case .sessionStarted(let workshop, let version, let locale, _, _, _, _):
            other = workshop
            value = Int64(version)
            text = locale
        case .departmentAdded(let id, let name):
            department = id
            text = name
        case .participantJoined(let name, let dept):
            participant = name
            department = dept
        case .participantLeft(let name):
            participant = name
        case .stageChanged(let from, let to):
            stage = to
            other = from
        case .stageLocked(let id), .stageUnlocked(let id), .stageRevealed(let id):
            stage = id
        case .timerStarted(let id, let seconds):
            stage = id
            value = Int64(seconds)
        case .rated(let rater, let id, let itemID, let rating):
            setRater(rater)
            stage = id
            item = itemID
            value = Int64(rating)
        case .picked(let rater, let id, let option):
            setRater(rater)
            stage = id
            item = option
        case .strategyDeclared(let dept, let strategy):
            department = dept
            text = strategy
        case .knowsDeclared(let dept, let otherDept), .sharesDeclared(let dept, let otherDept):
            department = dept
            other = otherDept
        case .noteAdded(let id, let note):
            stage = id
            text = note
        case .undone(let seq):
            value = seq
        case .sessionEnded:
            break
        case .roundStarted:
            // Stores with typed columns predate rounds; never written.
            break
        }
    }

    private mutating func setRater(_ rater: Rater) {
        switch rater {
        case .participant(let name): participant = name
        case .department(let id): department = id
        }
    }

    var eventActor: Actor { Self.actor(actor) }

    /// The actor an `actor` column names (NULL: the facilitator).
    static func actor(_ column: String?) -> Actor { column.map(Actor.participant) ?? .facilitator }

    /// The event these columns hold, or nil when a column its kind needs is
    /// missing or the kind is unknown (a damaged or newer store).
    var event: Event? { Self.event(kind: kind, self) }

    /// The event of this kind whose columns `row` gives, reading only the
    /// columns the kind uses; nil when one of them is missing or the kind is
    /// unknown. The one mapping from columns to events: the store's reader
    /// uses it on SQLite's rows directly.
    static func event(kind: String, _ row: some EventColumnReading) -> Event? {
        switch kind {
        case "rated":
            guard let stage = row.stage, let item = row.item, let value = row.value, let rater = rater(row) else {
                return nil
            }
            return .rated(rater: rater, stage: stage, item: item, value: Int(value))
        case "picked":
            guard let stage = row.stage, let item = row.item, let rater = rater(row) else { return nil }
            return .picked(rater: rater, stage: stage, option: item)
        case "session_started":
            guard let other = row.other, let value = row.value, let text = row.text else { return nil }
            return .sessionStarted(workshop: other, version: Int(value), locale: text)
        case "department_added":
            guard let department = row.department, let text = row.text else { return nil }
            return .departmentAdded(id: department, name: text)
        case "participant_joined":
            guard let participant = row.participant, let department = row.department else { return nil }
            return .participantJoined(name: participant, department: department)
        case "participant_left":
            guard let participant = row.participant else { return nil }
            return .participantLeft(name: participant)
        case "stage_changed":
            guard let stage = row.stage, let other = row.other else { return nil }
            return .stageChanged(from: other, to: stage)
        case "stage_locked":
            return row.stage.map { .stageLocked(stage: $0) }
        case "stage_unlocked":
            return row.stage.map { .stageUnlocked(stage: $0) }
        case "stage_revealed":
            return row.stage.map { .stageRevealed(stage: $0) }
        case "timer_started":
            guard let stage = row.stage, let value = row.value else { return nil }
            return .timerStarted(stage: stage, seconds: Int(value))
        case "strategy_declared":
            guard let department = row.department, let text = row.text else { return nil }
            return .strategyDeclared(department: department, text: text)
        case "knows_declared":
            guard let department = row.department, let other = row.other else { return nil }
            return .knowsDeclared(department: department, other: other)
        case "shares_declared":
            guard let department = row.department, let other = row.other else { return nil }
            return .sharesDeclared(department: department, other: other)
        case "note_added":
            guard let stage = row.stage, let text = row.text else { return nil }
            return .noteAdded(stage: stage, text: text)
        case "undone":
            return row.value.map { .undone(seq: $0) }
        case "session_ended":
            return .sessionEnded
        default:
            return nil
        }
    }

    private static func rater(_ row: some EventColumnReading) -> Rater? {
        if let participant = row.participant { return .participant(participant) }
        return row.department.map(Rater.department)
    }
}

/// The typed columns of one event, read one at a time: `EventColumns` in
/// memory, or the current row of the store's journal query.
protocol EventColumnReading {
    var stage: String? { get }
    var item: String? { get }
    var department: String? { get }
    var participant: String? { get }
    var other: String? { get }
    var value: Int64? { get }
    var text: String? { get }
}

extension EventColumns: EventColumnReading {}
