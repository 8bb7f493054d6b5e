import AtelierCore
import AtelierTestFixtures
import Testing

/// `surelyReproduces`, the reader's in-place check of ratings and picks,
/// against `decide` over random sessions: for every rating or pick, right or
/// wrong (another stage, an unknown or absent rater, a department named as a
/// participant, someone answering for another, a locked stage, a value off
/// the scale, an id in capitals...), it says true exactly when deciding the
/// action that reproduces the event gives back that one event.
@Suite struct QuickCheckTests {
    static let seeds: [UInt64] = Array(200..<212)

    /// Over all the seeds, both answers the rules take and answers they
    /// refuse are met many times (a single session often spends long on
    /// stages that take no answer).
    @Test func agreesWithDecide() throws {
        var accepted = 0
        var refused = 0
        for seed in Self.seeds { try Self.compare(seed: seed, accepted: &accepted, refused: &refused) }
        #expect(accepted > 100)
        #expect(refused > 100)
    }

    static func compare(seed: UInt64, accepted: inout Int, refused: inout Int) throws {
        var state = try SessionState.started(seed: seed)
        var generator = CommandGenerator(seed: seed)
        var random = SeededRandom(seed: seed &+ 7)
        for step in 0..<400 {
            let command = generator.next(state)
            for _ in 0..<6 {
                let event = Self.answer(state, &random)
                let actor = Self.actor(state, &random)
                let action = try #require(SessionState.action(reproducing: event))
                let decided = try? state.decide(Command(actor: actor, action: action, time: command.time))
                let reproduced = decided == [event]
                #expect(
                    state.surelyReproduces(event, actor: actor) == reproduced,
                    "seed \(seed), step \(step): \(event) by \(actor)")
                if reproduced { accepted += 1 } else { refused += 1 }
            }
            guard let events = try? state.decide(command) else { continue }
            for event in events {
                state.apply(
                    RecordedEvent(seq: state.lastSeq + 1, time: command.time, actor: command.actor, event: event))
            }
        }
    }

    /// Other kinds are always left to `decide`.
    @Test func otherKindsAreLeftToDecide() throws {
        let state = try SessionState.started(seed: 1)
        #expect(!state.surelyReproduces(.noteAdded(stage: "intro", text: "x"), actor: .facilitator))
        #expect(!state.surelyReproduces(.stageLocked(stage: "intro"), actor: .facilitator))
    }

    static func pick<T>(_ values: [T], _ random: inout SeededRandom) -> T {
        values[Int.random(in: 0..<values.count, using: &random)]
    }

    /// A rating or a pick, often one the rules take at this point.
    static func answer(_ state: SessionState, _ random: inout SeededRandom) -> Event {
        let names = state.participantOrder + ["nobody", "ana"]
        let departments = state.departments.map(\.id) + ["Marketing", "nowhere"]
        let rater: Rater =
            Bool.random(using: &random)
            ? .participant(pick(names + departments, &random)) : .department(pick(departments + names, &random))
        let stages = state.workshop.stages
        let stage = Int.random(in: 0..<4, using: &random) == 0 ? pick(stages, &random).id : state.currentStage
        let current = state.stage
        if Bool.random(using: &random) {
            let items = (current?.items.map(\.id) ?? []) + stages.flatMap { $0.items.map(\.id) } + ["Control", "bogus"]
            return .rated(
                rater: rater, stage: stage, item: pick(items, &random), value: Int.random(in: -1...5, using: &random))
        }
        let options = (current?.options.map(\.id) ?? []) + ["Drift", "bogus"]
        return .picked(rater: rater, stage: stage, option: pick(options, &random))
    }

    /// The facilitator, or a participant (present or not).
    static func actor(_ state: SessionState, _ random: inout SeededRandom) -> Actor {
        guard !state.participantOrder.isEmpty, Bool.random(using: &random) else { return .facilitator }
        return .participant(pick(state.participantOrder + ["nobody"], &random))
    }
}
