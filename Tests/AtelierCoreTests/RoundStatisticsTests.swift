import AtelierCore
import Testing

/// The statistics between rounds against examples worked by hand
/// (docs/analysis.md, Rounds). The scale is coping-patterns' `describes`: 0...4, d = 4.
@Suite struct RoundStatisticsTests {
    static let scale = Scale(id: "describes", min: 0, max: 4, labels: [])

    /// Values 1, 3, 3, 4, 5 with the band [3, 4]: 3, 3 and 4 are inside, 3 of 5 = 0.6.
    /// No band, or no answer: no agreement.
    @Test func percentAgreementIsTheShareInsideTheBand() {
        let band = AgreementBand(low: 3, high: 4)
        #expect(RoundsAnalysis.percentAgreement([1, 3, 3, 4, 5], band: band) == 0.6)
        #expect(RoundsAnalysis.percentAgreement([0, 1], band: band) == 0)
        #expect(RoundsAnalysis.percentAgreement([], band: band) == nil)
        #expect(RoundsAnalysis.percentAgreement([3], band: nil) == nil)
    }

    /// Four raters, round 1 → round 2: 1 → 2, 2 → 2, 4 → 3, 3 → 3.
    /// - changed: 2 of 4 (share 0.5); mean |change| = (1 + 0 + 1 + 0) / 4 = 0.5.
    /// - alpha (interval, the rounds as two coders, raters as units, m_u = 2, weight 1/(m_u − 1) = 1):
    ///   coincidences o12 = o21 = 1, o22 = 2, o33 = 2, o34 = o43 = 1;
    ///   marginals n1 = 1, n2 = 3, n3 = 3, n4 = 1, n = 8;
    ///   observed Σ_{c≠k} o_ck (c − k)² = 4 × 1 = 4;
    ///   expected Σ_{c≠k} n_c n_k (c − k)² = 2 × (1·3·1 + 1·3·4 + 1·1·9 + 3·3·1 + 3·1·4 + 3·1·1) = 2 × 48 = 96;
    ///   α = 1 − (n − 1) · 4 / 96 = 1 − 28/96 = 17/24.
    /// - IQR: round 1 (1, 2, 3, 4): q1 = 1 + 0.75 × 1 = 1.75, q3 = 3 + 0.25 × 1 = 3.25, IQR 1.5;
    ///   round 2 (2, 2, 3, 3): q1 = 2, q3 = 3, IQR 1; change −0.5.
    /// - Tastle–Wierman: round 1 mean 2.5, distances 1.5/4 and 0.5/4 twice each:
    ///   1 + ½ (log2 0.625 + log2 0.875) = 1 + ½ (−0.678072 − 0.192645) = 0.564641;
    ///   round 2 mean 2.5, every distance 0.5/4: 1 + log2 0.875 = 0.807355; change +0.242713.
    @Test func stabilityOfFourRaters() throws {
        let figures = try Self.twoRounds([(1, 2), (2, 2), (4, 3), (3, 3)], criteria: ConsensusCriteria())
        let stability = try #require(figures.steps.first?.stability)
        #expect(stability.pairs == 4)
        #expect(stability.changed == 2)
        #expect(stability.changedShare == 0.5)
        #expect(stability.keptShare == 0.5)
        #expect(stability.meanAbsoluteChange == 0.5)
        #expect(abs(try #require(stability.alpha) - 17.0 / 24.0) < 1e-12)
        #expect(stability.iqrChange == -0.5)
        #expect(abs(try #require(stability.consensusChange) - 0.242713) < 1e-6)
        #expect(abs(try #require(figures.rounds[0].stats.consensus) - 0.564641) < 1e-6)
        #expect(abs(try #require(figures.rounds[1].stats.consensus) - 0.807355) < 1e-6)
    }

    /// The same four raters by criteria iqr_max 1, agreement_band [3, 4] with
    /// agreement_min 0.5, tastle_wierman_min 0.7, stability_min 0.5. Round 2:
    /// IQR 1 ≤ 1; agreement 2 of 4 (the two 3s) = 0.5 ≥ 0.5; Tastle–Wierman
    /// 0.807 ≥ 0.7; kept 0.5 ≥ 0.5: every criterion met, converged. Round 1:
    /// IQR 1.5 > 1, agreement (3, 4) 0.5, Tastle–Wierman 0.565 < 0.7, stability not judged.
    @Test func convergedWhenEveryCriterionIsMet() throws {
        let figures = try Self.twoRounds([(1, 2), (2, 2), (4, 3), (3, 3)], criteria: Self.criteria)
        #expect(
            figures.rounds[0].check
                == CriteriaCheck(iqr: false, agreement: true, tastleWierman: false, stability: nil))
        #expect(figures.rounds[0].agreement == 0.5)
        #expect(
            figures.rounds[1].check == CriteriaCheck(iqr: true, agreement: true, tastleWierman: true, stability: true))
        #expect(figures.verdict == .converged)
    }

    /// Round 1 (2, 2, 3, 3) → round 2 (1, 2, 3, 4), the reverse of the example
    /// above: the IQR grows from 1 to 1.5 and Tastle–Wierman falls from 0.807 to
    /// 0.565; criteria not met: diverged. Kept: 2 of 4 (the 2 and the 3 that stay).
    @Test func divergedWhenTheSpreadWidens() throws {
        let figures = try Self.twoRounds([(2, 1), (2, 2), (3, 4), (3, 3)], criteria: Self.criteria)
        #expect(figures.steps[0].stability.iqrChange == 0.5)
        #expect(figures.steps[0].stability.changed == 2)
        #expect(figures.rounds[1].check.iqr == false)
        #expect(figures.verdict == .diverged)
    }

    /// Nobody moves from (0, 1, 3, 4): IQR 2.5 both rounds (q1 = 0.75, q3 = 3.25),
    /// no change in spread, criteria not met: still split. Alpha: every unit
    /// holds two equal values, so no observed disagreement: α = 1.
    @Test func stillSplitWhenNothingMoves() throws {
        let figures = try Self.twoRounds([(0, 0), (1, 1), (3, 3), (4, 4)], criteria: Self.criteria)
        #expect(figures.rounds[1].stats.iqr == 2.5)
        #expect(figures.steps[0].stability.iqrChange == 0)
        #expect(figures.steps[0].stability.alpha == 1)
        #expect(figures.steps[0].stability.meanAbsoluteChange == 0)
        #expect(figures.verdict == .stillSplit)
    }

    /// Without any criterion declared, every check is nil and all are met.
    /// With one pair only, alpha is undefined (a single unit says nothing).
    @Test func alphaNeedsTwoRaters() throws {
        let figures = try Self.twoRounds([(1, 3)], criteria: ConsensusCriteria())
        #expect(figures.steps[0].stability.alpha == nil)
        #expect(figures.steps[0].stability.meanAbsoluteChange == 2)
        #expect(figures.verdict == .converged)
    }

    /// The criteria recorded in a first event read back as they were.
    @Test func criteriaRecordReadsBack() throws {
        #expect(
            Self.criteria.recorded
                == "iqr_max=1.0;agreement_band=3..4;agreement_min=0.5;tastle_wierman_min=0.7;stability_min=0.5")
        #expect(ConsensusCriteria(recorded: Self.criteria.recorded) == Self.criteria)
        #expect(ConsensusCriteria(recorded: "") == ConsensusCriteria())
        #expect(ConsensusCriteria(recorded: "iqr_max=x") == nil)
        #expect(ConsensusCriteria(recorded: "agreement_band=4..3") == nil)
        #expect(ConsensusCriteria(recorded: "colour=blue") == nil)
    }

    static let criteria = ConsensusCriteria(
        iqrMax: 1, agreementBand: AgreementBand(low: 3, high: 4), agreementMin: 0.5, tastleWiermanMin: 0.7,
        stabilityMin: 0.5)

    /// The company's rounds of `ignore` when department voices d0, d1, ... give
    /// (round 1, round 2) answers, through the session's rules.
    static func twoRounds(_ answers: [(Int, Int)], criteria: ConsensusCriteria) throws -> GroupRounds {
        var scenario = try AnalysisScenario()
        let ids = answers.indices.map { "d\($0)" }
        for id in ids { try scenario.run(.addDepartment(id: id, name: id)) }
        try scenario.rate("ignore", zip(ids, answers.map(\.0)).map { ($0, $1) })
        try scenario.run(.reveal)
        try scenario.run(.round)
        try scenario.rate("ignore", zip(ids, answers.map(\.1)).map { ($0, $1) })
        let analysis = RoundsAnalysis.of(scenario.state, criteria: criteria)
        return try #require(analysis.items.first { $0.item == "ignore" }).company
    }
}
