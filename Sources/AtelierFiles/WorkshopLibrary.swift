import AtelierCore
import AtelierResources
import Foundation

/// Finds workshop files. A workshop is looked up, in this order, in
/// `./workshops` (a clone), `$XDG_DATA_HOME/atelier/workshops` (the user's
/// own), then the copy bundled with the program; the first folder holding an
/// id wins, so a local file can override a bundled one.
public struct WorkshopLibrary: Sendable {
    /// Where a workshop was found.
    public enum Source: String, Sendable, CaseIterable {
        case local, user, bundled
    }

    public struct Folder: Sendable, Equatable {
        public let source: Source
        public let path: String

        public init(source: Source, path: String) {
            self.source = source
            self.path = path
        }
    }

    /// A workshop file that parsed without problem.
    public struct Entry: Sendable {
        public let id: String
        public let version: Int
        public let title: LocalizedText
        public let languages: [String]
        public let source: Source
        public let path: String
        public let workshop: Workshop
    }

    /// A workshop file that did not parse; listed so the user hears of it.
    public struct Broken: Sendable {
        public let path: String
        public let problems: [FileProblem]
    }

    public struct Listing: Sendable {
        /// One entry per id, sorted by id.
        public let entries: [Entry]
        /// Files with problems, sorted by path.
        public let broken: [Broken]

        public var ids: [String] { entries.map(\.id) }
        public func entry(_ id: String) -> Entry? { entries.first { $0.id == id } }
    }

    public let folders: [Folder]

    public init(folders: [Folder]) {
        self.folders = folders
    }

    /// The usual folders: `./workshops`, the user's data folder, the bundled copy.
    public init(
        currentDirectory: String = FileManager.default.currentDirectoryPath,
        paths: XDGPaths = XDGPaths()
    ) {
        var folders = [
            Folder(source: .local, path: currentDirectory + "/workshops"),
            Folder(source: .user, path: paths.workshops),
        ]
        if let bundled = BundledFiles.workshopsDirectory {
            folders.append(Folder(source: .bundled, path: bundled.path))
        }
        self.init(folders: folders)
    }

    /// Every workshop the folders hold; an id found in an earlier folder hides
    /// the same id further down.
    public func list() -> Listing {
        var entries: [String: Entry] = [:]
        var broken: [Broken] = []
        for folder in folders {
            for path in Self.workshopFiles(in: folder.path) {
                switch Self.parse(path) {
                case .success(let workshop):
                    guard entries[workshop.id] == nil else { continue }
                    entries[workshop.id] = Entry(
                        id: workshop.id, version: workshop.version, title: workshop.title,
                        languages: workshop.languages, source: folder.source, path: path, workshop: workshop)
                case .failure(let error):
                    if case .invalidWorkshop(_, let problems) = error {
                        broken.append(Broken(path: path, problems: problems))
                    }
                }
            }
        }
        return Listing(
            entries: entries.values.sorted { $0.id < $1.id }, broken: broken.sorted { $0.path < $1.path })
    }

    /// Loads a workshop by id, or by file path when `reference` names a file
    /// (it contains `/` or ends in `.yaml`/`.yml`).
    public func load(_ reference: String) throws(FilesError) -> Entry {
        if Self.looksLikePath(reference) {
            guard TextFile.exists(reference) else {
                throw .workshopNotFound(reference, known: list().ids)
            }
            let workshop = try Self.parse(reference).get()
            return Entry(
                id: workshop.id, version: workshop.version, title: workshop.title, languages: workshop.languages,
                source: .local, path: reference, workshop: workshop)
        }
        for folder in folders {
            // `ID.yaml` is the usual name; a broken file of that name is reported, not skipped.
            for name in [reference + ".yaml", reference + ".yml"] {
                let path = folder.path + "/" + name
                guard TextFile.exists(path) else { continue }
                let workshop = try Self.parse(path).get()
                if workshop.id == reference {
                    return Entry(
                        id: workshop.id, version: workshop.version, title: workshop.title,
                        languages: workshop.languages, source: folder.source, path: path, workshop: workshop)
                }
            }
            for path in Self.workshopFiles(in: folder.path) {
                guard case .success(let workshop) = Self.parse(path), workshop.id == reference else { continue }
                return Entry(
                    id: workshop.id, version: workshop.version, title: workshop.title,
                    languages: workshop.languages, source: folder.source, path: path, workshop: workshop)
            }
        }
        throw .workshopNotFound(reference, known: list().ids)
    }

    static func looksLikePath(_ reference: String) -> Bool {
        reference.contains("/") || reference.hasSuffix(".yaml") || reference.hasSuffix(".yml")
    }

    /// The `.yaml` and `.yml` files of a folder, sorted by name; none if it does not exist.
    static func workshopFiles(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { !$0.hasPrefix(".") && ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) }.sorted()
            .map { folder + "/" + $0 }
    }

    static func parse(_ path: String) -> Result<Workshop, FilesError> {
        do throws(FilesError) {
            let result = WorkshopParser.parse(try TextFile.read(path))
            guard let workshop = result.workshop else {
                return .failure(.invalidWorkshop(path: path, problems: result.problems))
            }
            return .success(workshop)
        } catch {
            return .failure(error)
        }
    }
}
