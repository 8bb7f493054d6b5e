import AtelierCore
import AtelierExport
import AtelierStore
import AtelierTestFixtures
import Foundation
import Testing

/// Three sessions of one workshop (A: docs/examples/compare-before.jsonl,
/// B: compare-after.jsonl, C: compare-later.jsonl), each compared with the
/// one before it; the second step's figures against values worked by hand.
@Suite struct CompareChainTests {
    static let laterPath = "docs/examples/compare-later.jsonl"

    static func laterRecording() throws -> String {
        try CompareExampleTests.recording(LaterScript.sessionID, LaterScript.events)
    }

    static func chain(language: String = "en") throws -> [ComparedSession] {
        try CompareExampleTests.pair(language: language)
            + [try CompareExampleTests.session(laterPath, language: language)]
    }

    @Test func theLaterExampleIsWhatItsScriptWrites() throws {
        let later = try Self.laterRecording()
        if Demo.regenerating {
            try Data(later.utf8).write(to: Fixtures.root.appendingPathComponent(Self.laterPath), options: .atomic)
        }
        #expect(try Fixtures.text(Self.laterPath) == later)
    }

    @Test func eachSessionIsComparedWithTheOneBeforeIt() throws {
        let steps = Comparer.steps(try Self.chain())
        #expect(
            steps.map { "\($0.before.id) → \($0.after.id)" } == [
                "demo-2025-03-13 → demo-2025-09-18", "demo-2025-09-18 → demo-2026-03-19",
            ])
        // In the order given, whatever the dates.
        let given = try Self.chain()
        let reversed = Comparer.steps([given[2], given[0], given[1]])
        #expect(
            reversed.map { "\($0.before.id) → \($0.after.id)" } == [
                "demo-2026-03-19 → demo-2025-03-13", "demo-2025-03-13 → demo-2025-09-18",
            ])
    }

    /// B → C on "ignore", for the company. B (12 answers): 0 ×5, 1 ×7; C:
    /// 0 ×10, 1 ×2. Medians 1 → 0 (the 6th and 7th of 12); type-7 quartiles
    /// x[3.75] and x[9.25]: Q1 0 → 0, Q3 1 → 0, so IQR 1 → 0.
    /// Pairs (C, B): higher 2 × 5 = 10, tied 10 × 5 + 2 × 7 = 64, lower
    /// 10 × 7 = 70, of 144: U = 10 + 32 = 42, δ = (10 − 70) / 144 = −5/12
    /// (medium: 0.33 ≤ |δ| < 0.474).
    /// Exact p: pooled, 15 zeros (mid-rank 8) and 9 ones (mid-rank 20); C's
    /// rank sum with k ones is 96 + 12k, its mean 150; C has k = 2 (120, 30
    /// from the mean); as far or farther: k ≤ 2 or k ≥ 7. Counting the
    /// choices of C's 12 among 24, C(9,k)·C(15,12−k): k = 0: 455, 1: 12 285,
    /// 2: 108 108, 7: 108 108, 8: 12 285, 9: 455; p = 241 696 / 2 704 156.
    @Test func secondStepCompanyIgnore() throws {
        let step = Comparer.steps(try Self.chain())[1]
        let ignore = try #require(step.company.ratings.first { $0.item == "ignore" })
        #expect(ignore.before.distribution == [5, 7, 0, 0, 0])
        #expect(ignore.after.distribution == [10, 2, 0, 0, 0])
        #expect(ignore.before.median == 1)
        #expect(ignore.after.median == 0)
        #expect(ignore.medianChange == -1)
        #expect(ignore.before.q1 == 0)
        #expect(ignore.before.q3 == 1)
        #expect(ignore.after.q1 == 0)
        #expect(ignore.after.q3 == 0)
        #expect(ignore.iqrChange == -1)
        // Tastle–Wierman, d = 4: B's mean 7/12, C's 1/6.
        let before = 1 + 5.0 / 12 * log2(1 - 7.0 / 48) + 7.0 / 12 * log2(1 - 5.0 / 48)
        let after = 1 + 10.0 / 12 * log2(1 - 1.0 / 24) + 2.0 / 12 * log2(1 - 5.0 / 24)
        #expect(abs(try #require(ignore.before.consensus) - before) < 1e-12)
        #expect(abs(try #require(ignore.after.consensus) - after) < 1e-12)
        #expect(abs(try #require(ignore.consensusChange) - (after - before)) < 1e-12)
        guard case .tested(let shift) = ignore.shift else {
            Issue.record("no test made")
            return
        }
        #expect(shift.exact)
        #expect(shift.before == 12)
        #expect(shift.after == 12)
        #expect(shift.u == 42)
        #expect(shift.cliffsDelta == -5.0 / 12.0)
        #expect(abs(shift.p - 241_696.0 / 2_704_156.0) < 1e-12)
        #expect(!shift.isSignificant)
        #expect(shift.magnitude == .medium)
    }

    /// Every other item kept the same answers: no change, U = 144 / 2, p = 1, δ = 0.
    @Test func secondStepUnchangedItems() throws {
        let step = Comparer.steps(try Self.chain())[1]
        #expect(
            step.company.ratings.map(\.item) == [
                "ignore", "status_quo", "delegate", "drift", "control", "understanding", "strategy",
            ])
        for change in step.company.ratings.dropFirst() {
            #expect(change.before.distribution == change.after.distribution, "\(change.item)")
            #expect(change.medianChange == 0, "\(change.item)")
            #expect(change.iqrChange == 0, "\(change.item)")
            #expect(change.consensusChange == 0, "\(change.item)")
            guard case .tested(let shift) = change.shift else {
                Issue.record("\(change.item): no test made")
                continue
            }
            #expect(shift.u == 72, "\(change.item)")
            #expect(shift.p == 1, "\(change.item)")
            #expect(shift.cliffsDelta == 0, "\(change.item)")
        }
        let position = try #require(step.company.picks.first)
        #expect(position.options.map { position.before.count($0) } == [0, 7, 3, 2])
        #expect(position.options.map { position.after.count($0) } == [0, 7, 3, 2])
    }

    /// Customer service (karim, lea, marc): "ignore" 1 0 1 → 0 0 0, three
    /// answers, too few to tell; medians 1 → 0.
    @Test func secondStepDepartments() throws {
        let step = Comparer.steps(try Self.chain())[1]
        #expect(
            step.departments.map(\.id) == ["marketing", "service-client", "direction", "juridique", "informatique"])
        #expect(step.onlyBefore.isEmpty)
        #expect(step.onlyAfter.map(\.id) == ["rh"])
        #expect(step.notCompared.isEmpty)
        let service = try #require(step.departments.first { $0.id == "service-client" })
        let ignore = try #require(service.ratings.first { $0.item == "ignore" })
        #expect(ignore.before.distribution == [1, 2, 0, 0, 0])
        #expect(ignore.after.distribution == [3, 0, 0, 0, 0])
        #expect(ignore.medianChange == -1)
        #expect(ignore.shift == .tooFew(before: 3, after: 3))
        // Nobody learned or forgot a strategy: the nine links of B stay, among 5 × 4 ordered pairs.
        #expect(step.awareness.count == 20)
        #expect(step.awareness.filter(\.before).count == 9)
        #expect(step.awareness.filter(\.after).count == 9)
        #expect(step.awareness.filter(\.changed).isEmpty)
    }

    /// HR's return adds a department without a strategy, and a sixth
    /// department raises the bar: customer service's strategy, known by
    /// marketing and the leadership, 2 of 4 others in B (half: shared
    /// enough), is 2 of 5 in C (fewer than half; 3 of 5 unaware). Legal's,
    /// known by the leadership only: 3 of 4 unaware in B, 4 of 5 in C.
    @Test func secondStepSilos() throws {
        let step = Comparer.steps(try Self.chain())[1]
        func keys(_ findings: [SiloFinding]) -> [String] {
            findings.map { "\($0.kind.rawValue) \($0.departments[0])" }.sorted()
        }
        #expect(step.silos.resolved.isEmpty)
        #expect(keys(step.silos.new) == ["no_strategy rh", "unshared_strategy service-client"])
        #expect(
            keys(step.silos.persisting.map(\.after)) == ["no_strategy informatique", "unshared_strategy juridique"])
        let legal = try #require(step.silos.persisting.first { $0.after.kind == .unsharedStrategy })
        #expect(legal.before.severity == 0.75)
        #expect(legal.after.severity == 0.8)
        let service = try #require(step.silos.new.first { $0.kind == .unsharedStrategy })
        #expect(service.severity == 0.6)
    }
}
