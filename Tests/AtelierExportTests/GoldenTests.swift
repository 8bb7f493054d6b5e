import AtelierCore
import AtelierTestFixtures
import Foundation
import Testing

/// Every format of the bundled demo, byte for byte. After a deliberate change,
/// regenerate with `ATELIER_REGENERATE=1 swift test --filter GoldenTests` and
/// review the diff of Tests/AtelierExportTests/Golden.
@Suite struct GoldenTests {
    static let folder = Fixtures.root.appendingPathComponent("Tests/AtelierExportTests/Golden")

    @Test(arguments: ["en", "fr"])
    func demoExportsMatchTheGoldenFiles(language: String) throws {
        let files = try Demo.exports(try Demo.bundledState(), language: language)
        #expect(files.count == 8)
        for file in files {
            let url = Self.folder.appendingPathComponent(file.path)
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
