import AtelierCore
import Testing

@testable import AtelierNet

@Suite("Confirmations")
struct ConfirmationsTests {
    @Test func renderedOnceReadsAsRenderedEachTime() throws {
        let workshop = try Repository.workshop("coping-patterns")
        let catalogs = try Repository.catalogs()
        let confirmations = Confirmations(workshop: workshop, catalogs: catalogs.values)
        let rater = Rater.participant("zoé")
        var checked = 0
        for catalog in catalogs.values {
            for stage in workshop.stages {
                for item in stage.items {
                    for value in -1...5 {
                        let event = Event.rated(rater: rater, stage: stage.id, item: item.id, value: value)
                        #expect(
                            confirmations.line(event, workshop, catalog)
                                == Confirmations.render(event, workshop, catalog))
                        checked += 1
                    }
                }
                for option in stage.options.map(\.id) + ["nothing"] {
                    let event = Event.picked(rater: rater, stage: stage.id, option: option)
                    #expect(
                        confirmations.line(event, workshop, catalog) == Confirmations.render(event, workshop, catalog))
                    checked += 1
                }
            }
        }
        // Two languages × (7 items × 7 values, and 4 options + one unknown on each of the 9 stages).
        #expect(checked == 2 * (7 * 7 + 4 + 9))
        let french = try #require(catalogs["fr"])
        let english = try #require(catalogs["en"])
        let rated = Event.rated(rater: rater, stage: "brakes", item: "control", value: 3)
        #expect(confirmations.line(rated, workshop, french) == "control : 3 (Frein fort) enregistré")
        #expect(confirmations.line(rated, workshop, english) == "control: 3 (A strong brake) recorded")
        let note = Event.noteAdded(stage: "brakes", text: "we should meet")
        #expect(confirmations.line(note, workshop, english) == "note recorded")
    }
}
