import AtelierCore

/// One event as a JSON object: an explicit `type`, a schema version `v`, its
/// `seq`, `time` and `actor`, then the fields of its type, named and typed as
/// `EventSchema` declares them (docs/recording-format.md); JSONEncoder writes
/// the keys sorted. Decoding through JSONDecoder is the reader's fallback for
/// the lines `EventLineScanner` does not take, and the reference it is
/// checked against (`EventLineScannerTests`).
struct EventLine: Codable, Sendable {
    var seq: Int64?
    var time: Int64?
    var type: String?
    var v: Int?
    var actor: Who?
    /// The fields of the line's type, in the order `EventSchema` declares them.
    var fields: [Field?] = []

    enum Field: Sendable {
        case text(String)
        case integer(Int64)
        case who(Who)
    }

    /// A person or a department: `{"kind":"facilitator"}`,
    /// `{"kind":"participant","name":"ana"}`, `{"kind":"department","id":"marketing"}`.
    struct Who: Codable, Sendable {
        var kind: String?
        var name: String?
        var id: String?
    }

    /// A key of the line: the common ones, or a field's name from the schema.
    struct Key: CodingKey {
        let stringValue: String
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }

        static let seq = Key("seq")
        static let time = Key("time")
        static let type = Key("type")
        static let v = Key("v")
        static let actor = Key("actor")
    }

    /// Reads only the fields of the line's type (a line may hold others; they
    /// are ignored), so looking up a field never costs more than its type needs.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        seq = try container.decodeIfPresent(Int64.self, forKey: .seq)
        time = try container.decodeIfPresent(Int64.self, forKey: .time)
        type = try container.decodeIfPresent(String.self, forKey: .type)
        v = try container.decodeIfPresent(Int.self, forKey: .v)
        actor = try container.decodeIfPresent(Who.self, forKey: .actor)
        guard let kind = type.flatMap(EventSchema.kind(named:)) else { return }
        fields = try EventSchema.kinds[kind].fields.map { field throws -> Field? in
            let key = Key(field.name)
            switch field.type {
            case .text: return try container.decodeIfPresent(String.self, forKey: key).map(Field.text)
            case .integer: return try container.decodeIfPresent(Int64.self, forKey: key).map(Field.integer)
            case .rater: return try container.decodeIfPresent(Who.self, forKey: key).map(Field.who)
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
        let values = recorded.event.values
        fields = EventSchema.kinds[recorded.event.kind].fields.indices.map { index in
            switch values[index] {
            case .text(let text): return .text(text)
            case .integer(let value): return .integer(value)
            case .rater(let rater): return .who(Who(rater))
            case nil: return nil
            }
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encodeIfPresent(seq, forKey: .seq)
        try container.encodeIfPresent(time, forKey: .time)
        try container.encodeIfPresent(type, forKey: .type)
        try container.encodeIfPresent(v, forKey: .v)
        try container.encodeIfPresent(actor, forKey: .actor)
        guard let kind = type.flatMap(EventSchema.kind(named:)) else { return }
        for (field, value) in zip(EventSchema.kinds[kind].fields, fields) {
            let key = Key(field.name)
            switch value {
            case .text(let text): try container.encode(text, forKey: key)
            case .integer(let integer): try container.encode(integer, forKey: key)
            case .who(let who): try container.encode(who, forKey: key)
            case nil: break
            }
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
        guard let kind = EventSchema.kind(named: type) else { throw .unknownType(type) }
        guard v <= RecordedEvent.schemaVersion else { throw .newerVersion(v) }
        guard let seq else { throw .missing("seq") }
        guard let time else { throw .missing("time") }
        guard let actor else { throw .missing("actor") }
        let who = try actor.actor()
        var values = EventValues()
        for (index, field) in EventSchema.kinds[kind].fields.enumerated() {
            switch index < fields.count ? fields[index] : nil {
            case nil where field.optional: break
            case nil: throw .missing(field.name)
            case .text(let text): values[index] = .text(text)
            case .integer(let value): values[index] = .integer(value)
            case .who(let rater): values[index] = .rater(try rater.rater(field.name))
            }
        }
        guard let event = Event(kind: kind, values: values) else { throw .badValue(type) }
        return RecordedEvent(seq: seq, time: time, actor: who, event: event)
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

    /// The rater in field `field` (`rater`).
    func rater(_ field: String) throws(EventLine.Problem) -> Rater {
        switch kind {
        case "participant":
            guard let name else { throw .missing("\(field).name") }
            return .participant(name)
        case "department":
            guard let id else { throw .missing("\(field).id") }
            return .department(id)
        case nil: throw .missing("\(field).kind")
        default: throw .badValue("\(field).kind")
        }
    }
}
