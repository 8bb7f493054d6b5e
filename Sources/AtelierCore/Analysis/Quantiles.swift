/// Quantiles of integer answers held as a distribution (count per scale point).
///
/// Linear interpolation between closest ranks: R's type 7, numpy's default.
/// With the n answers sorted x[0] ... x[n-1], the p-quantile is
/// x[j] + g (x[j+1] - x[j]) where h = (n - 1) p, j = floor(h), g = h - j.
struct Distribution: Sendable, Hashable {
    /// The value of the first point.
    let minimum: Int
    /// Count of answers per point, from `minimum` up.
    let counts: [Int]

    init(minimum: Int, counts: [Int]) {
        self.minimum = minimum
        self.counts = counts
    }

    /// The distribution of these values over the points minimum...maximum;
    /// values outside are ignored.
    init(values: some Sequence<Int>, minimum: Int, maximum: Int) {
        var counts = [Int](repeating: 0, count: Swift.max(0, maximum - minimum + 1))
        for value in values where value >= minimum && value <= maximum {
            counts[value - minimum] += 1
        }
        self.init(minimum: minimum, counts: counts)
    }

    var n: Int { counts.reduce(0, +) }

    var mean: Double? {
        let n = self.n
        guard n > 0 else { return nil }
        var sum = 0
        for (offset, count) in counts.enumerated() { sum += (minimum + offset) * count }
        return Double(sum) / Double(n)
    }

    /// The value of rank `index` (0-based) among the sorted answers.
    func value(atRank index: Int) -> Int {
        var seen = 0
        for (offset, count) in counts.enumerated() {
            seen += count
            if index < seen { return minimum + offset }
        }
        return minimum + counts.count - 1
    }

    /// The p-quantile (0 ≤ p ≤ 1), type 7; nil when there is no answer.
    func quantile(_ p: Double) -> Double? {
        let n = self.n
        guard n > 0 else { return nil }
        let h = Double(n - 1) * p
        let j = Int(h.rounded(.down))
        let g = h - Double(j)
        let low = Double(value(atRank: j))
        guard g > 0, j + 1 < n else { return low }
        let high = Double(value(atRank: j + 1))
        return low + g * (high - low)
    }
}
