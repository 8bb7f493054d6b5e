import AtelierCore
import AtelierTestFixtures
import Testing

/// The workshop's `consensus:` block: read, checked with file:line:column,
/// and the criteria in force a session records.
@Suite struct ConsensusCriteriaTests {
    let english: Catalog
    init() throws { english = try Fixtures.catalog("en") }

    func parse(_ block: String) -> WorkshopParser.Result {
        WorkshopParser.parse(WorkshopProblemTests.mini.replacingFirst("maturity:", with: block + "\nmaturity:"))
    }

    func problems(_ block: String) -> [String] {
        parse(block).problems.map { "\($0.position): \(english.render($0.message))" }
    }

    @Test func aFullBlockIsRead() throws {
        let block = """
            consensus:
              iqr_max: 1.5
              agreement_band: [1, 2]
              agreement_min: 0.7
              tastle_wierman_min: 0.6
              stability_min: 0.8
            """
        let workshop = try #require(parse(block).workshop)
        let criteria = ConsensusCriteria(
            iqrMax: 1.5, agreementBand: AgreementBand(low: 1, high: 2), agreementMin: 0.7, tastleWiermanMin: 0.6,
            stabilityMin: 0.8)
        #expect(workshop.consensus == criteria)
        #expect(ConsensusCriteria.inForce(workshop) == criteria)
    }

    /// Without a block, the criterion in force is `analysis.consensus_iqr`
    /// (default 1); a block without `iqr_max` takes it too.
    @Test func theIQRThresholdIsTheDefault() throws {
        let bare = try #require(WorkshopParser.parse(WorkshopProblemTests.mini).workshop)
        #expect(bare.consensus == nil)
        #expect(ConsensusCriteria.inForce(bare) == ConsensusCriteria(iqrMax: 1))
        #expect(ConsensusCriteria.inForce(bare).recorded == "iqr_max=1.0")
        let banded = try #require(parse("consensus: { agreement_band: [0, 1] }").workshop)
        #expect(
            ConsensusCriteria.inForce(banded)
                == ConsensusCriteria(iqrMax: 1, agreementBand: AgreementBand(low: 0, high: 1)))
    }

    @Test func badValuesAreRefusedWhereTheyAre() {
        #expect(
            problems("consensus: { iqr_max: 11, agreement_min: 1.5, stability_min: -0.1 }") == [
                "27:23: iqr_max: 11 is out of range; a number from 0 to 10 is expected",
                "27:42: agreement_min: 1.5 is out of range; a number from 0 to 1 is expected",
                "27:42: agreement_min needs agreement_band: the scale points that count as agreement, e.g. [3, 4]",
                "27:62: stability_min: -0.1 is out of range; a number from 0 to 1 is expected",
            ])
        #expect(
            problems("consensus: { agreement_band: [4, 3] }") == [
                "27:30: agreement_band: [4, 3] starts above its end; write [low, high], e.g. [3, 4]"
            ])
        #expect(
            problems("consensus: { agreement_band: [1, 2, 3] }") == [
                "27:30: agreement_band holds 3 numbers; write two scale points [low, high], e.g. [3, 4]"
            ])
        #expect(
            problems("consensus: { colour: blue }").first?.hasPrefix("27:14: ") == true)
    }

    /// A definition from elsewhere (a recording, a store) meets the same rules.
    @Test func theRulesCheckTheCriteriaOfAnyDefinition() throws {
        let valid = try #require(WorkshopParser.parse(WorkshopProblemTests.mini).workshop)
        let workshop = Workshop(
            id: valid.id, version: valid.version, languages: valid.languages, title: valid.title, intro: valid.intro,
            scales: valid.scales, stages: valid.stages, analysis: valid.analysis, maturity: valid.maturity,
            recommendations: valid.recommendations,
            consensus: ConsensusCriteria(agreementMin: 2))
        #expect(
            WorkshopRules.problems(in: workshop).map { english.render($0) } == [
                "agreement_min: 2 is out of range; a number from 0 to 1 is expected",
                "agreement_min needs agreement_band: the scale points that count as agreement, e.g. [3, 4]",
            ])
    }
}
