import AtelierCore
import AtelierTestFixtures
import Testing

@Suite struct AnalysisLocaleTests {
    @Test func frenchAndEnglishHoldTheSameAnalysisKeysAndPlaceholders() throws {
        let english = try Fixtures.catalog("en")
        let french = try Fixtures.catalog("fr")
        let analysis = { (catalog: Catalog) in catalog.messages.keys.filter { $0.hasPrefix("analysis.") }.sorted() }
        #expect(analysis(english) == analysis(french))
        #expect(analysis(english).contains("analysis.silo.fragmented"))
        let problems = CatalogParser.compare(french, against: english).map(\.message.key)
        #expect(problems.isEmpty)
    }

    @Test func everySiloKindAndReadingHasItsWords() throws {
        for language in ["en", "fr"] {
            let catalog = try Fixtures.catalog(language)
            let keys =
                SiloKind.allCases.flatMap { ["analysis.kind.\($0.rawValue)", "analysis.silo.\($0.rawValue)"] }
                + AgreementReading.allCases.map(\.message.key) + ReliabilityReading.allCases.map(\.message.key)
            #expect(keys.filter { catalog.messages[$0] == nil } == [], "\(language)")
        }
    }

    @Test func readingsCutWhereTheDocsSay() {
        #expect(
            [0.8, 0.79, 0.6, 0.59, 0.4, 0.39].map { AgreementReading(consensus: $0) }
                == [.strong, .moderate, .moderate, .split, .split, .opposed])
        #expect(
            [0.8, 0.799, 0.667, 0.666, -0.2, nil].map { ReliabilityReading(alpha: $0) }
                == [.reliable, .tentative, .tentative, .unreliable, .unreliable, .undefined])
    }
}
