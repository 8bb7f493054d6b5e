import AtelierTestFixtures
import Foundation

/// The built `atelier` running in the background, as a person starts it in
/// a terminal of their own: lines typed on its stdin when the test says so,
/// everything it prints (stdout and stderr, in order) kept in a file the
/// test reads while it runs.
final class RunningProgram: @unchecked Sendable {
    private let process = Process()
    private let input = Pipe()
    private let output: URL

    /// Starts `atelier ARGUMENTS` in `folder` with exactly `environment`;
    /// `name` names the file of what it prints.
    init(_ arguments: [String], in folder: URL, environment: [String: String], name: String) throws {
        output = folder.appendingPathComponent(name + ".out")
        guard FileManager.default.createFile(atPath: output.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown)
        }
        process.executableURL = try Program.built()
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.environment = environment
        process.standardInput = input
        let printed = try FileHandle(forWritingTo: output)
        process.standardOutput = printed
        process.standardError = printed
        try process.run()
        try printed.close()
    }

    var pid: Int32 { process.processIdentifier }

    /// What it printed so far, line by line (the last one maybe incomplete).
    var lines: [String] {
        let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// Types a line, as if Enter followed it.
    func type(_ line: String) throws {
        try input.fileHandleForWriting.write(contentsOf: Data((line + "\n").utf8))
    }

    /// Closes its stdin: the end of what is typed (Ctrl-D).
    func endInput() {
        try? input.fileHandleForWriting.close()
    }

    /// Waits until what it printed satisfies `done`, or `seconds` have
    /// passed; whether it did, and the lines then.
    func wait(seconds: Int = 60, until done: ([String]) -> Bool) async -> (Bool, [String]) {
        for _ in 0..<(seconds * 10) {
            let now = lines
            if done(now) { return (true, now) }
            try? await Task.sleep(for: .milliseconds(100))
        }
        let last = lines
        return (done(last), last)
    }

    /// Waits until a line is exactly `line`.
    func wait(for line: String, seconds: Int = 60) async -> (Bool, [String]) {
        await wait(seconds: seconds) { $0.contains(line) }
    }

    /// Waits for its end, `seconds` at most; its exit status (nil if it is still running).
    func exit(seconds: Int = 60) async -> Int32? {
        for _ in 0..<(seconds * 10) {
            if !process.isRunning { return process.terminationStatus }
            try? await Task.sleep(for: .milliseconds(100))
        }
        return process.isRunning ? nil : process.terminationStatus
    }

    func signal(_ signal: Int32) {
        if process.isRunning { kill(process.processIdentifier, signal) }
    }

    /// Kills it if it still runs (the end of a test, whatever happened).
    func stop() {
        endInput()
        signal(SIGKILL)
        if process.isRunning { process.waitUntilExit() }
    }
}
