import AtelierCore
import AtelierTestFixtures
import Testing

@testable import AtelierTerminal

/// `results` and `consensus` of a stage that had two rounds: round 1 → round 2
/// side by side, one line per group, within 80 columns in both languages.
///
/// The room is the rounds example's (docs/examples/rounds.jsonl): criteria
/// IQR ≤ 1, agreement in [0, 1] ≥ 0.7, Tastle–Wierman ≥ 0.6, kept ≥ 0.5.
/// On "ignore", round 1 → round 2, by hand (quartiles of type 7):
/// - Marketing 0 1 2 → 0 1 1: median 1 → 1, IQR 1 → 0.5; in the band 3/3,
///   Tastle–Wierman 1 + 1/3 log2(5/6) + 2/3 log2(11/12) = 0.829, kept 2/3: converged.
/// - Service client 0 1 3 → 0 1 1: IQR 1.5 → 0.5, the same round 2, kept 2/3: converged.
/// - Direction générale 1 2 4 → 1 1 2: median 2 → 1, IQR 1.5 → 0.5; in the
///   band 2/3 < 0.7, the spread narrowed: still split.
/// - Company: median 1 → 1, IQR 1 → 0, converged (RoundsExampleTests).
/// On "drift": Marketing 2 2 3 → 0 2 4: IQR 0.5 → 2, diverged; Service client
/// 1 1 2 → 1 1 1: converged; Direction générale 1 1 2 → 1 2 (one did not
/// answer again): median 1 → 1.5, in the band 1/2, Tastle–Wierman 0.829 →
/// 1 + log2(7/8) = 0.807 fell: diverged; company 1 1 1 1 2 2 2 2 3 →
/// 0 1 1 1 1 2 2 4: median 2 → 1, IQR 1 → 1, in the band 5/8 < 0.7, Tastle–Wierman fell: diverged.
/// The pick: the company's most chosen delegate → a three-way tie; claire,
/// ines, lea and paul changed (4 of 9); verdicts by agreement and kept only.
@Suite struct RoundMovesViewTests {
    static let criteria = ConsensusCriteria(
        iqrMax: 1, agreementBand: AgreementBand(low: 0, high: 1), agreementMin: 0.7, tastleWiermanMin: 0.6,
        stabilityMin: 0.5)

    static let departments: [(id: String, name: String, people: [String])] = [
        ("marketing", "Marketing", ["claire", "hugo", "ines"]),
        ("service-client", "Service client", ["karim", "lea", "marc"]),
        ("direction", "Direction générale", ["sophie", "paul", "nadia"]),
    ]

    static let ratings: [(item: String, answers: [String: (Int, Int?)])] = [
        (
            "ignore",
            [
                "claire": (0, 0), "hugo": (2, 1), "ines": (1, 1), "karim": (3, 1), "lea": (1, 1), "marc": (0, 0),
                "sophie": (4, 2), "paul": (2, 1), "nadia": (1, 1),
            ]
        ),
        (
            "drift",
            [
                "claire": (2, 0), "hugo": (2, 4), "ines": (3, 2), "karim": (1, 1), "lea": (2, 1), "marc": (1, 1),
                "sophie": (1, 1), "paul": (2, 2), "nadia": (1, nil),
            ]
        ),
    ]

    static let picks: [String: (String, String)] = [
        "claire": ("delegate", "drift"), "hugo": ("drift", "drift"), "ines": ("delegate", "drift"),
        "karim": ("status_quo", "status_quo"), "lea": ("ignore", "status_quo"), "marc": ("status_quo", "status_quo"),
        "sophie": ("delegate", "delegate"), "paul": ("status_quo", "delegate"), "nadia": ("delegate", "delegate"),
    ]

    /// The example's room; `small` adds Legal with two people (who answer
    /// "ignore" in both rounds) and sets the session's minimum to 3.
    static func state(small: Bool = false) throws -> SessionState {
        let base = try Fixtures.workshop("coping-patterns")
        let workshop = Workshop(
            id: base.id, version: base.version, languages: base.languages, title: base.title, intro: base.intro,
            scales: base.scales, stages: base.stages, analysis: base.analysis, maturity: base.maturity,
            recommendations: base.recommendations, consensus: criteria)
        var state = SessionState(id: "s", workshop: workshop, locale: "en")
        var time: Timestamp = 1000
        let opening = Event.sessionStarted(
            workshop: workshop.id, version: workshop.version, locale: "en", minGroup: small ? 3 : nil)
        state.apply(RecordedEvent(seq: 1, time: time, actor: .facilitator, event: opening))
        func run(_ action: Action, as actor: Actor = .facilitator) throws {
            time += 1000
            _ = try state.execute(Command(actor: actor, action: action, time: time))
        }
        let rooms = departments + (small ? [("legal", "Legal", ["lise", "max"])] : [])
        for department in rooms { try run(.addDepartment(id: department.id, name: department.name)) }
        for department in rooms {
            for person in department.people {
                try run(.join(name: person, department: department.id), as: .participant(person))
            }
        }
        let people = departments.flatMap(\.people)
        for (item, answers) in ratings {
            try run(.goTo(stage: item))
            for person in people {
                try run(.rate(who: person, item: item, value: answers[person]!.0), as: .participant(person))
            }
            if small && item == "ignore" {
                for person in ["lise", "max"] { try run(.rate(who: person, item: item, value: 1)) }
            }
            try run(.reveal)
            try run(.round)
            for person in people {
                guard let value = answers[person]!.1 else { continue }
                try run(.rate(who: person, item: item, value: value), as: .participant(person))
            }
            if small && item == "ignore" {
                for person in ["lise", "max"] { try run(.rate(who: person, item: item, value: 1)) }
            }
        }
        try run(.goTo(stage: "position"))
        for person in people { try run(.pick(who: person, option: picks[person]!.0), as: .participant(person)) }
        try run(.reveal)
        try run(.round)
        for person in people { try run(.pick(who: person, option: picks[person]!.1), as: .participant(person)) }
        return state
    }

    static func context(_ language: String, width: Int = 80) throws -> TerminalContext {
        TerminalContext(catalog: try Fixtures.catalog(language), width: width)
    }

    @Test(arguments: [
        (
            "en",
            [
                "  Round by round (1 → 2):",
                "    Company             median 1 → 1 · IQR 1 → 0     · converged",
                "    Marketing           median 1 → 1 · IQR 1 → 0.5   · converged",
                "    Service client      median 1 → 1 · IQR 1.5 → 0.5 · converged",
                "    Direction générale  median 2 → 1 · IQR 1.5 → 0.5 · still split",
            ]
        ),
        (
            "fr",
            [
                "  Tour par tour (1 → 2) :",
                "    Entreprise          médiane 1 → 1 · EIQ 1 → 0     · convergé",
                "    Marketing           médiane 1 → 1 · EIQ 1 → 0,5   · convergé",
                "    Service client      médiane 1 → 1 · EIQ 1,5 → 0,5 · convergé",
                "    Direction générale  médiane 2 → 1 · EIQ 1,5 → 0,5 · toujours partagé",
            ]
        ),
    ])
    func resultsOfARatingStageShowEachGroupsRounds(language: String, expected: [String]) throws {
        let state = try Self.state()
        let stage = try #require(state.workshop.stage("ignore"))
        let context = try Self.context(language)
        let analysis = Analysis.shown(state, language: language)
        let lines = RoundMovesView.results(
            stage: stage, analysis: analysis, rounds: RoundsAnalysis.shown(state), state: state, context: context)
        // First round 2's detailed tally, exactly as a single-round stage prints it.
        let tally = TallyView.lines(stage: stage, analysis: analysis, state: state, context: context, detailed: true)
        #expect(Array(lines.prefix(tally.count)) == tally)
        #expect(Array(lines.dropFirst(tally.count)) == expected)
        #expect(lines.allSatisfy { AnalysisLayout.visibleCount($0) <= 80 })
    }

    @Test(arguments: [
        (
            "en",
            [
                "  Round by round (1 → 2):",
                "    Company             median 2 → 1   · IQR 1 → 1     · diverged",
                "    Marketing           median 2 → 2   · IQR 0.5 → 2   · diverged",
                "    Service client      median 1 → 1   · IQR 0.5 → 0   · converged",
                "    Direction générale  median 1 → 1.5 · IQR 0.5 → 0.5 · diverged",
            ]
        ),
        (
            "fr",
            [
                "  Tour par tour (1 → 2) :",
                "    Entreprise          médiane 2 → 1   · EIQ 1 → 1     · divergé",
                "    Marketing           médiane 2 → 2   · EIQ 0,5 → 2   · divergé",
                "    Service client      médiane 1 → 1   · EIQ 0,5 → 0   · convergé",
                "    Direction générale  médiane 1 → 1,5 · EIQ 0,5 → 0,5 · divergé",
            ]
        ),
    ])
    func consensusFollowsEachItemWithItsRounds(language: String, expected: [String]) throws {
        let state = try Self.state()
        let context = try Self.context(language)
        let analysis = Analysis.shown(state, language: language)
        let plain = ConsensusView.lines(analysis: analysis, state: state, context: context)
        let lines = ConsensusView.lines(
            analysis: analysis, state: state, context: context, rounds: RoundsAnalysis.shown(state))
        // The drift table, then its rounds, then the next item as before.
        let table = try #require(plain.firstIndex { $0.hasSuffix("(drift)") })
        let next = try #require(plain[(table + 1)...].firstIndex(of: ""))
        let at = try #require(lines.firstIndex { $0.hasSuffix("(drift)") })
        #expect(Array(lines[at..<(at + next - table)]) == Array(plain[table..<next]))
        #expect(Array(lines[(at + next - table)...].prefix(expected.count)) == expected)
        #expect(lines.allSatisfy { AnalysisLayout.visibleCount($0) <= 80 })
        // Items with a single round print as before.
        let brakes = try #require(plain.firstIndex { $0.hasSuffix("(control)") })
        let brakesNow = try #require(lines.firstIndex { $0.hasSuffix("(control)") })
        #expect(Array(lines[brakesNow...].prefix(6)) == Array(plain[brakes...].prefix(6)))
    }

    /// The company's three-way tie makes its line too long for 80 columns, so
    /// each group's figures go under its name. Agreement is the share on the
    /// most chosen option; the verdicts by agreement ≥ 0.7 and kept ≥ 0.5
    /// (docs/analysis.md, Rounds): the company 4/9 → 3/9, the share fell:
    /// diverged; marketing 2/3 → 1 but claire and ines
    /// changed, kept 1/3: still split; the other two 2/3 → 1, kept 2/3: converged.
    @Test(arguments: [
        (
            "en",
            [
                "  Round by round (1 → 2):",
                "    Company",
                "      most chosen delegate → status_quo/delegate/drift · agreement 0.44 → 0.33",
                "      · diverged",
                "    Marketing",
                "      most chosen delegate → drift · agreement 0.67 → 1 · still split",
                "    Service client",
                "      most chosen status_quo → status_quo · agreement 0.67 → 1 · converged",
                "    Direction générale",
                "      most chosen delegate → delegate · agreement 0.67 → 1 · converged",
                "    changed their pick (of those who picked in both rounds): 4/9",
            ]
        ),
        (
            "fr",
            [
                "  Tour par tour (1 → 2) :",
                "    Entreprise",
                "      le plus choisi delegate → status_quo/delegate/drift · accord 0,44 → 0,33",
                "      · divergé",
                "    Marketing",
                "      le plus choisi delegate → drift · accord 0,67 → 1 · toujours partagé",
                "    Service client",
                "      le plus choisi status_quo → status_quo · accord 0,67 → 1 · convergé",
                "    Direction générale",
                "      le plus choisi delegate → delegate · accord 0,67 → 1 · convergé",
                "    ont changé de choix (parmi ceux qui ont choisi aux deux tours) : 4/9",
            ]
        ),
    ])
    func aPickStageShowsTheMostChosenRoundByRound(language: String, expected: [String]) throws {
        let state = try Self.state()
        let stage = try #require(state.workshop.stage("position"))
        let context = try Self.context(language)
        let analysis = Analysis.shown(state, language: language)
        let lines = RoundMovesView.results(
            stage: stage, analysis: analysis, rounds: RoundsAnalysis.shown(state), state: state, context: context)
        let tally = TallyView.lines(stage: stage, analysis: analysis, state: state, context: context, detailed: true)
        #expect(lines == tally + expected)
        #expect(lines.allSatisfy { AnalysisLayout.visibleCount($0) <= 80 })
    }

    /// Too narrow for a line per group with every name whole: each group's
    /// name, then its figures below it, whole; nothing is cut.
    @Test func aNarrowTerminalPutsTheFiguresUnderTheName() throws {
        let state = try Self.state()
        let lines = RoundMovesView.item(
            "ignore", rounds: RoundsAnalysis.shown(state), analysis: Analysis.shown(state, language: "fr"),
            context: try Self.context("fr", width: 40))
        #expect(
            lines == [
                "  Tour par tour (1 → 2) :",
                "    Entreprise",
                "      médiane 1 → 1 · EIQ 1 → 0",
                "      · convergé",
                "    Marketing",
                "      médiane 1 → 1 · EIQ 1 → 0,5",
                "      · convergé",
                "    Service client",
                "      médiane 1 → 1 · EIQ 1,5 → 0,5",
                "      · convergé",
                "    Direction générale",
                "      médiane 2 → 1 · EIQ 1,5 → 0,5",
                "      · toujours partagé",
            ])
    }

    /// With `--min-group 3`, Legal (two answers a round) is left out of the
    /// rounds and named under them; its answers still count in the company's
    /// (n 11: median 1 → 1). Asked with `all`, its rounds show.
    @Test func aSmallGroupIsLeftOutUnlessAllIsAsked() throws {
        let state = try Self.state(small: true)
        let context = try Self.context("en")
        let shown = RoundMovesView.item(
            "ignore", rounds: RoundsAnalysis.shown(state), analysis: Analysis.shown(state, language: "en"),
            context: context)
        #expect(
            shown == [
                "  Round by round (1 → 2):",
                "    Company             median 1 → 1 · IQR 1 → 0     · converged",
                "    Marketing           median 1 → 1 · IQR 1 → 0.5   · converged",
                "    Service client      median 1 → 1 · IQR 1.5 → 0.5 · converged",
                "    Direction générale  median 2 → 1 · IQR 1.5 → 0.5 · still split",
                "    fewer than 3 answers in one of the rounds, left out of them: Legal (they",
                "    count in the company's rounds)",
            ])
        let all = RoundMovesView.item(
            "ignore", rounds: RoundsAnalysis.of(state), analysis: Analysis.of(state, language: "en"),
            context: context)
        #expect(all.last == "    Legal               median 1 → 1 · IQR 0 → 0     · converged")
        #expect(all.count == 6)
        // `rounds ignore` names it under the item's table too.
        let stage = try #require(state.workshop.stage("ignore"))
        let rounds = RoundsView.lines(
            stage: stage, rounds: RoundsAnalysis.shown(state), analysis: Analysis.shown(state, language: "en"),
            context: context)
        #expect(!rounds.contains { $0.hasPrefix("  Legal ") })
        let note = try #require(rounds.firstIndex(of: shown[5]))
        #expect(rounds[note + 1] == shown[6])
        #expect(rounds[note - 1].hasPrefix("  Direction gé"))
    }

    /// A stage with a single round: `results` is the detailed tally alone,
    /// and `consensus` with the rounds is `consensus` without them.
    @Test func aSingleRoundStagePrintsAsBefore() throws {
        let state = try Self.state()
        let stage = try #require(state.workshop.stage("brakes"))
        let context = try Self.context("en")
        let analysis = Analysis.shown(state, language: "en")
        let rounds = RoundsAnalysis.shown(state)
        #expect(
            RoundMovesView.results(stage: stage, analysis: analysis, rounds: rounds, state: state, context: context)
                == TallyView.lines(stage: stage, analysis: analysis, state: state, context: context, detailed: true))
        #expect(RoundMovesView.item("control", rounds: rounds, analysis: analysis, context: context) == [])
    }
}

/// `rounds STAGE` ends with the criteria its verdicts apply, in words, and
/// says where they come from (this room's opening recorded none: the
/// workshop file's). A key the locale files lack would print as ⟨key⟩.
@Suite struct RoundsCriteriaLineTests {
    @Test(arguments: [
        (
            "en",
            [
                "",
                "Criteria of the workshop file (this session recorded none at its start): IQR",
                "≤ 1.00, agreement in [0, 1] ≥ 0.70, Tastle–Wierman ≥ 0.60, kept their answer",
                "≥ 0.50",
            ]
        ),
        (
            "fr",
            [
                "",
                "Critères du fichier d'atelier (cette session n'en a enregistré aucun à son",
                "début) : EIQ ≤ 1,00, accord dans [0, 1] ≥ 0,70, Tastle–Wierman ≥ 0,60, réponse",
                "inchangée ≥ 0,50",
            ]
        ),
    ])
    func theLastLinesNameTheCriteria(language: String, expected: [String]) throws {
        let state = try RoundMovesViewTests.state()
        let stage = try #require(state.workshop.stage("ignore"))
        let lines = RoundsView.lines(
            stage: stage, rounds: RoundsAnalysis.shown(state), analysis: Analysis.shown(state, language: language),
            context: try RoundMovesViewTests.context(language))
        #expect(Array(lines.suffix(expected.count)) == expected)
    }
}
