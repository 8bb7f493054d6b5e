import AtelierCore
import AtelierResources
import Foundation

/// Loads the locale catalogs: `./locales` when run from a clone, else the
/// copy shipped inside the program. A language found in `./locales` hides the
/// shipped one; a file there that does not parse is skipped.
public struct LocaleLibrary: Sendable {
    public let catalogs: [String: Catalog]

    public var languages: [String] { catalogs.keys.sorted() }

    public init(currentDirectory: String = FileManager.default.currentDirectoryPath) {
        var catalogs: [String: Catalog] = [:]
        let files = SourceFile.yaml(inDirectory: currentDirectory + "/locales") + SourceFile.yaml(bundled: "locales")
        for file in files {
            guard let text = try? file.read(), let catalog = CatalogParser.parse(text).catalog,
                catalogs[catalog.language] == nil
            else { continue }
            catalogs[catalog.language] = catalog
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
