import AtelierCore
import Foundation

/// Finds workshop files. A workshop is looked up, in this order, in
/// `./workshops` (a clone), `$XDG_DATA_HOME/atelier/workshops` (the user's
/// own), then the copy shipped inside the program; the first folder holding an
/// id wins, so a local file can override a shipped one.
///
///     let entry = try WorkshopLibrary().load("coping-patterns")   // or a path: "my/workshop.yaml"
///     entry.workshop                                            // the parsed Workshop
public struct WorkshopLibrary: Sendable {
    /// Where a workshop was found.
    public enum Source: String, Sendable, CaseIterable {
        case local, user, bundled
    }

    /// A folder to search: on disk (`path`), or the shipped copy (`path` is nil).
    public struct Folder: Sendable, Equatable {
        public let source: Source
        public let path: String?

        public init(source: Source, path: String?) {
            self.source = source
            self.path = path
        }

        /// The workshops shipped inside the program.
        public static let bundled = Folder(source: .bundled, path: nil)

        var files: [SourceFile] {
            guard let path else { return SourceFile.yaml(bundled: "workshops") }
            return SourceFile.yaml(inDirectory: path)
        }
    }

    /// A workshop file that parsed without problem.
    public struct Entry: Sendable {
        public let source: Source
        /// The file's path, or `bundled:workshops/NAME` for a shipped one.
        public let path: String
        public let workshop: Workshop

        public var id: String { workshop.id }
        public var version: Int { workshop.version }
        public var title: LocalizedText { workshop.title }
        public var languages: [String] { workshop.languages }
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

    /// The usual folders: `./workshops`, the user's data folder, the shipped copy.
    public init(
        currentDirectory: String = FileManager.default.currentDirectoryPath,
        paths: XDGPaths = XDGPaths()
    ) {
        self.init(folders: [
            Folder(source: .local, path: currentDirectory + "/workshops"),
            Folder(source: .user, path: paths.workshops),
            .bundled,
        ])
    }

    /// Every workshop the folders hold; an id found in an earlier folder hides
    /// the same id further down.
    public func list() -> Listing {
        var entries: [String: Entry] = [:]
        var broken: [Broken] = []
        for folder in folders {
            for file in folder.files {
                switch Self.parse(file) {
                case .success(let workshop):
                    guard entries[workshop.id] == nil else { continue }
                    entries[workshop.id] = Entry(source: folder.source, path: file.path, workshop: workshop)
                case .failure(.invalidWorkshop(_, let problems)):
                    broken.append(Broken(path: file.path, problems: problems))
                case .failure:
                    continue
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
            guard TextFile.exists(reference) else { throw .workshopNotFound(reference, known: list().ids) }
            let workshop = try Self.parse(SourceFile(path: reference, origin: .disk)).get()
            return Entry(source: .local, path: reference, workshop: workshop)
        }
        for folder in folders {
            let files = folder.files
            // `ID.yaml` is the usual name: a broken file of that name is reported, not skipped.
            let named = files.filter { Self.stem($0.path) == reference }
            for file in named {
                let workshop = try Self.parse(file).get()
                if workshop.id == reference { return Entry(source: folder.source, path: file.path, workshop: workshop) }
            }
            for file in files where Self.stem(file.path) != reference {
                guard case .success(let workshop) = Self.parse(file), workshop.id == reference else { continue }
                return Entry(source: folder.source, path: file.path, workshop: workshop)
            }
        }
        throw .workshopNotFound(reference, known: list().ids)
    }

    static func looksLikePath(_ reference: String) -> Bool {
        reference.contains("/") || reference.hasSuffix(".yaml") || reference.hasSuffix(".yml")
    }

    /// `coping-patterns` for `.../coping-patterns.yaml`.
    static func stem(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return String(name.prefix { $0 != "." })
    }

    static func parse(_ file: SourceFile) -> Result<Workshop, FilesError> {
        do throws(FilesError) {
            let result = WorkshopParser.parse(try file.read())
            guard let workshop = result.workshop else {
                return .failure(.invalidWorkshop(path: file.path, problems: result.problems))
            }
            return .success(workshop)
        } catch {
            return .failure(error)
        }
    }
}
