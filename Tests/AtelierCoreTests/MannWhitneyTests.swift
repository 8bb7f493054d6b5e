import Testing

@testable import AtelierCore

/// The shift test between two sessions (docs/analysis.md, "Comparing sessions").
@Suite struct MannWhitneyTests {
    /// Counts per point of `values` on the points 0...maximum.
    func counts(_ values: [Int], maximum: Int) -> [Int] {
        Distribution(values: values, minimum: 0, maximum: maximum).counts
    }

    func result(_ before: [Int], _ after: [Int], maximum: Int = 4) throws -> ShiftResult {
        let test = MannWhitney.test(before: counts(before, maximum: maximum), after: counts(after, maximum: maximum))
        guard case .tested(let result) = test else {
            Issue.record("no test made: \(test)")
            throw CancellationError()
        }
        return result
    }

    /// Worked by hand in docs/analysis.md: before 0 1 1 2, after 2 3 3 4.
    /// Mid-ranks 1, 2.5, 2.5, 4.5 | 4.5, 6.5, 6.5, 8; the after rank sum 25.5
    /// is 7.5 above its mean 18; of the C(8,4) = 70 choices, 2 reach 25.5 and
    /// 2 fall to 10.5, so p = 4/70. Pairs: 15 higher, 1 tied, none lower.
    @Test func handWorkedExampleWithTies() throws {
        let shift = try result([0, 1, 1, 2], [2, 3, 3, 4])
        #expect(shift.u == 15.5)
        #expect(shift.exact)
        #expect(abs(shift.p - 4.0 / 70.0) < 1e-12)
        #expect(shift.cliffsDelta == 0.9375)
        #expect(shift.magnitude == .large)
        #expect(!shift.isSignificant)
    }

    /// Mann and Whitney's (1947) table: n₁ = n₂ = 5, P(U ≤ 2) = 0.0159, so a
    /// U of 2 has a two-sided p of 8/252 = 0.0317 (the critical value at
    /// α = 0.05, two-sided, is U = 2).
    @Test func knownTableValue() throws {
        let shift = try result([1, 2, 3, 5, 6], [4, 7, 8, 9, 10], maximum: 10)
        #expect(shift.u == 23)  // the smaller U is 25 − 23 = 2
        #expect(abs(shift.p - 8.0 / 252.0) < 1e-12)
        #expect(shift.isSignificant)
        let apart = try result([1, 2, 3, 4, 5], [6, 7, 8, 9, 10], maximum: 10)
        #expect(abs(apart.p - 2.0 / 252.0) < 1e-12)
        #expect(apart.cliffsDelta == 1)
        let reversed = try result([6, 7, 8, 9, 10], [1, 2, 3, 4, 5], maximum: 10)
        #expect(abs(reversed.p - 2.0 / 252.0) < 1e-12)
        #expect(reversed.cliffsDelta == -1)
        #expect(reversed.u == 0)
    }

    /// Published values: Mann, H. B. & Whitney, D. R. (1947), "On a test of
    /// whether one of two random variables is stochastically larger than the
    /// other", *The Annals of Mathematical Statistics* 18(1), 50–60, Table I
    /// (the probability P(U ≤ u) of the smaller U, no ties), three decimals:
    /// - n = m = 4: u = 0 .014, 1 .029, 2 .057, 3 .100, 4 .171;
    /// - n = m = 5: u = 0 .004, 1 .008, 2 .016, 3 .028, 4 .048, 5 .075, 6 .111.
    /// Without ties the distribution of U is symmetric, so the two-sided p is
    /// 2 P(U ≤ u). The samples: the after group holds the ranks {1, …, m − 1,
    /// m + u} (u ≤ m) or {1, 2, 3, 5, 10} (m = 5, u = 6) of 1…2m, so u pairs have
    /// the after answer higher.
    @Test func mannAndWhitneysTableI() throws {
        let table: [(m: Int, u: Int, probability: Double)] = [
            (4, 0, 0.014), (4, 1, 0.029), (4, 2, 0.057), (4, 3, 0.100), (4, 4, 0.171),
            (5, 0, 0.004), (5, 1, 0.008), (5, 2, 0.016), (5, 3, 0.028), (5, 4, 0.048), (5, 5, 0.075), (5, 6, 0.111),
        ]
        for entry in table {
            let ranks = Array(1...(2 * entry.m))
            var after = Array(1..<entry.m) + [entry.m + entry.u]
            if entry.u > entry.m { after = [1, 2, 3, 5, 10] }
            let before = ranks.filter { !after.contains($0) }
            let shift = try result(before, after, maximum: 2 * entry.m)
            #expect(shift.u == Double(entry.u), "m = \(entry.m), u = \(entry.u)")
            #expect(shift.exact)
            // The table rounds to three decimals.
            #expect(abs(shift.p / 2 - entry.probability) <= 0.0005, "m = \(entry.m), u = \(entry.u): p = \(shift.p)")
        }
    }

    @Test func allAnswersEqualGiveOne() throws {
        let shift = try result([2, 2, 2, 2], [2, 2, 2, 2])
        #expect(shift.p == 1)
        #expect(shift.cliffsDelta == 0)
        #expect(shift.magnitude == .negligible)
    }

    /// Above 40 answers: the normal approximation with tie and continuity
    /// corrections, as scipy.stats.mannwhitneyu(method="asymptotic") gives
    /// (0.047912647631357566 for these 24 + 24 answers).
    @Test func normalApproximationAboveTheExactLimit() {
        let test = MannWhitney.test(before: [3, 6, 8, 5, 2], after: [1, 3, 7, 8, 5])
        guard case .tested(let shift) = test else {
            Issue.record("no test made")
            return
        }
        #expect(!shift.exact)
        #expect(shift.u == 381.5)
        #expect(abs(shift.p - 0.047912647631357566) < 1e-12)
        #expect(abs(shift.cliffsDelta - 0.3246527777777778) < 1e-12)
        #expect(shift.magnitude == .small)
    }

    @Test func tooFewAnswersToTell() {
        #expect(
            MannWhitney.test(before: counts([0, 1, 2], maximum: 4), after: counts([2, 3, 3, 4], maximum: 4))
                == .tooFew(before: 3, after: 4))
        #expect(MannWhitney.test(before: [0, 0, 0], after: [0, 0, 0]) == .tooFew(before: 0, after: 0))
    }

    /// The exact count and the approximation meet at the limit: 20 + 20
    /// answers, exact; 20 + 21, approximate.
    @Test func exactUpToTheLimit() {
        let exact = MannWhitney.test(before: [4, 4, 4, 4, 4], after: [2, 3, 5, 5, 5])
        let approximate = MannWhitney.test(before: [4, 4, 4, 4, 4], after: [2, 3, 5, 5, 6])
        guard case .tested(let a) = exact, case .tested(let b) = approximate else {
            Issue.record("no test made")
            return
        }
        #expect(a.exact)
        #expect(!b.exact)
    }
}

/// The one rule for agreement in words (docs/analysis.md, "Agreement in words").
@Suite struct AgreementRuleTests {
    func reading(_ values: [Int]) -> AgreementReading {
        AgreementReading(
            ItemStats.of(Distribution(values: values, minimum: 0, maximum: 4), range: 4, consensusIQR: 1))
    }

    @Test func theIQRDecidesAgreementOrSplitAndTheConsensusHowStrong() {
        #expect(reading([]) == .noAnswer)
        #expect(reading([3]) == .single)
        #expect(reading([3, 3]) == .strong)
        // IQR 0, consensus 0.48: by the consensus alone it would be "split".
        #expect(reading([0, 1, 1, 1, 4]) == .moderate)
        #expect(AgreementReading(consensus: 0.48) == .split)
        // IQR 2, consensus 0.585.
        #expect(reading([1, 1, 3, 3]) == .split)
        #expect(reading([0, 0, 4, 4]) == .opposed)
    }
}
