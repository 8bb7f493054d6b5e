extension PickStats {
    /// The statistics of one pick stage over one group's picks.
    /// - Parameters:
    ///   - options: the stage's option ids, in stage order.
    ///   - counts: how many of the group chose each option, same order.
    static func of(options: [String], counts: [Int]) -> PickStats {
        let n = counts.reduce(0, +)
        let pairs = zip(options, counts).map { (option: $0, count: $1) }
        guard n > 0 else {
            return PickStats(n: 0, counts: pairs, modes: [], modeShare: nil, normalizedEntropy: nil)
        }
        let top = counts.max() ?? 0
        let modes = pairs.filter { $0.count == top }.map(\.option)
        return PickStats(
            n: n, counts: pairs, modes: modes, modeShare: Double(top) / Double(n),
            normalizedEntropy: normalizedEntropy(counts))
    }

    /// Shannon entropy H = −Σ p_i log2 p_i divided by its maximum log2(k),
    /// k the number of options: 0 when everyone picks the same option, 1 when
    /// the picks spread evenly. 0 for a stage with a single option.
    static func normalizedEntropy(_ counts: [Int]) -> Double? {
        let n = counts.reduce(0, +)
        guard n > 0 else { return nil }
        guard counts.count > 1 else { return 0 }
        var entropy = 0.0
        for count in counts where count > 0 {
            let share = Double(count) / Double(n)
            entropy -= share * binaryLogarithm(share)
        }
        return Swift.min(1, Swift.max(0, entropy / binaryLogarithm(Double(counts.count))))
    }
}
