import AtelierCore
import AtelierTestFixtures
import Testing

/// Properties of the pure core over random command sequences (no store).
@Suite struct CorePropertyTests {
    static let seeds: [UInt64] = Array(100..<116)

    /// Every event `decide` gives is given back by deciding the action that
    /// reproduces it: what lets a recording be checked against the rules.
    @Test(arguments: seeds) func eachEventIsReproducedByItsAction(seed: UInt64) throws {
        var state = try SessionState.started(seed: seed)
        var generator = CommandGenerator(seed: seed)
        for _ in 0..<300 {
            let command = generator.next(state)
            guard let events = try? state.decide(command) else { continue }
            for event in events {
                let action = try #require(SessionState.action(reproducing: event))
                #expect(try state.decide(Command(actor: command.actor, action: action, time: command.time)) == [event])
                state.apply(
                    RecordedEvent(seq: state.lastSeq + 1, time: command.time, actor: command.actor, event: event))
            }
        }
    }

    /// Undoing the facilitator's last action gives back the state before it
    /// (but for the journal's own counters, which keep growing).
    @Test(arguments: seeds) func undoRestoresTheStateBefore(seed: UInt64) throws {
        var state = try SessionState.started(seed: seed)
        var generator = CommandGenerator(seed: seed)
        var checked = 0
        for _ in 0..<300 {
            let command = generator.next(state)
            guard let events = try? state.decide(command) else { continue }
            let before = state
            for event in events {
                state.apply(
                    RecordedEvent(seq: state.lastSeq + 1, time: command.time, actor: command.actor, event: event))
            }
            guard command.actor == .facilitator, command.action != .undo, command.action != .end else { continue }
            var undone = state
            for event in try undone.decide(Command(actor: .facilitator, action: .undo, time: command.time + 1)) {
                undone.apply(
                    RecordedEvent(seq: undone.lastSeq + 1, time: command.time + 1, actor: .facilitator, event: event))
            }
            let differences = StateComparison.differences(before, undone).filter { $0 != "counts" }
            #expect(differences == [], "seed \(seed): undo of \(command.action)")
            checked += 1
        }
        #expect(checked > 30)
    }
}

extension SessionState {
    /// A session of coping-patterns with its `session_started` event.
    static func started(seed: UInt64) throws -> SessionState {
        let workshop = try Fixtures.workshop("coping-patterns")
        var state = SessionState(id: "p\(seed)", workshop: workshop, locale: "fr")
        state.apply(
            RecordedEvent(
                seq: 1, time: 1_714_550_400_000, actor: .facilitator,
                event: .sessionStarted(workshop: workshop.id, version: workshop.version, locale: "fr")))
        return state
    }
}
