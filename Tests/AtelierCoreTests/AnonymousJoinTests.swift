import AtelierCore
import AtelierTestFixtures
import Testing

/// An anonymous session records pseudonyms (`marketing#2`), never typed names.
@Suite struct AnonymousJoinTests {
    func session(anonymous: Bool = true) throws -> SessionState {
        var state = SessionState(id: "s", workshop: try Fixtures.workshop("coping-patterns"))
        state.apply(
            RecordedEvent(
                seq: 1, time: 1, actor: .facilitator,
                event: .sessionStarted(
                    workshop: "coping-patterns", version: 1, locale: "en", anonymous: anonymous, minGroup: 3)))
        for id in ["marketing", "legal"] {
            try state.execute(Command(actor: .facilitator, action: .addDepartment(id: id, name: id), time: 2))
        }
        return state
    }

    func join(_ state: inout SessionState, _ name: String, _ department: String) throws -> [RecordedEvent] {
        try state.execute(
            Command(actor: .participant(name), action: .join(name: name, department: department), time: 3))
    }

    @Test func eachJoinRecordsTheDepartmentsNextNumberUnderItsOwnName() throws {
        var state = try session()
        #expect(state.anonymous && state.minGroup == 3)
        #expect(
            try join(&state, "Ana", "marketing").map(\.event) == [
                .participantJoined(name: "marketing#1", department: "marketing")
            ])
        let second = try join(&state, "Bo", "Marketing")
        #expect(second.map(\.event) == [.participantJoined(name: "marketing#2", department: "marketing")])
        #expect(second.map(\.actor) == [.participant("marketing#2")])
        #expect(
            try join(&state, "Ana", "legal").map(\.event) == [.participantJoined(name: "legal#1", department: "legal")])
        #expect(state.participantOrder == ["marketing#1", "marketing#2", "legal#1"])
        // The pseudonym answers; the typed name is nobody.
        #expect(throws: DomainError.self) {
            try state.execute(
                Command(actor: .participant("Ana"), action: .rate(who: "Ana", item: nil, value: 2), time: 4))
        }
    }

    @Test func comingBackKeepsThePseudonymAndOneCannotBeTyped() throws {
        var state = try session()
        _ = try join(&state, "Ana", "marketing")
        try state.execute(Command(actor: .participant("marketing#1"), action: .leave(name: "marketing#1"), time: 4))
        #expect(
            try join(&state, "marketing#1", "marketing").map(\.event) == [
                .participantJoined(name: "marketing#1", department: "marketing")
            ])
        #expect(state.participants["marketing#1"]?.joins == 2)
        #expect(throws: DomainError.invalidName("legal#4")) { _ = try join(&state, "legal#4", "legal") }
        #expect(throws: DomainError.invalidName("a  b")) { _ = try join(&state, "a  b", "legal") }
        #expect(throws: DomainError.nameIsDepartment("legal")) { _ = try join(&state, "legal", "marketing") }
    }

    @Test func anOrdinarySessionKeepsTypedNames() throws {
        var state = try session(anonymous: false)
        let joined = try join(&state, "Ana", "marketing")
        #expect(joined.map(\.event) == [.participantJoined(name: "Ana", department: "marketing")])
        #expect(joined.map(\.actor) == [.participant("Ana")])
        #expect(!state.anonymous)
        #expect(Pseudonym.parse("marketing#12")! == ("marketing", 12))
        #expect(Pseudonym.parse("marketing#0") == nil && Pseudonym.parse("Marketing#1") == nil)
        #expect(Pseudonym.parse("ana") == nil && Pseudonym.parse("a#") == nil)
    }
}
