import AtelierCore
import AtelierTestFixtures
import Testing

/// `round`: reopening a revealed stage as its next round, keeping every earlier answer.
@Suite struct RoundRulesTests {
    /// Two departments rate `ignore`, the stage is locked and revealed, then reopened.
    static func revealedIgnore() throws -> AnalysisScenario {
        var scenario = try AnalysisScenario()
        try scenario.departments("marketing", "legal")
        try scenario.rate("ignore", [("marketing", 1), ("legal", 4)])
        try scenario.run(.lock)
        try scenario.run(.reveal)
        return scenario
    }

    @Test func roundReopensTheStageAndKeepsRoundOne() throws {
        var scenario = try Self.revealedIgnore()
        try scenario.run(.round)
        #expect(scenario.events.last?.event == .roundStarted(stage: "ignore", round: 2))
        let state = scenario.state
        #expect(state.round(of: "ignore") == 2)
        #expect(!state.revealed.contains("ignore"))
        #expect(!state.locked.contains("ignore"))
        // Round 1's answers are kept; the current round has none yet.
        #expect(state.latestRatings(item: "ignore") == [:])
        #expect(
            state.latestRatings(item: "ignore", round: 1) == [.department("marketing"): 1, .department("legal"): 4])
        #expect(Analysis.of(state).company.ratings["ignore"]?.n == 0)
        try scenario.rate("ignore", [("marketing", 2)])
        #expect(scenario.state.ratings["ignore"]?[.department("marketing")]?.map(\.round) == [1, 2])
        #expect(Analysis.of(scenario.state).company.ratings["ignore"]?.n == 1)
        #expect(scenario.state.latestRatings(item: "ignore") == [.department("marketing"): 2])
    }

    @Test func roundIsRefusedBeforeARevealOnAStageWithoutAnswersAndForParticipants() throws {
        var scenario = try AnalysisScenario()
        try scenario.departments("marketing")
        try scenario.go("ignore")
        #expect(throws: DomainError.roundNeedsReveal("ignore")) { try scenario.run(.round) }
        try scenario.go("intro")
        #expect(throws: DomainError.noRoundsHere(stage: "intro")) { try scenario.run(.round) }
        try scenario.go("ignore")
        try scenario.run(.reveal)
        try scenario.run(.join(name: "ana", department: "marketing"), as: .participant("ana"))
        #expect(throws: DomainError.facilitatorOnly(command: "round")) {
            try scenario.run(.round, as: .participant("ana"))
        }
    }

    @Test func aStageHasAtMostNineRounds() throws {
        var scenario = try Self.revealedIgnore()
        for _ in 2...SessionState.maxRounds {
            try scenario.run(.round)
            try scenario.run(.reveal)
        }
        #expect(scenario.state.round(of: "ignore") == 9)
        #expect(throws: DomainError.tooManyRounds(stage: "ignore", max: 9)) { try scenario.run(.round) }
    }

    /// `undo` takes back the round's start: round 1 again, revealed and locked as before.
    @Test func undoTakesBackARound() throws {
        var scenario = try Self.revealedIgnore()
        let before = scenario.state
        try scenario.run(.round)
        try scenario.run(.undo)
        let differences = StateComparison.differences(before, scenario.state).filter { $0 != "counts" }
        #expect(differences == [])
        #expect(scenario.state.locked.contains("ignore"))
        #expect(scenario.state.latestRatings(item: "ignore") == [.department("marketing"): 1, .department("legal"): 4])
        #expect(Analysis.of(scenario.state) == Analysis.of(before))
    }

    /// Picks have rounds too: the last pick of each rater in the current round counts.
    @Test func pickRounds() throws {
        var scenario = try AnalysisScenario()
        try scenario.departments("marketing", "legal")
        try scenario.pick("position", [("marketing", "ignore"), ("legal", "drift")])
        try scenario.run(.reveal)
        try scenario.run(.round)
        try scenario.pick("position", [("marketing", "drift")])
        let rounds = try #require(RoundsAnalysis.of(scenario.state).picks.first { $0.stage == "position" })
        #expect(rounds.company.map(\.n) == [2, 1])
        #expect(rounds.company[1].modes == ["drift"])
        #expect(rounds.changes.map(\.pairs) == [1])
        #expect(rounds.changes.map(\.changed) == [1])
        #expect(Analysis.of(scenario.state).company.picks["position"]?.n == 1)
    }
}

/// For any session without a second round, every figure is today's: round 1
/// of each item holds exactly the analysis' figures, nothing is reported as a
/// round, and each answer belongs to round 1.
@Suite struct RoundsPropertyTests {
    @Test(arguments: CorePropertyTests.seeds) func withoutASecondRoundEveryFigureIsTodays(seed: UInt64) throws {
        var state = try SessionState.started(seed: seed)
        var generator = CommandGenerator(seed: seed)
        for _ in 0..<300 { _ = try? state.execute(generator.next(state)) }
        #expect(state.rounds == [:])
        let analysis = Analysis.of(state)
        let rounds = RoundsAnalysis.of(state)
        #expect(!rounds.any)
        #expect(rounds.criteriaRecorded == false)
        for item in rounds.items {
            #expect(item.company.rounds.map(\.stats) == [analysis.company.ratings[item.item]])
            #expect(item.company.steps.isEmpty)
            for (id, groupRounds) in item.departments {
                let department = analysis.departments.first { $0.id == id }
                #expect(groupRounds.rounds.map(\.stats) == [department?.ratings[item.item]])
            }
        }
        for pick in rounds.picks {
            #expect(pick.company == [analysis.company.picks[pick.stage]])
        }
        #expect(state.ratings.values.allSatisfy { $0.values.allSatisfy { $0.allSatisfy { $0.round == 1 } } })
    }

    /// With rounds among the commands, undoing the facilitator's last action
    /// still gives back the state before it.
    @Test func undoRestoresTheStateWithRounds() throws {
        var roundsUndone = 0
        for seed in CorePropertyTests.seeds {
            try Self.undoRounds(seed: seed, counting: &roundsUndone)
        }
        #expect(roundsUndone >= 10)
    }

    static func undoRounds(seed: UInt64, counting roundsUndone: inout Int) throws {
        var state = try SessionState.started(seed: seed)
        var generator = CommandGenerator(seed: seed, rounds: true)
        for _ in 0..<300 {
            let command = generator.next(state)
            let before = state
            guard (try? state.execute(command)) != nil else { continue }
            guard command.actor == .facilitator, command.action == .round else { continue }
            var undone = state
            try undone.execute(Command(actor: .facilitator, action: .undo, time: command.time + 1))
            let differences = StateComparison.differences(before, undone).filter { $0 != "counts" }
            #expect(differences == [], "seed \(seed)")
            #expect(Analysis.of(undone) == Analysis.of(before))
            roundsUndone += 1
        }
    }
}
