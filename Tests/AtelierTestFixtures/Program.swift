import Foundation

/// What a program run in a test said and how it ended.
public struct ProgramOutput: Sendable {
    public let status: Int32
    /// What it printed on stdout (stderr too, when merged).
    public let stdout: String
    public let stderr: String

    /// The lines of stdout, without empty ones.
    public var lines: [String] { stdout.split(separator: "\n").map(String.init) }

    /// The first line of stderr: the sentence of a refusal (ArgumentParser
    /// follows it with the usage).
    public var refusal: String {
        stderr.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
    }
}

/// Runs a program as a person would from a shell, for every test target:
/// the `atelier` binary (or another product of this package, built beside
/// the tests) or a tool of the machine (xmllint, zbarimg, …).
public enum Program {
    /// The repository's root folder.
    public static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    public struct NotBuilt: Error, CustomStringConvertible {
        public let candidates: [String]
        public var description: String { "not built; looked at \(candidates.joined(separator: ", "))" }
    }

    /// A product of this package (`atelier`, `atelier-crashchild`): next to
    /// the test bundle or the test program (both are in the build folder),
    /// else under `.build/debug`.
    public static func built(_ name: String = "atelier") throws -> URL {
        var candidates = Bundle.allBundles.filter { $0.bundlePath.hasSuffix(".xctest") }
            .map { $0.bundleURL.deletingLastPathComponent().appendingPathComponent(name) }
        let tests = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        candidates.append(tests.deletingLastPathComponent().appendingPathComponent(name))
        candidates.append(repository.appendingPathComponent(".build/debug/" + name))
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw NotBuilt(candidates: candidates.map(\.path))
        }
        return found
    }

    /// Runs `executable ARGUMENTS` in `directory` with `input` on stdin and
    /// exactly `environment` (nil: this process's), and waits for it to end
    /// without holding a thread of the shared pool. `mergeErrors` sends
    /// stderr to stdout, in the order written.
    public static func run(
        _ executable: URL, _ arguments: [String], in directory: URL? = nil, environment: [String: String]? = nil,
        input: String = "", mergeErrors: Bool = false
    ) async throws -> ProgramOutput {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("atelier-run-\(UUID())")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let files = ["stdin", "stdout", "stderr"].map { scratch.appendingPathComponent($0) }
        try Data(input.utf8).write(to: files[0])
        try Data().write(to: files[1])
        try Data().write(to: files[2])

        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if let environment { process.environment = environment }
        process.standardInput = try FileHandle(forReadingFrom: files[0])
        let output = try FileHandle(forWritingTo: files[1])
        process.standardOutput = output
        process.standardError = mergeErrors ? output : try FileHandle(forWritingTo: files[2])
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        return ProgramOutput(
            status: status, stdout: try String(contentsOf: files[1], encoding: .utf8),
            stderr: try String(contentsOf: files[2], encoding: .utf8))
    }

    /// A tool of the machine (a full path), its stderr merged into stdout.
    public static func tool(_ path: String, _ arguments: [String]) async throws -> ProgramOutput {
        try await run(URL(fileURLWithPath: path), arguments, mergeErrors: true)
    }

    /// A new empty folder for one test.
    public static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("atelier-test-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
