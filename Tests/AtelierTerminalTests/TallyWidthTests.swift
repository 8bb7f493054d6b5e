import AtelierCore
import Foundation
import Testing

@testable import AtelierTerminal

/// The live tally on narrow screens (a participant's terminal, a phone):
/// without bars below the width they need, the spread columns left out from
/// the least needed, a pick stage's options numbered under a key when their
/// ids do not fit; every line within the width down to 30 columns.
@Suite struct TallyWidthTests {
    let room: AnalysisViewsTests

    init() throws { room = try AnalysisViewsTests() }

    @Test func aRatingAt40And57Columns() throws {
        #expect(
            try room.tally("ignore", room.english, width: 40) == [
                "",
                "  Flee and close our eyes (ignore)",
                "                   0 1 2 3 4 n median",
                "  Marketing        1 1 · · · 2    0.5",
                "  Customer service · · 1 · · 1    2.0",
                "  Legal            · · · · 1 1    4.0",
                "  ───────────────────────────────────",
                "  Company          1 1 1 · 1 4    1.5",
            ])
        #expect(
            try room.tally("ignore", room.french, width: 57) == [
                "",
                "  Fuir et fermer les yeux (ignore)",
                "            0      1      2      3      4      n  médiane",
                "  Marketi…  █   1  █   1  ·      ·      ·      2      0,5",
                "  Custome…  ·      ·      ██  1  ·      ·      1      2,0",
                "  Legal     ·      ·      ·      ·      ██  1  1      4,0",
                "  ───────────────────────────────────────────────────────",
                "  Entrepr…  ▌   1  ▌   1  ▌   1  ·      ▌   1  4      1,5",
            ])
        #expect(
            try room.tally("ignore", room.english, width: 57) == [
                "",
                "  Flee and close our eyes (ignore)",
                "             0      1      2      3      4      n  median",
                "  Marketing  █   1  █   1  ·      ·      ·      2     0.5",
                "  Customer…  ·      ·      ██  1  ·      ·      1     2.0",
                "  Legal      ·      ·      ·      ·      ██  1  1     4.0",
                "  ───────────────────────────────────────────────────────",
                "  Company    ▌   1  ▌   1  ▌   1  ·      ▌   1  4     1.5",
            ])
    }

    @Test func theResultsAt40And57ColumnsLeaveOutWhatDoesNotFit() throws {
        let french = try room.tally("brakes", room.french, width: 40, detailed: true)
        #expect(
            Array(french.prefix(12)) == [
                "",
                "  Vouloir garder le contrôle du message",
                "  (control)",
                "            0 1 2 3 4 n médiane EIQ  Cns",
                "  Marketing · 1 1 · · 2     1,5 0,5 0,81",
                "  Customer… · · · 1 · 1     3,0 0,0 1,00",
                "  Legal     · · · · 1 1     4,0 0,0 1,00",
                "  ──────────────────────────────────────",
                "  Entrepri… · 1 1 1 1 4     2,5 1,5 0,56",
                "  0 Aucun frein · 1 Frein léger",
                "  2 Frein réel · 3 Frein fort",
                "  4 Frein bloquant",
            ])
        let english = try room.tally("brakes", room.english, width: 57, detailed: true)
        #expect(
            Array(english.prefix(10)) == [
                "",
                "  Wanting to keep control of the message (control)",
                "                   0 1 2 3 4 n median IQR  Cns IQR≤1.0",
                "  Marketing        · 1 1 · · 2    1.5 0.5 0.81       ✓",
                "  Customer service · · · 1 · 1    3.0 0.0 1.00       ✓",
                "  Legal            · · · · 1 1    4.0 0.0 1.00       ✓",
                "  ────────────────────────────────────────────────────",
                "  Company          · 1 1 1 1 4    2.5 1.5 0.56       ✗",
                "  0 No brake at all · 1 A slight brake · 2 A real brake",
                "  3 A strong brake · 4 It stops us",
            ])
    }

    @Test func aPickAt40And57Columns() throws {
        #expect(
            try room.tally("position", room.english, width: 40) == [
                "",
                "  The dominant reflex (position)",
                "                   1 2 3 4 n most chosen",
                "  Marketing        · · 2 · 2 delegate",
                "  Customer service · 1 · · 1 status_quo",
                "  Legal            1 · · · 1 ignore",
                "  ──────────────────────────────────────",
                "  Company          1 1 2 · 4 delegate",
                "  1 ignore · 2 status_quo · 3 delegate",
                "  4 drift",
            ])
        #expect(
            try room.tally("position", room.french, width: 40) == [
                "",
                "  Le réflexe dominant (position)",
                "                1 2 3 4 n le plus choisi",
                "  Marketing     · · 2 · 2 delegate",
                "  Customer ser… · 1 · · 1 status_quo",
                "  Legal         1 · · · 1 ignore",
                "  ──────────────────────────────────────",
                "  Entreprise    1 1 2 · 4 delegate",
                "  1 ignore · 2 status_quo · 3 delegate",
                "  4 drift",
            ])
        #expect(
            try room.tally("position", room.english, width: 57) == [
                "",
                "  The dominant reflex (position)",
                "           ignore status_quo delegate drift n most chosen",
                "  Marketi…      ·          ·        2     · 2 delegate",
                "  Custome…      ·          1        ·     · 1 status_quo",
                "  Legal         1          ·        ·     · 1 ignore",
                "  ───────────────────────────────────────────────────────",
                "  Company       1          1        2     · 4 delegate",
            ])
        #expect(
            try room.tally("position", room.french, width: 57) == [
                "",
                "  Le réflexe dominant (position)",
                "                   ignore status_quo delegate drift n",
                "  Marketing             ·          ·        2     · 2",
                "  Customer service      ·          1        ·     · 1",
                "  Legal                 1          ·        ·     · 1",
                "  ───────────────────────────────────────────────────",
                "  Entreprise            1          1        2     · 4",
            ])
    }

    @Test func at80ColumnsTheBarsStay() throws {
        #expect(
            try room.tally("ignore", room.french, width: 80) == [
                "",
                "  Fuir et fermer les yeux (ignore)",
                "                    0         1         2         3         4         n  médiane",
                "  Marketing         ██▌    1  ██▌    1  ·         ·         ·         2      0,5",
                "  Customer service  ·         ·         █████  1  ·         ·         1      2,0",
                "  Legal             ·         ·         ·         ·         █████  1  1      4,0",
                "  ──────────────────────────────────────────────────────────────────────────────",
                "  Entreprise        █▎     1  █▎     1  █▎     1  ·         █▎     1  4      1,5",
            ])
    }

    @Test func everyLineFitsFrom30To80Columns() throws {
        for catalog in [room.english, room.french] {
            for width in 30...80 {
                for (stage, detailed) in [("ignore", false), ("brakes", true), ("brakes", false), ("position", false)] {
                    let lines = try room.tally(stage, catalog, width: width, detailed: detailed)
                    #expect(
                        lines.filter { AnalysisLayout.visibleCount($0) > width } == [],
                        "\(catalog.language) \(width) \(stage)")
                }
            }
        }
    }
}
