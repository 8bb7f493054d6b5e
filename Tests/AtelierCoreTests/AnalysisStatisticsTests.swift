import Testing

@testable import AtelierCore

/// A small deterministic generator (SplitMix64) for the property tests.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite struct AnalysisStatisticsTests {
    func stats(_ values: [Int], min: Int = 0, max: Int = 4, iqr: Double = 1) -> ItemStats {
        ItemStats.of(Distribution(values: values, minimum: min, maximum: max), range: max - min, consensusIQR: iqr)
    }

    @Test func tastleWiermanMatchesTheAgrmtExample() throws {
        let distribution = Distribution(minimum: 1, counts: [30, 40, 210, 130, 530, 50, 10])
        let item = ItemStats.of(distribution, range: 6, consensusIQR: 1)
        let consensus = try #require(item.consensus)
        #expect(abs(consensus - 0.7256876) < 5e-8)
        #expect(item.n == 1000)
    }

    @Test func consensusIsOneWhenAllAgreeAndZeroWhenSplitBetweenTheEnds() {
        #expect(stats([3, 3, 3]).consensus == 1)
        #expect(stats([0, 0, 4, 4]).consensus == 0)
        #expect(stats([]).consensus == nil)
    }

    @Test func quartilesOfOneAnswer() {
        let item = stats([3])
        #expect(item.n == 1)
        #expect(item.mean == 3)
        #expect(item.q1 == 3)
        #expect(item.median == 3)
        #expect(item.q3 == 3)
        #expect(item.iqr == 0)
        #expect(item.consensus == 1)
        #expect(item.consensusReached == true)
        #expect(item.distribution == [0, 0, 0, 1, 0])
    }

    @Test func quartilesOfTwoAnswersInterpolate() {
        let item = stats([4, 1])
        #expect(item.q1 == 1.75)
        #expect(item.median == 2.5)
        #expect(item.q3 == 3.25)
        #expect(item.iqr == 1.5)
        #expect(item.mean == 2.5)
        #expect(item.consensusReached == false)
    }

    @Test func quartilesOfLargerSamples() {
        let five = stats([3, 0, 4, 1, 1])
        #expect([five.q1, five.median, five.q3] == [1, 1, 3])
        #expect(five.mean == 1.8)
        #expect(five.iqr == 2)
        let six = stats([4, 2, 3, 4, 2, 4])
        #expect([six.q1, six.median, six.q3] == [2.25, 3.5, 4])
        #expect(six.iqr == 1.75)
        #expect(stats([4, 2, 3, 4, 2, 4], iqr: 1.75).consensusReached == true)
    }

    @Test func noAnswerGivesNoStatistics() {
        let item = stats([])
        #expect(item.n == 0)
        #expect(item.mean == nil && item.median == nil && item.q1 == nil && item.q3 == nil && item.iqr == nil)
        #expect(item.consensusReached == nil)
        #expect(item.distribution == [0, 0, 0, 0, 0])
    }

    @Test func consensusStaysWithinZeroAndOne() {
        var generator = SeededGenerator(state: 42)
        for _ in 0..<2000 {
            let points = Int.random(in: 2...11, using: &generator)
            let counts = (0..<points).map { _ in
                Bool.random(using: &generator) ? 0 : Int.random(in: 0...50, using: &generator)
            }
            guard counts.reduce(0, +) > 0 else { continue }
            let consensus = ItemStats.tastleWierman(Distribution(minimum: 1, counts: counts), range: points - 1)
            #expect((0...1).contains(consensus ?? -1), "counts \(counts)")
        }
    }

    // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability",
    // section C: 4 observers, 12 units, values 1...5, missing data.
    static let reliabilityData: [[Int?]] = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, nil, nil, nil],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nil, 3],
        [nil, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nil],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nil],
    ]

    /// Per unit, how many observers gave each value 1...5.
    static func unitCounts(_ data: [[Int?]], values: ClosedRange<Int>) -> [[Int]] {
        (0..<(data.first?.count ?? 0)).map { unit in
            values.map { value in data.filter { $0[unit] == value }.count }
        }
    }

    @Test func krippendorffNominalWithMissingData() throws {
        let alpha = try #require(
            KrippendorffAlpha.alpha(units: Self.unitCounts(Self.reliabilityData, values: 1...5), metric: .nominal))
        // Published: 0.743; exactly 1 - 10 * 4 / (…) = 0.743421052631579 (checked with the
        // Python package krippendorff 0.9.0 and a direct computation).
        #expect(abs(alpha - 0.743421052631579) < 1e-12)
    }

    @Test func krippendorffOrdinalWithMissingData() throws {
        let alpha = try #require(
            KrippendorffAlpha.alpha(units: Self.unitCounts(Self.reliabilityData, values: 1...5), metric: .ordinal))
        // Published: 0.815.
        #expect(abs(alpha - 0.8153875037548814) < 1e-12)
    }

    // The worked example of docs/analysis.md: three raters, two items; item A
    // got 1, 1, 2 and item B got 3, 3, 3.
    @Test func krippendorffWorkedExampleByHand() throws {
        let units = [[2, 1, 0], [0, 0, 3]]
        let nominal = try #require(KrippendorffAlpha.alpha(units: units, metric: .nominal))
        #expect(abs(nominal - 6.0 / 11) < 1e-15)
        #expect(KrippendorffAlpha.alpha(units: units, metric: .ordinal) == 0.875)
    }

    @Test func tastleWiermanWorkedExampleByHand() throws {
        // Answers 0, 1, 2, 4 on a 0...4 scale (docs/analysis.md).
        let consensus = try #require(
            ItemStats.tastleWierman(Distribution(minimum: 0, counts: [1, 1, 1, 0, 1]), range: 4))
        #expect(abs(consensus - 0.3961525593123818) < 1e-15)
    }

    @Test func alphaIsUndefinedWithoutPairsOrWithoutDisagreement() {
        #expect(KrippendorffAlpha.alpha(units: [], metric: .nominal) == nil)
        #expect(KrippendorffAlpha.alpha(units: [[1, 0], [0, 1]], metric: .nominal) == nil)
        #expect(KrippendorffAlpha.alpha(units: [[3, 0], [2, 0]], metric: .ordinal) == nil)
    }

    @Test func alphaOfASingleUnitIsZeroAndNotReported() {
        #expect(KrippendorffAlpha.alpha(units: [[2, 1, 0]], metric: .nominal) == 0)
        #expect(KrippendorffAlpha.alpha(units: [[2, 1, 0]], metric: .ordinal) == 0)
        #expect(KrippendorffAlpha.reported(units: [[2, 1, 0], [1, 0, 0]], metric: .nominal) == nil)
        #expect(KrippendorffAlpha.reported(units: [[2, 1, 0], [0, 0, 2]], metric: .nominal) != nil)
    }

    @Test func alphaIsOneWhenEveryRaterAgreesOnEveryUnit() {
        var generator = SeededGenerator(state: 7)
        for _ in 0..<200 {
            let values = Int.random(in: 2...7, using: &generator)
            let raters = Int.random(in: 2...30, using: &generator)
            var units: [[Int]] = []
            for _ in 0..<Int.random(in: 2...20, using: &generator) {
                var row = [Int](repeating: 0, count: values)
                row[Int.random(in: 0..<values, using: &generator)] = raters
                units.append(row)
            }
            let distinct = Set(units.map { $0.firstIndex { $0 > 0 } }).count
            for metric in [KrippendorffAlpha.Metric.nominal, .ordinal] {
                let alpha = KrippendorffAlpha.alpha(units: units, metric: metric)
                #expect(alpha == (distinct > 1 ? 1 : nil))
            }
        }
    }

    @Test func pickStatsCountModesAndEntropy() {
        let options = ["ignore", "status_quo", "delegate", "drift"]
        let tie = PickStats.of(options: options, counts: [2, 0, 2, 0])
        #expect(tie.n == 4)
        #expect(tie.modes == ["ignore", "delegate"])
        #expect(tie.modeShare == 0.5)
        #expect(tie.normalizedEntropy == 0.5)
        #expect(tie.count("delegate") == 2)
        #expect(PickStats.of(options: options, counts: [1, 1, 1, 1]).normalizedEntropy == 1)
        #expect(PickStats.of(options: options, counts: [0, 3, 0, 0]).normalizedEntropy == 0)
        let none = PickStats.of(options: options, counts: [0, 0, 0, 0])
        #expect(none.modes.isEmpty && none.modeShare == nil && none.normalizedEntropy == nil)
    }
}
