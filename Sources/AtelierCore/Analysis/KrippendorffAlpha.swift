/// Krippendorff's alpha, computed from per-unit value counts as in
/// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability":
/// coincidences o_ck = Σ_u (pairs c–k in unit u) / (m_u − 1) over the units
/// with m_u ≥ 2 values, marginals n_c = Σ_k o_ck, n = Σ_c n_c, and
/// α = 1 − (n − 1) · Σ o_ck δ²_ck / Σ n_c n_k δ²_ck.
enum KrippendorffAlpha {
    enum Metric: Sendable {
        /// δ² = 0 for equal values, 1 otherwise.
        case nominal
        /// δ²_ck = (Σ_{g=c..k} n_g − (n_c + n_k) / 2)², values in rank order.
        case ordinal
        /// δ²_ck = (c − k)²: values are equally spaced scale points, one apart.
        case interval
    }

    /// - Parameter units: for each unit, how many coders gave each value; every
    ///   row has one count per value, values in the same (rank) order.
    /// - Returns: nil when alpha is undefined: fewer than two pairable values,
    ///   or no expected disagreement (every pairable value the same).
    static func alpha(units: [[Int]], metric: Metric) -> Double? {
        let values = units.map(\.count).max() ?? 0
        guard values > 0 else { return nil }
        var coincidences = [Double](repeating: 0, count: values * values)
        for unit in units {
            let m = unit.reduce(0, +)
            guard m >= 2 else { continue }
            let weight = 1 / Double(m - 1)
            for c in unit.indices where unit[c] > 0 {
                for k in unit.indices where unit[k] > 0 {
                    let pairs = c == k ? unit[c] * (unit[c] - 1) : unit[c] * unit[k]
                    coincidences[c * values + k] += Double(pairs) * weight
                }
            }
        }
        var marginals = [Double](repeating: 0, count: values)
        for c in 0..<values {
            for k in 0..<values { marginals[c] += coincidences[c * values + k] }
        }
        let n = marginals.reduce(0, +)
        guard n >= 2 else { return nil }
        let distance = squaredDistance(metric, marginals: marginals)
        var observed = 0.0
        var expected = 0.0
        for c in 0..<values {
            for k in 0..<values where c != k {
                let delta = distance(c, k)
                observed += coincidences[c * values + k] * delta
                expected += marginals[c] * marginals[k] * delta
            }
        }
        guard expected > 0 else { return nil }
        return 1 - (n - 1) * observed / expected
    }

    /// Alpha as the analysis reports it: nil also when fewer than two units
    /// hold two values or more. With a single such unit, observed and expected
    /// disagreement coincide and alpha is 0 whatever the answers, which says
    /// nothing about the room.
    static func reported(units: [[Int]], metric: Metric) -> Double? {
        guard units.filter({ $0.reduce(0, +) >= 2 }).count >= 2 else { return nil }
        return alpha(units: units, metric: metric)
    }

    private static func squaredDistance(
        _ metric: Metric, marginals: [Double]
    ) -> (Int, Int) -> Double {
        switch metric {
        case .nominal:
            return { c, k in c == k ? 0 : 1 }
        case .interval:
            return { c, k in Double((c - k) * (c - k)) }
        case .ordinal:
            var prefix = [0.0]
            for count in marginals { prefix.append(prefix[prefix.count - 1] + count) }
            return { c, k in
                let low = Swift.min(c, k)
                let high = Swift.max(c, k)
                let between = prefix[high + 1] - prefix[low] - (marginals[c] + marginals[k]) / 2
                return between * between
            }
        }
    }
}
