import AtelierCore
import AtelierTestFixtures

/// A session driven through `decide` and `apply`, as the live session does,
/// for the analysis tests.
struct AnalysisScenario {
    private(set) var state: SessionState
    /// Every event applied, in order.
    private(set) var events: [RecordedEvent] = []
    private var seq: Int64 = 0

    /// A session started in `locale`, as the live session starts one.
    init(_ workshop: Workshop, locale: String = "en") {
        state = SessionState(id: "s", workshop: workshop)
        seq = 1
        events = [
            RecordedEvent(
                seq: 1, time: 1000, actor: .facilitator,
                event: .sessionStarted(workshop: workshop.id, version: workshop.version, locale: locale))
        ]
        state.apply(events[0])
    }

    init(_ workshopID: String = "coping-patterns", locale: String = "en") throws {
        self.init(try Fixtures.workshop(workshopID), locale: locale)
    }

    mutating func run(_ action: Action, as actor: Actor = .facilitator) throws {
        for event in try state.decide(Command(actor: actor, action: action, time: 1000 + seq)) {
            seq += 1
            let recorded = RecordedEvent(seq: seq, time: 1000 + seq, actor: actor, event: event)
            events.append(recorded)
            state.apply(recorded)
        }
    }

    mutating func departments(_ ids: String...) throws {
        for id in ids { try run(.addDepartment(id: id, name: id.capitalized)) }
    }

    mutating func go(_ stage: String) throws {
        if state.currentStage != stage { try run(.goTo(stage: stage)) }
    }

    /// Rates `item` on its stage for each (rater, value), in order.
    mutating func rate(_ item: String, _ answers: [(String, Int)]) throws {
        guard let stage = state.workshop.stage(holdingItem: item) else { return }
        try go(stage.id)
        for (who, value) in answers { try run(.rate(who: who, item: item, value: value)) }
    }

    mutating func pick(_ stage: String, _ answers: [(String, String)]) throws {
        try go(stage)
        for (who, option) in answers { try run(.pick(who: who, option: option)) }
    }

    mutating func declare(_ department: String, _ text: String = "a plan") throws {
        try go("strategy")
        try run(.declareStrategy(department: department, text: text))
    }

    /// `department` knows the strategy of each of `others`.
    mutating func knows(_ department: String, _ others: String...) throws {
        try go("strategy")
        for other in others { try run(.knows(department: department, other: other)) }
    }

    mutating func shares(_ department: String, _ others: String...) throws {
        try go("strategy")
        for other in others { try run(.shares(department: department, other: other)) }
    }
}

extension String {
    fileprivate var capitalized: String { prefix(1).uppercased() + dropFirst() }
}
