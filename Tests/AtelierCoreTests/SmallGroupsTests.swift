import AtelierCore
import AtelierTestFixtures
import Testing

/// The small-group rule (`SmallGroups`, docs/analysis.md): figures of a
/// department from fewer than K answers are withheld, the company's kept.
@Suite struct SmallGroupsTests {
    /// Marketing: ana and bo (2 answers); legal: cy, di and ed (3); hr: nobody.
    func room() throws -> AnalysisScenario {
        var scenario = try AnalysisScenario()
        try scenario.departments("marketing", "legal", "hr")
        for (name, department) in [
            ("ana", "marketing"), ("bo", "marketing"), ("cy", "legal"), ("di", "legal"), ("ed", "legal"),
        ] {
            try scenario.run(.join(name: name, department: department))
        }
        try scenario.rate("ignore", [("ana", 1), ("bo", 2), ("cy", 4), ("di", 4), ("ed", 3)])
        try scenario.pick("position", [("ana", "drift"), ("bo", "drift"), ("cy", "ignore"), ("di", "ignore")])
        return scenario
    }

    @Test func aFigureFromSomeButFewerThanKAnswersIsWithheld() {
        #expect(SmallGroups.withholds(1, minimum: 3))
        #expect(SmallGroups.withholds(2, minimum: 3))
        #expect(!SmallGroups.withholds(3, minimum: 3))
        #expect(!SmallGroups.withholds(0, minimum: 3))
        #expect(!SmallGroups.withholds(1, minimum: nil))
        #expect(SmallGroups.range == 2...50)
        #expect(SmallGroups.anonymousDefault == 3)
    }

    @Test func aDepartmentWithTwoAnswersIsWithheldAndCountsForTheCompany() throws {
        let state = try room().state
        let whole = Analysis.of(state)
        let shown = whole.withholdingSmallGroups(3)
        let marketing = try #require(shown.departments.first { $0.id == "marketing" })
        let legal = try #require(shown.departments.first { $0.id == "legal" })
        let hr = try #require(shown.departments.first { $0.id == "hr" })

        #expect(marketing.withheld == ["ignore", "position"])
        #expect(marketing.ratings["ignore"]?.n == 0)
        #expect(marketing.ratings["ignore"]?.median == nil)
        #expect(marketing.ratings["ignore"]?.distribution == [0, 0, 0, 0, 0])
        #expect(marketing.picks["position"]?.n == 0)
        #expect(marketing.picks["position"]?.modes == [])
        #expect(marketing.maturity == nil)
        #expect(marketing.participants == ["ana", "bo"])
        // Legal's 3 ratings are shown; its 2 picks are not.
        #expect(legal.withheld == ["position"])
        #expect(legal.ratings["ignore"] == whole.departments[1].ratings["ignore"])
        #expect(legal.ratings["ignore"]?.n == 3)
        #expect(legal.ratings["ignore"]?.median == 4)
        // No answer at all is nothing to protect.
        #expect(hr.withheld.isEmpty)
        // The company keeps every answer.
        #expect(shown.company == whole.company)
        #expect(shown.company.ratings["ignore"]?.n == 5)
        #expect(shown.company.picks["position"]?.n == 4)
        #expect(shown.minGroup == 3)
        #expect(whole.minGroup == nil)
    }

    /// The rounds keep no small group either: on `ignore` (round 1 only)
    /// marketing's 2 answers go, legal's 3 stay; on `position`, reopened,
    /// round 1 has 2 picks each for marketing and legal, round 2 has 1 and 3:
    /// both go (a round with 0 < n < 3), hr (no pick) stays; the company keeps all.
    @Test func theRoundsLeaveOutADepartmentWithFewerThanKAnswersInAnyRound() throws {
        var scenario = try room()
        try scenario.run(.reveal)
        try scenario.run(.round)
        try scenario.pick("position", [("ana", "drift"), ("cy", "ignore"), ("di", "ignore"), ("ed", "ignore")])
        let whole = RoundsAnalysis.of(scenario.state)
        let shown = whole.withholdingSmallGroups(3)
        let ignore = try #require(shown.items.first { $0.item == "ignore" })
        let wholeIgnore = try #require(whole.items.first { $0.item == "ignore" })
        #expect(wholeIgnore.departments.map(\.id) == ["marketing", "legal", "hr"])
        #expect(ignore.departments.map(\.id) == ["legal", "hr"])
        #expect(ignore.department("legal") == wholeIgnore.department("legal"))
        #expect(ignore.company == wholeIgnore.company)
        #expect(ignore.company.rounds.map(\.stats.n) == [5])
        let position = try #require(shown.picks.first { $0.stage == "position" })
        let wholePosition = try #require(whole.picks.first { $0.stage == "position" })
        #expect(wholePosition.departments.map { $0["legal"]?.n } == [2, 3])
        #expect(wholePosition.departments.map { $0["marketing"]?.n } == [2, 1])
        #expect(position.departments.map { $0.keys.sorted() } == [["hr"], ["hr"]])
        #expect(position.company == wholePosition.company)
        #expect(position.company.map(\.n) == [4, 4])
        #expect(position.changes.map(\.changed) == wholePosition.changes.map(\.changed))
        #expect(whole.withholdingSmallGroups(nil) == whole)
        #expect(RoundsAnalysis.shown(scenario.state) == whole)
    }

    @Test func withoutAMinimumTheAnalysisIsUnchanged() throws {
        let state = try room().state
        let whole = Analysis.of(state)
        #expect(whole.withholdingSmallGroups(nil) == whole)
        #expect(Analysis.shown(state) == whole)
        #expect(whole.withholdingSmallGroups(2).departments.map(\.withheld) == [[], [], []])
    }

    @Test func theNoteNamesTheWithheldDepartmentsInEachLanguage() throws {
        let shown = Analysis.of(try room().state).withholdingSmallGroups(3)
        let english = try Fixtures.catalog("en")
        let french = try Fixtures.catalog("fr")
        #expect(
            shown.withheldNote("ignore").map(english.render)
                == "fewer than 3 answers, not shown: Marketing (they count in the company's figures)")
        #expect(
            shown.withheldNote("position").map(french.render)
                == "moins de 3 réponses, non montré : Marketing, Legal (elles comptent dans les chiffres de l'entreprise)"
        )
        #expect(shown.withheldNote("status_quo") == nil)
        #expect(shown.withholds(department: "marketing", "ignore"))
        #expect(!shown.withholds(department: "legal", "ignore"))
    }
}
