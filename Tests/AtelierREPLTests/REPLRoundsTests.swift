import AtelierCore
import Testing

@testable import AtelierREPL

/// `results` and `consensus` in the facilitator's REPL once a stage had a
/// second round: the round-2 tally, then round 1 → round 2 per group.
@Suite struct REPLRoundsTests {
    /// Round 1: marketing 3, legal 1, hr 0; round 2: marketing 2, legal 2, hr
    /// silent. Company 0 1 3 → 2 2 (type-7 quartiles): median 1 → 2, IQR 1.5 → 0,
    /// converged by the workshop's only criterion, IQR ≤ 1 (`consensus_iqr`).
    /// hr has no answer in round 2: no verdict.
    static let script = [
        "dept add marketing", "dept add legal", "dept add hr", "next", "rate marketing 3", "rate legal 1",
        "rate hr 0", "reveal", "round", "rate marketing 2", "rate legal 2",
    ]

    static let moves = [
        "  Round by round (1 → 2):",
        "    Company    median 1 → 2 · IQR 1.5 → 0 · converged",
        "    marketing  median 3 → 2 · IQR 0 → 0   · converged",
        "    legal      median 1 → 2 · IQR 0 → 0   · converged",
        "    hr         median 0 → – · IQR 0 → –   · –",
    ]

    @Test func resultsFollowTheTallyWithTheRounds() async throws {
        let (lines, _) = try await REPLHarness.script(Self.script + ["results"])
        let results = Array(lines.drop { $0 != "legal rated ignore: 2 (Partly us)" }.dropFirst())
        let rounds = try #require(results.firstIndex(of: "  Round by round (1 → 2):"))
        #expect(Array(results[rounds...]) == Self.moves)
        // Above them, round 2's detailed tally (2 answers) and the scale's legend.
        #expect(
            Array(results[..<rounds].suffix(3)) == [
                "  Company    ·      ·      ██  2  ·      ·      2     2.0  0.0  1.00        ✓",
                "  0 Not us at all · 1 A little like us · 2 Partly us · 3 Much like us", "  4 Exactly us",
            ])
    }

    @Test func consensusFollowsTheItemWithTheRounds() async throws {
        let (lines, _) = try await REPLHarness.script(Self.script + ["consensus"])
        let consensus = Array(lines.drop { !$0.hasPrefix("Consensus per item") })
        let title = try #require(consensus.firstIndex(of: "Flee and close our eyes (ignore)"))
        // The title, the header, the company and three departments, then the rounds.
        #expect(
            Array(consensus[(title + 6)...].prefix(Self.moves.count + 2)) == Self.moves + [
                "", "Change nothing (status_quo)",
            ])
    }
}
