import AtelierCore
import AtelierTestFixtures
import Testing

/// `knows DEPT OTHER` is about OTHER's declared strategy: without one there
/// is nothing to know, in every view (see docs/analysis.md).
@Suite struct KnowsRulesTests {
    let workshop: Workshop
    init() throws { workshop = try Fixtures.workshop("coping-patterns") }

    func strategyStage() throws -> SessionState {
        var state = SessionState(id: "s", workshop: workshop)
        let actions: [Action] =
            [.addDepartment(id: "legal", name: ""), .addDepartment(id: "leadership", name: "")]
            + Array(repeating: .next, count: 7)
        for action in actions { try state.execute(Command(actor: .facilitator, action: action, time: 1000)) }
        #expect(state.currentStage == "strategy")
        return state
    }

    @Test func knowingAStrategyNeverDeclaredIsRefused() throws {
        var state = try strategyStage()
        let knows = Command(actor: .facilitator, action: .knows(department: "legal", other: "leadership"), time: 2000)
        #expect(throws: DomainError.noStrategyToKnow("legal", other: "leadership")) { try state.execute(knows) }
        #expect(state.knows.isEmpty)
        try state.execute(
            Command(
                actor: .facilitator, action: .declareStrategy(department: "leadership", text: "A plan"), time: 3000))
        try state.execute(knows)
        #expect(state.knows.map(\.from) == ["legal"])
    }

    @Test func undoingTheOnlyStrategyTakesBackWhatWasKnownOfIt() throws {
        var state = try strategyStage()
        try state.execute(
            Command(actor: .facilitator, action: .join(name: "nina", department: "legal"), time: 2500))
        try state.execute(
            Command(
                actor: .facilitator, action: .declareStrategy(department: "leadership", text: "A plan"), time: 3000))
        // A participant of legal says it knows it; then the facilitator takes the strategy back.
        try state.execute(
            Command(actor: .participant("nina"), action: .knows(department: "legal", other: "leadership"), time: 4000))
        #expect(state.knows.count == 1)
        try state.execute(Command(actor: .facilitator, action: .undo, time: 5000))
        #expect(state.strategies["leadership"] == nil)
        #expect(state.knows.isEmpty)
        #expect(state.participants["nina"] != nil)
    }

    @Test func theRefusalSaysWhatToDoInBothLanguages() throws {
        let message = DomainError.noStrategyToKnow("legal", other: "leadership").message
        #expect(
            try Fixtures.catalog("en").render(message)
                == "\"leadership\" has declared no strategy yet, so legal cannot know it; "
                + "declare it first: strategy leadership add TEXT")
        #expect(
            try Fixtures.catalog("fr").render(message)
                == "« leadership » n'a encore déclaré aucune stratégie : legal ne peut pas la connaître ; "
                + "déclarez-la d'abord : strategy leadership add TEXTE")
    }
}
