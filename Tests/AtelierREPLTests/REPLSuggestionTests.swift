import AtelierCore
import Testing

@testable import AtelierREPL

/// "Did you mean": the same suggestion for every typed id as for commands.
@Suite struct REPLSuggestionTests {
    @Test func typedIdsGetTheClosestKnownOne() async throws {
        let (lines, summary) = try await REPLHarness.script([
            "dept add leadership", "dept add legal", "goto closng", "goto position", "pick leadrship drfit",
            "pick leadership drift", "results brakse", "strategy lgal list", "rate leadership 1", "goto brakes",
            "rate leadership contrl 1", "rate zzz 1",
        ])
        #expect(summary.refused == 7)
        #expect(
            lines.filter { $0.hasPrefix("! line ") } == [
                "! line 3: unknown stage \"closng\"; did you mean \"closing\"? stages: intro, ignore, status_quo, "
                    + "delegate, drift, position, brakes, strategy, closing",
                "! line 5: \"leadrship\" is neither a participant nor a department; did you mean \"leadership\"? "
                    + "participants: none yet; departments: leadership, legal",
                "! line 7: unknown stage \"brakse\"; did you mean \"brakes\"? stages: intro, ignore, status_quo, "
                    + "delegate, drift, position, brakes, strategy, closing",
                "! line 8: unknown department \"lgal\"; did you mean \"legal\"? known: leadership, legal",
                "! line 9: the current stage \"position\" takes a pick, not ratings",
                "! line 11: unknown item \"contrl\" on stage \"brakes\"; did you mean \"control\"? "
                    + "items: control, understanding, strategy",
                "! line 12: \"zzz\" is neither a participant nor a department; "
                    + "participants: none yet; departments: leadership, legal",
            ])
    }

    @Test func frenchSaysItToo() async throws {
        let (lines, _) = try await REPLHarness.script(["aller closng"], language: "fr")
        #expect(
            lines == [
                "! ligne 1 : étape inconnue « closng » ; vouliez-vous dire « closing » ? étapes : intro, ignore, "
                    + "status_quo, delegate, drift, position, brakes, strategy, closing"
            ])
    }

    @Test func theSuggestionIsTheClosestWithinAThirdOrTheOnlyPrefix() {
        #expect(Suggestion.closest(to: "leadrship", among: ["legal", "leadership"]) == "leadership")
        #expect(Suggestion.closest(to: "Marketing", among: ["marketing"]) == "marketing")
        #expect(Suggestion.closest(to: "zzz", among: ["legal", "hr"]) == nil)
        #expect(Suggestion.closest(to: "under", among: ["control", "understanding"]) == "understanding")
        #expect(Suggestion.closest(to: "st", among: ["status_quo", "strategy"]) == nil)
        #expect(Suggestion.closest(to: "x", among: [String]()) == nil)
    }
}
