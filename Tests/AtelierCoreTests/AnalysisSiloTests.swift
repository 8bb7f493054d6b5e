import AtelierCore
import AtelierTestFixtures
import Testing

@Suite struct AnalysisSiloTests {
    let english: Catalog
    init() throws { english = try Fixtures.catalog("en") }

    func silos(_ room: AnalysisScenario) -> [SiloFinding] { Analysis.of(room.state).silos }

    /// kind, departments, severity of each finding, in the analysis order.
    func summary(_ findings: [SiloFinding]) -> [String] {
        findings.map { "\($0.kind.rawValue) \($0.departments.joined(separator: ",")) \($0.severity)" }
    }

    @Test func oneDepartmentWithAStrategyHasNoFinding() throws {
        var room = try AnalysisScenario()
        try room.departments("marketing")
        try room.declare("marketing")
        #expect(silos(room).isEmpty)
    }

    @Test func oneDepartmentWithoutStrategy() throws {
        var room = try AnalysisScenario()
        try room.departments("marketing")
        let findings = silos(room)
        #expect(summary(findings) == ["no_strategy marketing 1.0"])
        #expect(english.render(findings[0].message) == "Marketing has declared no social-media strategy.")
        #expect(findings[0].recommendation?.text("en").hasPrefix("Help this department") == true)
    }

    @Test func nobodyDeclaredGivesOneNoStrategyEachSortedByID() throws {
        var room = try AnalysisScenario()
        try room.departments("marketing", "legal", "hr")
        #expect(summary(silos(room)) == ["no_strategy hr 1.0", "no_strategy legal 1.0", "no_strategy marketing 1.0"])
    }

    @Test func everyoneKnowsEveryoneHasNoFinding() throws {
        var room = try AnalysisScenario()
        try room.departments("a", "b", "c")
        for id in ["a", "b", "c"] { try room.declare(id) }
        try room.knows("a", "b", "c")
        try room.knows("b", "a", "c")
        try room.knows("c", "a", "b")
        try room.shares("a", "b", "c")
        #expect(silos(room).isEmpty)
    }

    @Test func aChainOfKnowsIsOneGroupButItsHeadIsUnknown() throws {
        var room = try AnalysisScenario()
        try room.departments("a", "b", "c")
        for id in ["a", "b", "c"] { try room.declare(id) }
        try room.knows("a", "b")
        try room.knows("b", "c")
        let findings = silos(room)
        #expect(summary(findings) == ["unshared_strategy a,b,c 1.0"])
        #expect(
            english.render(findings[0].message)
                == "The strategy of A is unknown to B, C (2 out of 2 other departments).")
    }

    @Test func twoGroupsThatIgnoreEachOtherAreFragmented() throws {
        var room = try AnalysisScenario()
        try room.departments("a", "b", "c", "d")
        for id in ["a", "b", "c", "d"] { try room.declare(id) }
        try room.knows("a", "b")
        try room.knows("c", "d")
        let findings = silos(room)
        #expect(
            summary(findings) == [
                "unshared_strategy a,b,c,d 1.0", "unshared_strategy c,a,b,d 1.0",
                "unshared_strategy b,c,d \(2.0 / 3)", "unshared_strategy d,a,b \(2.0 / 3)",
                "fragmented a,b,c,d \(1.0 / 3)",
            ])
        let fragmented = try #require(findings.last)
        #expect(fragmented.groups == [["a", "b"], ["c", "d"]])
        #expect(
            english.render(fragmented.message)
                == "The strategies fall into 2 groups that do not know each other: (A, B) and (C, D).")
    }

    @Test func departmentsWithoutStrategyDoNotBridgeGroups() throws {
        var room = try AnalysisScenario()
        try room.departments("a", "b", "c")
        try room.declare("a")
        try room.declare("c")
        try room.knows("b", "a", "c")
        let fragmented = try #require(silos(room).first { $0.kind == .fragmented })
        #expect(fragmented.groups == [["a"], ["c"]])
        #expect(fragmented.severity == 1)
    }

    @Test func believedSharedWhenTheOtherDoesNotKnow() throws {
        var room = try AnalysisScenario()
        try room.departments("a", "b", "c")
        for id in ["a", "b", "c"] { try room.declare(id) }
        try room.knows("b", "a", "c")
        try room.knows("c", "b")
        try room.shares("a", "b", "c")
        let findings = silos(room)
        #expect(summary(findings) == ["believed_shared a,c 0.5"])
        #expect(
            english.render(findings[0].message) == "A believes it shares its strategy with C, but C does not know it.")
    }

    @Test func anUnknownStrategyBelievedSharedGivesBothFindings() throws {
        var room = try AnalysisScenario()
        try room.departments("a", "b")
        try room.declare("a")
        try room.declare("b")
        try room.knows("a", "b")
        try room.shares("a", "b")
        #expect(summary(silos(room)) == ["unshared_strategy a,b 1.0", "believed_shared a,b 1.0"])
    }

    @Test func selfReferencesAreRefused() throws {
        var room = try AnalysisScenario()
        try room.departments("a", "b")
        try room.go("strategy")
        for action in [Action.knows(department: "a", other: "a"), .shares(department: "a", other: "a")] {
            #expect(throws: DomainError.selfReference("a")) {
                try room.state.decide(Command(actor: .facilitator, action: action, time: 0))
            }
        }
    }

    func divergentRoom(marketing: [Int]) throws -> AnalysisScenario {
        var room = try AnalysisScenario()
        try room.departments("marketing", "legal", "hr")
        let others = [0, 1, 3, 1]
        for (index, item) in ["ignore", "status_quo", "delegate", "drift"].enumerated() {
            try room.rate(item, [("marketing", marketing[index]), ("legal", others[index]), ("hr", others[index])])
        }
        try room.pick("position", [("marketing", "ignore"), ("legal", "delegate"), ("hr", "delegate")])
        return room
    }

    @Test func aDepartmentFarFromTheCompanyWithAnotherReflexDiverges() throws {
        let findings = silos(try divergentRoom(marketing: [4, 4, 0, 4]))
        // Company medians 0, 1, 3, 1; marketing 4, 4, 0, 4: mean |difference| = 13 / 4 = 3.25 points,
        // severity 3.25 / 4.
        #expect(
            summary(findings) == [
                "no_strategy hr 1.0", "no_strategy legal 1.0", "no_strategy marketing 1.0",
                "divergent_position marketing 0.8125",
            ])
        #expect(
            english.render(findings[3].message)
                == "Marketing mostly answers “Flee and close our eyes” where the company answers "
                + "“Delegate to an agency or a guru”, and its ratings sit 3.25 points from the company's medians on average."
        )
    }

    @Test func aDifferentReflexCloseToTheCompanyDoesNotDiverge() throws {
        // Mean |difference| = (1 + 1 + 1 + 3) / 4 = 1.5, not above the workshop's 1.5.
        let findings = silos(try divergentRoom(marketing: [1, 2, 2, 4]))
        #expect(!findings.contains { $0.kind == .divergentPosition })
    }
}
