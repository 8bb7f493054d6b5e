import AtelierCore
import AtelierTestFixtures
import Testing

/// "N of M answered", as the facilitator's `status` and the projector count it.
@Suite struct AnswerCountTests {
    let workshop: Workshop
    init() throws { workshop = try Fixtures.workshop("coping-patterns") }

    func run(_ actions: [(Actor, Action)]) throws -> SessionState {
        var state = SessionState(id: "s", workshop: workshop)
        var seq: Int64 = 0
        for (actor, action) in actions {
            for event in try state.decide(Command(actor: actor, action: action, time: 1000)) {
                seq += 1
                state.apply(RecordedEvent(seq: seq, time: 1000, actor: actor, event: event))
            }
        }
        return state
    }

    let room: [(Actor, Action)] = [
        (.facilitator, .addDepartment(id: "marketing", name: "Marketing")),
        (.facilitator, .addDepartment(id: "legal", name: "Legal")),
        (.facilitator, .addDepartment(id: "hr", name: "HR")),
        (.facilitator, .join(name: "Ana", department: "marketing")),
        (.facilitator, .join(name: "Chloe", department: "marketing")),
        (.facilitator, .join(name: "Bruno", department: "legal")),
        (.facilitator, .leave(name: "Bruno")),
    ]

    @Test func eachPresentParticipantAndEachDepartmentWithNobodyPresentCount() throws {
        var actions = room + [(.facilitator, .goTo(stage: "brakes"))]
        var state = try run(actions)
        let stage = try #require(state.stage)
        // Ana and Chloe; Legal (Bruno left) and HR answer as one voice.
        #expect(state.answerCount(stage: stage) == AnswerCount(answered: 0, expected: 4))
        actions += [
            (.participant("Ana"), .rate(who: "Ana", item: "control", value: 1)),
            (.participant("Ana"), .rate(who: "Ana", item: "understanding", value: 1)),
            (.facilitator, .rate(who: "hr", item: "control", value: 2)),
            (.facilitator, .rate(who: "hr", item: "understanding", value: 2)),
            (.facilitator, .rate(who: "hr", item: "strategy", value: 2)),
        ]
        state = try run(actions)
        // Ana has one item left: not answered yet; HR answered all three.
        #expect(state.answerCount(stage: stage) == AnswerCount(answered: 1, expected: 4))
        #expect(!state.hasAnswered(.participant("Ana"), stage: stage))
        #expect(state.hasAnswered(.department("hr"), stage: stage))
        actions += [
            (.participant("Ana"), .rate(who: "Ana", item: "strategy", value: 1)),
            (.facilitator, .rate(who: "marketing", item: "control", value: 4)),
            (.facilitator, .rate(who: "marketing", item: "understanding", value: 4)),
            (.facilitator, .rate(who: "marketing", item: "strategy", value: 4)),
        ]
        // Marketing's own voice counts once it answered, beside its present members.
        #expect(try run(actions).answerCount(stage: stage) == AnswerCount(answered: 3, expected: 5))
    }

    @Test func aStrategyIsTheDepartmentsAndAnIntroTakesNoAnswers() throws {
        let state = try run(
            room + [
                (.facilitator, .goTo(stage: "strategy")),
                (.participant("Chloe"), .declareStrategy(department: "marketing", text: "One voice")),
            ])
        #expect(state.answerCount(stage: try #require(state.stage)) == AnswerCount(answered: 1, expected: 3))
        #expect(state.answerCount(stage: try #require(workshop.stage("intro"))) == nil)
    }
}
