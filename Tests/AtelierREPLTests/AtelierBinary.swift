import AtelierTestFixtures
import Foundation

/// The built `atelier` program, run in a folder of its own with its own
/// HOME and XDG folders, fed a script on stdin.
struct AtelierBinary {
    struct Result {
        let status: Int32
        /// What it printed on stdout (stderr too, when merged).
        let output: String
        let errors: String

        var lines: [String] {
            output.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        }
    }

    /// A scratch folder: the working directory, HOME and the XDG folders.
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("atelier-repl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }

    var store: String { folder.appendingPathComponent("store.sqlite").path }

    var environment: [String: String] {
        [
            "PATH": "/usr/bin:/bin", "HOME": folder.path, "LANG": "C", "TERM": "xterm-256color",
            "XDG_DATA_HOME": folder.appendingPathComponent("data").path,
            "XDG_STATE_HOME": folder.appendingPathComponent("state").path,
        ]
    }

    /// The program next to the test bundle (both are in the build folder).
    static func path() throws -> String {
        try Program.built().path
    }

    /// Runs `atelier ARGUMENTS` with `input` on stdin; `merge` sends stderr to stdout.
    func run(_ arguments: [String], input: String = "", merge: Bool = false) async throws -> Result {
        let output = try await Program.run(
            try Program.built(), arguments, in: folder, environment: environment, input: input, mergeErrors: merge)
        return Result(status: output.status, output: output.stdout, errors: output.stderr)
    }

    /// The example script of a whole workshop (docs/examples).
    static func example(_ name: String) throws -> String {
        try String(contentsOf: TestFiles.root.appendingPathComponent("docs/examples/\(name)"), encoding: .utf8)
    }
}
