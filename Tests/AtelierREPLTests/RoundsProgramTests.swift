import Foundation
import Testing

extension ProgramTests {
    /// A second round through the real program and a real store: round 1 in
    /// one run, round 2 after `resume`; `results` and `consensus` then show
    /// round 1 → round 2 in the reader's language.
    @Suite struct RoundsProgramTests {
        /// Round 1: marketing 3, legal 1; round 2: marketing 2, legal 2. Company
        /// 1 3 → 2 2 (type-7 quartiles): median 2 → 2, IQR 1 → 0; each department
        /// one voice, IQR 0 both rounds; all meet IQR ≤ 1: converged.
        @Test(arguments: [
            (
                "en",
                [
                    "  Round by round (1 → 2):",
                    "    Company        median 2 → 2 · IQR 1 → 0 · converged",
                    "    marketing      median 3 → 2 · IQR 0 → 0 · converged",
                    "    Legal affairs  median 1 → 2 · IQR 0 → 0 · converged",
                ]
            ),
            (
                "fr",
                [
                    "  Tour par tour (1 → 2) :",
                    "    Entreprise     médiane 2 → 2 · EIQ 1 → 0 · convergé",
                    "    marketing      médiane 3 → 2 · EIQ 0 → 0 · convergé",
                    "    Legal affairs  médiane 1 → 2 · EIQ 0 → 0 · convergé",
                ]
            ),
        ])
        func aResumedSessionShowsItsRoundsSideBySide(language: String, expected: [String]) async throws {
            let atelier = try AtelierBinary()
            defer { atelier.remove() }
            let first = try await atelier.run(
                ["run", "--store", atelier.store, "--session", "rounds", "--locale", language, "--strict"],
                input: "dept add marketing\ndept add legal \"Legal affairs\"\nnext\nrate marketing 3\nrate legal 1\n"
                    + "reveal\nround\nquit\n")
            #expect(first.status == 0)
            #expect(first.errors == "")
            let second = try await atelier.run(
                ["resume", "rounds", "--store", atelier.store, "--locale", language, "--strict"],
                input: "rate marketing 2\nrate legal 2\nresults\nconsensus\n")
            #expect(second.errors == "")
            #expect(second.status == 0)
            // Once under the results (after the legend), once under the item in consensus.
            let starts = second.lines.indices.filter { second.lines[$0] == expected[0] }
            #expect(starts.count == 2)
            for start in starts {
                #expect(Array(second.lines[start...].prefix(expected.count)) == expected)
            }
            #expect(second.lines.allSatisfy { $0.count <= 80 })
        }
    }
}
