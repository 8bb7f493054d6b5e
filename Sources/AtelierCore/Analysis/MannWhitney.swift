/// The Mann–Whitney U test of a shift between two groups of answers on one
/// scale, and Cliff's delta as its effect size (docs/analysis.md, "Comparing
/// sessions"). The groups come as counts per scale point, the lowest first.
///
/// - U counts the pairs (before, after) where the after answer is higher,
///   a tie counting one half.
/// - The two-sided p-value is exact when n₁ + n₂ ≤ `exactLimit`: every way
///   of choosing which n₂ of the N answers are the "after" ones is counted,
///   ties keeping their mid-ranks, and p is the share of those choices whose
///   rank sum lies at least as far from its mean as the one observed.
///   Above, the normal approximation with the tie correction and a
///   continuity correction of ½.
/// - Under `minimumAnswers` answers in either group no test is made: even
///   the most lopsided split of 3 against 3 answers gives p = 0.1.
/// - Cliff's delta = (pairs after > before − pairs after < before) / (n₁ n₂),
///   −1...1, positive when the answers went up.
public enum MannWhitney {
    /// Fewer answers than this in either group: "too few answers to tell".
    public static let minimumAnswers = 4
    /// At most this many answers in both groups together: the exact p-value.
    public static let exactLimit = 40

    /// The test of the shift from `before` to `after` (counts per scale
    /// point, same points); `.tooFew` under `minimumAnswers` in either group.
    public static func test(before: [Int], after: [Int]) -> ShiftTest {
        let n1 = before.reduce(0, +)
        let n2 = after.reduce(0, +)
        guard n1 >= minimumAnswers, n2 >= minimumAnswers, before.count == after.count else {
            return .tooFew(before: n1, after: n2)
        }
        // Pairs where after is higher, lower, tied.
        var higher = 0
        var lower = 0
        var tied = 0
        var belowBefore = 0
        for (point, count) in after.enumerated() {
            let atPoint = before[point]
            higher += count * belowBefore
            tied += count * atPoint
            lower += count * (n1 - belowBefore - atPoint)
            belowBefore += atPoint
        }
        let pairs = Double(n1 * n2)
        let u = Double(higher) + Double(tied) / 2
        let delta = Double(higher - lower) / pairs
        let total = n1 + n2
        let exact = total <= exactLimit
        let p =
            exact
            ? exactP(before: before, after: after)
            : approximateP(u: u, n1: n1, n2: n2, ties: zip(before, after).map { $0 + $1 })
        return .tested(ShiftResult(before: n1, after: n2, u: u, p: p, exact: exact, cliffsDelta: delta))
    }

    /// The exact two-sided p-value by counting the choices of the after group.
    static func exactP(before: [Int], after: [Int]) -> Double {
        let totals = zip(before, after).map { $0 + $1 }
        let n = totals.reduce(0, +)
        let n2 = after.reduce(0, +)
        // Doubled mid-rank of each point: 2 × (answers below) + t + 1.
        var doubledRanks: [Int] = []
        var below = 0
        for t in totals {
            doubledRanks.append(2 * below + t + 1)
            below += t
        }
        let observed = zip(after, doubledRanks).reduce(0) { $0 + $1.0 * $1.1 }
        let mean = n2 * (n + 1)
        let maxSum = 2 * n * n + 1
        // ways[c][s]: choices of c answers among the points seen whose doubled rank sum is s.
        var ways = [[Double]](repeating: [Double](repeating: 0, count: maxSum + 1), count: n2 + 1)
        ways[0][0] = 1
        for (point, t) in totals.enumerated() where t > 0 {
            var next = [[Double]](repeating: [Double](repeating: 0, count: maxSum + 1), count: n2 + 1)
            for chosen in 0...n2 {
                for sum in 0...maxSum where ways[chosen][sum] > 0 {
                    var binomial = 1.0
                    for take in 0...min(t, n2 - chosen) {
                        if take > 0 { binomial = binomial * Double(t - take + 1) / Double(take) }
                        let s = sum + take * doubledRanks[point]
                        if s <= maxSum { next[chosen + take][s] += ways[chosen][sum] * binomial }
                    }
                }
            }
            ways = next
        }
        let distance = abs(observed - mean)
        var extreme = 0.0
        var all = 0.0
        for (sum, count) in ways[n2].enumerated() where count > 0 {
            all += count
            if abs(sum - mean) >= distance { extreme += count }
        }
        return min(1, extreme / all)
    }

    /// The normal approximation with tie and continuity corrections.
    static func approximateP(u: Double, n1: Int, n2: Int, ties: [Int]) -> Double {
        let n = Double(n1 + n2)
        let product = Double(n1) * Double(n2)
        let tieSum = ties.reduce(0.0) { sum, t in sum + Double(t * t * t - t) }
        let variance = product / 12 * ((n + 1) - tieSum / (n * (n - 1)))
        guard variance > 0 else { return 1 }
        let z = max(0, abs(u - product / 2) - 0.5) / variance.squareRoot()
        return min(1, complementaryError(z / 2.0.squareRoot()))
    }
}

/// What the shift test says about one item between two sessions.
public enum ShiftTest: Sendable, Hashable {
    /// Fewer than `MannWhitney.minimumAnswers` answers in a session.
    case tooFew(before: Int, after: Int)
    case tested(ShiftResult)
}

public struct ShiftResult: Sendable, Hashable {
    public let before: Int
    public let after: Int
    /// U of the after group: pairs where it is higher, ties counting ½.
    public let u: Double
    /// Two-sided.
    public let p: Double
    /// True when p was counted exactly, false for the normal approximation.
    public let exact: Bool
    public let cliffsDelta: Double

    public init(before: Int, after: Int, u: Double, p: Double, exact: Bool, cliffsDelta: Double) {
        self.before = before
        self.after = after
        self.u = u
        self.p = p
        self.exact = exact
        self.cliffsDelta = cliffsDelta
    }

    /// The threshold under which the shift is called significant.
    public static let significance = 0.05

    public var isSignificant: Bool { p < Self.significance }

    /// Romano et al. (2006): |δ| < 0.147 negligible, < 0.33 small, < 0.474 medium, else large.
    public var magnitude: EffectMagnitude {
        let size = abs(cliffsDelta)
        if size < 0.147 { return .negligible }
        if size < 0.33 { return .small }
        if size < 0.474 { return .medium }
        return .large
    }
}

public enum EffectMagnitude: String, Sendable, Hashable, CaseIterable {
    case negligible, small, medium, large
}
