import AtelierCore
import Foundation

/// An event and its actor in a few bytes: the `packed` column of the
/// `event_packs` table, the store's one table of events.
///
/// SQLite spends about as much time on each column of a row as on stepping
/// to it, so folding a million events from twelve typed columns cost about a
/// second in SQLite alone; a narrow table of small blobs is a fraction of
/// that. (Stores before version 4 also held typed columns; see `EventColumns`.)
///
/// Layout (docs/recording-format.md): one byte for the event schema
/// version, one for the kind (its code in `EventSchema`, which never changes
/// meaning), the actor (0 for the facilitator; 1 then the participant's
/// name), then the event's fields in the order `EventSchema` declares them.
/// Texts are a length (LEB128) and UTF-8 bytes; integers are zigzag LEB128;
/// a rater is 0 then a participant's name, or 1 then a department id.
/// Optional fields (after the required ones) are left out altogether when
/// all are absent; otherwise each is 0 (absent) or 1 followed by its value.
package enum PackedEvent {
    static func encode(_ event: Event, actor: Actor) -> [UInt8] {
        var bytes: [UInt8] = []
        encode(event, actor: actor, into: &bytes)
        return bytes
    }

    /// Packs into `bytes`, replacing what they held (keeping their room).
    package static func encode(_ event: Event, actor: Actor, into bytes: inout [UInt8]) {
        bytes.removeAll(keepingCapacity: true)
        append(event, actor: actor, to: &bytes)
    }

    /// Packs after what `bytes` hold (an import packs a batch of events into one buffer).
    package static func append(_ event: Event, actor: Actor, to bytes: inout [UInt8]) {
        let kind = EventSchema.kinds[event.kind]
        let values = event.values
        var out = PackWriter(bytes: bytes)
        bytes = []
        out.header(kind.code, actor)
        let required = kind.requiredCount
        // Optional fields: nothing at all when every one is absent (the bytes
        // of an event written before they existed), else 0 (absent) or 1 then
        // the value, for each.
        let withOptional = (required..<kind.fields.count).contains { values[$0] != nil }
        for index in kind.fields.indices where index < required || withOptional {
            if index >= required { out.presence(values[index] != nil) }
            switch values[index] {
            case .text(let text): out.text(text)
            case .integer(let value): out.integer(value)
            case .rater(let rater): out.rater(rater)
            case nil: break
            }
        }
        bytes = out.bytes
    }

    /// The actor and event these bytes hold; nil when they are not a whole,
    /// well-formed packed event (a damaged store).
    /// `names` keeps the texts already read, so that the names a session
    /// repeats (stages, items, participants) are made into strings once.
    package static func decode(_ bytes: UnsafeRawBufferPointer, names: NameCache) -> (actor: Actor, event: Event)? {
        var input = PackReader(bytes: bytes, names: names)
        guard let version = input.byte(), version <= RecordedEvent.schemaVersion, let code = input.byte(),
            let kind = EventSchema.kind(code: code), let actor = input.actor()
        else { return nil }
        var values = EventValues()
        for (index, field) in EventSchema.kinds[kind].fields.enumerated() {
            if field.optional {
                // None at all, or a presence byte before each.
                if index == EventSchema.kinds[kind].requiredCount, input.atEnd { break }
                guard let present = input.byte(), present <= 1 else { return nil }
                if present == 0 { continue }
            }
            switch field.type {
            case .text: values[index] = input.text().map(FieldValue.text)
            case .integer: values[index] = input.integer().map(FieldValue.integer)
            case .rater: values[index] = input.rater().map(FieldValue.rater)
            }
        }
        guard input.atEnd, let event = Event(kind: kind, values: values) else { return nil }
        return (actor, event)
    }

    /// The kind and version a packed event says it is, for the message about
    /// one that cannot be read (nil parts when even those bytes are missing).
    package static func label(_ bytes: UnsafeRawBufferPointer?) -> (kind: String, version: Int) {
        guard let bytes, bytes.count >= 1 else { return ("", 0) }
        let kind = bytes.count >= 2 ? EventSchema.kind(code: bytes[1]).map { EventSchema.kinds[$0].type } : nil
        return (kind ?? "", Int(bytes[0]))
    }
}

private struct PackWriter {
    var bytes: [UInt8]

    mutating func header(_ code: UInt8, _ actor: Actor) {
        // Room for a typical event in an empty buffer (an import's batch buffer grows as arrays do).
        if bytes.isEmpty { bytes.reserveCapacity(32) }
        bytes.append(UInt8(RecordedEvent.schemaVersion))
        bytes.append(code)
        if let name = actor.participantName {
            bytes.append(1)
            text(name)
        } else {
            bytes.append(0)
        }
    }

    mutating func presence(_ present: Bool) {
        bytes.append(present ? 1 : 0)
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
}

/// The short texts met so far, by their UTF-8 bytes: a small direct-mapped
/// table (a collision replaces the slot), so a repeated name costs a hash of
/// its bytes and a comparison instead of a new string (an allocation). Texts
/// of up to 15 bytes need no allocation and long ones (notes, strategies)
/// rarely repeat: neither is kept.
package final class NameCache {
    package init() {}

    private static let slots = 512
    private static let longest = 32
    private var keys = [[UInt8]](repeating: [], count: slots)
    private var values = [String](repeating: "", count: slots)

    package func string(_ utf8: UnsafeRawBufferPointer) -> String {
        // Up to 15 bytes, a string is held inline (no allocation): making it is cheaper than finding it.
        guard utf8.count > 15, utf8.count <= Self.longest else { return String(decoding: utf8, as: UTF8.self) }
        var hash: UInt32 = 2_166_136_261
        for byte in utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        let slot = Int(hash) & (Self.slots - 1)
        if keys[slot].count == utf8.count,
            keys[slot].withUnsafeBytes({ key in
                utf8.isEmpty || memcmp(key.baseAddress!, utf8.baseAddress!, key.count) == 0
            })
        {
            return values[slot]
        }
        let string = String(decoding: utf8, as: UTF8.self)
        keys[slot] = Array(utf8)
        values[slot] = string
        return string
    }
}
