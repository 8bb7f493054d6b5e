import AtelierCore
import AtelierTestFixtures
import Testing

@testable import AtelierTerminal

@Suite struct EventViewTests {
    let en: Catalog
    let fr: Catalog

    init() throws {
        en = try Fixtures.catalog("en")
        fr = try Fixtures.catalog("fr")
    }

    /// The lines of events applied one after the other from a fresh session.
    func lines(_ events: [Event], actor: Actor = .facilitator, catalog: Catalog? = nil) throws -> [String] {
        let state = SessionState(id: "demo", workshop: try Fixtures.workshop("coping-patterns"), locale: "en")
        let recorded = events.enumerated().map {
            RecordedEvent(seq: Int64($0.offset + 1), time: 0, actor: actor, event: $0.element)
        }
        return EventView.lines(recorded, before: state, catalog: catalog ?? en)
    }

    @Test func everyEventHasItsLine() throws {
        let events: [Event] = [
            .sessionStarted(workshop: "coping-patterns", version: 1, locale: "en"),
            .departmentAdded(id: "marketing", name: "marketing"),
            .departmentAdded(id: "rh", name: "Ressources humaines"),
            .participantJoined(name: "Alice", department: "marketing"),
            .participantLeft(name: "Alice"),
            .participantJoined(name: "Alice", department: "marketing"),
            .stageChanged(from: "intro", to: "ignore"),
            .stageLocked(stage: "ignore"),
            .stageUnlocked(stage: "ignore"),
            .timerStarted(stage: "ignore", seconds: 60),
            .timerStarted(stage: "ignore", seconds: 300),
            .rated(rater: .participant("Alice"), stage: "ignore", item: "ignore", value: 1),
            .rated(rater: .participant("Alice"), stage: "ignore", item: "ignore", value: 4),
            .rated(rater: .department("rh"), stage: "ignore", item: "ignore", value: 0),
            .stageRevealed(stage: "ignore"),
            .picked(rater: .department("rh"), stage: "position", option: "drift"),
            .picked(rater: .department("rh"), stage: "position", option: "ignore"),
            .strategyDeclared(department: "rh", text: "recruit on the networks"),
            .knowsDeclared(department: "marketing", other: "rh"),
            .sharesDeclared(department: "rh", other: "marketing"),
            .noteAdded(stage: "ignore", text: "legal worries"),
            .undone(seq: 21),
            .undone(seq: 99),
            .sessionEnded,
        ]
        let expected = [
            "session demo started: Facing social media: four reflexes and three brakes",
            "department marketing added",
            "department rh added: Ressources humaines",
            "Alice joined marketing",
            "Alice left",
            "Alice is back in marketing",
            "stage ignore: Looking away",
            "stage ignore locked: answers are closed",
            "stage ignore unlocked: answers are open again",
            "timer started: 1 minute on stage ignore",
            "timer started: 5 minutes on stage ignore",
            "Alice (marketing) rated ignore: 1 (A little like us)",
            "Alice (marketing) changed ignore from 1 to 4 (Exactly us)",
            "rh rated ignore: 0 (Not us at all)",
            "the results of stage ignore are revealed",
            "rh picked drift (Follow the wind and the fashionable tools)",
            "rh changed their pick from drift to ignore (Flee and close our eyes)",
            "rh's strategy noted: “recruit on the networks”",
            "marketing knows rh's strategy",
            "rh shares its strategy with marketing",
            "note on ignore: legal worries",
            "undone: note on ignore: legal worries",
            "undone: event 99",
            "the session has ended; results and export remain available",
        ]
        #expect(try lines(events) == expected)
    }

    @Test func undoingAnAnswerNamesTheAnswerNotTheChange() throws {
        let events: [Event] = [
            .departmentAdded(id: "hr", name: "hr"),
            .rated(rater: .department("hr"), stage: "ignore", item: "ignore", value: 1),
            .rated(rater: .department("hr"), stage: "ignore", item: "ignore", value: 3),
            .undone(seq: 3),
        ]
        #expect(try lines(events).last == "undone: hr rated ignore: 3 (Much like us)")
    }

    @Test func frenchLines() throws {
        let events: [Event] = [
            .departmentAdded(id: "rh", name: "rh"),
            .rated(rater: .department("rh"), stage: "ignore", item: "ignore", value: 2),
            .timerStarted(stage: "ignore", seconds: 60),
        ]
        let expected = [
            "département rh ajouté", "rh a noté ignore : 2 (En partie nous)",
            "minuteur lancé : 1 minute sur l'étape ignore",
        ]
        #expect(try lines(events, catalog: fr) == expected)
    }

    @Test func aParticipantsNoteSaysWhose() throws {
        let state = SessionState(id: "demo", workshop: try Fixtures.workshop("coping-patterns"), locale: "en")
        let recorded = [
            RecordedEvent(seq: 1, time: 0, actor: .facilitator, event: .departmentAdded(id: "rh", name: "rh")),
            RecordedEvent(
                seq: 2, time: 0, actor: .participant("Nina"), event: .participantJoined(name: "Nina", department: "rh")),
            RecordedEvent(
                seq: 3, time: 0, actor: .participant("Nina"), event: .noteAdded(stage: "intro", text: "a charter first")
            ),
            RecordedEvent(seq: 4, time: 0, actor: .facilitator, event: .noteAdded(stage: "intro", text: "agreed")),
        ]
        #expect(
            EventView.lines(recorded, before: state, catalog: en).suffix(2) == [
                "note from Nina (rh) on intro: a charter first", "note on intro: agreed",
            ])
        #expect(
            EventView.lines(recorded, before: state, catalog: fr).suffix(2) == [
                "note de Nina (rh) sur intro : a charter first", "note sur intro : agreed",
            ])
    }
}
