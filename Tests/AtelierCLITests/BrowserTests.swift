import Foundation
import Testing

/// The room in a real browser: runs Tests/Browser/room_test.py (Debian's
/// python3-selenium driving headless Chromium, zbarimg reading the QR code)
/// against the built `atelier`. It needs chromium, chromium-driver,
/// python3-selenium and zbar-tools, which `.ci/run` installs; without them
/// the test is skipped and says so.
@Suite(.serialized) struct BrowserTests {
    static let tools = ["/usr/bin/python3", "/usr/bin/chromium", "/usr/bin/chromedriver", "/usr/bin/zbarimg"]
    static let available = tools.allSatisfy { FileManager.default.isExecutableFile(atPath: $0) }
    static let script = CLIRunner.root.appendingPathComponent("Tests/Browser/room_test.py")
    /// Where the screenshots of a failed run are kept.
    static let artifacts = CLIRunner.root.appendingPathComponent(".build/browser-artifacts")

    @Test(
        .enabled(
            if: available, "needs chromium, chromium-driver, python3-selenium and zbar-tools (.ci/run installs them)"))
    func threePhonesAndTheProjectorGoThroughTheWholeWorkshop() async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [
            Self.script.path, "--atelier", try CLIRunner.binary().path, "--artifacts", Self.artifacts.path,
        ]
        process.currentDirectoryURL = CLIRunner.root
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "LANG": "C.UTF-8"]
        // A file, not a pipe: a long report cannot fill a pipe's buffer and stall the script.
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = folder.appendingPathComponent("output")
        try Data().write(to: log)
        let output = try FileHandle(forWritingTo: log)
        process.standardOutput = output
        process.standardError = output
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        try output.close()
        let text = try String(contentsOf: log, encoding: .utf8)
        #expect(status == 0, "room_test.py failed (screenshots in \(Self.artifacts.path)):\n\(text)")
        #expect(text.contains("ok   whole_workshop") && text.contains("ok   misuse"), "\(text)")
    }
}
