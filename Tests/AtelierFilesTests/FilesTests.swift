import AtelierCore
import AtelierFiles
import AtelierTestFixtures
import Foundation
import Testing

/// The file edge: atomic writes and finding workshops.
@Suite final class FilesTests {
    let folder: URL
    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("atelier-test-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: folder) }

    func contents(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    func names(_ path: String = "") throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(path).path).sorted()
    }

    @Test func atomicWriteRefusesToReplaceUnlessAllowed() throws {
        let path = folder.appendingPathComponent("summary.md").path
        try AtomicFile.write("first\n", to: path, replace: false)
        #expect(throws: FilesError.alreadyExists(path: path)) {
            try AtomicFile.write("second\n", to: path, replace: false)
        }
        #expect(try contents("summary.md") == "first\n")
        try AtomicFile.write("third\n", to: path, replace: true)
        #expect(try contents("summary.md") == "third\n")
        #expect(try names() == ["summary.md"])
    }

    @Test func atomicWriteIntoAMissingFolderLeavesNothing() throws {
        let path = folder.appendingPathComponent("nowhere/summary.md").path
        #expect(throws: FilesError.writeFailed(path: path, reason: .notFound)) {
            try AtomicFile.write("x", to: path, replace: true)
        }
        #expect(try names() == [])
    }

    @Test func theErrorReadsAsOneSentence() throws {
        let catalog = try #require(
            CatalogParser.parse(
                try String(contentsOf: Fixtures.root.appendingPathComponent("locales/en.yaml"), encoding: .utf8)
            ).catalog)
        let error = FilesError.writeFailed(path: "out/a.md", reason: .permissionDenied)
        #expect(catalog.render(error.message) == "cannot write out/a.md: permission denied; nothing was written")
    }

    @Test func atomicDirectoryAppearsWholeAndReplaces() throws {
        let path = folder.appendingPathComponent("csv").path
        try AtomicDirectory.write(
            [.init(name: "items.csv", text: "a,b\n"), .init(name: "picks.csv", text: "c\n")], to: path,
            replace: false)
        #expect(try names("csv") == ["items.csv", "picks.csv"])
        #expect(throws: FilesError.alreadyExists(path: path)) {
            try AtomicDirectory.write([.init(name: "x.csv", text: "")], to: path, replace: false)
        }
        try AtomicDirectory.write([.init(name: "items.csv", text: "new\n")], to: path, replace: true)
        #expect(try names("csv") == ["items.csv"])
        #expect(try contents("csv/items.csv") == "new\n")
        #expect(try names() == ["csv"])
    }

    @Test func atomicDirectoryRefusesPathsAsNames() throws {
        let path = folder.appendingPathComponent("csv").path
        #expect(throws: FilesError.badFileName("../evil.csv")) {
            try AtomicDirectory.write([.init(name: "../evil.csv", text: "")], to: path, replace: true)
        }
        #expect(try names() == [])
    }

    func library() -> WorkshopLibrary {
        WorkshopLibrary(folders: [
            .init(source: .local, path: folder.path),
            .bundled,
        ])
    }

    @Test func loadByIDByPathAndTheNotFoundMessage() throws {
        #expect(try library().load("readiness").workshop.stages.count == 5)
        #expect(try library().load("workshops/readiness.yaml").id == "readiness")
        #expect(
            throws: FilesError.workshopNotFound(
                "nope", known: ["barriers", "coping-patterns", "readiness", "sme-pitfalls"])
        ) {
            try library().load("nope")
        }
    }

    @Test func anEarlierFolderWinsAndABrokenFileIsReported() throws {
        let bundled = try String(
            contentsOf: Fixtures.root.appendingPathComponent("workshops/barriers.yaml"), encoding: .utf8)
        try bundled.replacingOccurrences(of: "version: 1", with: "version: 2")
            .write(to: folder.appendingPathComponent("mine.yaml"), atomically: true, encoding: .utf8)
        let listing = library().list()
        #expect(listing.ids == ["barriers", "coping-patterns", "readiness", "sme-pitfalls"])
        #expect(listing.entry("barriers")?.version == 2)
        #expect(listing.entry("barriers")?.source == .local)
        #expect(try library().load("barriers").version == 2)

        try "id: broken\n".write(to: folder.appendingPathComponent("readiness.yaml"), atomically: true, encoding: .utf8)
        #expect(library().list().broken.map(\.path) == [folder.appendingPathComponent("readiness.yaml").path])
        #expect {
            try library().load("readiness")
        } throws: { error in
            guard case FilesError.invalidWorkshop(_, let problems) = error else { return false }
            return problems.map(\.message.key) == [
                "file.missing_key", "file.missing_key", "file.missing_key", "file.missing_key", "file.missing_key",
                "file.missing_key",
            ]
        }
    }

    /// The copy embedded in the binary is the repository's, file for file.
    @Test func theEmbeddedCopyMatchesTheRepository() throws {
        let names = try FileManager.default.contentsOfDirectory(
            atPath: Fixtures.root.appendingPathComponent("workshops").path
        ).filter { $0.hasSuffix(".yaml") }.sorted()
        let embedded = WorkshopLibrary(folders: [.bundled]).list()
        #expect(embedded.entries.map(\.path) == names.map { "bundled:workshops/" + $0 })
        for entry in embedded.entries {
            let text = try String(
                contentsOf: Fixtures.root.appendingPathComponent("workshops/\(entry.id).yaml"), encoding: .utf8)
            #expect(WorkshopParser.parse(text).workshop == entry.workshop)
        }
        let locales = LocaleLibrary(currentDirectory: folder.path)
        #expect(locales.languages == ["en", "fr"])
        for language in locales.languages {
            let text = try String(
                contentsOf: Fixtures.root.appendingPathComponent("locales/\(language).yaml"), encoding: .utf8)
            let catalog = try #require(CatalogParser.parse(text).catalog)
            #expect(locales.catalog(language)?.messages == catalog.messages)
        }
    }
}
