import AtelierCore
import AtelierExport
import AtelierTestFixtures
import Foundation
import Testing

/// Every format of the bundled demo, and of the comparison of the example
/// pair, byte for byte. After a deliberate change, regenerate with
/// `ATELIER_REGENERATE=1 swift test --filter GoldenTests` and review the diff
/// of Tests/AtelierExportTests/Golden.
@Suite struct GoldenTests {
    static let folder = Fixtures.root.appendingPathComponent("Tests/AtelierExportTests/Golden")

    @Test(arguments: ["en", "fr"])
    func demoExportsMatchTheGoldenFiles(language: String) throws {
        let files = try Demo.exports(try Demo.bundledState(), language: language)
        #expect(files.count == 8)
        try Self.check(files)
    }

    @Test(arguments: ["en", "fr"])
    func comparisonMatchesTheGoldenFiles(language: String) throws {
        let sessions = try CompareExampleTests.pair(language: language)
        let catalog = try Fixtures.catalog(language)
        var files: [(path: String, bytes: [UInt8])] = []
        for format in ExportFormat.allCases {
            switch Comparer.render(format: format, sessions: sessions, catalog: catalog) {
            case .file(let bytes):
                files.append(("compare.\(language).\(format.rawValue)", bytes))
            case .folder(let entries):
                files += entries.map { ("compare.\(language)-\(format.rawValue)/\($0.name)", $0.bytes) }
            }
        }
        #expect(files.count == 3 + 7)
        try Self.check(files)
    }

    /// Each file against its golden copy (written first when regenerating).
    static func check(_ files: [(path: String, bytes: [UInt8])]) throws {
        for file in files {
            let url = folder.appendingPathComponent(file.path)
            if Demo.regenerating {
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.bytes).write(to: url, options: .atomic)
            }
            let golden = try Data(contentsOf: url)
            #expect(Array(golden) == file.bytes, "\(file.path) differs from its golden file")
        }
    }
}
