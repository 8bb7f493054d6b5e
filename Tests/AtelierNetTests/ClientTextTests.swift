import AtelierNet
import Testing

@Suite("What the participant's client shows")
struct ClientTextTests {
    @Test func repliesBecomeTicksAndCrosses() {
        #expect(ClientText.display("ok") == nil)
        #expect(
            ClientText.display("ok control: 3 (A strong brake) recorded") == "✓ control: 3 (A strong brake) recorded")
        #expect(
            ClientText.display("error only the facilitator can use \"next\"")
                == "✗ only the facilitator can use \"next\"")
        #expect(ClientText.display("* welcome — atelier: type join CODE NAME DEPARTMENT") == nil)
    }

    @Test func stageLinesLoseTheirMarks() {
        #expect(
            ClientText.display("* stage brakes — The three brakes (stage 7 of 9)")
                == "▶ The three brakes (stage 7 of 9)")
        #expect(ClientText.display("* prompt — How much?") == "  How much?")
        #expect(ClientText.display("* hint — answer with pick OPTION") == "  → answer with pick OPTION")
        #expect(ClientText.display("* reveal ignore — the results are out") == "» the results are out")
        #expect(ClientText.display("- note — A charter first") == "» A charter first")
        #expect(
            ClientText.display("- help rate — rate [ITEM] VALUE — rate an item") == "  rate [ITEM] VALUE — rate an item"
        )
        #expect(ClientText.display("- help join — join CODE NAME DEPARTMENT [LANGUAGE] — take part") == nil)
        #expect(ClientText.display("- help resume — resume TOKEN — come back") == nil)
    }

    @Test func idsLeadUnlessTheWordsStartWithThem() {
        #expect(
            ClientText.display("* item control — Wanting to keep control of the message")
                == "  control: Wanting to keep control of the message")
        #expect(ClientText.display("* department legal — Legal") == "  legal: Legal")
        #expect(ClientText.display("* department it — it") == "  it")
        #expect(ClientText.display("* item it — Its own tools") == "  it: Its own tools")
        #expect(
            ClientText.display("- department it — it : 1 stratégie énoncée ; connue d'aucun autre département")
                == "  it : 1 stratégie énoncée ; connue d'aucun autre département")
        #expect(
            ClientText.display("- department marketing — marketing: 1 strategy stated; known by legal")
                == "  marketing: 1 strategy stated; known by legal")
    }
}

@Suite("What the participant's client completes")
struct ClientCompletionTests {
    @Test func knowsAndSharesOfferTheOtherDepartmentsOnly() {
        var completion = ClientCompletion(languages: ["en", "fr"], department: "marketing")
        for line in [
            "* stage strategy — Who has a strategy, and who knows it? (stage 8 of 9)",
            "* department marketing — marketing",
            "* department legal — Legal", "* department it — it",
        ] {
            completion.absorb(line)
        }
        #expect(completion.words(for: "knows ") == ["legal", "it"])
        #expect(completion.words(for: "shares l") == ["legal", "it"])
        #expect(completion.words(for: "strategy ") == ["add"])
        #expect(completion.words(for: "locale ") == ["en", "fr"])
        // A new stage forgets the departments, not whose they are.
        completion.absorb("* stage closing — What we take away (stage 9 of 9)")
        #expect(completion.words(for: "knows ") == [])
        #expect(completion.department == "marketing")
    }
}
