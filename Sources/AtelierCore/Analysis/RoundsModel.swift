/// The rounds of a session's stages and how positions moved between them,
/// computed by `RoundsAnalysis.of(_:)`. Definitions: docs/analysis.md, Rounds.

/// Whether each criterion in force was met by one round's answers; nil for a
/// criterion not declared. A declared criterion whose figure is undefined
/// (no answer, nobody answered both rounds) is not met.
public struct CriteriaCheck: Sendable, Hashable {
    public let iqr: Bool?
    public let agreement: Bool?
    public let tastleWierman: Bool?
    /// Judged from round 2 on; nil in round 1.
    public let stability: Bool?

    public init(iqr: Bool?, agreement: Bool?, tastleWierman: Bool?, stability: Bool?) {
        self.iqr = iqr
        self.agreement = agreement
        self.tastleWierman = tastleWierman
        self.stability = stability
    }

    /// Every declared criterion met (true when none is declared).
    public var allMet: Bool { [iqr, agreement, tastleWierman, stability].allSatisfy { $0 != false } }
}

/// One round's figures of a rating item over a group (a department or the company).
public struct RoundFigures: Sendable, Hashable {
    public let round: Int
    /// Every figure of the analysis, over each rater's last answer of this round.
    public let stats: ItemStats
    /// Percent agreement: the share of this round's answers inside the
    /// criteria's `agreement_band`; nil without a band or without an answer.
    public let agreement: Double?
    public let check: CriteriaCheck

    public init(round: Int, stats: ItemStats, agreement: Double?, check: CriteriaCheck) {
        self.round = round
        self.stats = stats
        self.agreement = agreement
        self.check = check
    }
}

/// How a group's answers moved from one round to the next, over the raters
/// who answered in both.
public struct Stability: Sendable, Hashable {
    /// Raters with an answer in both rounds.
    public let pairs: Int
    /// Of them, those whose answer changed.
    public let changed: Int
    /// Mean of |answer in the later round − answer in the earlier|; nil when pairs = 0.
    public let meanAbsoluteChange: Double?
    /// Krippendorff's alpha, interval metric, the two rounds as two coders and
    /// the raters as units; nil when undefined (fewer than two pairs, or no
    /// variation at all).
    public let alpha: Double?
    /// IQR of the later round minus IQR of the earlier; nil when either is undefined.
    public let iqrChange: Double?
    /// Tastle–Wierman consensus of the later round minus the earlier's.
    public let consensusChange: Double?

    public init(
        pairs: Int, changed: Int, meanAbsoluteChange: Double?, alpha: Double?, iqrChange: Double?,
        consensusChange: Double?
    ) {
        self.pairs = pairs
        self.changed = changed
        self.meanAbsoluteChange = meanAbsoluteChange
        self.alpha = alpha
        self.iqrChange = iqrChange
        self.consensusChange = consensusChange
    }

    /// The share of the pairs whose answer changed; nil when pairs = 0.
    public var changedShare: Double? { pairs > 0 ? Double(changed) / Double(pairs) : nil }
    /// The share who kept their answer (what `stability_min` is compared to).
    public var keptShare: Double? { changedShare.map { 1 - $0 } }
}

/// Where a group stands after a round, by the criteria in force.
public enum RoundVerdict: String, Sendable, Hashable, CaseIterable {
    /// Every criterion in force met in the later round.
    case converged
    /// Not every criterion met, and the spread did not widen.
    case stillSplit = "still_split"
    /// Not every criterion met, and the spread widened: the IQR grew or
    /// Tastle–Wierman consensus fell.
    case diverged
}

/// From one round to the next.
public struct RoundStep: Sendable, Hashable {
    public let from: Int
    public let to: Int
    public let stability: Stability
    /// nil when the later round has no answer.
    public let verdict: RoundVerdict?

    public init(from: Int, to: Int, stability: Stability, verdict: RoundVerdict?) {
        self.from = from
        self.to = to
        self.stability = stability
        self.verdict = verdict
    }
}

/// A rating item's rounds over one group.
public struct GroupRounds: Sendable, Hashable {
    /// Round 1 first.
    public let rounds: [RoundFigures]
    /// One step per pair of consecutive rounds.
    public let steps: [RoundStep]

    public init(rounds: [RoundFigures], steps: [RoundStep]) {
        self.rounds = rounds
        self.steps = steps
    }

    /// The verdict after the last round; nil with a single round.
    public var verdict: RoundVerdict? { steps.last?.verdict }
}

/// A rating item's rounds, per department (in the order they were added) and for the company.
public struct ItemRounds: Sendable, Hashable {
    public let stage: String
    public let item: String
    public let departments: [(id: String, rounds: GroupRounds)]
    public let company: GroupRounds

    public init(stage: String, item: String, departments: [(id: String, rounds: GroupRounds)], company: GroupRounds) {
        self.stage = stage
        self.item = item
        self.departments = departments
        self.company = company
    }

    public func department(_ id: String) -> GroupRounds? { departments.first { $0.id == id }?.rounds }

    public static func == (lhs: ItemRounds, rhs: ItemRounds) -> Bool {
        lhs.stage == rhs.stage && lhs.item == rhs.item && lhs.company == rhs.company
            && lhs.departments.map(\.id) == rhs.departments.map(\.id)
            && lhs.departments.map(\.rounds) == rhs.departments.map(\.rounds)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(stage)
        hasher.combine(item)
        hasher.combine(company)
    }
}

/// A pick stage's rounds: per group (the company, each department) every
/// round's counts with its agreement and criteria, and the steps between
/// rounds with their verdicts (`GroupPickRounds`).
public struct PickRounds: Sendable, Hashable {
    public let stage: String
    /// The company's rounds.
    public let companyRounds: GroupPickRounds
    /// Each department's rounds, in the order they were added.
    public let departmentRounds: [(id: String, rounds: GroupPickRounds)]

    public init(stage: String, company: GroupPickRounds, departments: [(id: String, rounds: GroupPickRounds)]) {
        self.stage = stage
        self.companyRounds = company
        self.departmentRounds = departments
    }

    /// Per round (round 1 first): per department id, its counts.
    public var departments: [[String: PickStats]] {
        (0..<companyRounds.rounds.count).map { index in
            var perDepartment: [String: PickStats] = [:]
            for (id, rounds) in departmentRounds where index < rounds.rounds.count {
                perDepartment[id] = rounds.rounds[index].stats
            }
            return perDepartment
        }
    }

    /// The company's counts, round 1 first.
    public var company: [PickStats] { companyRounds.rounds.map(\.stats) }

    /// Per step, over the company: raters who picked in both rounds, and those who changed.
    public var changes: [(pairs: Int, changed: Int)] {
        companyRounds.steps.map { (pairs: $0.pairs, changed: $0.changed) }
    }

    public func department(_ id: String) -> GroupPickRounds? { departmentRounds.first { $0.id == id }?.rounds }

    public static func == (lhs: PickRounds, rhs: PickRounds) -> Bool {
        lhs.stage == rhs.stage && lhs.companyRounds == rhs.companyRounds
            && lhs.departmentRounds.map(\.id) == rhs.departmentRounds.map(\.id)
            && lhs.departmentRounds.map(\.rounds) == rhs.departmentRounds.map(\.rounds)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(stage)
        hasher.combine(companyRounds)
    }
}

/// One round of a pick stage over one group.
public struct PickRoundFigures: Sendable, Hashable {
    public let round: Int
    /// The counts of each rater's last pick of this round.
    public let stats: PickStats
    /// `agreement` against `agreement_min`, and from round 2 on the share who
    /// kept their pick against `stability_min`; `iqr` and `tastleWierman` are
    /// nil: they do not apply to a choice among options.
    public let check: CriteriaCheck

    public init(round: Int, stats: PickStats, check: CriteriaCheck) {
        self.round = round
        self.stats = stats
        self.check = check
    }

    /// The agreement of a pick: the share of the round's picks on the most
    /// chosen option (`PickStats.modeShare`); nil without a pick.
    public var agreement: Double? { stats.modeShare }
}

/// From one round of a pick stage to the next, over one group.
public struct PickStep: Sendable, Hashable {
    public let from: Int
    public let to: Int
    /// Raters of the group who picked in both rounds.
    public let pairs: Int
    /// Of them, those whose pick changed.
    public let changed: Int
    /// The later round's agreement minus the earlier's; nil when either has no pick.
    public let agreementChange: Double?
    /// nil when the later round has no pick, or when the criteria declare
    /// neither `agreement_min` nor `stability_min` (nothing to judge a pick by).
    public let verdict: RoundVerdict?

    public init(from: Int, to: Int, pairs: Int, changed: Int, agreementChange: Double?, verdict: RoundVerdict?) {
        self.from = from
        self.to = to
        self.pairs = pairs
        self.changed = changed
        self.agreementChange = agreementChange
        self.verdict = verdict
    }

    /// The share of the pairs whose pick changed; nil when pairs = 0.
    public var changedShare: Double? { pairs > 0 ? Double(changed) / Double(pairs) : nil }
    /// The share who kept their pick (what `stability_min` is compared to).
    public var keptShare: Double? { changedShare.map { 1 - $0 } }
}

/// A pick stage's rounds over one group.
public struct GroupPickRounds: Sendable, Hashable {
    /// Round 1 first.
    public let rounds: [PickRoundFigures]
    /// One step per pair of consecutive rounds.
    public let steps: [PickStep]

    public init(rounds: [PickRoundFigures], steps: [PickStep]) {
        self.rounds = rounds
        self.steps = steps
    }

    /// The verdict after the last round; nil with a single round.
    public var verdict: RoundVerdict? { steps.last?.verdict }
}

/// Every stage's rounds.
public struct RoundsAnalysis: Sendable, Hashable {
    /// The criteria the verdicts apply: those the session's first event
    /// recorded, else the workshop's criteria in force.
    public let criteria: ConsensusCriteria
    /// Whether `criteria` were recorded at the session's start (so fixed before any answer).
    public let criteriaRecorded: Bool
    /// Every rating item, in workshop order, with at least round 1.
    public let items: [ItemRounds]
    /// Every pick stage, in workshop order.
    public let picks: [PickRounds]

    public init(criteria: ConsensusCriteria, criteriaRecorded: Bool, items: [ItemRounds], picks: [PickRounds]) {
        self.criteria = criteria
        self.criteriaRecorded = criteriaRecorded
        self.items = items
        self.picks = picks
    }

    /// The items of stages that had a second round.
    public var itemsWithRounds: [ItemRounds] { items.filter { $0.company.rounds.count > 1 } }
    /// The pick stages that had a second round.
    public var picksWithRounds: [PickRounds] { picks.filter { $0.company.count > 1 } }
    /// Whether any stage had a second round.
    public var any: Bool { !itemsWithRounds.isEmpty || !picksWithRounds.isEmpty }
}
