import AtelierCore
import AtelierTestFixtures
import Testing

@testable import AtelierExport

/// The sentence that sums up a pick stage for the whole company.
@Suite struct PickSentenceTests {
    /// Departments picking on the `position` stage, one voice each.
    func markdown(_ picks: [(String, String)], _ language: String) throws -> [String] {
        let workshop = try Fixtures.workshop("coping-patterns")
        var state = SessionState(id: "s", workshop: workshop, locale: language)
        var seq: Int64 = 0
        func run(_ action: Action) throws {
            for event in try state.decide(Command(actor: .facilitator, action: action, time: 1000 + seq)) {
                seq += 1
                state.apply(RecordedEvent(seq: seq, time: 1000 + seq, actor: .facilitator, event: event))
            }
        }
        for (department, _) in picks { try run(.addDepartment(id: department, name: department)) }
        try run(.goTo(stage: "position"))
        for (department, option) in picks { try run(.pick(who: department, option: option)) }
        guard
            case .file(let bytes) = Exporter.render(format: .md, state: state, catalog: try Fixtures.catalog(language))
        else { return [] }
        return String(decoding: bytes, as: UTF8.self).components(separatedBy: "\n")
    }

    @Test func oneOptionAheadIsTheDominantChoice() throws {
        let lines = try markdown([("hr", "drift"), ("it", "drift"), ("legal", "ignore")], "en")
        #expect(
            lines.contains(
                "Across the company, the dominant choice is Follow the wind and the fashionable tools (2 of 3 answers, 67%)."
            ))
    }

    @Test func aTieSaysNoChoiceDominatesAndQuotesEachLabel() throws {
        let lines = try markdown([("hr", "drift"), ("it", "ignore")], "en")
        #expect(
            lines.contains(
                "Across the company, no choice dominates: “Flee and close our eyes”, “Follow the wind and the fashionable tools” tie, with 1 of 2 answers each (50%)."
            ))
        let french = try markdown([("hr", "drift"), ("it", "ignore")], "fr")
        #expect(
            french.contains(
                "Dans l'entreprise, aucun choix ne domine : « Fuir et fermer les yeux », « Suivre le vent et les outils à la mode » sont à égalité, avec 1 sur 2 réponses chacun (50 %)."
            ))
    }
}
