import Foundation

/// Runs the built `atelier` binary, as a person would from a shell.
enum CLIRunner {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String

        var lines: [String] { stdout.split(separator: "\n").map(String.init) }
    }

    enum RunnerError: Error { case binaryNotFound([String]) }

    /// `atelier` next to the test bundle (both are in the build folder), else under `.build/debug`.
    static func binary() throws -> URL {
        var candidates: [URL] = []
        if let bundle = Bundle.allBundles.first(where: { $0.bundlePath.hasSuffix(".xctest") }) {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("atelier"))
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        candidates.append(executable.deletingLastPathComponent().appendingPathComponent("atelier"))
        candidates.append(root.appendingPathComponent(".build/debug/atelier"))
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw RunnerError.binaryNotFound(candidates.map(\.path))
        }
        return found
    }

    /// Runs `atelier ARGUMENTS` in `directory` (the repository by default),
    /// with a neutral environment plus `environment`, and waits for it to end.
    static func run(
        _ arguments: [String], in directory: URL = root, environment: [String: String] = [:]
    ) async throws -> Output {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("atelier-cli-\(UUID())")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("stdout")
        let err = scratch.appendingPathComponent("stderr")
        try Data().write(to: out)
        try Data().write(to: err)

        let process = Process()
        process.executableURL = try binary()
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var base = [
            "PATH": "/usr/bin:/bin", "HOME": scratch.path, "LANG": "C",
            "XDG_DATA_HOME": scratch.appendingPathComponent("data").path,
        ]
        base.merge(environment) { _, new in new }
        process.environment = base
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        // Wait without blocking a thread of the shared pool: other tests keep running meanwhile.
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        return Output(
            status: status,
            stdout: try String(contentsOf: out, encoding: .utf8),
            stderr: try String(contentsOf: err, encoding: .utf8))
    }

    /// A new empty folder for one test.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("atelier-test-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
