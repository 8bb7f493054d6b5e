import AtelierCore
import AtelierTestFixtures
import Foundation
import Testing

/// The workshops and locales the program ships: they parse, they agree with
/// each other, and every message key the sources use exists in every locale.
@Suite struct ShippedFilesTests {
    static let languages = ["en", "fr"]

    static func files(in folder: String, suffix: String) throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(
            atPath: Fixtures.root.appendingPathComponent(folder).path)
        return names.filter { $0.hasSuffix(suffix) }.sorted()
    }

    @Test func everyShippedWorkshopParsesInFrenchAndEnglish() throws {
        let names = try Self.files(in: "workshops", suffix: ".yaml")
        #expect(names.count >= 4)
        for name in names {
            let result = WorkshopParser.parse(try Fixtures.text("workshops/" + name))
            #expect(result.problems.map { "\(name):\($0.position) \($0.message.key)" } == [])
            let workshop = try #require(result.workshop)
            #expect(name == workshop.id + ".yaml")
            #expect(workshop.languages.sorted() == Self.languages)
        }
    }

    @Test func theWorkshopsUseDifferentStageKindsAndModels() throws {
        let workshops = try Self.files(in: "workshops", suffix: ".yaml").map {
            try Fixtures.workshop(String($0.dropLast(5)))
        }
        let kinds = Set(workshops.flatMap { $0.stages.map(\.kind) })
        #expect(kinds == Set(StageKind.allCases))
        let levels = Set(workshops.map { $0.maturity.levels.map(\.id) })
        #expect(levels.count == workshops.count)
        let scaleSizes = Set(workshops.flatMap { $0.scales.map(\.points.count) })
        #expect(scaleSizes.count >= 3)
    }

    @Test func theCoreWorkshopKeepsItsStageAndItemIDs() throws {
        let workshop = try Fixtures.workshop("coping-patterns")
        #expect(
            workshop.stages.map(\.id) == [
                "intro", "ignore", "status_quo", "delegate", "drift", "position", "brakes", "strategy", "closing",
            ])
        #expect(
            workshop.stages.map(\.kind) == [
                .intro, .rating, .rating, .rating, .rating, .pick, .rating, .strategy, .discussion,
            ])
        for pattern in ["ignore", "status_quo", "delegate", "drift"] {
            #expect(workshop.stage(pattern)?.items.map(\.id) == [pattern])
            #expect(workshop.scale(of: try #require(workshop.stage(pattern)))?.points == 0...4)
        }
        #expect(workshop.stage("position")?.options.map(\.id) == ["ignore", "status_quo", "delegate", "drift"])
        #expect(workshop.stage("brakes")?.items.map(\.id) == ["control", "understanding", "strategy"])
        #expect(workshop.maturity.levels.count >= 4)
    }

    /// docs/workshop-format.md stays true: its complete example parses, and its
    /// table lists every validation message with its English wording.
    @Test func theFormatDocumentationIsTrue() throws {
        let doc = try Fixtures.text("docs/workshop-format.md")
        let blocks = doc.components(separatedBy: "```yaml\n").dropFirst().map {
            $0.components(separatedBy: "```")[0]
        }
        let example = try #require(blocks.first { $0.hasPrefix("id: listening") })
        let result = WorkshopParser.parse(example)
        #expect(result.problems.map { "\($0.position) \($0.message.key)" } == [])
        let workshop = try #require(result.workshop)
        #expect(Set(workshop.stages.map(\.kind)) == Set(StageKind.allCases))
        #expect(workshop.stage("first")?.options.map(\.id) == ["read", "answer", "measure"])

        let english = try Fixtures.catalog("en")
        let keys = english.messages.keys.filter {
            $0.hasPrefix("file.") || $0.hasPrefix("workshop.") || $0.hasPrefix("locale.")
        }
        for key in keys.sorted() {
            guard case .plain(let text) = english.messages[key] else { continue }
            // A plural choice's bars are escaped in a Markdown table.
            let row = "| `\(key)` | \(text.replacingOccurrences(of: "|", with: "\\|")) |"
            #expect(doc.contains(row), "docs/workshop-format.md lacks \(row)")
        }
    }

    @Test func bothLocalesParse() throws {
        for language in Self.languages {
            let catalog = try Fixtures.catalog(language)
            #expect(catalog.language == language)
        }
    }

    /// Fails when a key is missing from a locale, or when a message's
    /// placeholders differ between locales.
    @Test func everyLocaleHasTheSameKeysAndPlaceholders() throws {
        let catalogs = try Self.languages.map { try Fixtures.catalog($0) }
        let allKeys = Set(catalogs.flatMap(\.messages.keys)).sorted()
        for catalog in catalogs {
            let missing = allKeys.filter { catalog.messages[$0] == nil }
            #expect(missing == [], "missing in \(catalog.language)")
        }
        for key in allKeys {
            let sets = catalogs.compactMap { $0.messages[key] }.map { Catalog.placeholders(in: $0).sorted() }
            #expect(Set(sets).count == 1, "placeholders of \(key) differ: \(sets)")
        }
        for catalog in catalogs {
            for other in catalogs where other.language != catalog.language {
                #expect(CatalogParser.compare(catalog, against: other).map(\.message.key) == [])
            }
        }
    }

    /// A plural message keeps both forms in every locale.
    @Test func pluralMessagesHaveOneAndOther() throws {
        for language in Self.languages {
            for (key, template) in try Fixtures.catalog(language).messages {
                guard case .plural(let forms) = template else { continue }
                #expect(forms[.one] != nil && forms[.other] != nil, "\(language) \(key)")
            }
        }
    }

    /// The string literals in Sources that look like message keys (a known
    /// key prefix, then dotted lowercase words) must exist in every locale.
    /// Keys built at run time (`"error." + name`) escape this check: write keys whole.
    @Test func everyMessageKeyUsedInTheSourcesExists() throws {
        let catalogs = try Self.languages.map { try Fixtures.catalog($0) }
        let prefixes = Set(catalogs[0].messages.keys.compactMap { $0.split(separator: ".").first.map(String.init) })
        let used = try Self.keysUsedInSources(prefixes: prefixes)
        #expect(used.count >= 80)
        for catalog in catalogs {
            let missing = used.filter { catalog.messages[$0] == nil }.sorted()
            #expect(missing == [], "keys used in Sources but missing in \(catalog.language)")
        }
    }

    static func keysUsedInSources(prefixes: Set<String>) throws -> Set<String> {
        let sources = Fixtures.root.appendingPathComponent("Sources")
        let pattern = /"([a-z][a-z_]*(?:\.[a-z0-9_]+)+)"/
        var keys = Set<String>()
        let walker = FileManager.default.enumerator(atPath: sources.path)
        while let path = walker?.nextObject() as? String {
            guard path.hasSuffix(".swift") else { continue }
            let text = try String(contentsOf: sources.appendingPathComponent(path), encoding: .utf8)
            // Comments (examples in documentation) are not uses.
            let code = text.split(separator: "\n").filter { !$0.drop { $0 == " " }.hasPrefix("//") }
            for line in code {
                for match in line.matches(of: pattern) {
                    let key = String(match.output.1)
                    if let prefix = key.split(separator: ".").first, prefixes.contains(String(prefix)) {
                        keys.insert(key)
                    }
                }
            }
        }
        return keys
    }
}
