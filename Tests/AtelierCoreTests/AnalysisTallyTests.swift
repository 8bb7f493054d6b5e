import AtelierCore
import AtelierTestFixtures
import Testing

@Suite struct AnalysisTallyTests {
    func roomWithTwoDepartments() throws -> AnalysisScenario {
        var room = try AnalysisScenario()
        try room.departments("marketing", "legal")
        try room.run(.join(name: "alice", department: "marketing"))
        try room.run(.join(name: "bob", department: "marketing"))
        try room.rate("ignore", [("alice", 1), ("bob", 2), ("marketing", 4), ("legal", 0), ("alice", 3)])
        try room.pick("position", [("alice", "delegate"), ("bob", "drift"), ("legal", "ignore")])
        return room
    }

    @Test func departmentsCountTheirParticipantsAndTheirOwnVoiceWithTheLastAnswer() throws {
        let analysis = Analysis.of(try roomWithTwoDepartments().state)
        #expect(analysis.departments.map(\.id) == ["marketing", "legal"])
        let marketing = analysis.departments[0]
        #expect(marketing.participants == ["alice", "bob"])
        let ignore = try #require(marketing.ratings["ignore"])
        #expect(ignore.n == 3)
        #expect(ignore.distribution == [0, 0, 1, 1, 1])
        #expect([ignore.q1, ignore.median, ignore.q3, ignore.iqr, ignore.mean] == [2.5, 3, 3.5, 1, 3])
        #expect(ignore.consensusReached == true)
        #expect(marketing.ratings["drift"]?.n == 0)
        let position = try #require(marketing.picks["position"])
        #expect(position.counts.map(\.count) == [0, 0, 1, 1])
        #expect(position.modes == ["delegate", "drift"])
    }

    @Test func theCompanyCountsEveryRater() throws {
        let company = Analysis.of(try roomWithTwoDepartments().state).company
        let ignore = try #require(company.ratings["ignore"])
        #expect(ignore.n == 4)
        #expect(ignore.distribution == [1, 0, 1, 1, 1])
        #expect([ignore.q1, ignore.median, ignore.q3, ignore.iqr, ignore.mean] == [1.5, 2.5, 3.25, 1.75, 2.25])
        #expect(ignore.consensusReached == false)
        #expect(
            company.ratings.keys.sorted() == [
                "control", "delegate", "drift", "ignore", "status_quo", "strategy", "understanding",
            ])
        #expect(company.picks["position"]?.counts.map(\.count) == [1, 0, 1, 1])
        #expect(company.picks["position"]?.modes == ["ignore", "delegate", "drift"])
        // One unit (only "ignore" has answers) and one pick stage: alpha would be 0 by
        // construction, and is not reported.
        #expect(company.alphaOrdinal == nil)
        #expect(company.alphaNominal == nil)
    }

    @Test func ordinalAlphaRunsOverTheMostUsedScale() throws {
        #expect(
            Analysis.ordinalAlphaItems(try Fixtures.workshop("coping-patterns"))
                == ["ignore", "status_quo", "delegate", "drift"])
    }

    @Test func anEmptySessionHasNoNumbers() throws {
        let analysis = Analysis.of(try AnalysisScenario().state)
        #expect(analysis.departments.isEmpty)
        #expect(analysis.company.ratings["ignore"]?.n == 0)
        #expect(analysis.company.alphaOrdinal == nil)
        #expect(analysis.company.alphaNominal == nil)
        #expect(analysis.silos.isEmpty)
    }

    @Test func theLastAnswerCountsAndUndoTakesOneBack() throws {
        var room = try AnalysisScenario()
        try room.departments("marketing", "legal")
        try room.pick("position", [("marketing", "drift"), ("marketing", "ignore")])
        try room.rate("ignore", [("marketing", 4)])
        var analysis = Analysis.of(room.state)
        #expect(analysis.company.picks["position"]?.counts.map(\.count) == [1, 0, 0, 0])
        // The facilitator takes back the rating, the move to its stage, then the second pick.
        try room.run(.undo)
        analysis = Analysis.of(room.state)
        #expect(analysis.company.ratings["ignore"]?.n == 0)
        try room.run(.undo)
        try room.run(.undo)
        analysis = Analysis.of(room.state)
        #expect(analysis.company.picks["position"]?.modes == ["drift"])
    }

    @Test func answersOfADepartmentNoLongerPresentAreLeftOut() throws {
        var room = try AnalysisScenario()
        try room.departments("marketing")
        try room.rate("ignore", [("marketing", 4)])
        var events = Array(room.events)
        // Fold the same answers without the department: they belong to nobody.
        events.removeAll {
            if case .departmentAdded = $0.event { return true }
            return false
        }
        let state = SessionState.fold(id: "s", workshop: room.state.workshop, events: events)
        let analysis = Analysis.of(state)
        #expect(analysis.departments.isEmpty)
        #expect(analysis.company.ratings["ignore"]?.n == 0)
    }

    @Test func latestValuesMirrorTheRatingHistoryThroughUndo() throws {
        var room = try AnalysisScenario()
        try room.departments("marketing", "legal")
        try room.run(.join(name: "alice", department: "marketing"))
        try room.rate("ignore", [("alice", 1), ("legal", 2), ("alice", 3), ("marketing", 0)])
        try room.rate("control", [("legal", 4), ("legal", 1)])
        func mirrored(_ state: SessionState) -> Bool {
            state.workshop.ratingItems.allSatisfy { _, item in
                let row = state.latestValues[item.id] ?? []
                let latest = state.latestRatings(item: item.id)
                return state.raterOrder.enumerated().allSatisfy { number, rater in
                    (number < row.count ? row[number] : SessionState.noAnswer)
                        == (latest[rater] ?? SessionState.noAnswer)
                }
            }
        }
        #expect(room.state.raterOrder == [.participant("alice"), .department("legal"), .department("marketing")])
        #expect(room.state.latestValues["ignore"] == [3, 2, 0])
        #expect(room.state.latestValues["control"] == [SessionState.noAnswer, 1])
        #expect(mirrored(room.state))
        for _ in 0..<4 {
            try room.run(.undo)
            #expect(mirrored(room.state))
        }
        #expect(room.state.latestValues["ignore"] == [3, 2, SessionState.noAnswer])
        #expect(room.state.latestValues["control"] == [SessionState.noAnswer, SessionState.noAnswer])
    }
}
