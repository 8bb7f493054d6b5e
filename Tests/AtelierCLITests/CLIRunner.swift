import AtelierTestFixtures
import Foundation

/// Runs the built `atelier` binary (`Program`) from the repository, with a
/// neutral environment of its own (HOME and XDG_DATA_HOME in a scratch folder).
enum CLIRunner {
    static let root = Program.repository

    /// `atelier` as the tests run it.
    static func binary() throws -> URL {
        try Program.built()
    }

    /// Runs `atelier ARGUMENTS` in `directory` (the repository by default),
    /// with a neutral environment plus `environment`, and waits for it to end.
    static func run(
        _ arguments: [String], in directory: URL = root, environment: [String: String] = [:]
    ) async throws -> ProgramOutput {
        let scratch = try Program.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        var base = [
            "PATH": "/usr/bin:/bin", "HOME": scratch.path, "LANG": "C",
            "XDG_DATA_HOME": scratch.appendingPathComponent("data").path,
        ]
        base.merge(environment) { _, new in new }
        return try await Program.run(try binary(), arguments, in: directory, environment: base)
    }

    /// A new empty folder for one test.
    static func temporaryFolder() throws -> URL {
        try Program.temporaryFolder()
    }
}
