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
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let beside = Bundle.allBundles.filter { $0.bundlePath.hasSuffix(".xctest") }
            .map { $0.bundleURL.deletingLastPathComponent().appendingPathComponent("atelier").path }
        let candidates = beside + [root.appendingPathComponent(".build/debug/atelier").path]
        guard let found = candidates.first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw TestFailure("atelier is not built; looked at \(candidates)")
        }
        return found
    }

    /// Runs `atelier ARGUMENTS` with `input` on stdin; `merge` sends stderr to stdout.
    func run(_ arguments: [String], input: String = "", merge: Bool = false) async throws -> Result {
        try await OffThread.run { try runAndWait(arguments, input: input, merge: merge) }
    }

    private func runAndWait(_ arguments: [String], input: String, merge: Bool) throws -> Result {
        let names = ["stdin", "stdout", "stderr"].map { folder.appendingPathComponent("\($0)-\(UUID().uuidString)") }
        try Data(input.utf8).write(to: names[0])
        try Data().write(to: names[1])
        try Data().write(to: names[2])
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try Self.path())
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.environment = environment
        process.standardInput = try FileHandle(forReadingFrom: names[0])
        let output = try FileHandle(forWritingTo: names[1])
        process.standardOutput = output
        process.standardError = merge ? output : try FileHandle(forWritingTo: names[2])
        try process.run()
        process.waitUntilExit()
        defer { for name in names { try? FileManager.default.removeItem(at: name) } }
        return Result(
            status: process.terminationStatus, output: try String(contentsOf: names[1], encoding: .utf8),
            errors: try String(contentsOf: names[2], encoding: .utf8))
    }

    /// The example script of a whole workshop (docs/examples).
    static func example(_ name: String) throws -> String {
        try String(contentsOf: TestFiles.root.appendingPathComponent("docs/examples/\(name)"), encoding: .utf8)
    }
}
