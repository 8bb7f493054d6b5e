import AtelierCore
import AtelierTestFixtures
import Testing

/// Sentences with two numbers agree with each (issue 18): the locale files'
/// plural choices `{name|one:…|other:…}`, and every count sentence of the
/// exports and the REPL that had only one plural choice for two numbers.
@Suite struct PluralChoiceTests {
    let french: Catalog
    let english: Catalog
    init() throws {
        french = try Fixtures.catalog("fr")
        english = try Fixtures.catalog("en")
    }

    @Test func aChoiceFollowsItsOwnCountInEachLanguage() {
        let template = "{known} {known|one:connaît|other:connaissent} · {others|one:l'autre|other:{others} autres}"
        let fr = Catalog(language: "fr", name: "fr", messages: ["k": .plain(template)])
        let en = Catalog(language: "en", name: "en", messages: ["k": .plain(template)])
        func text(_ catalog: Catalog, _ known: Int, _ others: Int) -> String {
            catalog.text("k", ["known": .count(known), "others": .count(others)])
        }
        #expect(text(fr, 1, 3) == "1 connaît · 3 autres")
        #expect(text(fr, 2, 1) == "2 connaissent · l'autre")
        // French: 0 takes the singular; English: only 1 does.
        #expect(text(fr, 0, 0) == "0 connaît · l'autre")
        #expect(text(en, 0, 0) == "0 connaissent · 0 autres")
        // No count to choose by: the other form.
        #expect(fr.text("k") == "{known} connaissent · {others} autres")
        // A choice elides after "de" as a value would.
        let elided = Catalog(
            language: "fr", name: "fr", elisions: ["de"], messages: ["k": .plain("de {n|one:un seul|other:{n}}")])
        #expect(elided.text("k", ["n": .count(1)]) == "d'un seul")
        #expect(elided.text("k", ["n": .count(4)]) == "de 4")
    }

    @Test func aLocaleFileWithAWrongChoiceIsRefused() {
        let file = """
            language: fr
            name: Français
            messages:
              a: "{n} {n|one:point|many:points}"
              b: "{n} {n|one:point}"
            """
        let problems = CatalogParser.parse(file).problems.map { english.render($0.message) }
        #expect(
            problems == [
                "unknown plural form \"many\"; accepted: one, other",
                "message \"a\" has plural forms but no \"other\" form",
                "message \"b\" has plural forms but no \"other\" form",
            ])
        // The argument of a choice and the placeholders inside it are the message's placeholders.
        let reference = Catalog(language: "en", name: "en", messages: ["k": .plain("{n} {n|one:x|other:{m} y}")])
        let ok = Catalog(language: "fr", name: "fr", messages: ["k": .plain("{n|one:x|other:{m}}")])
        let wrong = Catalog(language: "fr", name: "fr", messages: ["k": .plain("{n|one:x|other:{z}}")])
        #expect(CatalogParser.compare(ok, against: reference).isEmpty)
        #expect(
            CatalogParser.compare(wrong, against: reference).map { english.render($0.message) } == [
                "placeholder {z} is unknown to message \"k\"; accepted: m, n"
            ])
    }

    @Test func theTurnoutAndTheMethodsAgreeWithBothCounts() {
        func turnout(_ catalog: Catalog, _ people: Int, _ departments: Int) -> String {
            catalog.text("export.turnout", ["participants": .count(people), "departments": .count(departments)])
        }
        #expect(turnout(french, 1, 2) == "1 participant venu de 2 départements.")
        #expect(turnout(french, 5, 1) == "5 participants venus de 1 département.")
        #expect(turnout(french, 0, 0) == "0 participant venu de 0 département.")
        #expect(turnout(english, 1, 2) == "1 participant from 2 departments.")
        #expect(turnout(english, 5, 1) == "5 participants from 1 department.")
        let args: [String: MessageValue] = ["participants": .count(1), "departments": .count(1), "list": .text("x")]
        #expect(
            french.text("export.methods.who", args).hasPrefix(
                "1 participant a répondu pour 1 département (participants par département : x)"))
        #expect(
            english.text("export.methods.who", args).hasPrefix(
                "1 participant answered for 1 department (participants per department: x)"))
    }

    @Test func theREPLsCountsAgree() {
        let banner: [String: MessageValue] = [
            "session": .text("s"), "workshop": .text("w"), "departments": .count(1), "count": .count(2),
        ]
        #expect(french.text("repl.banner.session", banner) == "session s · atelier w · 1 département · 2 présents")
        #expect(english.text("repl.banner.session", banner) == "session s · workshop w · 1 department · 2 present")
        let status: [String: MessageValue] = [
            "stage": .text("ignore"), "kind": .text("notes"), "departments": .count(3), "count": .count(1),
        ]
        #expect(french.text("repl.status.header", status) == "étape ignore (notes) · 3 départements · 1 présent")
        #expect(english.text("repl.status.header", status) == "stage ignore (notes) · 3 departments · 1 present")
        func answered(_ catalog: Catalog, _ answered: Int, _ present: Int) -> String {
            catalog.text(
                "net.feed.answered", ["answered": .count(answered), "count": .count(present), "stage": .text("ignore")])
        }
        #expect(answered(french, 1, 3) == "1 sur 3 présents a répondu à ignore")
        #expect(answered(french, 2, 3) == "2 sur 3 présents ont répondu à ignore")
        #expect(answered(french, 0, 1) == "0 sur 1 présent a répondu à ignore")
        #expect(answered(english, 1, 3) == "1 of 3 present answered ignore")
        let at: [String: MessageValue] = [
            "session": .text("s"), "elapsed": .text("0:10"), "count": .count(1), "total": .count(1),
        ]
        #expect(french.text("replay.at", at) == "Séance s à 0:10 : 1 événement sur 1")
        #expect(english.text("replay.at", at) == "Session s at 0:10: 1 of 1 event")
    }

    @Test func whoKnowsAStrategyAgrees() {
        func known(_ catalog: Catalog, _ key: String, _ known: Int, _ others: Int) -> String {
            catalog.text(key, ["known": .count(known), "others": .count(others), "count": .count(others)])
        }
        #expect(known(english, "analysis.rule.known", 1, 1) == "the other department knows its strategy")
        #expect(known(english, "analysis.rule.known", 1, 2) == "1 out of 2 other departments knows its strategy")
        #expect(known(english, "analysis.rule.known", 3, 4) == "3 out of 4 other departments know its strategy")
        #expect(known(french, "analysis.rule.known", 1, 1) == "l'autre département connaît sa stratégie")
        #expect(known(french, "analysis.rule.known", 1, 2) == "1 des 2 autres départements connaît sa stratégie")
        #expect(known(french, "analysis.rule.known", 3, 4) == "3 des 4 autres départements connaissent sa stratégie")
        #expect(
            known(english, "analysis.rule.not_known", 1, 3) == "only 1 out of 3 other departments knows its strategy")
        #expect(
            known(french, "analysis.rule.not_known", 1, 3)
                == "seulement 1 des 3 autres départements connaît sa stratégie"
        )
        func unshared(_ catalog: Catalog, _ unaware: [String], _ others: Int) -> String {
            catalog.text(
                "analysis.silo.unshared_strategy",
                [
                    "department": .text("Marketing"), "unaware": .list(unaware), "count": .count(unaware.count),
                    "others": .count(others),
                ])
        }
        #expect(
            unshared(english, ["Legal"], 1)
                == "The strategy of Marketing is unknown to Legal (the only other department).")
        #expect(
            unshared(french, ["Juridique"], 1)
                == "La stratégie de Marketing est inconnue de Juridique (le seul autre département).")
        #expect(
            unshared(english, ["Legal", "IT"], 3)
                == "The strategy of Marketing is unknown to Legal, IT (2 out of 3 other departments).")
        #expect(
            unshared(french, ["Juridique", "Informatique"], 3)
                == "La stratégie de Marketing est inconnue de Juridique, Informatique (2 des 3 autres départements).")
    }

    @Test func aLoneDepartmentIsNotCountedAgainstItself() throws {
        var room = try AnalysisScenario()
        try room.departments("marketing")
        try room.rate("ignore", [("marketing", 0)])
        try room.rate("drift", [("marketing", 2)])
        try room.pick("position", [("marketing", "delegate")])
        try room.declare("marketing")
        let french = try #require(Analysis.of(room.state, language: "fr").departments[0].maturity)
        let english = try #require(Analysis.of(room.state, language: "en").departments[0].maturity)
        #expect(
            self.french.render(french.reason).contains("aucun autre département n'est là pour connaître sa stratégie"))
        #expect(self.english.render(english.reason).contains("there is no other department to know its strategy"))
        #expect(!self.english.render(english.reason).contains("0 out of 0"))
    }

    @Test func fileProblemsCountTheirThings() {
        #expect(
            french.text("workshop.scale_label_count", ["scale": .text("s"), "count": .count(1), "expected": .count(5)])
                == "l'échelle « s » a 1 libellé pour 5 points ; donnez un libellé par point")
        #expect(
            english.text(
                "workshop.scale_label_count", ["scale": .text("s"), "count": .count(1), "expected": .count(5)])
                == "scale \"s\" has 1 label for 5 points; give one label per point")
        #expect(
            french.text("store.recording.missing_events", ["count": .count(1), "expected": .count(9)])
                == "le fichier s'arrête après 1 événement alors que son en-tête en annonce 9 : le fichier est tronqué")
        #expect(
            english.text("workshop.agreement_band_shape", ["count": .count(1)])
                == "agreement_band holds 1 number; write two scale points [low, high], e.g. [3, 4]")
    }
}
