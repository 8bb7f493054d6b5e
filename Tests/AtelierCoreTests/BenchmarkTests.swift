import AtelierCore
import AtelierTestFixtures
import Testing

@Suite struct BenchmarkTests {
    @Test func aPlacementCountsTheOthersBelowAndHalfTheTies() throws {
        #expect(Placement.of(3, among: [1, 2, 3, 5]) == Placement(value: 3, percentile: 62.5, basis: 4))
        #expect(Placement.of(0, among: [1, nil, 2]) == Placement(value: 0, percentile: 0, basis: 2))
        #expect(Placement.of(9, among: [1, 2]) == Placement(value: 9, percentile: 100, basis: 2))
        #expect(Placement.of(nil, among: [1, 2]) == nil)
        #expect(Placement.of(2, among: [nil]) == nil)
    }

    /// Sessions where marketing rated "ignore" `value`, and legal too in the first.
    func session(_ id: String, ignore value: Int, legal: Int? = nil) throws -> ComparedSession {
        var room = try AnalysisScenario()
        try room.departments("marketing")
        if legal != nil { try room.departments("legal") }
        try room.rate("ignore", [("marketing", value)] + (legal.map { [("legal", $0)] } ?? []))
        let state = SessionState.fold(id: id, workshop: room.state.workshop, events: room.events)
        return ComparedSession(state: state, analysis: Analysis.of(state))
    }

    @Test func theSessionIsPlacedAmongTheOthersNotItself() throws {
        let a = try session("a", ignore: 2, legal: 4)
        let others = [a, try session("b", ignore: 1), try session("c", ignore: 3), try session("d", ignore: 4)]
        let benchmark = Benchmark.of(a, among: others)
        #expect(benchmark.others == 3)
        let ignore = try #require(benchmark.items.firstIndex(of: "ignore"))
        // The company's median (2 and 4: 3) among 1, 3 and 4.
        #expect(benchmark.units[0].medians[ignore] == Placement(value: 3, percentile: 50, basis: 3))
        #expect(benchmark.units.map(\.id) == [nil, "marketing", "legal"])
        // Each department among all the others. departments: 1, 3, 4.
        let marketing = try #require(benchmark.units[1].medians[ignore])
        #expect(marketing.value == 2 && marketing.basis == 3 && abs(marketing.percentile - 100.0 / 3) < 1e-9)
        let legal = try #require(benchmark.units[2].medians[ignore])
        #expect(legal.value == 4 && legal.basis == 3 && abs(legal.percentile - 250.0 / 3) < 1e-9)
        // Nobody rated the other items: no place.
        let status = try #require(benchmark.items.firstIndex(of: "status_quo"))
        #expect(benchmark.units[0].medians[status] == nil)
        #expect(benchmark.units[0].maturity?.basis == 3)
    }

    @Test func aSessionAloneHasNoPlace() throws {
        let a = try session("a", ignore: 2)
        let benchmark = Benchmark.of(a, among: [a])
        #expect(benchmark.others == 0)
        #expect(benchmark.units.allSatisfy { $0.maturity == nil && $0.medians.allSatisfy { $0 == nil } })
    }
}
