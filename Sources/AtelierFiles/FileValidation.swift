import AtelierCore
import Foundation

/// Checks one workshop or locale file, as `atelier validate` does: reads it,
/// tells which kind it is, parses it, and measures a locale against its
/// reference locale (English; French for English itself).
public struct FileValidation: Sendable {
    public enum Outcome: Sendable {
        case workshop(Workshop)
        case locale(Catalog)
        /// The file has problems, each with its line and column.
        case problems(FileKind, [FileProblem])
        /// The file could not be read at all.
        case unreadable(FilesError)
    }

    public let path: String
    public let outcome: Outcome

    public var problems: [FileProblem] {
        if case .problems(_, let problems) = outcome { return problems }
        return []
    }

    public var isValid: Bool {
        switch outcome {
        case .workshop, .locale: return true
        case .problems, .unreadable: return false
        }
    }

    /// The language a locale is compared against.
    public static func referenceLanguage(for language: String) -> String {
        language == "en" ? "fr" : "en"
    }

    /// Checks the file at `path`. The reference locale is read from the same
    /// folder when it is there, else taken from `locales`.
    public static func check(_ path: String, locales: LocaleLibrary = LocaleLibrary()) -> FileValidation {
        let text: String
        do throws(FilesError) {
            text = try TextFile.read(path)
        } catch {
            return FileValidation(path: path, outcome: .unreadable(error))
        }
        switch FileKind.detect(text) {
        case .workshop:
            let result = WorkshopParser.parse(text)
            guard let workshop = result.workshop else {
                return FileValidation(path: path, outcome: .problems(.workshop, result.problems))
            }
            return FileValidation(path: path, outcome: .workshop(workshop))
        case .locale:
            let result = CatalogParser.parse(text)
            guard let catalog = result.catalog else {
                return FileValidation(path: path, outcome: .problems(.locale, result.problems))
            }
            let language = referenceLanguage(for: catalog.language)
            guard let reference = sibling(of: path, language: language) ?? locales.catalog(language) else {
                return FileValidation(path: path, outcome: .locale(catalog))
            }
            let problems = CatalogParser.compare(catalog, against: reference)
            guard problems.isEmpty else {
                return FileValidation(path: path, outcome: .problems(.locale, problems))
            }
            return FileValidation(path: path, outcome: .locale(catalog))
        }
    }

    /// `LANGUAGE.yaml` next to `path`, when it exists and parses.
    static func sibling(of path: String, language: String) -> Catalog? {
        let folder = AtomicFile.split(path).folder
        guard let text = try? TextFile.read(folder + "/" + language + ".yaml") else { return nil }
        guard let catalog = CatalogParser.parse(text).catalog, catalog.language == language else { return nil }
        return catalog
    }
}
