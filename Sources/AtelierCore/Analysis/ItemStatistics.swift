extension ItemStats {
    /// No answer at all.
    public static let empty = ItemStats(
        n: 0, mean: nil, median: nil, q1: nil, q3: nil, iqr: nil, consensus: nil, consensusReached: nil,
        distribution: [])

    /// The statistics of one rating item over one group's answers.
    /// - Parameters:
    ///   - distribution: the group's answers, one count per scale point.
    ///   - range: d = the scale's maximum minus its minimum (from the workshop).
    ///   - consensusIQR: consensus is reached when the IQR is at most this.
    static func of(_ distribution: Distribution, range: Int, consensusIQR: Double) -> ItemStats {
        let n = distribution.n
        let q1 = distribution.quantile(0.25)
        let q3 = distribution.quantile(0.75)
        let iqr = q1.flatMap { low in q3.map { $0 - low } }
        return ItemStats(
            n: n,
            mean: distribution.mean,
            median: distribution.quantile(0.5),
            q1: q1,
            q3: q3,
            iqr: iqr,
            consensus: tastleWierman(distribution, range: range),
            consensusReached: iqr.map { $0 <= consensusIQR },
            distribution: distribution.counts)
    }

    /// Tastle and Wierman's consensus (2007):
    /// Cns = 1 + Σ p_i · log2(1 − |X_i − μ| / d), over the scale points X_i
    /// holding a share p_i > 0 of the answers, μ the mean, d the scale's width.
    /// 1 when all answers are equal, 0 when they split between both ends;
    /// nil when there is no answer.
    static func tastleWierman(_ distribution: Distribution, range: Int) -> Double? {
        let n = distribution.n
        guard n > 0, let mean = distribution.mean else { return nil }
        guard range > 0 else { return 1 }
        let width = Double(range)
        var sum = 0.0
        for (offset, count) in distribution.counts.enumerated() where count > 0 {
            let share = Double(count) / Double(n)
            let distance = abs(Double(distribution.minimum + offset) - mean) / width
            sum += share * binaryLogarithm(1 - distance)
        }
        return Swift.min(1, Swift.max(0, 1 + sum))
    }
}
