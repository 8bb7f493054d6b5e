import AtelierCore
import AtelierTestFixtures
import Testing

@Suite struct AnalysisMaturityTests {
    let english: Catalog
    let french: Catalog
    init() throws {
        english = try Fixtures.catalog("en")
        french = try Fixtures.catalog("fr")
    }

    func reason(_ result: MaturityResult?, _ catalog: Catalog) -> String {
        result.map { catalog.render($0.reason) } ?? "none"
    }

    @Test func withoutAnswersEveryoneIsAtTheFloor() throws {
        var room = try AnalysisScenario()
        try room.departments("marketing")
        let analysis = Analysis.of(room.state)
        let marketing = try #require(analysis.departments[0].maturity)
        #expect(marketing.level == "denial" && marketing.rank == 0)
        #expect(
            reason(marketing, english)
                == "Denial: not yet Reactive, as nobody has rated “Flee and close our eyes” yet.")
        #expect(analysis.company.maturity?.level == "denial")
    }

    @Test func aHighIgnoreRatingKeepsADepartmentInDenial() throws {
        var room = try AnalysisScenario()
        try room.departments("marketing")
        try room.rate("ignore", [("marketing", 3)])
        let marketing = Analysis.of(room.state).departments[0].maturity
        #expect(
            reason(marketing, english)
                == "Denial: not yet Reactive, as the median for “Flee and close our eyes” is 3, above 2.")
    }

    @Test func aDepartmentWithoutStrategyStaysReactive() throws {
        var room = try AnalysisScenario()
        try room.departments("marketing")
        try room.run(.join(name: "alice", department: "marketing"))
        try room.rate("ignore", [("marketing", 1), ("alice", 2)])
        let marketing = Analysis.of(room.state).departments[0].maturity
        #expect(marketing?.level == "reactive")
        // The median is read once, where it falls short (issue 18), not "at most 2 — … is 1.5, above 1".
        #expect(
            reason(marketing, english)
                == "Reactive: not yet Experimenting, as the median for “Flee and close our eyes” is 1.5, above 1.")
        let inFrench = Analysis.of(room.state, language: "fr").departments[0].maturity
        #expect(
            reason(inFrench, french)
                == "Réactif : pas encore Expérimentation, car la médiane de « Fuir et fermer les yeux » est 1,5, au-dessus de 1."
        )
    }

    func integratedRoom() throws -> AnalysisScenario {
        var room = try AnalysisScenario()
        try room.departments("marketing", "legal")
        try room.rate("ignore", [("marketing", 0), ("legal", 1)])
        try room.rate("drift", [("marketing", 2), ("legal", 4)])
        try room.pick("position", [("marketing", "delegate"), ("legal", "status_quo")])
        try room.declare("marketing")
        try room.declare("marketing", "a second goal")
        try room.knows("legal", "marketing")
        return room
    }

    @Test func aKnownStrategyWithoutFlightIsIntegrated() throws {
        let analysis = Analysis.of(try integratedRoom().state)
        let marketing = analysis.departments[0].maturity
        #expect(marketing?.level == "integrated" && marketing?.rank == 3)
        #expect(
            reason(marketing, english)
                == "Integrated and shared: the median for “Flee and close our eyes” is 0, at most 1; "
                + "the median for “Follow the wind and the fashionable tools” is 2, at most 2; "
                + "the most chosen answer to “The dominant reflex” is “Delegate to an agency or a guru”, "
                + "none of “Flee and close our eyes” or “Follow the wind and the fashionable tools”; "
                + "the other department knows its strategy.")
        // Legal declared nothing: the drift median 4 would stop it anyway, but the first missing
        // condition of the next level is named.
        let legal = analysis.departments[1].maturity
        #expect(legal?.level == "reactive")
        #expect(
            reason(legal, english)
                == "Reactive: the median for “Flee and close our eyes” is 1, at most 2 "
                + "— not yet Experimenting, as it declared no strategy.")
    }

    @Test func theCompanyNeedsEveryDepartmentToDeclare() throws {
        var room = try integratedRoom()
        var company = Analysis.of(room.state).company.maturity
        // Company medians: ignore 0.5, drift 3; legal has no strategy.
        #expect(company?.level == "reactive")
        #expect(
            reason(company, english)
                == "Reactive: the median for “Flee and close our eyes” is 0.5, at most 2 "
                + "— not yet Experimenting, as Legal declared no strategy.")
        try room.declare("legal")
        company = Analysis.of(room.state).company.maturity
        #expect(company?.level == "experimenting")
        #expect(
            reason(company, english)
                == "Experimenting: the median for “Flee and close our eyes” is 0.5, at most 1; "
                + "every department declared a strategy — not yet Integrated and shared, "
                + "as the median for “Follow the wind and the fashionable tools” is 3, above 2.")
    }

    @Test func reasonsReadInFrenchWithTheSessionLanguageForWorkshopNames() throws {
        var room = try AnalysisScenario(locale: "fr")
        try room.departments("marketing")
        try room.rate("ignore", [("marketing", 3)])
        let marketing = Analysis.of(room.state).departments[0].maturity
        #expect(
            reason(marketing, french)
                == "Déni : pas encore Réactif, car la médiane de « Fuir et fermer les yeux » est 3, au-dessus de 2.")
    }

    @Test func frenchAgreesTheVerbWithTheNumberOfSilentDepartments() throws {
        var room = try AnalysisScenario(locale: "fr")
        try room.departments("marketing", "legal", "hr")
        try room.rate("ignore", [("marketing", 1), ("legal", 1), ("hr", 1)])
        var company = Analysis.of(room.state).company.maturity
        #expect(
            reason(company, french)
                == "Réactif : la médiane de « Fuir et fermer les yeux » est 1, au plus 2 — pas encore "
                + "Expérimentation, car Marketing, Legal, Hr n'ont déclaré aucune stratégie.")
        try room.declare("marketing")
        try room.declare("hr")
        company = Analysis.of(room.state).company.maturity
        #expect(
            reason(company, french)
                == "Réactif : la médiane de « Fuir et fermer les yeux » est 1, au plus 2 — pas encore "
                + "Expérimentation, car Legal n'a déclaré aucune stratégie.")
        company = Analysis.of(room.state, language: "en").company.maturity
        #expect(
            reason(company, english)
                == "Reactive: the median for “Flee and close our eyes” is 1, at most 2 "
                + "— not yet Experimenting, as Legal declared no strategy.")
    }

    @Test func aStrategyKnownByFewerThanHalfIsNotShared() throws {
        var room = try AnalysisScenario()
        try room.departments("marketing", "legal", "hr")
        try room.rate("ignore", [("marketing", 0)])
        try room.rate("drift", [("marketing", 0)])
        try room.pick("position", [("marketing", "status_quo")])
        try room.declare("marketing")
        let marketing = Analysis.of(room.state).departments[0].maturity
        #expect(marketing?.level == "experimenting")
        #expect(
            reason(marketing, english)
                == "Experimenting: the median for “Flee and close our eyes” is 0, at most 1; it declared one strategy "
                + "item — not yet Integrated and shared, as none of the 2 other departments knows its strategy.")
    }
}
