import Foundation
import Testing

/// The room in a real browser: runs Tests/Browser/room_test.py and
/// new_user_test.py (Debian's python3-selenium driving headless Chromium,
/// zbarimg reading the QR code, tmux as the facilitator's terminal) against
/// the built `atelier`. They need chromium, chromium-driver, python3-selenium,
/// zbar-tools and tmux, which `.ci/run` installs; without them the tests are
/// skipped and say so.
@Suite(.serialized) struct BrowserTests {
    static let tools = ["/usr/bin/python3", "/usr/bin/chromium", "/usr/bin/chromedriver", "/usr/bin/zbarimg"]
    static let available = tools.allSatisfy { FileManager.default.isExecutableFile(atPath: $0) }
    static let hasTmux = FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux")
    static let script = CLIRunner.root.appendingPathComponent("Tests/Browser/room_test.py")
    static let newUser = CLIRunner.root.appendingPathComponent("Tests/Browser/new_user_test.py")
    static let projector = CLIRunner.root.appendingPathComponent("Tests/Browser/projector_test.py")
    static let round = CLIRunner.root.appendingPathComponent("Tests/Browser/round_test.py")
    /// Where the screenshots of a failed run are kept (one folder per script's test).
    static let artifacts = CLIRunner.root.appendingPathComponent(".build/browser-artifacts")

    @Test(
        .enabled(
            if: available, "needs chromium, chromium-driver, python3-selenium and zbar-tools (.ci/run installs them)"))
    func threePhonesAndTheProjectorGoThroughTheWholeWorkshop() async throws {
        let (status, text) = try await Self.run(Self.script)
        #expect(status == 0, "room_test.py failed (screenshots in \(Self.artifacts.path)):\n\(text)")
        #expect(text.contains("ok   whole_workshop") && text.contains("ok   misuse"), "\(text)")
    }

    /// The "Done when" as a new user would: `run --listen 0.0.0.0:PORT` in a terminal, a phone opens
    /// the QR's URL and answers every stage, the projector shows the tallies, and the export equals the one of
    /// the same answers typed in the REPL (Tests/Browser/new_user_test.py says which fields it sets aside).
    @Test(.enabled(if: available && hasTmux, "needs chromium, chromium-driver, python3-selenium, zbar-tools and tmux"))
    func aNewUsersBrowserRoomExportsWhatTheTypedAnswersExport() async throws {
        let (status, text) = try await Self.run(Self.newUser)
        #expect(status == 0, "new_user_test.py failed (screenshots in \(Self.artifacts.path)):\n\(text)")
        #expect(text.contains("ok   new_user"), "\(text)")
    }

    /// The projector read from the back of the room: in every phase, in English and French, every text at least
    /// 28 px at 1920x1080, inside the screen, clear of the others; and 360-px phones (with and without
    /// JavaScript) with nothing beyond their width (Tests/Browser/projector_test.py).
    @Test(
        .enabled(
            if: available, "needs chromium, chromium-driver, python3-selenium and zbar-tools (.ci/run installs them)"))
    func theProjectorIsReadableAndThePhoneFitsInEveryPhase() async throws {
        let (status, text) = try await Self.run(Self.projector)
        #expect(status == 0, "projector_test.py failed (screenshots in \(Self.artifacts.path)):\n\(text)")
        #expect(text.contains("ok   projector_phases"), "\(text)")
    }

    /// A stage's second round (issue 16): two 390x844 phones are told live and start from their own round-1
    /// answer, `undo` and a reload show what the session holds, a phone joining in round 2 gets an empty form, the
    /// projector says "Round 2" and shows each median round 1 → round 2, and the journal and the JSON export hold
    /// the round-2 answers; then the same in an anonymous session (`--anonymous --min-group 2`): no typed name on
    /// any page, a small group's movement withheld (Tests/Browser/round_test.py; screenshots in round_phases/).
    @Test(
        .enabled(
            if: available, "needs chromium, chromium-driver, python3-selenium and zbar-tools (.ci/run installs them)"))
    func aSecondRoundReachesThePhonesAndTheProjector() async throws {
        let (status, text) = try await Self.run(Self.round)
        #expect(status == 0, "round_test.py failed (screenshots in \(Self.artifacts.path)):\n\(text)")
        #expect(text.contains("ok   second_round") && text.contains("ok   anonymous_round"), "\(text)")
    }

    /// Runs a browser script against the built `atelier`; its exit status and everything it printed.
    static func run(_ script: URL) async throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [
            script.path, "--atelier", try CLIRunner.binary().path, "--artifacts", Self.artifacts.path,
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
        return (status, try String(contentsOf: log, encoding: .utf8))
    }
}
