/// The one declaration of every event kind: its `type` name, its packed
/// code, and its fields (name and type) in their stable order. The JSON line
/// of a recording (keys, and what each must hold), the fast line scanner, the
/// packed form of the store and the list of types a reader knows are all
/// read from this table (docs/recording-format.md); `Event.values` and
/// `Event(kind:values:)` below are the one mapping between an event and its
/// fields. Adding a kind is one entry here, its case in `Event` and in those
/// two switches, then its `apply` (and its rule in `decide`).
public enum EventSchema {
    /// Every kind, in the order of `Event.kind`.
    public static let kinds: [EventKind] = declared.map { kind in
        EventKind(kind, nameIndexes: kind.fields.map { field in fieldNames.firstIndex(of: field.name)! })
    }

    private static let declared: [EventKind] = [
        EventKind(
            "session_started", code: 1, ("workshop", .text), ("version", .integer), ("locale", .text),
            optional: [
                ("criteria", .text), ("workshop_digest", .text), ("anonymous", .integer), ("min_group", .integer),
            ]),
        EventKind("department_added", code: 2, ("department", .text), ("name", .text)),
        EventKind("participant_joined", code: 3, ("name", .text), ("department", .text)),
        EventKind("participant_left", code: 4, ("name", .text)),
        EventKind("stage_changed", code: 5, ("from", .text), ("to", .text)),
        EventKind("stage_locked", code: 6, ("stage", .text)),
        EventKind("stage_unlocked", code: 7, ("stage", .text)),
        EventKind("stage_revealed", code: 8, ("stage", .text)),
        EventKind("timer_started", code: 9, ("stage", .text), ("seconds", .integer)),
        EventKind("rated", code: 10, ("rater", .rater), ("stage", .text), ("item", .text), ("value", .integer)),
        EventKind("picked", code: 11, ("rater", .rater), ("stage", .text), ("option", .text)),
        EventKind("strategy_declared", code: 12, ("department", .text), ("text", .text)),
        EventKind("knows_declared", code: 13, ("department", .text), ("other", .text)),
        EventKind("shares_declared", code: 14, ("department", .text), ("other", .text)),
        EventKind("note_added", code: 15, ("stage", .text), ("text", .text)),
        EventKind("undone", code: 16, ("target", .integer)),
        EventKind("session_ended", code: 17),
        EventKind("round_started", code: 18, ("stage", .text), ("round", .integer)),
    ]

    /// The `type` names, in the table's order.
    public static let types = kinds.map(\.type)

    /// Every field name any kind uses, each once, in order of first use. A
    /// name has one type whatever the kind (checked by `EventSchemaTests`),
    /// so a reader can tell a field's type from its name alone.
    public static let fieldNames: [String] = {
        var names: [String] = []
        for kind in declared {
            for field in kind.fields where !names.contains(field.name) { names.append(field.name) }
        }
        return names
    }()

    /// The type of each name of `fieldNames`, at the same index.
    public static let fieldTypes: [FieldType] = fieldNames.map { name in
        declared.lazy.flatMap(\.fields).first { $0.name == name }!.type
    }

    /// The index in `kinds` of a `type` name.
    public static func kind(named type: String) -> Int? {
        kinds.firstIndex { $0.type == type }
    }

    /// The index in `kinds` of a packed code.
    public static func kind(code: UInt8) -> Int? {
        let kind = byCode[Int(code)]
        return kind < 0 ? nil : kind
    }

    private static let byCode: [Int] = (0...255).map { code in
        declared.firstIndex { $0.code == code } ?? -1
    }
}

/// What a field holds.
public enum FieldType: Sendable, Hashable {
    /// A string.
    case text
    /// A whole number (64 bits).
    case integer
    /// Who an answer belongs to: a participant or a department.
    case rater
}

/// A field's value.
public enum FieldValue: Sendable, Hashable {
    case text(String)
    case integer(Int64)
    case rater(Rater)

    public var type: FieldType {
        switch self {
        case .text: return .text
        case .integer: return .integer
        case .rater: return .rater
        }
    }
}

/// One field of an event kind.
public struct EventField: Sendable, Hashable {
    public let name: String
    public let type: FieldType
    /// Its index in `EventSchema.fieldNames`.
    public let nameIndex: Int
    /// An optional field comes after every required one; a line or a pack
    /// without it reads as nil, and nil is written as nothing at all, so the
    /// events written before the field existed keep their exact bytes.
    public var optional = false
}

/// One kind of event: its `type` name, its packed code (never reused) and its fields in order.
public struct EventKind: Sendable {
    public let type: String
    public let code: UInt8
    public let fields: [EventField]

    init(_ type: String, code: UInt8, _ fields: (String, FieldType)..., optional: [(String, FieldType)] = []) {
        self.type = type
        self.code = code
        // Name indexes are set once every kind is declared (`EventSchema.kinds`).
        self.fields =
            fields.map { EventField(name: $0.0, type: $0.1, nameIndex: -1) }
            + optional.map { EventField(name: $0.0, type: $0.1, nameIndex: -1, optional: true) }
    }

    init(_ kind: EventKind, nameIndexes: [Int]) {
        type = kind.type
        code = kind.code
        fields = zip(kind.fields, nameIndexes).map {
            EventField(name: $0.name, type: $0.type, nameIndex: $1, optional: $0.optional)
        }
    }

    /// How many fields every event of this kind holds (the optional ones come after).
    public var requiredCount: Int { fields.count { !$0.optional } }
}

/// The fields of one event, in its kind's order: at most eight, kept inline
/// (no allocation per event).
public struct EventValues: Sendable, Hashable {
    public static let capacity = 8
    private var first, second, third, fourth, fifth, sixth, seventh, eighth: FieldValue?

    public init() {}

    public subscript(index: Int) -> FieldValue? {
        get {
            switch index {
            case 0: return first
            case 1: return second
            case 2: return third
            case 3: return fourth
            case 4: return fifth
            case 5: return sixth
            case 6: return seventh
            default: return eighth
            }
        }
        set {
            switch index {
            case 0: first = newValue
            case 1: second = newValue
            case 2: third = newValue
            case 3: fourth = newValue
            case 4: fifth = newValue
            case 5: sixth = newValue
            case 6: seventh = newValue
            default: eighth = newValue
            }
        }
    }
}

extension Event {
    /// Its index in `EventSchema.kinds`.
    public var kind: Int {
        switch self {
        case .sessionStarted: return 0
        case .departmentAdded: return 1
        case .participantJoined: return 2
        case .participantLeft: return 3
        case .stageChanged: return 4
        case .stageLocked: return 5
        case .stageUnlocked: return 6
        case .stageRevealed: return 7
        case .timerStarted: return 8
        case .rated: return 9
        case .picked: return 10
        case .strategyDeclared: return 11
        case .knowsDeclared: return 12
        case .sharesDeclared: return 13
        case .noteAdded: return 14
        case .undone: return 15
        case .sessionEnded: return 16
        case .roundStarted: return 17
        }
    }

    /// Its fields, in the order its kind declares them.
    public var values: EventValues {
        var values = EventValues()
        func set(_ fields: FieldValue...) {
            for (index, field) in fields.enumerated() { values[index] = field }
        }
        switch self {
        case .sessionStarted(
            let workshop, let version, let locale, let criteria, let digest, let anonymous, let minGroup):
            set(.text(workshop), .integer(Int64(version)), .text(locale))
            values[3] = criteria.map(FieldValue.text)
            values[4] = digest.map(FieldValue.text)
            values[5] = anonymous ? .integer(1) : nil
            values[6] = minGroup.map { .integer(Int64($0)) }
        case .departmentAdded(let id, let name): set(.text(id), .text(name))
        case .participantJoined(let name, let department): set(.text(name), .text(department))
        case .participantLeft(let name): set(.text(name))
        case .stageChanged(let from, let to): set(.text(from), .text(to))
        case .stageLocked(let stage), .stageUnlocked(let stage), .stageRevealed(let stage): set(.text(stage))
        case .timerStarted(let stage, let seconds): set(.text(stage), .integer(Int64(seconds)))
        case .rated(let rater, let stage, let item, let value):
            set(.rater(rater), .text(stage), .text(item), .integer(Int64(value)))
        case .picked(let rater, let stage, let option): set(.rater(rater), .text(stage), .text(option))
        case .strategyDeclared(let department, let text): set(.text(department), .text(text))
        case .knowsDeclared(let department, let other), .sharesDeclared(let department, let other):
            set(.text(department), .text(other))
        case .noteAdded(let stage, let text): set(.text(stage), .text(text))
        case .undone(let seq): set(.integer(seq))
        case .sessionEnded: break
        case .roundStarted(let stage, let round): set(.text(stage), .integer(Int64(round)))
        }
        return values
    }

    /// The event of kind `kind` (an index in `EventSchema.kinds`) with these
    /// fields; nil when one is missing or of the wrong type.
    public init?(kind: Int, values: EventValues) {
        func text(_ index: Int) -> String? {
            if case .text(let text) = values[index] { return text }
            return nil
        }
        func integer(_ index: Int) -> Int? {
            if case .integer(let value) = values[index] { return Int(exactly: value) }
            return nil
        }
        func rater(_ index: Int) -> Rater? {
            if case .rater(let rater) = values[index] { return rater }
            return nil
        }
        switch kind {
        case 0:
            guard let workshop = text(0), let version = integer(1), let locale = text(2) else { return nil }
            self = .sessionStarted(
                workshop: workshop, version: version, locale: locale, criteria: text(3), workshopDigest: text(4),
                anonymous: integer(5) == 1, minGroup: integer(6))
        case 1:
            guard let id = text(0), let name = text(1) else { return nil }
            self = .departmentAdded(id: id, name: name)
        case 2:
            guard let name = text(0), let department = text(1) else { return nil }
            self = .participantJoined(name: name, department: department)
        case 3:
            guard let name = text(0) else { return nil }
            self = .participantLeft(name: name)
        case 4:
            guard let from = text(0), let to = text(1) else { return nil }
            self = .stageChanged(from: from, to: to)
        case 5, 6, 7:
            guard let stage = text(0) else { return nil }
            switch kind {
            case 5: self = .stageLocked(stage: stage)
            case 6: self = .stageUnlocked(stage: stage)
            default: self = .stageRevealed(stage: stage)
            }
        case 8:
            guard let stage = text(0), let seconds = integer(1) else { return nil }
            self = .timerStarted(stage: stage, seconds: seconds)
        case 9:
            guard let rater = rater(0), let stage = text(1), let item = text(2), let value = integer(3) else {
                return nil
            }
            self = .rated(rater: rater, stage: stage, item: item, value: value)
        case 10:
            guard let rater = rater(0), let stage = text(1), let option = text(2) else { return nil }
            self = .picked(rater: rater, stage: stage, option: option)
        case 11:
            guard let department = text(0), let text = text(1) else { return nil }
            self = .strategyDeclared(department: department, text: text)
        case 12, 13:
            guard let department = text(0), let other = text(1) else { return nil }
            self =
                kind == 12
                ? .knowsDeclared(department: department, other: other)
                : .sharesDeclared(department: department, other: other)
        case 14:
            guard let stage = text(0), let text = text(1) else { return nil }
            self = .noteAdded(stage: stage, text: text)
        case 15:
            guard case .integer(let seq) = values[0] else { return nil }
            self = .undone(seq: seq)
        case 16:
            self = .sessionEnded
        case 17:
            guard let stage = text(0), let round = integer(1) else { return nil }
            self = .roundStarted(stage: stage, round: round)
        default:
            return nil
        }
    }
}
