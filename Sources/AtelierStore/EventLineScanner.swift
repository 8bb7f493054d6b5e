import AtelierCore
import Foundation

/// Reads an event line straight from its bytes into a `RecordedEvent`.
///
/// Event lines are flat JSON objects with known keys (`EventSchema`), so a
/// line is read in one pass, without JSONDecoder's containers. The scanner
/// takes only the lines it is sure of: one JSON object whose keys are the
/// schema's, each once, holding strings without escapes, integers of at most
/// 18 digits, or `actor`/rater objects of such strings; a known `type`, a `v`
/// this atelier reads and every field the type needs. For anything else
/// (an escape, an unknown key, a number in another form, a broken line...)
/// it returns nil and the reader decodes the line with JSONDecoder
/// (`EventLine`), which gives the same event or says what is wrong, so
/// both ways give the same result (`EventLineScannerTests` checks it).
struct EventLineScanner {
    private let names = NameCache()
    /// The values of the keys seen in the current line, by key number.
    private var texts: [String?]
    private var integers: [Int64]
    private var whos: [ScannedWho?]
    private var seen: UInt64 = 0

    /// Key numbers: the common keys, then `EventSchema.fieldNames` from `firstField`.
    private static let seq = 0
    private static let time = 1
    private static let type = 2
    private static let v = 3
    private static let actor = 4
    private static let firstField = 5
    private static let keys: [[UInt8]] =
        ["seq", "time", "type", "v", "actor"].map { Array($0.utf8) } + EventSchema.fieldNames.map { Array($0.utf8) }
    /// What each key holds.
    private static let forms: [FieldType] =
        [.integer, .integer, .text, .integer, .rater] + EventSchema.fieldTypes
    private static let typeNames: [[UInt8]] = EventSchema.types.map { Array($0.utf8) }
    private static let kind = Array("kind".utf8)
    private static let name = Array("name".utf8)
    private static let whoKinds: [(bytes: [UInt8], kind: ScannedWho.Kind)] = [
        (Array("participant".utf8), .participant), (Array("department".utf8), .department),
        (Array("facilitator".utf8), .facilitator),
    ]
    /// Ratings and picks, nearly all of a long session, are built straight
    /// from their keys (`answer`); the other kinds through the schema's fields.
    private let answers = AnswerKeys()

    init() {
        texts = Array(repeating: nil, count: Self.keys.count)
        integers = Array(repeating: 0, count: Self.keys.count)
        whos = Array(repeating: nil, count: Self.keys.count)
    }

    /// The event the line holds, or nil when the scanner does not take the
    /// line (the reader then decodes it with JSONDecoder).
    mutating func scan(_ line: UnsafeBufferPointer<UInt8>) -> RecordedEvent? {
        seen = 0
        var kind = -1
        var input = ByteInput(bytes: line)
        input.skipSpace()
        guard input.take(UInt8(ascii: "{")) else { return nil }
        while true {
            input.skipSpace()
            guard let keyBytes = input.plainString(), let key = Self.key(keyBytes) else { return nil }
            let bit: UInt64 = 1 << UInt64(key)
            guard seen & bit == 0 else { return nil }
            seen |= bit
            input.skipSpace()
            guard input.take(UInt8(ascii: ":")) else { return nil }
            input.skipSpace()
            if key == Self.type {
                guard let bytes = input.plainString(),
                    let found = Self.typeNames.firstIndex(where: { $0.count == bytes.count && same(bytes, $0) })
                else { return nil }
                kind = found
            } else {
                switch Self.forms[key] {
                case .integer:
                    guard let value = input.integer() else { return nil }
                    integers[key] = value
                case .text:
                    guard let bytes = input.plainString(), let text = text(bytes) else { return nil }
                    texts[key] = text
                case .rater:
                    guard let who = who(&input) else { return nil }
                    whos[key] = who
                }
            }
            input.skipSpace()
            if input.take(UInt8(ascii: ",")) { continue }
            guard input.take(UInt8(ascii: "}")) else { return nil }
            break
        }
        input.skipSpace()
        guard input.atEnd else { return nil }
        return event(kind)
    }

    /// The event from the keys read; nil when one is missing or wrong.
    private func event(_ kind: Int) -> RecordedEvent? {
        let common: UInt64 = 0b11111
        guard kind >= 0, seen & common == common, integers[Self.v] <= Int64(RecordedEvent.schemaVersion),
            let actor = whos[Self.actor]?.actor
        else { return nil }
        if kind == answers.rated || kind == answers.picked {
            return answer(kind).map {
                RecordedEvent(seq: integers[Self.seq], time: integers[Self.time], actor: actor, event: $0)
            }
        }
        var values = EventValues()
        for (index, field) in EventSchema.kinds[kind].fields.enumerated() {
            let key = Self.firstField + field.nameIndex
            guard seen & (1 << UInt64(key)) != 0 else {
                if field.optional { continue }
                return nil
            }
            switch field.type {
            case .text: values[index] = texts[key].map(FieldValue.text)
            case .integer: values[index] = .integer(integers[key])
            case .rater:
                guard let rater = whos[key]?.rater else { return nil }
                values[index] = .rater(rater)
            }
        }
        guard let event = Event(kind: kind, values: values) else { return nil }
        return RecordedEvent(seq: integers[Self.seq], time: integers[Self.time], actor: actor, event: event)
    }

    /// A rating or a pick from its keys, as `Event(kind:values:)` makes it
    /// from the schema's fields (`EventLineScannerTests` checks they agree).
    private func answer(_ kind: Int) -> Event? {
        let keys = answers
        let needed = kind == keys.rated ? keys.ratedKeys : keys.pickedKeys
        guard seen & needed == needed, let rater = whos[keys.rater]?.rater, let stage = texts[keys.stage] else {
            return nil
        }
        if kind == keys.rated {
            guard let item = texts[keys.item], let value = Int(exactly: integers[keys.value]) else { return nil }
            return .rated(rater: rater, stage: stage, item: item, value: value)
        }
        guard let option = texts[keys.option] else { return nil }
        return .picked(rater: rater, stage: stage, option: option)
    }

    /// The key numbers of the fields of `rated` and `picked`.
    private struct AnswerKeys {
        let rated = EventSchema.kind(named: "rated")!
        let picked = EventSchema.kind(named: "picked")!
        let rater = AnswerKeys.key("rater")
        let stage = AnswerKeys.key("stage")
        let item = AnswerKeys.key("item")
        let value = AnswerKeys.key("value")
        let option = AnswerKeys.key("option")
        /// The bits (in `seen`) of the keys each needs.
        let ratedKeys: UInt64
        let pickedKeys: UInt64

        init() {
            ratedKeys = 1 << UInt64(rater) | 1 << UInt64(stage) | 1 << UInt64(item) | 1 << UInt64(value)
            pickedKeys = 1 << UInt64(rater) | 1 << UInt64(stage) | 1 << UInt64(option)
        }

        private static func key(_ name: String) -> Int {
            EventLineScanner.firstField + EventSchema.fieldNames.firstIndex(of: name)!
        }
    }

    private static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = bytes.first, bytes.count < 16, first < 128 else { return nil }
        for index in candidates[bytes.count << 7 | Int(first)] where same(bytes, keys[index]) { return index }
        return nil
    }

    /// The keys by length and first byte (`length << 7 | byte`): one or two
    /// candidates to compare instead of every key.
    private static let candidates: [[Int]] = {
        var table = [[Int]](repeating: [], count: 16 << 7)
        for (index, key) in keys.enumerated() where key.count < 16 && key[0] < 128 {
            table[key.count << 7 | Int(key[0])].append(index)
        }
        return table
    }()

    /// A string's bytes as text: nil when they are not UTF-8.
    private func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        if bytes.contains(where: { $0 >= 0x80 }) {
            return String(validating: bytes, as: UTF8.self)
        }
        return names.string(UnsafeRawBufferPointer(bytes))
    }

    /// `{"kind":"...","name":"...","id":"..."}`, keys in any order, each at most once.
    private func who(_ input: inout ByteInput) -> ScannedWho? {
        guard input.take(UInt8(ascii: "{")) else { return nil }
        var who = ScannedWho()
        var seen = 0
        input.skipSpace()
        if input.take(UInt8(ascii: "}")) { return who }
        while true {
            input.skipSpace()
            guard let key = input.plainString() else { return nil }
            input.skipSpace()
            guard input.take(UInt8(ascii: ":")) else { return nil }
            input.skipSpace()
            guard let bytes = input.plainString() else { return nil }
            let bit: Int
            switch (key.count, key.first) {
            case (4, UInt8(ascii: "k")) where same(key, Self.kind):
                // A kind is one of three words, told apart without making a string.
                guard let known = Self.whoKinds.first(where: { $0.bytes.count == bytes.count && same(bytes, $0.bytes) })
                else { return nil }
                bit = 1
                who.kind = known.kind
            case (4, UInt8(ascii: "n")) where same(key, Self.name):
                guard let value = text(bytes) else { return nil }
                bit = 2
                who.name = value
            case (2, UInt8(ascii: "i")) where key[1] == UInt8(ascii: "d"):
                guard let value = text(bytes) else { return nil }
                bit = 4
                who.id = value
            default:
                return nil
            }
            guard seen & bit == 0 else { return nil }
            seen |= bit
            input.skipSpace()
            if input.take(UInt8(ascii: ",")) { continue }
            guard input.take(UInt8(ascii: "}")) else { return nil }
            return who
        }
    }
}

/// Whether `bytes` are those of `key` (of the same count).
private func same(_ bytes: UnsafeBufferPointer<UInt8>, _ key: [UInt8]) -> Bool {
    key.withUnsafeBufferPointer { key in memcmp(bytes.baseAddress!, key.baseAddress!, key.count) == 0 }
}

/// An `actor` or rater object as read; what it means is decided as
/// `EventLine.Who` decides it.
/// (A `kind` other than these three words is left to JSONDecoder.)
private struct ScannedWho {
    enum Kind { case facilitator, participant, department }

    var kind: Kind?
    var name: String?
    var id: String?

    var actor: Actor? {
        switch kind {
        case .facilitator: return .facilitator
        case .participant: return name.map(Actor.participant)
        default: return nil
        }
    }

    var rater: Rater? {
        switch kind {
        case .participant: return name.map(Rater.participant)
        case .department: return id.map(Rater.department)
        default: return nil
        }
    }
}

/// The bytes of a line, read from the front.
private struct ByteInput {
    let bytes: UnsafeBufferPointer<UInt8>
    var offset = 0

    var atEnd: Bool { offset == bytes.count }

    mutating func skipSpace() {
        while offset < bytes.count {
            let byte = bytes[offset]
            guard byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A else { return }
            offset += 1
        }
    }

    mutating func take(_ byte: UInt8) -> Bool {
        guard offset < bytes.count, bytes[offset] == byte else { return false }
        offset += 1
        return true
    }

    /// A string without escapes or control characters: the bytes between
    /// its quotes; nil for anything else (left to JSONDecoder).
    mutating func plainString() -> UnsafeBufferPointer<UInt8>? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = offset
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                defer { offset += 1 }
                return UnsafeBufferPointer(rebasing: bytes[start..<offset])
            }
            guard byte >= 0x20, byte != UInt8(ascii: "\\") else { return nil }
            offset += 1
        }
        return nil
    }

    /// An integer in JSON's plain form (`0`, `-12`, `1795314666154`), at
    /// most 18 digits; nil for anything else (a fraction, an exponent, `-0`,
    /// a leading zero), left to JSONDecoder.
    mutating func integer() -> Int64? {
        let negative = take(UInt8(ascii: "-"))
        let start = offset
        var value: Int64 = 0
        while offset < bytes.count, bytes[offset] >= 0x30, bytes[offset] <= 0x39 {
            guard offset - start < 18 else { return nil }
            value = value * 10 + Int64(bytes[offset] - 0x30)
            offset += 1
        }
        let digits = offset - start
        guard digits > 0, digits == 1 || bytes[start] != 0x30, !(negative && value == 0) else { return nil }
        if offset < bytes.count {
            let next = bytes[offset]
            guard next != UInt8(ascii: "."), next != UInt8(ascii: "e"), next != UInt8(ascii: "E") else { return nil }
        }
        return negative ? -value : value
    }
}
