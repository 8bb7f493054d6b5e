import AtelierCore
import Foundation

/// Files of the repository, for the test targets that read the shipped workshops and locales.
public enum Fixtures {
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    public static func text(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    public static func workshop(_ id: String) throws -> Workshop {
        let result = WorkshopParser.parse(try text("workshops/\(id).yaml"))
        guard let workshop = result.workshop else {
            throw FixtureError.invalid(result.problems.map { "\($0.position) \($0.message.key)" })
        }
        return workshop
    }

    public static func catalog(_ language: String) throws -> Catalog {
        let result = CatalogParser.parse(try text("locales/\(language).yaml"))
        guard let catalog = result.catalog else {
            throw FixtureError.invalid(result.problems.map { "\($0.position) \($0.message.key)" })
        }
        return catalog
    }

    public enum FixtureError: Error { case invalid([String]) }
}
