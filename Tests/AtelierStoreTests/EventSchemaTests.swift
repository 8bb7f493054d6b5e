import AtelierCore
import Foundation
import Testing

@testable import AtelierStore

/// The one declaration of event kinds (`EventSchema`) and the forms derived
/// from it: every kind once, and each form holding exactly its fields.
@Suite struct EventSchemaTests {
    @Test func everyKindIsDeclaredOnceWithItsCode() {
        let kinds = EventSchema.kinds
        #expect(kinds.count == 18)
        #expect(Set(kinds.map(\.type)).count == kinds.count)
        #expect(kinds.map(\.code) == Array(1...18))
        #expect(EventSchema.types.first == "session_started" && EventSchema.types.last == "round_started")
        for (index, kind) in kinds.enumerated() {
            #expect(EventSchema.kind(named: kind.type) == index)
            #expect(EventSchema.kind(code: kind.code) == index)
            #expect(kind.fields.count <= EventValues.capacity)
            // The optional fields come after every required one.
            let flags = kind.fields.map(\.optional)
            #expect(flags == flags.sorted { !$0 && $1 })
            for field in kind.fields {
                // A name has one type whatever the kind, so a reader knows it from the name.
                #expect(EventSchema.fieldNames[field.nameIndex] == field.name)
                #expect(EventSchema.fieldTypes[field.nameIndex] == field.type, "\(kind.type).\(field.name)")
            }
        }
        #expect(EventSchema.kind(code: 0) == nil && EventSchema.kind(code: 19) == nil)
        #expect(EventSchema.kind(named: "note_edited") == nil)
    }

    /// Each event's kind is the schema's entry of its type, its values come
    /// back as the same event, and its JSON line holds exactly the common
    /// keys and its kind's fields.
    @Test func everyFormHoldsTheDeclaredFields() throws {
        let writer = RecordingWriter()
        var seen = Set<Int>()
        for (actor, event) in PackedEventTests.events {
            let kind = EventSchema.kinds[event.kind]
            seen.insert(event.kind)
            #expect(Event(kind: event.kind, values: event.values) == event)
            #expect(Event(kind: (event.kind + 1) % EventSchema.kinds.count, values: event.values) != event)
            let line = writer.event(RecordedEvent(seq: 2, time: 3, actor: actor, event: event))
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            // An absent optional field is no key at all.
            let held = kind.fields.enumerated().filter { !$1.optional || event.values[$0] != nil }.map(\.element.name)
            #expect(Set(object.keys) == Set(["seq", "time", "type", "v", "actor"] + held))
            #expect(object["type"] as? String == kind.type)
            let packed = PackedEvent.encode(event, actor: actor)
            #expect(packed[0] == 1 && packed[1] == kind.code)
        }
        #expect(seen.count == EventSchema.kinds.count)
    }
}
