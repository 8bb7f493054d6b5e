import AtelierCore
import AtelierResources
import Foundation

/// Loads the locale catalogs: `./locales` when run from a clone, else the
/// copy bundled with the program.
public struct LocaleLibrary: Sendable {
    public let catalogs: [String: Catalog]

    public var languages: [String] { catalogs.keys.sorted() }

    public init(currentDirectory: String = FileManager.default.currentDirectoryPath) {
        var catalogs: [String: Catalog] = [:]
        let folders = [
            URL(fileURLWithPath: currentDirectory).appendingPathComponent("locales"), BundledFiles.localesDirectory,
        ]
        for folder in folders.compactMap({ $0 }) {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for file in files.sorted() where file.hasSuffix(".yaml") {
                guard let text = try? String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8),
                    let catalog = CatalogParser.parse(text).catalog, catalogs[catalog.language] == nil
                else { continue }
                catalogs[catalog.language] = catalog
            }
        }
        self.catalogs = catalogs
    }

    /// The catalog for `--locale`, else LC_ALL/LC_MESSAGES/LANG, else French.
    public func catalog(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> Catalog
    {
        let language = LocaleChoice.resolve(explicit: explicit, environment: environment, available: languages)
        return catalogs[language] ?? catalogs[LocaleChoice.fallback]
            ?? Catalog(language: "fr", name: "fr", messages: [:])
    }

    public func catalog(_ language: String) -> Catalog? { catalogs[language] }
}
