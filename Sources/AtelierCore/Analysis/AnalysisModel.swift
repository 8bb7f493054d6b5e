/// The numbers a manager acts on, computed from a session state by
/// `Analysis.of(_:)`. Definitions: docs/analysis.md.

/// Statistics of one rating item over a group of raters.
public struct ItemStats: Sendable, Hashable {
    public let n: Int
    public let mean: Double?
    public let median: Double?
    /// Quartiles by linear interpolation between closest ranks (R type 7).
    public let q1: Double?
    public let q3: Double?
    public let iqr: Double?
    /// Tastle–Wierman consensus, 0...1; nil when n = 0.
    public let consensus: Double?
    /// iqr <= the workshop's threshold; nil when n = 0.
    public let consensusReached: Bool?
    /// Count of answers at each scale point, from the scale's min to its max.
    public let distribution: [Int]

    public init(
        n: Int, mean: Double?, median: Double?, q1: Double?, q3: Double?, iqr: Double?, consensus: Double?,
        consensusReached: Bool?, distribution: [Int]
    ) {
        self.n = n
        self.mean = mean
        self.median = median
        self.q1 = q1
        self.q3 = q3
        self.iqr = iqr
        self.consensus = consensus
        self.consensusReached = consensusReached
        self.distribution = distribution
    }
}

/// Counts of one pick stage over a group of raters.
public struct PickStats: Sendable, Hashable {
    public let n: Int
    /// Count per option, in the stage's option order.
    public let counts: [(option: String, count: Int)]
    /// The most chosen option(s), in option order; empty when n = 0.
    public let modes: [String]
    public let modeShare: Double?
    /// Shannon entropy over log2(k) options, 0...1; nil when n = 0.
    public let normalizedEntropy: Double?

    public init(
        n: Int, counts: [(option: String, count: Int)], modes: [String], modeShare: Double?,
        normalizedEntropy: Double?
    ) {
        self.n = n
        self.counts = counts
        self.modes = modes
        self.modeShare = modeShare
        self.normalizedEntropy = normalizedEntropy
    }

    public func count(_ option: String) -> Int { counts.first { $0.option == option }?.count ?? 0 }

    public static func == (lhs: PickStats, rhs: PickStats) -> Bool {
        lhs.n == rhs.n && lhs.modes == rhs.modes && lhs.modeShare == rhs.modeShare
            && lhs.normalizedEntropy == rhs.normalizedEntropy
            && lhs.counts.map(\.option) == rhs.counts.map(\.option)
            && lhs.counts.map(\.count) == rhs.counts.map(\.count)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(n)
        hasher.combine(modes)
    }
}

/// Where the maturity model places a department or the company, and why.
public struct MaturityResult: Sendable, Hashable {
    public let level: String
    /// 0 for the first (lowest) level.
    public let rank: Int
    public let label: LocalizedText
    /// One sentence naming the answers that put the unit at this level.
    public let reason: LocalizedMessage

    public init(level: String, rank: Int, label: LocalizedText, reason: LocalizedMessage) {
        self.level = level
        self.rank = rank
        self.label = label
        self.reason = reason
    }
}

/// A siloed-strategy finding.
public struct SiloFinding: Sendable, Hashable {
    public let kind: SiloKind
    /// Department ids; the finding's subject first.
    public let departments: [String]
    /// For `fragmented`: every connected group of departments.
    public let groups: [[String]]
    /// 0...1, most severe first when sorted.
    public let severity: Double
    /// A sentence a facilitator can read aloud.
    public let message: LocalizedMessage
    /// The workshop file's advice for this kind (`recommendations:`), if any.
    public let recommendation: LocalizedText?

    public init(
        kind: SiloKind, departments: [String], groups: [[String]] = [], severity: Double, message: LocalizedMessage,
        recommendation: LocalizedText? = nil
    ) {
        self.kind = kind
        self.departments = departments
        self.groups = groups
        self.severity = severity
        self.message = message
        self.recommendation = recommendation
    }
}

public struct DepartmentAnalysis: Sendable, Hashable {
    public let id: String
    public let name: String
    public let participants: [String]
    /// Per rating item id.
    public let ratings: [String: ItemStats]
    /// Per pick stage id.
    public let picks: [String: PickStats]
    public let maturity: MaturityResult?
    /// The rating items and pick stages whose figures are withheld, built
    /// from fewer answers than the session's smallest group (`SmallGroups`):
    /// their entries above are empty (n = 0), and so is the maturity then.
    public let withheld: Set<String>

    public init(
        id: String, name: String, participants: [String], ratings: [String: ItemStats], picks: [String: PickStats],
        maturity: MaturityResult?, withheld: Set<String> = []
    ) {
        self.id = id
        self.name = name
        self.participants = participants
        self.ratings = ratings
        self.picks = picks
        self.maturity = maturity
        self.withheld = withheld
    }
}

public struct CompanyAnalysis: Sendable, Hashable {
    public let ratings: [String: ItemStats]
    public let picks: [String: PickStats]
    /// Krippendorff's alpha, ordinal metric over the rating items; nil when undefined.
    public let alphaOrdinal: Double?
    /// Krippendorff's alpha, nominal metric over the pick stages; nil when undefined.
    public let alphaNominal: Double?
    public let maturity: MaturityResult?

    public init(
        ratings: [String: ItemStats], picks: [String: PickStats], alphaOrdinal: Double?, alphaNominal: Double?,
        maturity: MaturityResult?
    ) {
        self.ratings = ratings
        self.picks = picks
        self.alphaOrdinal = alphaOrdinal
        self.alphaNominal = alphaNominal
        self.maturity = maturity
    }
}

/// The whole analysis of a session at one moment.
public struct Analysis: Sendable, Hashable {
    /// In the order the departments were added.
    public let departments: [DepartmentAnalysis]
    public let company: CompanyAnalysis
    /// Most severe first; ties by kind, then department ids.
    public let silos: [SiloFinding]
    /// The smallest group whose figures are shown, when a department's
    /// figures from fewer answers were withheld (`SmallGroups`); nil: all shown.
    public let minGroup: Int?

    public init(
        departments: [DepartmentAnalysis], company: CompanyAnalysis, silos: [SiloFinding], minGroup: Int? = nil
    ) {
        self.departments = departments
        self.company = company
        self.silos = silos
        self.minGroup = minGroup
    }
}
