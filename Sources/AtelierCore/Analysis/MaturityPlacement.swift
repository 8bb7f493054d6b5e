/// Places a department or the company on the workshop's maturity model: the
/// highest level whose conditions all hold (the first level has none).
struct MaturityPlacement {
    /// What a condition found: whether it holds, and the answers, in words.
    struct Finding {
        let holds: Bool
        let words: LocalizedMessage
        /// The item or stage the finding reads (nil for strategy rules).
        var subject: String? = nil
    }

    /// The answers of the unit being placed.
    struct Unit {
        let ratings: [String: ItemStats]
        let picks: [String: PickStats]
        /// The outcome of a strategy requirement for this unit.
        let strategy: (StrategyRequirement) -> Finding
    }

    let model: MaturityModel
    let wording: AnalysisWording

    func place(_ unit: Unit) -> MaturityResult? {
        let levels = model.levels
        guard !levels.isEmpty else { return nil }
        let findings = levels.map { level in level.conditions.map { check($0, unit) } }
        let rank = findings.lastIndex { $0.allSatisfy(\.holds) } ?? 0
        let level = levels[rank]
        var args: [String: MessageValue] = ["level": wording.level(level)]
        let next = rank + 1 < levels.count ? rank + 1 : nil
        let missed = next.flatMap { findings[$0].first(where: { !$0.holds }) }
        // A median read for the next level is not read again for this one:
        // said once, where it falls short.
        let held = findings[rank].filter { $0.subject == nil || $0.subject != missed?.subject }
        if rank > 0, !held.isEmpty { args["held"] = AnalysisWording.all(held.map(\.words), .clauses) }
        if let next, let missed {
            args["next"] = wording.level(levels[next])
            args["missed"] = .message(missed.words)
        }
        let key: String
        switch (args["held"] != nil, args["missed"] != nil) {
        case (true, true): key = "analysis.maturity.between"
        case (true, false): key = "analysis.maturity.top"
        case (false, true): key = "analysis.maturity.floor"
        case (false, false): key = "analysis.maturity.only"
        }
        return MaturityResult(
            level: level.id, rank: rank, label: level.label, reason: LocalizedMessage(key, args))
    }

    func check(_ condition: MaturityCondition, _ unit: Unit) -> Finding {
        switch condition {
        case .rating(let item, let atLeast, let atMost):
            return checkRating(item, atLeast: atLeast, atMost: atMost, unit.ratings[item])
        case .pick(let stage, let among, let negated):
            return checkPick(stage, among: among, negated: negated, unit.picks[stage])
        case .strategy(let requirement):
            return unit.strategy(requirement)
        }
    }

    private func checkRating(_ item: String, atLeast: Double?, atMost: Double?, _ stats: ItemStats?) -> Finding {
        guard let median = stats?.median else {
            return Finding(
                holds: false, words: LocalizedMessage("analysis.rule.no_rating", ["item": wording.item(item)]),
                subject: item)
        }
        var args: [String: MessageValue] = ["item": wording.item(item), "median": AnalysisWording.number(median)]
        let holds = atLeast.map { median >= $0 } ?? true && atMost.map { median <= $0 } ?? true
        let key: String
        switch (atLeast, atMost) {
        case (let low?, let high?):
            args["low"] = AnalysisWording.number(low)
            args["high"] = AnalysisWording.number(high)
            key = holds ? "analysis.rule.median_between" : "analysis.rule.median_outside"
        case (let low?, nil):
            args["bound"] = AnalysisWording.number(low)
            key = holds ? "analysis.rule.median_at_least" : "analysis.rule.median_below"
        case (nil, let high?):
            args["bound"] = AnalysisWording.number(high)
            key = holds ? "analysis.rule.median_at_most" : "analysis.rule.median_above"
        case (nil, nil):
            args["bound"] = AnalysisWording.number(median)
            key = "analysis.rule.median_at_least"
        }
        return Finding(holds: holds, words: LocalizedMessage(key, args), subject: item)
    }

    /// With a tie, every most chosen option must be among (or, negated, none
    /// of them among) the rule's options.
    private func checkPick(_ stage: String, among: [String], negated: Bool, _ stats: PickStats?) -> Finding {
        guard let stats, !stats.modes.isEmpty else {
            return Finding(
                holds: false, words: LocalizedMessage("analysis.rule.no_pick", ["stage": wording.stage(stage)]),
                subject: stage)
        }
        let args: [String: MessageValue] = [
            "stage": wording.stage(stage), "modes": wording.options(stats.modes, of: stage),
            "options": wording.options(among, of: stage, .alternatives),
        ]
        if negated {
            let holds = stats.modes.allSatisfy { !among.contains($0) }
            return Finding(
                holds: holds,
                words: LocalizedMessage(holds ? "analysis.rule.pick_avoids" : "analysis.rule.pick_hits", args),
                subject: stage)
        }
        let holds = stats.modes.allSatisfy { among.contains($0) }
        return Finding(
            holds: holds,
            words: LocalizedMessage(holds ? "analysis.rule.pick_among" : "analysis.rule.pick_not_among", args),
            subject: stage)
    }
}
