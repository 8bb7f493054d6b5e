import AtelierCore
import AtelierTestFixtures
import Foundation
import Testing

/// Broken locale files, and locales compared with each other.
@Suite struct LocaleProblemTests {
    /// Lines: 4 greet, 5 count with its forms on 6 and 7.
    static let english = """
        language: en
        name: English
        messages:
          greet: "Hello {name}"
          count:
            one: "{count} item"
            other: "{count} items"

        """

    let catalog: Catalog
    init() throws { catalog = try Fixtures.catalog("en") }

    func problems(_ text: String) -> [String] {
        CatalogParser.parse(text).problems.map { "\($0.position): \(catalog.render($0.message))" }
    }

    func parsed(_ text: String) throws -> Catalog {
        try #require(CatalogParser.parse(text).catalog)
    }

    @Test func pluralFormsWithoutOther() {
        let text = Self.english.replacingFirst("    other: \"{count} items\"\n", with: "")
        #expect(problems(text) == ["6:5: message \"count\" has plural forms but no \"other\" form"])
    }

    @Test func unknownPluralForm() {
        let text = Self.english.replacingFirst("    one:", with: "    few:")
        #expect(problems(text) == ["6:5: unknown plural form \"few\"; accepted: one, other"])
    }

    @Test func placeholderUnknownToTheMessage() throws {
        let french = Self.english.replacingFirst("language: en", with: "language: fr")
            .replacingFirst("Hello {name}", with: "Bonjour {nom}")
        let problems = CatalogParser.compare(try parsed(Self.english), against: try parsed(french))
        #expect(
            problems.map { "\($0.position): \(catalog.render($0.message))" } == [
                "4:3: placeholder {name} is unknown to message \"greet\"; accepted: nom"
            ])
    }

    @Test func keyMissingOrExtraAgainstTheReference() throws {
        let french = Self.english.replacingFirst("language: en", with: "language: fr")
            .replacingFirst("  greet:", with: "  bye: \"Au revoir\"\n  greet:")
        let extra = Self.english.replacingFirst("  count:", with: "  extra: \"x\"\n  count:")
        let missing = CatalogParser.compare(try parsed(Self.english), against: try parsed(french))
        #expect(
            missing.map { "\($0.position): \(catalog.render($0.message))" } == [
                "5:3: message \"bye\" is missing (it exists in the fr locale)"
            ])
        let surplus = CatalogParser.compare(try parsed(extra), against: try parsed(french))
        #expect(
            surplus.map { "\($0.position): \(catalog.render($0.message))" } == [
                "5:3: message \"extra\" does not exist in the fr locale",
                "6:3: message \"bye\" is missing (it exists in the fr locale)",
            ])
    }

    @Test func localeWithoutLanguage() {
        let text = Self.english.replacingFirst("language: en\n", with: "")
        #expect(problems(text) == ["1:1: missing key \"language\""])
    }

    @Test func fileKindIsToldByTheTopLevelKeys() throws {
        #expect(FileKind.detect(Self.english) == .locale)
        #expect(FileKind.detect(WorkshopProblemTests.mini) == .workshop)
        #expect(FileKind.detect("language: en\nmessages: [") == .locale)
        #expect(FileKind.detect(try Fixtures.text("locales/fr.yaml")) == .locale)
        #expect(FileKind.detect(try Fixtures.text("workshops/coping-patterns.yaml")) == .workshop)
    }
}
