import AtelierCore
import AtelierLive
import Testing

@testable import AtelierREPL

@Suite struct REPLScriptTests {
    @Test func aScriptPrintsEventsTalliesAndErrorsNamingTheirLine() async throws {
        let (lines, summary) = try await REPLHarness.script([
            "# set up the room",
            "dept add marketing",
            #"dept add legal "Legal affairs""#,
            "join Alice marketing",
            "",
            "next",
            "rate Alice 3",
            "rate markting 2",
            "nxet",
            "rate legal 1   # after some debate",
        ])
        #expect(summary == REPLSummary(lines: 10, refused: 2))
        let expected: [String] =
            REPLHarness.firstAnswer + [
                #"! line 8: "markting" is neither a participant nor a department; did you mean "marketing"? participants: Alice; departments: marketing, legal"#,
                #"! line 9: unknown command "nxet"; did you mean "next"? Type help for the list"#,
                "legal rated ignore: 1 (A little like us)",
                "",
                "  Flee and close our eyes (ignore)",
                "                 0         1         2         3         4         n  median",
                "  marketing      ·         ·         ·         █████  1  ·         1     3.0",
                "  Legal affairs  ·         █████  1  ·         ·         ·         1     1.0",
                "  ──────────────────────────────────────────────────────────────────────────",
                "  Company        ·         ██▌    1  ·         ██▌    1  ·         2     2.0",
            ]
        #expect(lines == expected)
    }

    @Test func resultsShowTheSpreadAndWhetherConsensusIsReached() async throws {
        let (lines, _) = try await REPLHarness.script([
            "dept add marketing", "dept add legal", "join Alice marketing", "join Bob marketing", "goto brakes",
            "rate Alice control 4", "rate Bob control 1", "rate legal control 3", "results",
        ])
        let results = Array(lines.drop { $0 != "legal rated control: 3 (A strong brake)" }.dropFirst(8))
        let expected: [String] = [
            "",
            "  Wanting to keep control of the message (control)",
            "             0      1      2      3      4      n  median  IQR   Cns  IQR≤1.0",
            "  marketing  ·      █   1  ·      ·      █   1  2     2.5  1.5  0.32        ✗",
            "  legal      ·      ·      ·      ██  1  ·      1     3.0  0.0  1.00        ✓",
            "  ───────────────────────────────────────────────────────────────────────────",
            "  Company    ·      ▋   1  ·      ▋   1  ▋   1  3     3.0  1.5  0.50        ✗",
            "  0 No brake at all · 1 A slight brake · 2 A real brake · 3 A strong brake",
            "  4 It stops us",
            "",
        ]
        #expect(Array(results.prefix(10)) == expected)
        #expect(lines.allSatisfy { $0.count <= 80 })
    }

    @Test func pickStagesCountEachOptionAndNameTheMode() async throws {
        let (lines, _) = try await REPLHarness.script([
            "dept add marketing", "dept add legal", "dept add hr", "goto position", "pick marketing drift",
            "pick legal delegate", "pick hr drift",
        ])
        let expected: [String] = [
            "hr picked drift (Follow the wind and the fashionable tools)",
            "",
            "  The dominant reflex (position)",
            "             ignore       status_quo   delegate     drift        n  most chosen",
            "  marketing  ·            ·            ·            ████████  1  1  drift",
            "  legal      ·            ·            ████████  1  ·            1  delegate",
            "  hr         ·            ·            ·            ████████  1  1  drift",
            "  ─────────────────────────────────────────────────────────────────────────────",
            "  Company    ·            ·            ██▋       1  █████▍    2  3  drift",
        ]
        #expect(Array(lines.suffix(9)) == expected)
    }

    @Test func localCommandsShowWithoutRecording() async throws {
        let (lines, summary) = try await REPLHarness.script([
            "dept add marketing", "dept add legal Legal affairs", "join Alice marketing", "departments",
            "participants", "status", "strategy nobody list", "results nowhere", "help nothing",
        ])
        #expect(summary.refused == 3)
        let expected: [String] = [
            "  marketing  1 participant: Alice",
            "  legal      Legal affairs · no participant; it answers as one voice",
            "  Alice  marketing  present",
            "stage intro (an introduction) · 2 departments · 1 present",
            "  marketing  Alice",
            "  legal      as one voice",
            #"! line 7: unknown department "nobody"; known: marketing, legal"#,
            #"! line 8: unknown stage "nowhere"; stages: intro, ignore, status_quo, delegate, drift, position, brakes, strategy, closing"#,
            #"! line 9: unknown command "nothing"; type help for the list of commands"#,
        ]
        #expect(Array(lines.dropFirst(3)) == expected)
    }

    @Test func strategiesAndNotes() async throws {
        let (lines, summary) = try await REPLHarness.script([
            "dept add marketing", "dept add legal", "goto strategy",
            #"strategy marketing add "answer every review within a day""#, "knows legal marketing",
            "shares marketing legal", "strategy marketing list", "goto closing", #"note "one shared roadmap""#,
            "results",
        ])
        #expect(summary.refused == 0)
        let expected: [String] = [
            "marketing shares its strategy with legal",
            "marketing",
            "  - “answer every review within a day”",
            "  says it shares its own with: legal",
            "  its strategy is known by: legal",
            "stage closing: What we take away",
            "note on closing: one shared roadmap",
            "  - one shared roadmap",
        ]
        #expect(Array(lines.suffix(8)) == expected)
    }

    @Test func quitStopsReading() async throws {
        let (lines, summary) = try await REPLHarness.script(["dept add hr", "quit", "dept add legal"])
        #expect(lines == ["department hr added"])
        #expect(summary == REPLSummary(lines: 2, refused: 0))
    }

    @Test func frenchTranscript() async throws {
        let (lines, _) = try await REPLHarness.script(
            ["dept add rh", "next", "noter rh 9", "noter rh 2", "suivnat"], language: "fr")
        let expected: [String] = [
            "département rh ajouté",
            "étape ignore : Fermer les yeux",
            "! ligne 3 : 9 est hors de l'échelle de l'étape « ignore » ; donnez un entier de 0 à 4",
        ]
        #expect(Array(lines.prefix(3)) == expected)
        #expect(lines[3] == "rh a noté ignore : 2 (En partie nous)")
        #expect(
            lines.last
                == "! ligne 5 : commande inconnue « suivnat » ; vouliez-vous dire « next » ? Tapez help pour la liste")
    }
}

@Suite struct REPLReaderLanguageTests {
    /// A session started in French, led with the English catalog: the
    /// analysis sentences name the workshop's stages in English.
    @Test func maturityNamesTheWorkshopInTheFacilitatorsLanguage() async throws {
        let (lines, _) = try await REPLHarness.script(
            ["dept add marketing", "next", "rate marketing 3", "maturity"], sessionLanguage: "fr")
        let maturity = Array(lines.drop { !$0.hasPrefix("Maturity") })
        let reason = [
            "    Denial: not yet Reactive, as the median for “Flee and close our eyes” is 3,",
            "    above 2.",
            "    → Start by listening: one hour a week reading what customers say about the",
            "    company.",
        ]
        #expect(
            maturity == ["Maturity levels", "", "  marketing  Denial"] + reason + ["", "  Company    Denial"] + reason)
    }

    @Test func theStageNeverCutsAnIdTheFacilitatorMustType() async throws {
        let (lines, _) = try await REPLHarness.script(["goto brakes", "stage"])
        #expect(lines.filter { $0.hasPrefix("  understanding") } == ["  understanding Not understanding these media"])
        #expect(!lines.contains { $0.contains("understandi…") })
    }

}
