import AtelierCore

/// An event and its actor in a few bytes: the `packed` column of the
/// `event_packs` table, which the fold reads instead of the typed columns
/// of `events`.
///
/// SQLite spends about as much time on each column of a row as on stepping
/// to it, so folding a million events from the twelve typed columns cost
/// about a second in SQLite alone; a narrow table of small blobs is a
/// fraction of that. The typed columns stay, written in the same
/// transaction from the same event, for queries and aggregation in SQL.
///
/// Layout (docs/recording-format.md): one byte for the event schema
/// version, one for the kind (the codes below never change meaning), the actor (0 for the facilitator; 1 then the
/// participant's name), then the event's fields in declaration order.
/// Texts are a length (LEB128) and UTF-8 bytes; integers are zigzag LEB128;
/// a rater is 0 then a participant's name, or 1 then a department id.
enum PackedEvent {
    enum Kind: UInt8 {
        case sessionStarted = 1
        case departmentAdded = 2
        case participantJoined = 3
        case participantLeft = 4
        case stageChanged = 5
        case stageLocked = 6
        case stageUnlocked = 7
        case stageRevealed = 8
        case timerStarted = 9
        case rated = 10
        case picked = 11
        case strategyDeclared = 12
        case knowsDeclared = 13
        case sharesDeclared = 14
        case noteAdded = 15
        case undone = 16
        case sessionEnded = 17
    }

    static func encode(_ event: Event, actor: Actor) -> [UInt8] {
        var out = PackWriter()
        switch event {
        case .sessionStarted(let workshop, let version, let locale):
            out.header(.sessionStarted, actor)
            out.text(workshop)
            out.integer(Int64(version))
            out.text(locale)
        case .departmentAdded(let id, let name):
            out.header(.departmentAdded, actor)
            out.text(id)
            out.text(name)
        case .participantJoined(let name, let department):
            out.header(.participantJoined, actor)
            out.text(name)
            out.text(department)
        case .participantLeft(let name):
            out.header(.participantLeft, actor)
            out.text(name)
        case .stageChanged(let from, let to):
            out.header(.stageChanged, actor)
            out.text(from)
            out.text(to)
        case .stageLocked(let stage):
            out.header(.stageLocked, actor)
            out.text(stage)
        case .stageUnlocked(let stage):
            out.header(.stageUnlocked, actor)
            out.text(stage)
        case .stageRevealed(let stage):
            out.header(.stageRevealed, actor)
            out.text(stage)
        case .timerStarted(let stage, let seconds):
            out.header(.timerStarted, actor)
            out.text(stage)
            out.integer(Int64(seconds))
        case .rated(let rater, let stage, let item, let value):
            out.header(.rated, actor)
            out.rater(rater)
            out.text(stage)
            out.text(item)
            out.integer(Int64(value))
        case .picked(let rater, let stage, let option):
            out.header(.picked, actor)
            out.rater(rater)
            out.text(stage)
            out.text(option)
        case .strategyDeclared(let department, let text):
            out.header(.strategyDeclared, actor)
            out.text(department)
            out.text(text)
        case .knowsDeclared(let department, let other):
            out.header(.knowsDeclared, actor)
            out.text(department)
            out.text(other)
        case .sharesDeclared(let department, let other):
            out.header(.sharesDeclared, actor)
            out.text(department)
            out.text(other)
        case .noteAdded(let stage, let text):
            out.header(.noteAdded, actor)
            out.text(stage)
            out.text(text)
        case .undone(let seq):
            out.header(.undone, actor)
            out.integer(seq)
        case .sessionEnded:
            out.header(.sessionEnded, actor)
        }
        return out.bytes
    }

    /// The actor and event these bytes hold; nil when they are not a whole,
    /// well-formed packed event (a damaged store).
    /// `names` keeps the texts already read, so that the names a session
    /// repeats (stages, items, participants) are made into strings once.
    static func decode(_ bytes: UnsafeRawBufferPointer, names: NameCache) -> (actor: Actor, event: Event)? {
        var input = PackReader(bytes: bytes, names: names)
        guard let version = input.byte(), version <= RecordedEvent.schemaVersion, let code = input.byte(),
            let kind = Kind(rawValue: code), let actor = input.actor(),
            let event = input.event(kind), input.atEnd
        else { return nil }
        return (actor, event)
    }
}

private struct PackWriter {
    var bytes: [UInt8] = []

    mutating func header(_ kind: PackedEvent.Kind, _ actor: Actor) {
        bytes.reserveCapacity(32)
        bytes.append(UInt8(RecordedEvent.schemaVersion))
        bytes.append(kind.rawValue)
        if let name = actor.participantName {
            bytes.append(1)
            text(name)
        } else {
            bytes.append(0)
        }
    }

    mutating func rater(_ rater: Rater) {
        switch rater {
        case .participant(let name):
            bytes.append(0)
            text(name)
        case .department(let id):
            bytes.append(1)
            text(id)
        }
    }

    mutating func text(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            unsigned(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func integer(_ value: Int64) {
        unsigned(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    private mutating func unsigned(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }
}

private struct PackReader {
    let bytes: UnsafeRawBufferPointer
    let names: NameCache
    var offset = 0

    var atEnd: Bool { offset == bytes.count }

    mutating func byte() -> UInt8? {
        guard offset < bytes.count else { return nil }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func unsigned() -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while let byte = byte() {
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
            guard shift < 64 else { return nil }
        }
        return nil
    }

    mutating func integer() -> Int64? {
        guard let raw = unsigned() else { return nil }
        return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }

    mutating func int() -> Int? {
        integer().flatMap { Int(exactly: $0) }
    }

    mutating func text() -> String? {
        guard let count = unsigned(), count <= UInt64(bytes.count - offset) else { return nil }
        let start = offset
        offset += Int(count)
        return names.string(UnsafeRawBufferPointer(rebasing: bytes[start..<offset]))
    }

    mutating func actor() -> Actor? {
        switch byte() {
        case 0: return .facilitator
        case 1: return text().map(Actor.participant)
        default: return nil
        }
    }

    mutating func rater() -> Rater? {
        switch byte() {
        case 0: return text().map(Rater.participant)
        case 1: return text().map(Rater.department)
        default: return nil
        }
    }

    mutating func event(_ kind: PackedEvent.Kind) -> Event? {
        switch kind {
        case .sessionStarted:
            guard let workshop = text(), let version = int(), let locale = text() else { return nil }
            return .sessionStarted(workshop: workshop, version: version, locale: locale)
        case .departmentAdded:
            guard let id = text(), let name = text() else { return nil }
            return .departmentAdded(id: id, name: name)
        case .participantJoined:
            guard let name = text(), let department = text() else { return nil }
            return .participantJoined(name: name, department: department)
        case .participantLeft:
            return text().map { .participantLeft(name: $0) }
        case .stageChanged:
            guard let from = text(), let to = text() else { return nil }
            return .stageChanged(from: from, to: to)
        case .stageLocked:
            return text().map { .stageLocked(stage: $0) }
        case .stageUnlocked:
            return text().map { .stageUnlocked(stage: $0) }
        case .stageRevealed:
            return text().map { .stageRevealed(stage: $0) }
        case .timerStarted:
            guard let stage = text(), let seconds = int() else { return nil }
            return .timerStarted(stage: stage, seconds: seconds)
        case .rated:
            guard let rater = rater(), let stage = text(), let item = text(), let value = int() else { return nil }
            return .rated(rater: rater, stage: stage, item: item, value: value)
        case .picked:
            guard let rater = rater(), let stage = text(), let option = text() else { return nil }
            return .picked(rater: rater, stage: stage, option: option)
        case .strategyDeclared:
            guard let department = text(), let text = text() else { return nil }
            return .strategyDeclared(department: department, text: text)
        case .knowsDeclared:
            guard let department = text(), let other = text() else { return nil }
            return .knowsDeclared(department: department, other: other)
        case .sharesDeclared:
            guard let department = text(), let other = text() else { return nil }
            return .sharesDeclared(department: department, other: other)
        case .noteAdded:
            guard let stage = text(), let text = text() else { return nil }
            return .noteAdded(stage: stage, text: text)
        case .undone:
            return integer().map { .undone(seq: $0) }
        case .sessionEnded:
            return .sessionEnded
        }
    }
}

/// The short texts met so far, by their UTF-8 bytes: a small direct-mapped
/// table (a collision replaces the slot), so a repeated name costs a hash of
/// its bytes and a comparison instead of a new string. Long texts (notes,
/// strategies) are not kept.
final class NameCache {
    private static let slots = 512
    private static let longest = 32
    private var keys = [[UInt8]](repeating: [], count: slots)
    private var values = [String](repeating: "", count: slots)

    func string(_ utf8: UnsafeRawBufferPointer) -> String {
        guard utf8.count <= Self.longest else { return String(decoding: utf8, as: UTF8.self) }
        var hash: UInt32 = 2_166_136_261
        for byte in utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        let slot = Int(hash) & (Self.slots - 1)
        if keys[slot].elementsEqual(utf8) { return values[slot] }
        let string = String(decoding: utf8, as: UTF8.self)
        keys[slot] = Array(utf8)
        values[slot] = string
        return string
    }
}
