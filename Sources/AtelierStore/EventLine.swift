import AtelierCore

/// One event as a JSON object: an explicit `type`, a schema version `v`, its
/// `seq`, `time` and `actor`, then the fields of its type. The field names are
/// stable (docs/recording-format.md); JSONEncoder writes them sorted.
struct EventLine: Codable, Sendable {
    var seq: Int64?
    var time: Int64?
    var type: String?
    var v: Int?
    var actor: Who?
    // Fields of the event types (each type uses a few of them).
    var workshop: String?
    var version: Int?
    var locale: String?
    var department: String?
    var name: String?
    var from: String?
    var to: String?
    var stage: String?
    var seconds: Int?
    var rater: Who?
    var item: String?
    var value: Int?
    var option: String?
    var text: String?
    var other: String?
    var target: Int64?

    /// A person or a department: `{"kind":"facilitator"}`,
    /// `{"kind":"participant","name":"ana"}`, `{"kind":"department","id":"marketing"}`.
    struct Who: Codable, Sendable {
        var kind: String?
        var name: String?
        var id: String?
    }

    static let types = [
        "session_started", "department_added", "participant_joined", "participant_left", "stage_changed",
        "stage_locked", "stage_unlocked", "stage_revealed", "timer_started", "rated", "picked", "strategy_declared",
        "knows_declared", "shares_declared", "note_added", "undone", "session_ended",
    ]

    enum CodingKeys: String, CodingKey {
        case seq, time, type, v, actor, workshop, version, locale, department, name, from, to, stage, seconds, rater
        case item, value, option, text, other, target
    }

    /// The fields each type reads; looking up only these (not all 21) is what
    /// makes decoding a line affordable.
    static let fields: [String: [CodingKeys]] = [
        "session_started": [.workshop, .version, .locale], "department_added": [.department, .name],
        "participant_joined": [.name, .department], "participant_left": [.name], "stage_changed": [.from, .to],
        "stage_locked": [.stage], "stage_unlocked": [.stage], "stage_revealed": [.stage],
        "timer_started": [.stage, .seconds], "rated": [.rater, .stage, .item, .value],
        "picked": [.rater, .stage, .option], "strategy_declared": [.department, .text],
        "knows_declared": [.department, .other], "shares_declared": [.department, .other],
        "note_added": [.stage, .text], "undone": [.target], "session_ended": [],
    ]

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        seq = try container.decodeIfPresent(Int64.self, forKey: .seq)
        time = try container.decodeIfPresent(Int64.self, forKey: .time)
        type = try container.decodeIfPresent(String.self, forKey: .type)
        v = try container.decodeIfPresent(Int.self, forKey: .v)
        actor = try container.decodeIfPresent(Who.self, forKey: .actor)
        for key in Self.fields[type ?? ""] ?? [] {
            switch key {
            case .workshop: workshop = try container.decodeIfPresent(String.self, forKey: key)
            case .version: version = try container.decodeIfPresent(Int.self, forKey: key)
            case .locale: locale = try container.decodeIfPresent(String.self, forKey: key)
            case .department: department = try container.decodeIfPresent(String.self, forKey: key)
            case .name: name = try container.decodeIfPresent(String.self, forKey: key)
            case .from: from = try container.decodeIfPresent(String.self, forKey: key)
            case .to: to = try container.decodeIfPresent(String.self, forKey: key)
            case .stage: stage = try container.decodeIfPresent(String.self, forKey: key)
            case .seconds: seconds = try container.decodeIfPresent(Int.self, forKey: key)
            case .rater: rater = try container.decodeIfPresent(Who.self, forKey: key)
            case .item: item = try container.decodeIfPresent(String.self, forKey: key)
            case .value: value = try container.decodeIfPresent(Int.self, forKey: key)
            case .option: option = try container.decodeIfPresent(String.self, forKey: key)
            case .text: text = try container.decodeIfPresent(String.self, forKey: key)
            case .other: other = try container.decodeIfPresent(String.self, forKey: key)
            case .target: target = try container.decodeIfPresent(Int64.self, forKey: key)
            case .seq, .time, .type, .v, .actor: break
            }
        }
    }

    init(_ recorded: RecordedEvent) {
        seq = recorded.seq
        time = recorded.time
        type = recorded.event.type
        v = RecordedEvent.schemaVersion
        switch recorded.actor {
        case .facilitator: actor = Who(kind: "facilitator")
        case .participant(let name): actor = Who(kind: "participant", name: name)
        }
        switch recorded.event {
        case .sessionStarted(let workshop, let version, let locale):
            self.workshop = workshop
            self.version = version
            self.locale = locale
        case .departmentAdded(let id, let name):
            department = id
            self.name = name
        case .participantJoined(let name, let department):
            self.name = name
            self.department = department
        case .participantLeft(let name):
            self.name = name
        case .stageChanged(let from, let to):
            self.from = from
            self.to = to
        case .stageLocked(let stage), .stageUnlocked(let stage), .stageRevealed(let stage):
            self.stage = stage
        case .timerStarted(let stage, let seconds):
            self.stage = stage
            self.seconds = seconds
        case .rated(let rater, let stage, let item, let value):
            self.rater = Who(rater)
            self.stage = stage
            self.item = item
            self.value = value
        case .picked(let rater, let stage, let option):
            self.rater = Who(rater)
            self.stage = stage
            self.option = option
        case .strategyDeclared(let department, let text):
            self.department = department
            self.text = text
        case .knowsDeclared(let department, let other), .sharesDeclared(let department, let other):
            self.department = department
            self.other = other
        case .noteAdded(let stage, let text):
            self.stage = stage
            self.text = text
        case .undone(let seq):
            target = seq
        case .sessionEnded:
            break
        }
    }

    /// Why a line cannot be an event.
    enum Problem: Error, Equatable {
        case missing(String)
        case unknownType(String)
        case newerVersion(Int)
        case badValue(String)
    }

    /// The recorded event, or what is wrong with the line.
    func recorded() throws(Problem) -> RecordedEvent {
        guard let type else { throw .missing("type") }
        guard let v else { throw .missing("v") }
        guard Self.types.contains(type) else { throw .unknownType(type) }
        guard v <= RecordedEvent.schemaVersion else { throw .newerVersion(v) }
        guard let seq else { throw .missing("seq") }
        guard let time else { throw .missing("time") }
        guard let actor else { throw .missing("actor") }
        return RecordedEvent(seq: seq, time: time, actor: try actor.actor(), event: try event(type))
    }

    private func event(_ type: String) throws(Problem) -> Event {
        func need<T>(_ value: T?, _ field: String) throws(Problem) -> T {
            guard let value else { throw .missing(field) }
            return value
        }
        switch type {
        case "session_started":
            return .sessionStarted(
                workshop: try need(workshop, "workshop"), version: try need(version, "version"),
                locale: try need(locale, "locale"))
        case "department_added":
            return .departmentAdded(id: try need(department, "department"), name: try need(name, "name"))
        case "participant_joined":
            return .participantJoined(name: try need(name, "name"), department: try need(department, "department"))
        case "participant_left":
            return .participantLeft(name: try need(name, "name"))
        case "stage_changed":
            return .stageChanged(from: try need(from, "from"), to: try need(to, "to"))
        case "stage_locked":
            return .stageLocked(stage: try need(stage, "stage"))
        case "stage_unlocked":
            return .stageUnlocked(stage: try need(stage, "stage"))
        case "stage_revealed":
            return .stageRevealed(stage: try need(stage, "stage"))
        case "timer_started":
            return .timerStarted(stage: try need(stage, "stage"), seconds: try need(seconds, "seconds"))
        case "rated":
            return .rated(
                rater: try need(rater, "rater").rater(), stage: try need(stage, "stage"), item: try need(item, "item"),
                value: try need(value, "value"))
        case "picked":
            return .picked(
                rater: try need(rater, "rater").rater(), stage: try need(stage, "stage"),
                option: try need(option, "option"))
        case "strategy_declared":
            return .strategyDeclared(department: try need(department, "department"), text: try need(text, "text"))
        case "knows_declared":
            return .knowsDeclared(department: try need(department, "department"), other: try need(other, "other"))
        case "shares_declared":
            return .sharesDeclared(department: try need(department, "department"), other: try need(other, "other"))
        case "note_added":
            return .noteAdded(stage: try need(stage, "stage"), text: try need(text, "text"))
        case "undone":
            return .undone(seq: try need(target, "target"))
        default:
            return .sessionEnded
        }
    }
}

extension EventLine.Who {
    init(kind: String, name: String? = nil, id: String? = nil) {
        self.kind = kind
        self.name = name
        self.id = id
    }

    init(_ rater: Rater) {
        switch rater {
        case .participant(let name): self.init(kind: "participant", name: name)
        case .department(let id): self.init(kind: "department", id: id)
        }
    }

    func actor() throws(EventLine.Problem) -> Actor {
        switch kind {
        case "facilitator": return .facilitator
        case "participant":
            guard let name else { throw .missing("actor.name") }
            return .participant(name)
        case nil: throw .missing("actor.kind")
        default: throw .badValue("actor.kind")
        }
    }

    func rater() throws(EventLine.Problem) -> Rater {
        switch kind {
        case "participant":
            guard let name else { throw .missing("rater.name") }
            return .participant(name)
        case "department":
            guard let id else { throw .missing("rater.id") }
            return .department(id)
        case nil: throw .missing("rater.kind")
        default: throw .badValue("rater.kind")
        }
    }
}
