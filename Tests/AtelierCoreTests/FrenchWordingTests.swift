import AtelierCore
import AtelierTestFixtures
import Testing

/// The French words a facilitator stumbled on (issue 18): elision before a
/// vowel, "aucun des 4" rather than "seulement 0 des 4", a split group that
/// is "divisé".
@Suite struct FrenchWordingTests {
    let french: Catalog
    let english: Catalog
    init() throws {
        french = try Fixtures.catalog("fr")
        english = try Fixtures.catalog("en")
    }

    @Test func deAndQueElideBeforeAVowel() {
        #expect(
            french.text("web.strategy.heading", ["department": .text("Informatique")])
                == "La stratégie d'Informatique")
        #expect(french.text("web.strategy.heading", ["department": .text("Marketing")]) == "La stratégie de Marketing")
        #expect(
            french.text("repl.event.knows_declared", ["department": .text("rh"), "other": .text("Édition")])
                == "rh connaît la stratégie d'Édition")
        // Only a whole word elides, and only in a language that says so.
        #expect(english.text("web.strategy.heading", ["department": .text("IT")]) == "The strategy of IT")
        let custom = Catalog(
            language: "fr", name: "fr", elisions: ["de"], messages: ["k": .plain("monde {x} · de {x}")])
        #expect(custom.render(LocalizedMessage("k", ["x": .text("Alice")])) == "monde Alice · d'Alice")
    }

    @Test func aStrategyNobodyKnowsIsSaidSo() throws {
        var room = try AnalysisScenario()
        try room.departments("marketing", "legal", "hr", "it", "leadership")
        try room.rate("ignore", [("marketing", 0)])
        try room.rate("drift", [("marketing", 2)])
        try room.pick("position", [("marketing", "delegate")])
        try room.declare("marketing")
        let marketing = try #require(Analysis.of(room.state, language: "fr").departments[0].maturity)
        #expect(marketing.level == "experimenting")
        #expect(
            french.render(marketing.reason)
                == "Expérimentation : la médiane de « Fuir et fermer les yeux » est 0, au plus 1 ; "
                + "il a déclaré 1 élément de stratégie — pas encore Intégré et partagé, "
                + "car aucun des 4 autres départements ne connaît sa stratégie.")
        let inEnglish = try #require(Analysis.of(room.state, language: "en").departments[0].maturity)
        #expect(english.render(inEnglish.reason).hasSuffix("as none of the 4 other departments knows its strategy."))
        #expect(french.text("analysis.reading.split") == "divisé")
    }
}
