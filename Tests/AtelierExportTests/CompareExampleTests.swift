import AtelierCore
import AtelierExport
import AtelierStore
import AtelierTestFixtures
import Foundation
import Testing

/// The committed before/after pair (docs/examples/compare-before.jsonl, the
/// bundled demo; docs/examples/compare-after.jsonl, `FollowUpScript`) and
/// their comparison, figure by figure against values worked by hand.
@Suite struct CompareExampleTests {
    static let beforePath = "docs/examples/compare-before.jsonl"
    static let afterPath = "docs/examples/compare-after.jsonl"

    static func followUpRecording() throws -> String {
        try recording(FollowUpScript.sessionID) { try FollowUpScript.events(workshop: $0) }
    }

    /// The recording of the session `id` that a script plays on the demo's workshop.
    static func recording(_ id: String, _ script: (Workshop) throws -> [RecordedEvent]) throws -> String {
        let workshop = try Demo.workshop()
        let events = try script(workshop)
        let state = SessionState.fold(id: id, workshop: workshop, events: events)
        return Recording.write(header: RecordingHeader(state), events: events)
    }

    static func session(_ path: String, language: String) throws -> ComparedSession {
        let (header, events) = try Recording.read(try Fixtures.text(path), file: path)
        let state = SessionState.fold(id: header.session, workshop: header.workshop, events: events)
        return ComparedSession(state: state, analysis: Analysis.of(state, language: language))
    }

    static func pair(language: String = "en") throws -> [ComparedSession] {
        [try session(beforePath, language: language), try session(afterPath, language: language)]
    }

    static func comparison(language: String = "en") throws -> Comparison {
        let sessions = try pair(language: language)
        return Comparison.of(before: sessions[0], after: sessions[1])
    }

    @Test func theExamplesAreWhatTheScriptsWrite() throws {
        let before = try Demo.scriptedRecording()
        let after = try Self.followUpRecording()
        if Demo.regenerating {
            try Data(before.utf8).write(to: Fixtures.root.appendingPathComponent(Self.beforePath), options: .atomic)
            try Data(after.utf8).write(to: Fixtures.root.appendingPathComponent(Self.afterPath), options: .atomic)
        }
        #expect(try Fixtures.text(Self.beforePath) == before)
        #expect(try Fixtures.text(Self.afterPath) == after)
    }

    /// The company on "ignore". Before (12 answers): 0 0 1 1 1 1 1 2 2 2 3 3;
    /// after: 0 0 0 0 0 1 1 1 1 1 1 1. Medians 1 and 1 (ranks 6 and 7 of 12),
    /// Q1 1 → 0, Q3 2 → 1 (type 7: x[2.75] and x[8.25]), so IQR 1 → 1.
    /// Pairs (after, before): higher 7 × 2 = 14, tied 5 × 2 + 7 × 5 = 45,
    /// lower 5 × 10 + 7 × 5 = 85 of 144: U = 14 + 22.5 = 36.5,
    /// δ = (14 − 85) / 144 = −71/144; exact p = 89 958 / 2 704 156 (every
    /// choice of 12 among 24 counted).
    @Test func companyIgnoreFigures() throws {
        let step = try Self.comparison()
        let ignore = try #require(step.company.ratings.first { $0.item == "ignore" })
        #expect(ignore.before.distribution == [2, 5, 3, 2, 0])
        #expect(ignore.after.distribution == [5, 7, 0, 0, 0])
        #expect(ignore.before.median == 1)
        #expect(ignore.after.median == 1)
        #expect(ignore.medianChange == 0)
        #expect(ignore.before.iqr == 1)
        #expect(ignore.after.iqr == 1)
        #expect(ignore.iqrChange == 0)
        guard case .tested(let shift) = ignore.shift else {
            Issue.record("no test made")
            return
        }
        #expect(shift.exact)
        #expect(shift.u == 36.5)
        #expect(shift.cliffsDelta == -71.0 / 144.0)
        #expect(abs(shift.p - 89_958.0 / 2_704_156.0) < 1e-12)
        #expect(shift.isSignificant)
        #expect(shift.magnitude == .large)
    }

    /// Tastle–Wierman before → after for the company on "ignore":
    /// before, mean 17/12, after, mean 7/12, d = 4.
    @Test func companyIgnoreConsensus() throws {
        let step = try Self.comparison()
        let ignore = try #require(step.company.ratings.first { $0.item == "ignore" })
        func cns(_ counts: [Int]) -> Double {
            let n = Double(counts.reduce(0, +))
            let mean = counts.enumerated().reduce(0.0) { $0 + Double($1.offset * $1.element) } / n
            var sum = 0.0
            for (x, count) in counts.enumerated() where count > 0 {
                sum += Double(count) / n * log2(1 - abs(Double(x) - mean) / 4)
            }
            return 1 + sum
        }
        #expect(abs(try #require(ignore.before.consensus) - cns([2, 5, 3, 2, 0])) < 1e-12)
        #expect(abs(try #require(ignore.after.consensus) - cns([5, 7, 0, 0, 0])) < 1e-12)
        #expect(abs(try #require(ignore.consensusChange) - (cns([5, 7, 0, 0, 0]) - cns([2, 5, 3, 2, 0]))) < 1e-12)
    }

    /// Marketing has 3 answers in each session: too few to tell.
    @Test func smallGroupsAreNotTested() throws {
        let step = try Self.comparison()
        let marketing = try #require(step.departments.first { $0.id == "marketing" })
        let ignore = try #require(marketing.ratings.first { $0.item == "ignore" })
        #expect(ignore.shift == .tooFew(before: 3, after: 3))
        // before 0 1 0, after 0 0 0: medians 0 → 0.
        #expect(ignore.medianChange == 0)
    }

    @Test func departmentsPresentInOneSessionOnly() throws {
        let step = try Self.comparison()
        #expect(step.departments.map(\.id) == ["marketing", "service-client", "direction", "juridique"])
        #expect(step.onlyBefore.map(\.id) == ["rh"])
        #expect(step.onlyAfter.map(\.id) == ["informatique"])
        #expect(step.notCompared.isEmpty)
        #expect(
            step.items.map(\.item.id) == [
                "ignore", "status_quo", "delegate", "drift", "control", "understanding", "strategy",
            ])
    }

    /// Before: marketing's strategy known by nobody, customer service's by the
    /// leadership only (it believed it shared it with marketing, the
    /// leadership and HR), legal's by HR only, the leadership without one,
    /// three groups. After: marketing known by three of four, customer
    /// service by two of four (half: shared enough), the leadership by three,
    /// legal by the leadership only; IT has none; one group.
    @Test func siloFindingsResolvedNewPersisting() throws {
        let step = try Self.comparison()
        /// Kind and subject, as the comparison matches them.
        func keys(_ findings: [SiloFinding]) -> [String] {
            findings.map { finding in
                let subject: ArraySlice<String>
                switch finding.kind {
                case .believedShared: subject = finding.departments.prefix(2)
                case .fragmented: subject = []
                default: subject = finding.departments.prefix(1)
                }
                return ([finding.kind.rawValue] + subject).joined(separator: " ")
            }.sorted()
        }
        #expect(
            keys(step.silos.resolved) == [
                "believed_shared service-client marketing", "believed_shared service-client rh", "fragmented",
                "no_strategy direction", "unshared_strategy marketing", "unshared_strategy rh",
                "unshared_strategy service-client",
            ])
        #expect(keys(step.silos.new) == ["no_strategy informatique"])
        #expect(keys(step.silos.persisting.map(\.after)) == ["unshared_strategy juridique"])
        // Before, legal's strategy was unknown to 3 of 4 (HR knew it); after, to 3 of 4 (the leadership knows it).
        #expect(step.silos.persisting.map(\.before.severity) == [0.75])
        #expect(step.silos.persisting.map(\.after.severity) == [0.75])
    }

    /// Among the four departments of both sessions, only the leadership knew
    /// customer service's strategy before; after, nine links, so eight learned.
    @Test func strategyAwarenessMatrix() throws {
        let step = try Self.comparison()
        #expect(step.awareness.count == 12)
        #expect(step.awareness.filter(\.before).map { "\($0.from)>\($0.to)" } == ["direction>service-client"])
        #expect(step.awareness.filter(\.after).count == 9)
        #expect(step.awareness.filter { !$0.before && $0.after }.count == 8)
        #expect(step.awareness.filter { $0.before && !$0.after }.isEmpty)
    }

    @Test func maturityBeforeAndAfterWithReason() throws {
        let step = try Self.comparison()
        let before = try #require(step.company.maturityBefore)
        let after = try #require(step.company.maturityAfter)
        #expect(after.rank >= before.rank)
        #expect(step.company.maturityMove == (after.rank > before.rank ? .up : .same))
        #expect(!Fixtures.catalogText(after.reason).isEmpty)
    }

    @Test func picksBeforeAndAfter() throws {
        let step = try Self.comparison()
        let position = try #require(step.company.picks.first { $0.stage == "position" })
        #expect(position.options == ["ignore", "status_quo", "delegate", "drift"])
        // Before: 12 picks (thomas changed drift → status_quo); after: the script's positions.
        #expect(position.options.map { position.before.count($0) } == [1, 5, 4, 2])
        #expect(position.options.map { position.after.count($0) } == [0, 7, 3, 2])
        #expect(position.after.modes == ["status_quo"])
    }
}

extension Fixtures {
    /// A message rendered in English, for checks that it says something.
    static func catalogText(_ message: LocalizedMessage) -> String {
        (try? Fixtures.catalog("en").render(message)) ?? ""
    }
}
