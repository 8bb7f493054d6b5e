import AtelierCore
import Testing

/// The verdicts of a pick stage between rounds against examples worked by
/// hand (docs/analysis.md, Rounds): agreement = the share of the picks on the
/// most chosen option, against `agreement_min`; stability = the share of the
/// raters who picked in both rounds and kept their pick, against
/// `stability_min`; diverged when, not converged, the most chosen option's
/// share fell. The stage is coping-patterns' `position` (options ignore,
/// status_quo, delegate, drift); each rater is a department's own voice.
@Suite struct PickVerdictTests {
    /// agreement_min 0.6, stability_min 0.5 (the IQR, band and Tastle–Wierman
    /// do not apply to a pick).
    static let criteria = ConsensusCriteria(
        iqrMax: 1, agreementBand: AgreementBand(low: 3, high: 4), agreementMin: 0.6, tastleWiermanMin: 0.7,
        stabilityMin: 0.5)

    /// Round 1: ignore, delegate, delegate, drift, status_quo: counts
    /// (1, 1, 2, 1), most chosen delegate, 2 of 5 = 0.4 < 0.6 (not met).
    /// Round 2: delegate, delegate, delegate, drift, delegate: (0, 0, 4, 1),
    /// 4 of 5 = 0.8 ≥ 0.6 (met). Pairs: all 5 picked twice; d0 (ignore →
    /// delegate) and d4 (status_quo → delegate) changed: kept 3 of 5 = 0.6 ≥
    /// 0.5 (met). Every criterion met: converged. Agreement change +0.4.
    @Test func convergedWhenTheMostChosenShareAndTheKeptShareReachTheirMinimums() throws {
        let group = try Self.twoRounds(
            ["ignore", "delegate", "delegate", "drift", "status_quo"],
            ["delegate", "delegate", "delegate", "drift", "delegate"])
        #expect(group.rounds.map { $0.stats.counts.map(\.count) } == [[1, 1, 2, 1], [0, 0, 4, 1]])
        #expect(group.rounds.map(\.stats.modes) == [["delegate"], ["delegate"]])
        #expect(group.rounds.map(\.agreement) == [0.4, 0.8])
        #expect(group.rounds[0].check == CriteriaCheck(iqr: nil, agreement: false, tastleWierman: nil, stability: nil))
        #expect(group.rounds[1].check == CriteriaCheck(iqr: nil, agreement: true, tastleWierman: nil, stability: true))
        let step = try #require(group.steps.first)
        #expect(step.from == 1 && step.to == 2)
        #expect(step.pairs == 5 && step.changed == 2)
        #expect(step.keptShare == 0.6)
        #expect(abs(try #require(step.agreementChange) - 0.4) < 1e-12)
        #expect(group.verdict == .converged)
    }

    /// The reverse movement: 0.8 → 0.4 on the most chosen (delegate), kept 3
    /// of 5 = 0.6 (met) but agreement 0.4 < 0.6 (not met), and the share fell:
    /// diverged.
    @Test func divergedWhenTheMostChosenShareFalls() throws {
        let group = try Self.twoRounds(
            ["delegate", "delegate", "delegate", "drift", "delegate"],
            ["ignore", "delegate", "delegate", "drift", "status_quo"])
        #expect(group.rounds[1].check == CriteriaCheck(iqr: nil, agreement: false, tastleWierman: nil, stability: true))
        #expect(abs(try #require(group.steps.first?.agreementChange) + 0.4) < 1e-12)
        #expect(group.verdict == .diverged)
    }

    /// Two camps that swap sides: (ignore, ignore, drift, drift) → (drift,
    /// drift, ignore, ignore). Most chosen both rounds on a tie, share 2 of 4
    /// = 0.5 < 0.6; everyone changed: kept 0 < 0.5; the share did not fall
    /// (0.5 → 0.5): still split.
    @Test func stillSplitWhenTheCampsOnlySwap() throws {
        let group = try Self.twoRounds(["ignore", "ignore", "drift", "drift"], ["drift", "drift", "ignore", "ignore"])
        #expect(group.rounds.map(\.stats.modes) == [["ignore", "drift"], ["ignore", "drift"]])
        #expect(group.rounds.map(\.agreement) == [0.5, 0.5])
        #expect(group.steps.first?.changed == 4)
        #expect(group.steps.first?.keptShare == 0)
        #expect(group.steps.first?.agreementChange == 0)
        #expect(group.verdict == .stillSplit)
    }

    /// Only raters who picked in both rounds are pairs: d2 picks in round 2
    /// only. Round 1 (ignore, ignore): 1; round 2 (ignore, ignore, drift): 2
    /// of 3 = 0.67 ≥ 0.6; pairs 2, none changed, kept 1. Converged.
    @Test func onlyRatersOfBothRoundsArePairs() throws {
        let group = try Self.twoRounds(["ignore", "ignore", nil], ["ignore", "ignore", "drift"])
        #expect(group.rounds.map(\.stats.n) == [2, 3])
        #expect(group.steps.first?.pairs == 2)
        #expect(group.steps.first?.changed == 0)
        #expect(group.rounds[1].agreement == 2.0 / 3.0)
        #expect(group.verdict == .converged)
    }

    /// Criteria that declare neither agreement_min nor stability_min (only the
    /// IQR, which a pick has not): nothing to judge a pick by, no verdict; the
    /// checks are all nil.
    @Test func noVerdictWithoutACriterionThatAppliesToPicks() throws {
        let group = try Self.twoRounds(
            ["ignore", "delegate", "delegate", "drift", "status_quo"],
            ["delegate", "delegate", "delegate", "drift", "delegate"], criteria: ConsensusCriteria(iqrMax: 1))
        #expect(group.rounds[1].check == CriteriaCheck(iqr: nil, agreement: nil, tastleWierman: nil, stability: nil))
        #expect(group.steps.first?.pairs == 5)
        #expect(group.verdict == nil)
    }

    /// Per department as for the company: marketing (m1, m2) and legal (l1)
    /// through participants. Marketing: (ignore, drift) → (drift, drift):
    /// 0.5 → 1, kept 1 of 2 = 0.5: converged. Legal: ignore → ignore: 1 → 1,
    /// kept 1: converged. Company: (ignore, drift, ignore) → (drift, drift,
    /// ignore): most chosen ignore 2/3 → drift 2/3 (no fall), kept 2 of 3
    /// (m2 and l1): 0.67 ≥ 0.6 and 0.67 ≥ 0.5: converged.
    @Test func departmentsHaveTheirOwnVerdicts() throws {
        var scenario = try AnalysisScenario()
        try scenario.departments("marketing", "legal")
        for (name, department) in [("m1", "marketing"), ("m2", "marketing"), ("l1", "legal")] {
            try scenario.run(.join(name: name, department: department))
        }
        try scenario.run(.goTo(stage: "position"))
        for (name, option) in [("m1", "ignore"), ("m2", "drift"), ("l1", "ignore")] {
            try scenario.run(.pick(who: name, option: option))
        }
        try scenario.run(.reveal)
        try scenario.run(.round)
        for (name, option) in [("m1", "drift"), ("m2", "drift"), ("l1", "ignore")] {
            try scenario.run(.pick(who: name, option: option))
        }
        let pick = try #require(RoundsAnalysis.of(scenario.state, criteria: Self.criteria).picks.first)
        let marketing = try #require(pick.department("marketing"))
        #expect(marketing.rounds.map(\.agreement) == [0.5, 1])
        #expect(marketing.steps.first?.keptShare == 0.5)
        #expect(marketing.verdict == .converged)
        #expect(pick.department("legal")?.verdict == .converged)
        #expect(pick.companyRounds.rounds.map(\.stats.modes) == [["ignore"], ["drift"]])
        #expect(pick.companyRounds.steps.first?.changed == 1)
        #expect(pick.companyRounds.verdict == .converged)
        #expect(pick.changes.map(\.pairs) == [3])
        #expect(pick.departments.map { $0["marketing"]?.n } == [2, 2])
    }

    /// The company's rounds of `position` when department voices d0, d1, ...
    /// pick (round 1, round 2); nil: no pick in that round.
    static func twoRounds(
        _ first: [String?], _ second: [String?], criteria: ConsensusCriteria = criteria
    ) throws -> GroupPickRounds {
        var scenario = try AnalysisScenario()
        let ids = first.indices.map { "d\($0)" }
        for id in ids { try scenario.run(.addDepartment(id: id, name: id)) }
        try scenario.pick("position", zip(ids, first).compactMap { id, option in option.map { (id, $0) } })
        try scenario.run(.reveal)
        try scenario.run(.round)
        try scenario.pick("position", zip(ids, second).compactMap { id, option in option.map { (id, $0) } })
        let pick = try #require(RoundsAnalysis.of(scenario.state, criteria: criteria).picks.first)
        return pick.companyRounds
    }
}
