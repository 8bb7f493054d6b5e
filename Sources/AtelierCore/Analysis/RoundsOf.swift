extension RoundsAnalysis {
    /// The rounds of every stage of a session (definitions: docs/analysis.md,
    /// Rounds). Pure: the same state gives the same figures. Round 1 of a
    /// stage never reopened holds exactly the figures of `Analysis.of`.
    /// `criteria` replaces those of the session (for a what-if, or a test).
    public static func of(_ state: SessionState, criteria given: ConsensusCriteria? = nil) -> RoundsAnalysis {
        let recorded = state.recordedCriteria.flatMap(ConsensusCriteria.init(recorded:))
        let criteria = given ?? recorded ?? ConsensusCriteria.inForce(state.workshop)
        let groups = RaterGroups(state)
        let workshop = state.workshop
        var items: [ItemRounds] = []
        for (stage, item) in workshop.ratingItems {
            guard let scale = workshop.scale(of: stage) else { continue }
            let rounds = state.round(of: stage.id)
            let answers = RoundAnswers(history: state.ratings[item.id] ?? [:], rounds: rounds) { $0.value }
            let byGroup = (0..<groups.departments.count).map { index in
                group(answers, scale: scale, criteria: criteria) { groups.group(of: $0) == index }
            }
            let company = group(answers, scale: scale, criteria: criteria) { groups.group(of: $0) != nil }
            items.append(
                ItemRounds(
                    stage: stage.id, item: item.id,
                    departments: zip(groups.departments, byGroup).map { (id: $0.id, rounds: $1) }, company: company))
        }
        var picks: [PickRounds] = []
        for stage in workshop.stages where stage.kind == .pick {
            let rounds = state.round(of: stage.id)
            let answers = RoundAnswers(history: state.picks[stage.id] ?? [:], rounds: rounds) { $0.option }
            let options = stage.options.map(\.id)
            let departments = groups.departments.enumerated().map { index, department in
                (
                    id: department.id,
                    rounds: pickGroup(answers, options: options, criteria: criteria) { groups.group(of: $0) == index }
                )
            }
            let company = pickGroup(answers, options: options, criteria: criteria) { groups.group(of: $0) != nil }
            picks.append(PickRounds(stage: stage.id, company: company, departments: departments))
        }
        return RoundsAnalysis(criteria: criteria, criteriaRecorded: recorded != nil, items: items, picks: picks)
    }

    /// One group's figures of every round of an item, and the steps between them.
    static func group(
        _ answers: RoundAnswers<Int>, scale: Scale, criteria: ConsensusCriteria, belongs: (Rater) -> Bool
    ) -> GroupRounds {
        let range = scale.max - scale.min
        var figures: [RoundFigures] = []
        var steps: [RoundStep] = []
        for round in 1...answers.rounds.count {
            let values = answers.rounds[round - 1].filter { belongs($0.key) }.map(\.value)
            let stats = ItemStats.of(
                Distribution(values: values, minimum: scale.min, maximum: scale.max), range: range,
                consensusIQR: criteria.iqrMax ?? 1)
            let agreement = percentAgreement(values, band: criteria.agreementBand)
            var stability: Stability?
            if round > 1, let earlier = figures.last {
                let pairs = answers.pairs(round - 1, round, belongs)
                stability = Self.stability(pairs, scale: scale, earlier: earlier.stats, later: stats)
            }
            let check = Self.check(stats: stats, agreement: agreement, stability: stability, criteria: criteria)
            let current = RoundFigures(round: round, stats: stats, agreement: agreement, check: check)
            if let stability {
                steps.append(
                    RoundStep(
                        from: round - 1, to: round, stability: stability,
                        verdict: verdict(current, stability: stability)))
            }
            figures.append(current)
        }
        return GroupRounds(rounds: figures, steps: steps)
    }

    /// One group's rounds of a pick stage (docs/analysis.md, Rounds): each
    /// round's counts and agreement (the share on the most chosen option),
    /// and per step the raters who picked in both rounds, those who changed,
    /// and the verdict.
    static func pickGroup(
        _ answers: RoundAnswers<String>, options: [String], criteria: ConsensusCriteria, belongs: (Rater) -> Bool
    ) -> GroupPickRounds {
        /// A declared minimum against a figure; an undefined figure does not meet it.
        func met(_ minimum: Double?, _ value: Double?) -> Bool? {
            minimum.map { minimum in value.map { $0 >= minimum } ?? false }
        }
        var figures: [PickRoundFigures] = []
        var steps: [PickStep] = []
        for round in 1...answers.rounds.count {
            var counts = [Int](repeating: 0, count: options.count)
            for (rater, option) in answers.rounds[round - 1] where belongs(rater) {
                if let index = options.firstIndex(of: option) { counts[index] += 1 }
            }
            let stats = PickStats.of(options: options, counts: counts)
            let pairs = round > 1 ? answers.pairs(round - 1, round, belongs) : []
            let kept = pairs.isEmpty ? nil : Double(pairs.count { $0.0 == $0.1 }) / Double(pairs.count)
            let check = CriteriaCheck(
                iqr: nil, agreement: met(criteria.agreementMin, stats.modeShare), tastleWierman: nil,
                stability: round > 1 ? met(criteria.stabilityMin, kept) : nil)
            let current = PickRoundFigures(round: round, stats: stats, check: check)
            if round > 1, let earlier = figures.last {
                let change = stats.modeShare.flatMap { later in earlier.stats.modeShare.map { later - $0 } }
                steps.append(
                    PickStep(
                        from: round - 1, to: round, pairs: pairs.count, changed: pairs.count { $0.0 != $0.1 },
                        agreementChange: change,
                        verdict: pickVerdict(current, agreementChange: change, criteria: criteria)))
            }
            figures.append(current)
        }
        return GroupPickRounds(rounds: figures, steps: steps)
    }

    /// converged / still split / diverged after a round of a pick stage: by
    /// the criteria that apply to a choice (`agreement_min` on the share of
    /// the most chosen option, `stability_min` on the share who kept their
    /// pick); diverged when, not converged, the most chosen option's share
    /// fell. nil when the round has no pick or neither criterion is declared.
    static func pickVerdict(
        _ figures: PickRoundFigures, agreementChange: Double?, criteria: ConsensusCriteria
    ) -> RoundVerdict? {
        guard figures.stats.n > 0, criteria.agreementMin != nil || criteria.stabilityMin != nil else { return nil }
        if figures.check.allMet { return .converged }
        return (agreementChange ?? 0) < 0 ? .diverged : .stillSplit
    }

    /// The share of `values` inside the band; nil without a band or a value.
    public static func percentAgreement(_ values: [Int], band: AgreementBand?) -> Double? {
        guard let band, !values.isEmpty else { return nil }
        return Double(values.count { band.contains($0) }) / Double(values.count)
    }

    /// Stability between two rounds over the raters who answered both
    /// (`pairs`: each one's earlier and later answer).
    public static func stability(
        _ pairs: [(Int, Int)], scale: Scale, earlier: ItemStats, later: ItemStats
    ) -> Stability {
        let changed = pairs.count { $0.0 != $0.1 }
        let mean = pairs.isEmpty ? nil : Double(pairs.reduce(0) { $0 + abs($1.1 - $1.0) }) / Double(pairs.count)
        // Units = raters, coders = the two rounds, values = the scale's points.
        let width = scale.max - scale.min + 1
        let units = pairs.map { pair in
            var counts = [Int](repeating: 0, count: width)
            for value in [pair.0, pair.1] where scale.points.contains(value) { counts[value - scale.min] += 1 }
            return counts
        }
        return Stability(
            pairs: pairs.count, changed: changed, meanAbsoluteChange: mean,
            alpha: KrippendorffAlpha.reported(units: units, metric: .interval),
            iqrChange: later.iqr.flatMap { high in earlier.iqr.map { high - $0 } },
            consensusChange: later.consensus.flatMap { high in earlier.consensus.map { high - $0 } })
    }

    static func check(
        stats: ItemStats, agreement: Double?, stability: Stability?, criteria: ConsensusCriteria
    ) -> CriteriaCheck {
        func met(_ threshold: Double?, _ value: Double?, atMost: Bool = false) -> Bool? {
            guard let threshold else { return nil }
            guard let value else { return false }
            return atMost ? value <= threshold : value >= threshold
        }
        return CriteriaCheck(
            iqr: met(criteria.iqrMax, stats.iqr, atMost: true),
            agreement: met(criteria.agreementMin, agreement),
            tastleWierman: met(criteria.tastleWiermanMin, stats.consensus),
            stability: stability.flatMap { met(criteria.stabilityMin, $0.keptShare) })
    }

    /// converged / still split / diverged after a round; nil when it has no answer.
    static func verdict(_ figures: RoundFigures, stability: Stability) -> RoundVerdict? {
        guard figures.stats.n > 0 else { return nil }
        if figures.check.allMet { return .converged }
        let widened = (stability.iqrChange ?? 0) > 0 || (stability.consensusChange ?? 0) < 0
        return widened ? .diverged : .stillSplit
    }
}

/// Each rater's last answer in each round of a stage.
struct RoundAnswers<Value: Equatable> {
    /// Per round (round 1 first): each rater's last answer of that round.
    let rounds: [[Rater: Value]]

    init<Answer>(history: [Rater: [Answer]], rounds count: Int, value: (Answer) -> Value) where Answer: RoundTagged {
        var rounds = [[Rater: Value]](repeating: [:], count: count)
        for (rater, answers) in history {
            for answer in answers where answer.round >= 1 && answer.round <= count {
                rounds[answer.round - 1][rater] = value(answer)
            }
        }
        self.rounds = rounds
    }

    /// The raters (of the group) who answered in both rounds: their earlier and
    /// later answers, in rater order.
    func pairs(_ earlier: Int, _ later: Int, _ belongs: (Rater) -> Bool) -> [(Value, Value)] {
        rounds[earlier - 1].keys.sorted().compactMap { rater in
            guard belongs(rater), let before = rounds[earlier - 1][rater], let after = rounds[later - 1][rater] else {
                return nil
            }
            return (before, after)
        }
    }
}

/// An answer that belongs to a round.
protocol RoundTagged { var round: Int { get } }
extension Answer: RoundTagged {}
extension PickAnswer: RoundTagged {}
