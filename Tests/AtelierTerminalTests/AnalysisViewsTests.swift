import AtelierCore
import Foundation
import Testing

@testable import AtelierTerminal

/// The consensus, silos and maturity views over a scripted coping-patterns room.
@Suite struct AnalysisViewsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    let state: SessionState
    let english: Catalog
    let french: Catalog

    init() throws {
        func read(_ path: String) throws -> String {
            try String(contentsOf: Self.root.appendingPathComponent(path), encoding: .utf8)
        }
        let workshop = try #require(WorkshopParser.parse(try read("workshops/coping-patterns.yaml")).workshop)
        english = try #require(CatalogParser.parse(try read("locales/en.yaml")).catalog)
        french = try #require(CatalogParser.parse(try read("locales/fr.yaml")).catalog)
        state = SessionState.fold(id: "s", workshop: workshop, events: Self.room(workshop))
    }

    /// Three departments; marketing answers through two participants, the
    /// others as one voice each.
    static func room(_ workshop: Workshop) -> [RecordedEvent] {
        var events: [Event] = [
            .sessionStarted(workshop: workshop.id, version: workshop.version, locale: "en"),
            .departmentAdded(id: "marketing", name: "Marketing"),
            .departmentAdded(id: "service", name: "Customer service"),
            .departmentAdded(id: "legal", name: "Legal"),
            .participantJoined(name: "ana", department: "marketing"),
            .participantJoined(name: "ben", department: "marketing"),
        ]
        let ratings: [(String, String, [Int])] = [
            ("ignore", "ignore", [0, 1, 2, 4]), ("status_quo", "status_quo", [1, 1, 3, 4]),
            ("delegate", "delegate", [3, 4, 1, 0]), ("drift", "drift", [2, 2, 3, 1]),
            ("brakes", "control", [1, 2, 3, 4]), ("brakes", "understanding", [1, 1, 2, 4]),
            ("brakes", "strategy", [2, 2, 2, 3]),
        ]
        let raters: [Rater] = [.participant("ana"), .participant("ben"), .department("service"), .department("legal")]
        for (stage, item, values) in ratings {
            for (rater, value) in zip(raters, values) {
                events.append(.rated(rater: rater, stage: stage, item: item, value: value))
            }
        }
        for (rater, option) in zip(raters, ["delegate", "delegate", "status_quo", "ignore"]) {
            events.append(.picked(rater: rater, stage: "position", option: option))
        }
        events += [
            .strategyDeclared(department: "marketing", text: "two posts a week"),
            .strategyDeclared(department: "service", text: "answer within a day"),
            .knowsDeclared(department: "service", other: "marketing"),
            .sharesDeclared(department: "marketing", other: "legal"),
        ]
        return events.enumerated().map { index, event in
            RecordedEvent(seq: Int64(index + 1), time: 1000, actor: .facilitator, event: event)
        }
    }

    var analysis: Analysis { Analysis.of(state) }

    @Test func colouredPickRowsKeepTheirMostChosenColumn() throws {
        let stage = try #require(state.workshop.stage("position"))
        let plain = TallyView.lines(
            stage: stage, analysis: analysis, state: state, context: TerminalContext(catalog: english))
        let coloured = TallyView.lines(
            stage: stage, analysis: analysis, state: state,
            context: TerminalContext(catalog: english, style: Style(colour: true)))
        // Without their escape codes, the coloured lines are the plain ones.
        let stripped = coloured.map { $0.replacing(/\u{1B}\[[0-9;]*m/, with: "") }
        #expect(stripped == plain)
        #expect(plain.contains { $0.hasPrefix("  Company") && $0.hasSuffix("  delegate") })
    }

    @Test func consensusShowsEachGroupThenAlpha() {
        let lines = ConsensusView.lines(analysis: analysis, state: state, context: TerminalContext(catalog: english))
        #expect(
            Array(lines.prefix(8)) == [
                "Consensus per item: the company, then each department",
                "",
                "Flee and close our eyes (ignore)",
                "                    n  median   IQR   Cns  IQR≤1.0  reading",
                "  Company           4     1.5  1.75  0.40       no  opposed camps",
                "  Marketing         2     0.5  0.50  0.81      yes  strong agreement",
                // One answer is "a single answer", never "strong agreement" (docs/analysis.md).
                "  Customer service  1     2.0  0.00  1.00      yes  a single answer",
                "  Legal             1     4.0  0.00  1.00      yes  a single answer",
            ])
        #expect(lines.contains("  Company           4   0.50    0.75  “Delegate to an agency or a guru”") == false)
        #expect(lines.contains("  Company           4   0.50    0.75  Delegate to an agency or a guru"))
        #expect(
            Array(lines.suffix(3)) == [
                "  Krippendorff's alpha, ordinal, over ignore, status_quo, delegate, drift:",
                "  -0.228, raters do not answer alike.",
                "  Krippendorff's alpha, nominal, over position: –, not enough data.",
            ])
    }

    @Test func silosListsFindingsThenTheAwarenessMatrix() {
        #expect(
            SilosView.lines(analysis: analysis, state: state, context: TerminalContext(catalog: english)) == [
                "Silo findings, most severe first",
                "  1.00  unshared strategy: The strategy of Customer service is unknown to",
                "        Marketing, Legal (2 out of 2 other departments).",
                "        → Have this strategy presented to the departments that do not know it,",
                "        then decide together what becomes common.",
                "  1.00  believed shared: Marketing believes it shares its strategy with Legal,",
                "        but Legal does not know it.",
                "        → Check the channel: a document sent is not a strategy known. Plan a",
                "        live exchange.",
                "  1.00  no strategy: Legal has declared no social-media strategy.",
                "        → Help this department write two or three social-media goals tied to its",
                "        own work.",
                "  0.45  divergent position: Legal mostly answers “Flee and close our eyes” where",
                "        the company answers “Delegate to an agency or a guru”, and its ratings",
                "        sit 1.79 points from the company's medians on average.",
                "        → Listen to this department: its view differs from the rest of the",
                "        company; that is information, not a mistake.",
                "",
                "Who knows whose strategy (the row knows the column's; * declared one)",
                "                      1 2 3",
                "  1 Marketing*        - · ·",
                "  2 Customer service* ✓ - ·",
                "  3 Legal             · · -",
            ])
    }

    @Test func maturityGivesEachLevelWithItsReason() {
        let lines = MaturityView.lines(analysis: analysis, state: state, context: TerminalContext(catalog: english))
        #expect(
            Array(lines.suffix(10)) == [
                "  Legal             Denial",
                "    Denial: not yet Reactive, as the median for “Flee and close our eyes” is 4,",
                "    above 2.",
                "    → Start by listening: one hour a week reading what customers say about the",
                "    company.",
                "",
                "  Company           Reactive",
                "    Reactive: not yet Experimenting, as the median for “Flee and close our eyes”",
                "    is 1.5, above 1.",
                "    → Name an in-house owner and set two goals tied to the company's goals.",
            ])
        #expect(lines[2] == "  Marketing         Integrated and shared")
    }

    @Test func everyLineFitsTheWidthAndEveryMessageExists() {
        for catalog in [english, french] {
            for width in [60, 80, 100] {
                let lines =
                    ConsensusView.lines(
                        analysis: analysis, state: state, context: TerminalContext(catalog: catalog, width: width))
                    + SilosView.lines(
                        analysis: analysis, state: state, context: TerminalContext(catalog: catalog, width: width))
                    + MaturityView.lines(
                        analysis: analysis, state: state, context: TerminalContext(catalog: catalog, width: width))
                #expect(lines.filter { $0.count > width } == [], "\(catalog.language) \(width)")
                #expect(!lines.contains { $0.contains("⟨") }, "\(catalog.language)")
            }
        }
    }

    @Test func theAwarenessMatrixCountsTheColumnsItLeavesOut() {
        let events = (1...30).map { index in
            RecordedEvent(
                seq: Int64(index), time: 1000, actor: .facilitator,
                event: .departmentAdded(id: "d\(index)", name: index < 10 ? "d0\(index)" : "d\(index)"))
        }
        let many = SessionState.fold(id: "m", workshop: state.workshop, events: events)
        let lines = SilosView.awareness(many, context: TerminalContext(catalog: english, width: 40))
        let header = lines.count - 32
        #expect(lines[header] == "           1  2  3  4  5  6  7  8  9 10")
        #expect(lines[header + 1] == "   1 d01   -  ·  ·  ·  ·  ·  ·  ·  ·  ·")
        #expect(lines.last == "  … and 20 more departments not shown")
    }

    func tally(_ stage: String, _ catalog: Catalog, width: Int, detailed: Bool = false) throws -> [String] {
        TallyView.lines(
            stage: try #require(state.workshop.stage(stage)), analysis: analysis, state: state,
            context: TerminalContext(catalog: catalog, width: width), detailed: detailed)
    }

    @Test func talliesAt80Columns() throws {
        let brakes = try tally("brakes", french, width: 80, detailed: true)
        #expect(
            brakes == [
                "",
                "  Vouloir garder le contrôle du message (control)",
                "               0      1      2      3      4      n  médiane  EIQ   Cns  EIQ≤1,0",
                "  Marketing    ·      █   1  █   1  ·      ·      2      1,5  0,5  0,81        ✓",
                "  Customer s…  ·      ·      ·      ██  1  ·      1      3,0  0,0  1,00        ✓",
                "  Legal        ·      ·      ·      ·      ██  1  1      4,0  0,0  1,00        ✓",
                "  ──────────────────────────────────────────────────────────────────────────────",
                "  Entreprise   ·      ▌   1  ▌   1  ▌   1  ▌   1  4      2,5  1,5  0,56        ✗",
                "  0 Aucun frein · 1 Frein léger · 2 Frein réel · 3 Frein fort · 4 Frein bloquant",
                "",
                "  Ne pas comprendre ces médias (understanding)",
                "               0      1      2      3      4      n  médiane  EIQ   Cns  EIQ≤1,0",
                "  Marketing    ·      ██  2  ·      ·      ·      2      1,0  0,0  1,00        ✓",
                "  Customer s…  ·      ·      ██  1  ·      ·      1      2,0  0,0  1,00        ✓",
                "  Legal        ·      ·      ·      ·      ██  1  1      4,0  0,0  1,00        ✓",
                "  ──────────────────────────────────────────────────────────────────────────────",
                "  Entreprise   ·      █   2  ▌   1  ·      ▌   1  4      1,5  1,5  0,54        ✗",
                "  0 Aucun frein · 1 Frein léger · 2 Frein réel · 3 Frein fort · 4 Frein bloquant",
                "",
                "  Manquer de stratégie et d'engagement (strategy)",
                "               0      1      2      3      4      n  médiane  EIQ   Cns  EIQ≤1,0",
                "  Marketing    ·      ·      ██  2  ·      ·      2      2,0  0,0  1,00        ✓",
                "  Customer s…  ·      ·      ██  1  ·      ·      1      2,0  0,0  1,00        ✓",
                "  Legal        ·      ·      ·      ██  1  ·      1      3,0  0,0  1,00        ✓",
                "  ──────────────────────────────────────────────────────────────────────────────",
                "  Entreprise   ·      ·      █▌  3  ▌   1  ·      4      2,0  0,3  0,86        ✓",
                "  0 Aucun frein · 1 Frein léger · 2 Frein réel · 3 Frein fort · 4 Frein bloquant",
            ])
        let position = try tally("position", english, width: 80)
        #expect(
            position == [
                "",
                "  The dominant reflex (position)",
                "                    ignore     status_quo  delegate   drift      n  most chosen",
                "  Marketing         ·          ·           ██████  2  ·          2  delegate",
                "  Customer service  ·          ██████  1   ·          ·          1  status_quo",
                "  Legal             ██████  1  ·           ·          ·          1  ignore",
                "  ─────────────────────────────────────────────────────────────────────────────",
                "  Company           █▌      1  █▌      1   ███     2  ·          4  delegate",
            ])
    }

    @Test func talliesAt200ColumnsGrowTheirBars() throws {
        let ignore = try tally("ignore", english, width: 200)
        #expect(
            ignore == [
                "",
                "  Flee and close our eyes (ignore)",
                "                    0                         1                         2                         3                         4                         n  median",
                "  Marketing         ██████████▌            1  ██████████▌            1  ·                         ·                         ·                         2     0.5",
                "  Customer service  ·                         ·                         █████████████████████  1  ·                         ·                         1     2.0",
                "  Legal             ·                         ·                         ·                         ·                         █████████████████████  1  1     4.0",
                "  ─────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────",
                "  Company           █████▎                 1  █████▎                 1  █████▎                 1  ·                         █████▎                 1  4     1.5",
            ])
        let position = try tally("position", french, width: 200)
        #expect(
            position == [
                "",
                "  Le réflexe dominant (position)",
                "                    ignore                    status_quo                delegate                  drift                     n  le plus choisi",
                "  Marketing         ·                         ·                         █████████████████████  2  ·                         2  delegate",
                "  Customer service  ·                         █████████████████████  1  ·                         ·                         1  status_quo",
                "  Legal             █████████████████████  1  ·                         ·                         ·                         1  ignore",
                "  ───────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────",
                "  Entreprise        █████▎                 1  █████▎                 1  ██████████▌            2  ·                         4  delegate",
            ])
    }

    @Test func frenchConsensusHeadersStayApart() {
        let lines = ConsensusView.lines(analysis: analysis, state: state, context: TerminalContext(catalog: french))
        #expect(
            Array(lines.prefix(5)) == [
                "Consensus par élément : l'entreprise, puis chaque département",
                "",
                "Fuir et fermer les yeux (ignore)",
                "                    n  médiane   EIQ   Cns  EIQ≤1,0  lecture",
                "  Entreprise        4      1,5  1,75  0,40      non  camps opposés",
            ])
        #expect(lines.contains("                    n  part  dispersion  le plus choisi"))
    }

    @Test func noViewExceedsTheWidthAndNoIdIsCut() throws {
        for catalog in [english, french] {
            for width in [80, 120, 200] {
                var lines: [String] = []
                for stage in state.workshop.stages {
                    lines += try tally(stage.id, catalog, width: width)
                    lines += try tally(stage.id, catalog, width: width, detailed: true)
                }
                let context = TerminalContext(catalog: catalog, width: width)
                lines += ConsensusView.lines(analysis: analysis, state: state, context: context)
                lines += SilosView.lines(analysis: analysis, state: state, context: context)
                lines += MaturityView.lines(analysis: analysis, state: state, context: context)
                lines += RoomView.status(state: state, context: context)
                #expect(lines.filter { $0.count > width } == [], "\(catalog.language) \(width)")
                for id in state.workshop.stages.flatMap({ $0.options.map(\.id) + $0.items.map(\.id) }) {
                    #expect(!lines.contains { $0.contains(String(id.dropLast()) + "…") }, "\(id) cut at \(width)")
                }
            }
        }
    }
}
