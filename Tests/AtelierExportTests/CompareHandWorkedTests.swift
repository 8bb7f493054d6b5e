import AtelierCore
import AtelierExport
import AtelierTestFixtures
import Foundation
import Testing

/// Every figure of the comparison of the committed example pair
/// (docs/examples/compare-before.jsonl → compare-after.jsonl), against values
/// worked by hand from the answers in the two recordings (each rater's last
/// answer; in the before session thomas changed his pick drift → status_quo
/// and julie her status_quo rating 2 → 3, karim his ignore rating 2 → 1).
/// The goldens check the wording; these tests check the numbers.
///
/// Conventions of the hand work (docs/analysis.md): quantiles of type 7 —
/// with three sorted answers a ≤ b ≤ c, h = 0.5 and 1.5 give q1 = (a + b)/2,
/// median b, q3 = (b + c)/2, IQR (c − a)/2; with two, a ≤ b: median (a + b)/2,
/// q1 = a + (b − a)/4, q3 = a + 3(b − a)/4, IQR (b − a)/2. Tastle–Wierman with
/// d = 4 (the 0–4 scales): 1 + Σ pᵢ log₂(1 − |Xᵢ − μ|/4).
@Suite struct CompareHandWorkedTests {
    static func step() throws -> Comparison { try CompareExampleTests.comparison() }

    // MARK: - Ratings, per department

    /// The three shapes every department's answers take here (2 or 3 answers,
    /// never more than one point apart), and their Tastle–Wierman consensus:
    enum Shape {
        /// every answer the same: μ on the answer, log₂ 1 = 0: Cns = 1.
        case same
        /// two answers one point apart (a, a + 1): μ = a + ½, each at ½/4 = 1/8
        /// from it: Cns = 1 + log₂(7/8) = 0.80735.
        case pair
        /// three answers, two on one point and one on the next (a, a, a ± 1):
        /// μ is ⅓ from the two and ⅔ from the one: Cns = 1 + ⅔ log₂(1 − 1/12)
        /// + ⅓ log₂(1 − 2/12) = 1 − 0.08369 − 0.08767 = 0.82863.
        case twoAndOne

        var consensus: Double {
            switch self {
            case .same: 1
            case .pair: 1 + log2(7.0 / 8)
            case .twoAndOne: 1 + 2.0 / 3 * log2(11.0 / 12) + 1.0 / 3 * log2(10.0 / 12)
            }
        }
    }

    /// Each department of both sessions on each item: the answers before and
    /// after (sorted, read from the recordings), then the median and IQR worked
    /// by the rules above, and the shape of the answers. Marketing is claire,
    /// hugo, ines; customer service karim, lea, marc; the leadership sophie,
    /// paul; legal nadia, olivier. Every department has 2 or 3 answers, fewer
    /// than the 4 a test needs: every shift is "too few answers to tell".
    static let departmentRows:
        [(
            department: String, item: String, before: [Int], after: [Int], median: (Double, Double),
            iqr: (Double, Double), shape: (Shape, Shape)
        )] = [
            ("marketing", "ignore", [0, 0, 1], [0, 0, 0], (0, 0), (0.5, 0), (.twoAndOne, .same)),
            ("service-client", "ignore", [1, 1, 1], [0, 1, 1], (1, 1), (0, 0.5), (.same, .twoAndOne)),
            ("direction", "ignore", [2, 3], [1, 1], (2.5, 1), (0.5, 0), (.pair, .same)),
            ("juridique", "ignore", [2, 3], [1, 1], (2.5, 1), (0.5, 0), (.pair, .same)),
            ("marketing", "status_quo", [0, 1, 1], [0, 0, 1], (1, 0), (0.5, 0.5), (.twoAndOne, .twoAndOne)),
            ("service-client", "status_quo", [1, 2, 2], [1, 1, 1], (2, 1), (0.5, 0), (.twoAndOne, .same)),
            ("direction", "status_quo", [3, 3], [2, 2], (3, 2), (0, 0), (.same, .same)),
            ("juridique", "status_quo", [3, 4], [2, 3], (3.5, 2.5), (0.5, 0.5), (.pair, .pair)),
            ("marketing", "delegate", [1, 1, 2], [1, 1, 1], (1, 1), (0.5, 0), (.twoAndOne, .same)),
            ("service-client", "delegate", [0, 1, 1], [0, 1, 1], (1, 1), (0.5, 0.5), (.twoAndOne, .twoAndOne)),
            ("direction", "delegate", [3, 4], [1, 2], (3.5, 1.5), (0.5, 0.5), (.pair, .pair)),
            ("juridique", "delegate", [1, 2], [1, 1], (1.5, 1), (0.5, 0), (.pair, .same)),
            ("marketing", "drift", [3, 3, 4], [1, 1, 2], (3, 1), (0.5, 0.5), (.twoAndOne, .twoAndOne)),
            ("service-client", "drift", [1, 1, 2], [0, 1, 1], (1, 1), (0.5, 0.5), (.twoAndOne, .twoAndOne)),
            ("direction", "drift", [1, 1], [1, 1], (1, 1), (0, 0), (.same, .same)),
            ("juridique", "drift", [0, 1], [0, 1], (0.5, 0.5), (0.5, 0.5), (.pair, .pair)),
            ("marketing", "control", [1, 1, 2], [1, 1, 1], (1, 1), (0.5, 0), (.twoAndOne, .same)),
            ("service-client", "control", [2, 2, 3], [1, 2, 2], (2, 2), (0.5, 0.5), (.twoAndOne, .twoAndOne)),
            ("direction", "control", [3, 3], [2, 2], (3, 2), (0, 0), (.same, .same)),
            ("juridique", "control", [4, 4], [3, 3], (4, 3), (0, 0), (.same, .same)),
            ("marketing", "understanding", [0, 1, 1], [0, 0, 1], (1, 0), (0.5, 0.5), (.twoAndOne, .twoAndOne)),
            ("service-client", "understanding", [1, 2, 2], [1, 1, 1], (2, 1), (0.5, 0), (.twoAndOne, .same)),
            ("direction", "understanding", [2, 3], [1, 2], (2.5, 1.5), (0.5, 0.5), (.pair, .pair)),
            ("juridique", "understanding", [3, 3], [2, 2], (3, 2), (0, 0), (.same, .same)),
            ("marketing", "strategy", [1, 1, 2], [0, 1, 1], (1, 1), (0.5, 0.5), (.twoAndOne, .twoAndOne)),
            ("service-client", "strategy", [2, 2, 3], [1, 1, 2], (2, 1), (0.5, 0.5), (.twoAndOne, .twoAndOne)),
            ("direction", "strategy", [3, 3], [1, 2], (3, 1.5), (0, 0.5), (.same, .pair)),
            ("juridique", "strategy", [2, 3], [1, 2], (2.5, 1.5), (0.5, 0.5), (.pair, .pair)),
        ]

    /// Counts per point 0...4 of some answers.
    static func counts(_ answers: [Int]) -> [Int] { (0...4).map { point in answers.count { $0 == point } } }

    @Test func everyDepartmentRatingByHand() throws {
        let step = try Self.step()
        #expect(step.departments.map(\.id) == ["marketing", "service-client", "direction", "juridique"])
        for department in step.departments {
            #expect(department.ratings.count == 7, "\(department.id)")
        }
        for row in Self.departmentRows {
            let label = "\(row.department) \(row.item)"
            let unit = try #require(step.departments.first { $0.id == row.department })
            let change = try #require(unit.ratings.first { $0.item == row.item })
            #expect(change.before.n == row.before.count, "\(label)")
            #expect(change.after.n == row.after.count, "\(label)")
            #expect(change.before.distribution == Self.counts(row.before), "\(label)")
            #expect(change.after.distribution == Self.counts(row.after), "\(label)")
            #expect(change.before.median == row.median.0, "\(label)")
            #expect(change.after.median == row.median.1, "\(label)")
            #expect(change.medianChange == row.median.1 - row.median.0, "\(label)")
            #expect(change.before.iqr == row.iqr.0, "\(label)")
            #expect(change.after.iqr == row.iqr.1, "\(label)")
            #expect(change.iqrChange == row.iqr.1 - row.iqr.0, "\(label)")
            let before = try #require(change.before.consensus)
            let after = try #require(change.after.consensus)
            #expect(abs(before - row.shape.0.consensus) < 1e-12, "\(label)")
            #expect(abs(after - row.shape.1.consensus) < 1e-12, "\(label)")
            #expect(abs(try #require(change.consensusChange) - (after - before)) < 1e-12, "\(label)")
            // The threshold: fewer than 4 answers in a session, no test.
            #expect(change.shift == .tooFew(before: row.before.count, after: row.after.count), "\(label)")
        }
    }

    // MARK: - Ratings, the company

    /// The company (every rater of the session, 12 each time) on each item:
    /// counts per point 0...4 before and after; type-7 quartiles of 12 sorted
    /// answers x₀…x₁₁: q1 = x₂ + 0.75 (x₃ − x₂), median = (x₅ + x₆)/2,
    /// q3 = x₈ + 0.25 (x₉ − x₈); pairs (before, after) where after is higher,
    /// tied, lower, of 144: U = higher + tied/2, δ = (higher − lower)/144;
    /// the exact p = extreme / C(24, 12) = extreme / 2 704 156, where
    /// "extreme" counts the choices of which 12 of the 24 pooled answers are
    /// the after ones (tied answers keep their mid-rank) whose rank sum lies
    /// at least as far from its mean 12 × 25 / 2 = 150 as the observed one.
    /// The counts of extreme choices are Σ Π C(tⱼ, cⱼ) over the ways (c₀…c₄)
    /// of taking cⱼ of the tⱼ pooled answers at each point, summed over the
    /// points' mid-ranks, counted outside the program (a short enumeration of
    /// the at most 13⁵ ways, written for this check).
    ///
    /// - ignore: before 0 0 1 1 1 1 1 2 2 2 3 3 (2, 5, 3, 2, 0), after
    ///   0 0 0 0 0 1 1 1 1 1 1 1 (5, 7, 0, 0, 0). Median 1 → 1; q1 1 + 0 = 1 →
    ///   0 + 0.75 × 0 = 0; q3 2 → 1: IQR 1 → 1. Pairs: higher 7 × 2 = 14, tied
    ///   5 × 2 + 7 × 5 = 45, lower 85: U 36.5, δ −71/144. Pooled t = (7, 12, 3,
    ///   2, 0), mid-ranks 4, 13.5, 21, 23.5: after rank sum 5 × 4 + 7 × 13.5 =
    ///   114.5, 35.5 from 150; p = 89 958 / 2 704 156 = 0.0333.
    /// - status_quo: before 0 1 1 1 2 2 3 3 3 3 3 4 (1, 3, 2, 5, 1), after
    ///   0 0 1 1 1 1 1 1 2 2 2 3 (2, 6, 3, 1, 0). Median (2 + 3)/2 = 2.5 → 1;
    ///   q1 1 → 1; q3 3 → 2: IQR 2 → 1. Pairs: higher 24, tied 31, lower 89:
    ///   U 39.5, δ −65/144. t = (3, 9, 5, 6, 1), mid-ranks 2, 8, 15, 20.5, 24:
    ///   after rank sum 4 + 48 + 45 + 20.5 = 117.5, 32.5 from 150;
    ///   p = 170 398 / 2 704 156 = 0.0630.
    /// - delegate: before 0 1 1 1 1 1 2 2 2 3 3 4 (1, 5, 3, 2, 1), after
    ///   0 1 1 1 1 1 1 1 1 1 2 2 (1, 9, 2, 0, 0). Median 1.5 → 1; q1 1 → 1;
    ///   q3 2 + 0.25 × 1 = 2.25 → 1: IQR 1.25 → 0. Pairs: higher 21, tied 52,
    ///   lower 71: U 47, δ −50/144. t = (2, 14, 5, 2, 1), mid-ranks 1.5, 9.5,
    ///   19, 22.5, 24: after rank sum 1.5 + 85.5 + 38 = 125, 25 from 150;
    ///   p = 307 580 / 2 704 156 = 0.1137.
    /// - drift: before 0 1 1 1 1 1 1 2 2 3 3 4 (1, 6, 2, 2, 1), after
    ///   0 0 1 1 1 1 1 1 1 2 2 3 (2, 7, 2, 1, 0). Median 1 → 1; q1 1 → 1;
    ///   q3 2.25 → 1 + 0.25 × 1 = 1.25: IQR 1.25 → 0.25. Pairs: higher 30,
    ///   tied 50, lower 64: U 55, δ −34/144. t = (3, 13, 4, 3, 1), mid-ranks 2,
    ///   10, 18.5, 22, 24: after rank sum 4 + 70 + 37 + 22 = 133, 17 from 150;
    ///   p = 873 886 / 2 704 156 = 0.3232.
    /// - control: before 1 1 2 2 2 2 2 3 3 3 4 4 (0, 2, 5, 3, 2), after
    ///   1 1 1 1 1 2 2 2 2 2 3 3 (0, 5, 5, 2, 0). Median 2 → 2; q1 2 → 1; q3
    ///   3 → 2: IQR 1 → 1. Pairs: higher 24, tied 41, lower 79: U 44.5,
    ///   δ −55/144. t = (0, 7, 10, 5, 2), mid-ranks 4, 12.5, 20, 23.5: after
    ///   rank sum 20 + 62.5 + 40 = 122.5, 27.5 from 150;
    ///   p = 293 680 / 2 704 156 = 0.1086.
    /// - understanding: before 0 1 1 1 2 2 2 2 3 3 3 3 (1, 3, 4, 4, 0), after
    ///   0 0 1 1 1 1 1 2 2 2 2 3 (2, 5, 4, 1, 0). Median 2 → 1; q1 1 → 1; q3
    ///   3 → 2: IQR 2 → 1. Pairs: higher 29, tied 37, lower 78: U 47.5,
    ///   δ −49/144. t = (3, 8, 8, 5, 0), mid-ranks 2, 7.5, 15.5, 22: after rank
    ///   sum 4 + 37.5 + 62 + 22 = 125.5, 24.5 from 150;
    ///   p = 441 242 / 2 704 156 = 0.1632.
    /// - strategy: before 1 1 2 2 2 2 3 3 3 3 3 4 (0, 2, 4, 5, 1), after
    ///   0 1 1 1 1 1 1 2 2 2 3 3 (1, 6, 3, 2, 0). Median 2.5 → 1; q1 2 → 1; q3
    ///   3 → 2: IQR 1 → 1. Pairs: higher 18, tied 34, lower 92: U 35,
    ///   δ −74/144. t = (1, 8, 7, 7, 1), mid-ranks 1, 5.5, 13, 20, 24: after
    ///   rank sum 1 + 33 + 39 + 40 = 113, 37 from 150;
    ///   p = 84 238 / 2 704 156 = 0.0312.
    ///
    /// Tastle–Wierman: μ from the counts (e.g. ignore before 17/12), each point
    /// Xᵢ at |Xᵢ − μ|/4 = |12 Xᵢ − 12 μ|/48 from it, written out below.
    static let companyRows:
        [(
            item: String, before: [Int], after: [Int], median: (Double, Double), q1: (Double, Double),
            q3: (Double, Double), consensus: (Double, Double), pairs: (higher: Int, tied: Int, lower: Int),
            extreme: Int
        )] = [
            (
                "ignore", [2, 5, 3, 2, 0], [5, 7, 0, 0, 0], (1, 1), (1, 0), (2, 1),
                (
                    1 + 2.0 / 12 * log2(1 - 17.0 / 48) + 5.0 / 12 * log2(1 - 5.0 / 48) + 3.0 / 12
                        * log2(1 - 7.0 / 48) + 2.0 / 12 * log2(1 - 19.0 / 48),
                    1 + 5.0 / 12 * log2(1 - 7.0 / 48) + 7.0 / 12 * log2(1 - 5.0 / 48)
                ), (14, 45, 85), 89_958
            ),
            (
                "status_quo", [1, 3, 2, 5, 1], [2, 6, 3, 1, 0], (2.5, 1), (1, 1), (3, 2),
                (
                    1 + 1.0 / 12 * log2(1 - 26.0 / 48) + 3.0 / 12 * log2(1 - 14.0 / 48) + 2.0 / 12
                        * log2(1 - 2.0 / 48) + 5.0 / 12 * log2(1 - 10.0 / 48) + 1.0 / 12 * log2(1 - 22.0 / 48),
                    1 + 2.0 / 12 * log2(1 - 15.0 / 48) + 6.0 / 12 * log2(1 - 3.0 / 48) + 3.0 / 12
                        * log2(1 - 9.0 / 48) + 1.0 / 12 * log2(1 - 21.0 / 48)
                ), (24, 31, 89), 170_398
            ),
            (
                "delegate", [1, 5, 3, 2, 1], [1, 9, 2, 0, 0], (1.5, 1), (1, 1), (2.25, 1),
                (
                    1 + 1.0 / 12 * log2(1 - 21.0 / 48) + 5.0 / 12 * log2(1 - 9.0 / 48) + 3.0 / 12
                        * log2(1 - 3.0 / 48) + 2.0 / 12 * log2(1 - 15.0 / 48) + 1.0 / 12 * log2(1 - 27.0 / 48),
                    1 + 1.0 / 12 * log2(1 - 13.0 / 48) + 9.0 / 12 * log2(1 - 1.0 / 48) + 2.0 / 12
                        * log2(1 - 11.0 / 48)
                ), (21, 52, 71), 307_580
            ),
            (
                "drift", [1, 6, 2, 2, 1], [2, 7, 2, 1, 0], (1, 1), (1, 1), (2.25, 1.25),
                (
                    1 + 1.0 / 12 * log2(1 - 20.0 / 48) + 6.0 / 12 * log2(1 - 8.0 / 48) + 2.0 / 12
                        * log2(1 - 4.0 / 48) + 2.0 / 12 * log2(1 - 16.0 / 48) + 1.0 / 12 * log2(1 - 28.0 / 48),
                    1 + 2.0 / 12 * log2(1 - 14.0 / 48) + 7.0 / 12 * log2(1 - 2.0 / 48) + 2.0 / 12
                        * log2(1 - 10.0 / 48) + 1.0 / 12 * log2(1 - 22.0 / 48)
                ), (30, 50, 64), 873_886
            ),
            (
                "control", [0, 2, 5, 3, 2], [0, 5, 5, 2, 0], (2, 2), (2, 1), (3, 2),
                (
                    1 + 2.0 / 12 * log2(1 - 17.0 / 48) + 5.0 / 12 * log2(1 - 5.0 / 48) + 3.0 / 12
                        * log2(1 - 7.0 / 48) + 2.0 / 12 * log2(1 - 19.0 / 48),
                    1 + 5.0 / 12 * log2(1 - 9.0 / 48) + 5.0 / 12 * log2(1 - 3.0 / 48) + 2.0 / 12
                        * log2(1 - 15.0 / 48)
                ), (24, 41, 79), 293_680
            ),
            (
                "understanding", [1, 3, 4, 4, 0], [2, 5, 4, 1, 0], (2, 1), (1, 1), (3, 2),
                (
                    1 + 1.0 / 12 * log2(1 - 23.0 / 48) + 3.0 / 12 * log2(1 - 11.0 / 48) + 4.0 / 12
                        * log2(1 - 1.0 / 48) + 4.0 / 12 * log2(1 - 13.0 / 48),
                    1 + 2.0 / 12 * log2(1 - 16.0 / 48) + 5.0 / 12 * log2(1 - 4.0 / 48) + 4.0 / 12
                        * log2(1 - 8.0 / 48) + 1.0 / 12 * log2(1 - 20.0 / 48)
                ), (29, 37, 78), 441_242
            ),
            (
                "strategy", [0, 2, 4, 5, 1], [1, 6, 3, 2, 0], (2.5, 1), (2, 1), (3, 2),
                (
                    1 + 2.0 / 12 * log2(1 - 17.0 / 48) + 4.0 / 12 * log2(1 - 5.0 / 48) + 5.0 / 12
                        * log2(1 - 7.0 / 48) + 1.0 / 12 * log2(1 - 19.0 / 48),
                    1 + 1.0 / 12 * log2(1 - 18.0 / 48) + 6.0 / 12 * log2(1 - 6.0 / 48) + 3.0 / 12
                        * log2(1 - 6.0 / 48) + 2.0 / 12 * log2(1 - 18.0 / 48)
                ), (18, 34, 92), 84_238
            ),
        ]

    @Test func everyCompanyRatingByHand() throws {
        let step = try Self.step()
        #expect(step.company.ratings.map(\.item) == Self.companyRows.map(\.item))
        for row in Self.companyRows {
            let change = try #require(step.company.ratings.first { $0.item == row.item })
            let label = row.item
            #expect(change.before.distribution == row.before, "\(label)")
            #expect(change.after.distribution == row.after, "\(label)")
            #expect(change.before.median == row.median.0, "\(label)")
            #expect(change.after.median == row.median.1, "\(label)")
            #expect(change.medianChange == row.median.1 - row.median.0, "\(label)")
            #expect(change.before.q1 == row.q1.0 && change.before.q3 == row.q3.0, "\(label)")
            #expect(change.after.q1 == row.q1.1 && change.after.q3 == row.q3.1, "\(label)")
            #expect(change.iqrChange == (row.q3.1 - row.q1.1) - (row.q3.0 - row.q1.0), "\(label)")
            #expect(abs(try #require(change.before.consensus) - row.consensus.0) < 1e-12, "\(label)")
            #expect(abs(try #require(change.after.consensus) - row.consensus.1) < 1e-12, "\(label)")
            #expect(
                abs(try #require(change.consensusChange) - (row.consensus.1 - row.consensus.0)) < 1e-12, "\(label)")
            #expect(row.pairs.higher + row.pairs.tied + row.pairs.lower == 144, "\(label)")
            guard case .tested(let shift) = change.shift else {
                Issue.record("\(label): no test made")
                continue
            }
            #expect(shift.before == 12 && shift.after == 12, "\(label)")
            #expect(shift.exact, "\(label)")
            #expect(shift.u == Double(row.pairs.higher) + Double(row.pairs.tied) / 2, "\(label)")
            #expect(shift.cliffsDelta == Double(row.pairs.higher - row.pairs.lower) / 144, "\(label)")
            #expect(abs(shift.p - Double(row.extreme) / 2_704_156) < 1e-12, "\(label)")
        }
    }

    /// Clear (p < 0.05): ignore (0.0333) and strategy (0.0312), both down
    /// (δ < 0); the departments are not tested. Magnitudes by |δ| (Romano et
    /// al.: < 0.147 negligible, < 0.33 small, < 0.474 medium): ignore 71/144 =
    /// 0.493 large, status_quo 65/144 = 0.451 medium, delegate 50/144 = 0.347
    /// medium, drift 34/144 = 0.236 small, control 55/144 = 0.382 medium,
    /// understanding 49/144 = 0.340 medium, strategy 74/144 = 0.514 large.
    @Test func clearShiftsAndMagnitudes() throws {
        let step = try Self.step()
        var significant: [String] = []
        var magnitudes: [EffectMagnitude] = []
        for change in step.company.ratings {
            guard case .tested(let shift) = change.shift else { continue }
            if shift.isSignificant { significant.append(change.item) }
            magnitudes.append(shift.magnitude)
        }
        #expect(significant == ["ignore", "strategy"])
        #expect(magnitudes == [.large, .medium, .medium, .small, .medium, .medium, .large])
        // The figure "In short" gives, in every format (here the JSON's clear_shifts).
        let sessions = try CompareExampleTests.pair()
        guard
            case .file(let json) = Comparer.render(
                format: .json, sessions: sessions, catalog: try Fixtures.catalog("en"))
        else {
            Issue.record("json is a file")
            return
        }
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json)) as? [String: Any])
        let steps = try #require(parsed["steps"] as? [[String: Any]])
        #expect(steps[0]["clear_shifts"] as? Int == 2)
    }

    // MARK: - Maturity, before → after, with the reason

    /// The levels of coping-patterns: denial (no condition); reactive: median
    /// on ignore ≤ 2; experimenting: ignore ≤ 1 and a strategy declared;
    /// integrated: ignore ≤ 1, drift ≤ 2, most chosen position not ignore nor
    /// drift, strategy shared (known by at least half of the other
    /// departments). Each unit sits at the highest level whose conditions all
    /// hold; the reason names that level's conditions and the first failed
    /// condition of the next one.
    ///
    /// Before (5 departments, so 4 others each; strategies: marketing,
    /// customer service, legal, HR; knows: leadership → customer service,
    /// legal → HR, HR → legal):
    /// - marketing: ignore 0 0 1, median 0 ≤ 1, declared: experimenting; drift
    ///   3 3 4, median 3 > 2: not integrated.
    /// - customer service: ignore 1 1 1 → 1, declared: experimenting; drift
    ///   1 1 2 → 1 ≤ 2, most chosen status_quo, but known by the leadership
    ///   only, 1 of 4: not integrated.
    /// - leadership: ignore 2 3 → 2.5 > 2: denial. Legal: 2 3 → 2.5: denial.
    /// - company: ignore median 1 ≤ 2: reactive; experimenting needs every
    ///   department to have declared, the leadership did not.
    ///
    /// After (5 departments, IT instead of HR; strategies: marketing, customer
    /// service, leadership, legal; knows: leadership → marketing, customer
    /// service, legal; customer service → marketing, leadership; legal →
    /// marketing, leadership; marketing → customer service, leadership):
    /// - marketing: ignore 0 0 0 → 0, drift 1 1 2 → 1, picks delegate ×2,
    ///   status_quo ×1: most chosen delegate, known by 3 of 4: integrated.
    /// - customer service: ignore 0 1 1 → 1, drift 0 1 1 → 1, status_quo ×3,
    ///   known by marketing and the leadership, 2 of 4 (half is enough): integrated.
    /// - leadership: ignore 1 1 → 1, drift 1 1 → 1, status_quo and delegate
    ///   tied (each must pass: both do), known by 3 of 4: integrated.
    /// - legal: ignore 1 1 → 1, declared; drift 0 1 → 0.5, status_quo ×2, but
    ///   known by the leadership only, 1 of 4: experimenting.
    /// - company: ignore 0 ×5, 1 ×7 → median 1: reactive; IT declared nothing:
    ///   not experimenting.
    @Test func maturityBeforeAndAfterWithItsReasonByHand() throws {
        let step = try Self.step()
        let catalog = try Fixtures.catalog("en")
        let flee = "“Flee and close our eyes”"
        let wind = "“Follow the wind and the fashionable tools”"
        let position = "the most chosen answer to “The dominant reflex” is"
        let noneOf = "none of \(flee) or \(wind)"
        let expected:
            [(
                unit: String?, before: String, after: String, move: MaturityMove, whyBefore: String,
                whyAfter: String
            )] = [
                (
                    nil, "reactive", "reactive", .same,
                    "Reactive: the median for \(flee) is 1, at most 2 — not yet Experimenting, as Direction générale declared no strategy.",
                    "Reactive: the median for \(flee) is 1, at most 2 — not yet Experimenting, as Informatique declared no strategy."
                ),
                (
                    "marketing", "experimenting", "integrated", .up,
                    "Experimenting: the median for \(flee) is 0, at most 1; it declared one strategy item — not yet Integrated and shared, as the median for \(wind) is 3, above 2.",
                    "Integrated and shared: the median for \(flee) is 0, at most 1; the median for \(wind) is 1, at most 2; \(position) “Delegate to an agency or a guru”, \(noneOf); 3 out of 4 other departments know its strategy."
                ),
                (
                    "service-client", "experimenting", "integrated", .up,
                    "Experimenting: the median for \(flee) is 1, at most 1; it declared one strategy item — not yet Integrated and shared, as only 1 out of 4 other departments knows its strategy.",
                    "Integrated and shared: the median for \(flee) is 1, at most 1; the median for \(wind) is 1, at most 2; \(position) “Change nothing”, \(noneOf); 2 out of 4 other departments know its strategy."
                ),
                (
                    "direction", "denial", "integrated", .up,
                    "Denial: not yet Reactive, as the median for \(flee) is 2.5, above 2.",
                    "Integrated and shared: the median for \(flee) is 1, at most 1; the median for \(wind) is 1, at most 2; \(position) “Change nothing” and “Delegate to an agency or a guru”, \(noneOf); 3 out of 4 other departments know its strategy."
                ),
                (
                    "juridique", "denial", "experimenting", .up,
                    "Denial: not yet Reactive, as the median for \(flee) is 2.5, above 2.",
                    "Experimenting: the median for \(flee) is 1, at most 1; it declared one strategy item — not yet Integrated and shared, as only 1 out of 4 other departments knows its strategy."
                ),
            ]
        let units = [step.company] + step.departments
        #expect(units.map(\.id) == expected.map(\.unit))
        for (unit, want) in zip(units, expected) {
            let label = unit.id ?? "company"
            let before = try #require(unit.maturityBefore)
            let after = try #require(unit.maturityAfter)
            #expect(before.level == want.before, "\(label)")
            #expect(after.level == want.after, "\(label)")
            #expect(unit.maturityMove == want.move, "\(label)")
            #expect(catalog.render(before.reason) == want.whyBefore, "\(label)")
            #expect(catalog.render(after.reason) == want.whyAfter, "\(label)")
        }
        // Ranks in the model's order: denial 0, reactive 1, experimenting 2, integrated 3.
        #expect(units.map { $0.maturityBefore?.rank } == [1, 2, 2, 0, 0])
        #expect(units.map { $0.maturityAfter?.rank } == [1, 3, 3, 3, 2])
    }

    /// The same reasons in French, names from the workshop in French.
    @Test func theCompanysReasonsInFrench() throws {
        let step = try CompareExampleTests.comparison(language: "fr")
        let catalog = try Fixtures.catalog("fr")
        let before = try #require(step.company.maturityBefore)
        let after = try #require(step.company.maturityAfter)
        #expect(
            catalog.render(before.reason)
                == "Réactif : la médiane de « Fuir et fermer les yeux » est 1, au plus 2 — pas encore Expérimentation, car Direction générale n'a déclaré aucune stratégie."
        )
        #expect(
            catalog.render(after.reason)
                == "Réactif : la médiane de « Fuir et fermer les yeux » est 1, au plus 2 — pas encore Expérimentation, car Informatique n'a déclaré aucune stratégie."
        )
    }

    // MARK: - Picks

    /// "The dominant reflex", each rater's last pick (options ignore,
    /// status_quo, delegate, drift). Before: marketing claire drift, hugo
    /// drift, ines delegate; customer service karim status_quo, lea
    /// status_quo, marc delegate; leadership sophie delegate, paul delegate;
    /// legal nadia ignore, olivier status_quo; HR julie status_quo, thomas
    /// status_quo (his second pick). After: marketing delegate, status_quo,
    /// delegate; customer service status_quo ×3; leadership status_quo,
    /// delegate; legal status_quo ×2; IT drift ×2.
    @Test func everyPickByHand() throws {
        let step = try Self.step()
        let expected: [(unit: String?, before: [Int], after: [Int], modes: ([String], [String]))] = [
            (nil, [1, 5, 4, 2], [0, 7, 3, 2], (["status_quo"], ["status_quo"])),
            ("marketing", [0, 0, 1, 2], [0, 1, 2, 0], (["drift"], ["delegate"])),
            ("service-client", [0, 2, 1, 0], [0, 3, 0, 0], (["status_quo"], ["status_quo"])),
            ("direction", [0, 0, 2, 0], [0, 1, 1, 0], (["delegate"], ["status_quo", "delegate"])),
            ("juridique", [1, 1, 0, 0], [0, 2, 0, 0], (["ignore", "status_quo"], ["status_quo"])),
        ]
        let units = [step.company] + step.departments
        #expect(units.map(\.id) == expected.map(\.unit))
        for (unit, want) in zip(units, expected) {
            let label = unit.id ?? "company"
            #expect(unit.picks.map(\.stage) == ["position"], "\(label)")
            let pick = try #require(unit.picks.first)
            #expect(pick.options == ["ignore", "status_quo", "delegate", "drift"], "\(label)")
            #expect(pick.options.map { pick.before.count($0) } == want.before, "\(label)")
            #expect(pick.options.map { pick.after.count($0) } == want.after, "\(label)")
            #expect(pick.before.modes == want.modes.0, "\(label)")
            #expect(pick.after.modes == want.modes.1, "\(label)")
        }
    }

    // MARK: - Silo findings

    /// Before: marketing's strategy known by none of 4 (unaware: customer
    /// service, leadership, legal, HR: 4/4 = 1); customer service's by the
    /// leadership only (unaware marketing, legal, HR: 3/4); legal's by HR
    /// (unaware marketing, customer service, leadership: 3/4); HR's by legal
    /// (3/4). Customer service says it shares with marketing, the leadership
    /// and HR; marketing and HR do not know it: believed shared twice, each
    /// 2 of its 3 "shares" denied (2/3). The leadership declared nothing (1).
    /// Strategies marketing | customer service | legal – HR: 3 groups, (3 − 1)
    /// / (4 − 1) = 2/3. No divergent position: marketing picked drift, not
    /// the company's status_quo, but its medians 0, 1, 1, 3, 1, 1, 1 differ
    /// from the company's 1, 2.5, 1.5, 1, 2, 2, 2.5 by 8.5/7 = 1.21 ≤ 1.5; the
    /// leadership (delegate) by (1.5 + 0.5 + 2 + 0 + 1 + 0.5 + 0.5)/7 = 0.86.
    ///
    /// After: legal's strategy known by the leadership only (unaware
    /// marketing, customer service, IT: 3/4); IT declared nothing; every
    /// other strategy known by at least 2 of 4; the four strategies joined in
    /// one group; customer service's two "shares" are both known. IT picked
    /// drift, but its medians differ from the company's by 6.5/7 = 0.93.
    @Test func everySiloFindingByHand() throws {
        let step = try Self.step()
        func rows(_ findings: [SiloFinding]) -> [String] {
            findings.map { "\($0.kind.rawValue) \($0.departments.joined(separator: ",")) \($0.severity)" }
        }
        #expect(
            rows(step.silos.resolved) == [
                "unshared_strategy marketing,service-client,direction,juridique,rh 1.0",
                "no_strategy direction 1.0",
                "unshared_strategy rh,marketing,service-client,direction 0.75",
                "unshared_strategy service-client,marketing,juridique,rh 0.75",
                "believed_shared service-client,marketing \(2.0 / 3)",
                "believed_shared service-client,rh \(2.0 / 3)",
                "fragmented marketing,service-client,juridique,rh \(2.0 / 3)",
            ])
        let fragmented = try #require(step.silos.resolved.first { $0.kind == .fragmented })
        #expect(fragmented.groups == [["marketing"], ["service-client"], ["juridique", "rh"]])
        #expect(rows(step.silos.new) == ["no_strategy informatique 1.0"])
        #expect(
            rows(step.silos.persisting.map(\.before)) == [
                "unshared_strategy juridique,marketing,service-client,direction 0.75"
            ])
        #expect(
            rows(step.silos.persisting.map(\.after)) == [
                "unshared_strategy juridique,marketing,service-client,informatique 0.75"
            ])
    }

    // MARK: - Who knows whose strategy

    /// Every ordered pair of the four departments of both sessions, in the
    /// after session's order (marketing, customer service, leadership,
    /// legal): before only leadership → customer service; after the nine
    /// "knows" of the after session.
    @Test func theWholeAwarenessMatrixByHand() throws {
        let step = try Self.step()
        let matrix = step.awareness.map { "\($0.from)>\($0.to) \($0.before ? "yes" : "no")→\($0.after ? "yes" : "no")" }
        #expect(
            matrix == [
                "marketing>service-client no→yes", "marketing>direction no→yes", "marketing>juridique no→no",
                "service-client>marketing no→yes", "service-client>direction no→yes", "service-client>juridique no→no",
                "direction>marketing no→yes", "direction>service-client yes→yes", "direction>juridique no→yes",
                "juridique>marketing no→yes", "juridique>service-client no→no", "juridique>direction no→yes",
            ])
    }

    // MARK: - Trends

    /// The three sessions by date (March 2025, September 2025, March 2026:
    /// compare-later.jsonl keeps September's answers but for "ignore", where
    /// five more answer 0, and adds HR at the end with one participant who
    /// answers nothing).
    /// - Company medians, item by item: March 1, 2.5, 1.5, 1, 2, 2, 2.5 (see
    ///   `companyRows`); September 1, 1, 1, 1, 2, 1, 1; March 2026 the same
    ///   but ignore 0 (10 zeros and 2 ones: x₅ = x₆ = 0). Maturity reactive
    ///   each time (ignore ≤ 2; a department without strategy each time).
    /// - March 2026, six departments (5 others each): marketing known by 3 of
    ///   5 (2 × 3 ≥ 5): integrated; customer service by 2 of 5 (2 × 2 < 5):
    ///   experimenting; the leadership by 3 (ignore 0 1 → 0.5): integrated;
    ///   legal by 1: experimenting; IT (no strategy): reactive; HR, no answer
    ///   on ignore: its condition fails, denial, with no median at all.
    @Test func trendsOverThreeSessionsByHand() throws {
        let trend = Trend.of(try CompareChainTests.chain())
        #expect(trend.sessions == ["demo-2025-03-13", "demo-2025-09-18", "demo-2026-03-19"])
        #expect(trend.items == ["ignore", "status_quo", "delegate", "drift", "control", "understanding", "strategy"])
        #expect(
            trend.units.map { $0.id ?? "company" } == [
                "company", "marketing", "service-client", "direction", "juridique", "rh", "informatique",
            ])
        let company = trend.units[0]
        let medians: [[Double?]] = [[1, 2.5, 1.5, 1, 2, 2, 2.5], [1, 1, 1, 1, 2, 1, 1], [0, 1, 1, 1, 2, 1, 1]]
        #expect(company.points.map { $0?.medians } == medians)
        let levels: [[String?]] = [
            ["reactive", "reactive", "reactive"],
            ["experimenting", "integrated", "integrated"],
            ["experimenting", "integrated", "experimenting"],
            ["denial", "integrated", "integrated"],
            ["denial", "experimenting", "experimenting"],
            ["reactive", nil, "denial"],
            [nil, "reactive", "reactive"],
        ]
        #expect(trend.units.map { unit in unit.points.map { $0?.maturity?.level } } == levels)
        // HR: absent in September (no point), present in March 2026 with no answer (a point, no median).
        let hr = trend.units[5]
        #expect(hr.points[1] == nil)
        let empty: [Double?] = Array(repeating: nil, count: 7)
        #expect(hr.points[2]?.medians == empty)
        // HR in March 2025: ignore 1 2 → 1.5, status_quo 3 3 → 3, delegate 2 3 → 2.5, drift 1 2 → 1.5,
        // control 2 2 → 2, understanding 2 3 → 2.5, strategy 3 4 → 3.5.
        #expect(hr.points[0]?.medians == [1.5, 3, 2.5, 1.5, 2, 2.5, 3.5])
        #expect(hr.name == "Ressources humaines")
    }
}
