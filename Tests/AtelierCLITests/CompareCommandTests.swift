import Foundation
import Testing

/// `atelier compare` and `atelier sessions --workshop` on the committed
/// example pair (docs/examples/compare-before.jsonl, compare-after.jsonl).
@Suite struct CompareCommandTests {
    static let before = "docs/examples/compare-before.jsonl"
    static let after = "docs/examples/compare-after.jsonl"

    @Test func markdownToStdoutInDateOrder() async throws {
        // Given after first: sorted by date, the March session comes first.
        let output = try await CLIRunner.run(["compare", Self.after, Self.before, "--locale", "en"])
        #expect(output.status == 0)
        #expect(output.stderr == "")
        #expect(output.lines.first == "# Before and after: Facing social media: four reflexes and three brakes")
        #expect(output.lines.contains("## demo-2025-03-13 (2025-03-13) → demo-2025-09-18 (2025-09-18)"))
        let given = try await CLIRunner.run(
            ["compare", Self.after, Self.before, "--order", "given", "--locale", "en"])
        #expect(given.lines.contains("## demo-2025-09-18 (2025-09-18) → demo-2025-03-13 (2025-03-13)"))
    }

    /// Three sessions given out of order: by date, A → B then B → C; as given, C → A then A → B.
    @Test func aChainOfThreeInDateOrderOrAsGiven() async throws {
        let later = "docs/examples/compare-later.jsonl"
        let output = try await CLIRunner.run(["compare", later, Self.before, Self.after, "--locale", "en"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(
            output.lines.filter { $0.hasPrefix("## demo-") } == [
                "## demo-2025-03-13 (2025-03-13) → demo-2025-09-18 (2025-09-18)",
                "## demo-2025-09-18 (2025-09-18) → demo-2026-03-19 (2026-03-19)",
            ])
        let given = try await CLIRunner.run(
            ["compare", later, Self.before, Self.after, "--order", "given", "--locale", "en"])
        #expect(
            given.lines.filter { $0.hasPrefix("## demo-") } == [
                "## demo-2026-03-19 (2026-03-19) → demo-2025-03-13 (2025-03-13)",
                "## demo-2025-03-13 (2025-03-13) → demo-2025-09-18 (2025-09-18)",
            ])
    }

    @Test func everyFormatToAFileAtomicallyAndNeverOverAFile() async throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for format in ["md", "json", "html"] {
            let path = folder.appendingPathComponent("c." + format).path
            let output = try await CLIRunner.run(
                ["compare", Self.before, Self.after, "--format", format, "-o", path, "--locale", "en"])
            #expect(output.status == 0)
            #expect(output.lines == ["\(format) comparison written to \(path)"])
            #expect(try String(contentsOfFile: path, encoding: .utf8).count > 1000)
            let again = try await CLIRunner.run(
                ["compare", Self.before, Self.after, "--format", format, "-o", path, "--locale", "en"])
            #expect(again.status == 1)
            #expect(again.stderr.contains("add --force to replace it"))
        }
        let inRepository = folder.appendingPathComponent("out-csv").path
        let written = try await CLIRunner.run(
            ["compare", Self.before, Self.after, "--format", "csv", "-o", inRepository, "--locale", "en"])
        #expect(written.status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: inRepository).sorted()
        #expect(
            files == [
                "awareness.csv", "departments.csv", "maturity.csv", "not_compared.csv", "picks.csv", "ratings.csv",
                "silos.csv",
            ])
    }

    @Test func badInputSaysWhatIsAccepted() async throws {
        let one = try await CLIRunner.run(["compare", Self.before, "--locale", "en"])
        #expect(one.status == 64)
        #expect(
            one.refusal
                == "Error: compare needs at least two sessions (store ids or recording files), or --all with --workshop ID"
        )
        let format = try await CLIRunner.run(["compare", Self.before, Self.after, "--format", "pdf", "--locale", "en"])
        #expect(format.status == 64)
        #expect(format.refusal == "Error: unknown format \"pdf\"; accepted: md, json, csv, html")
        let order = try await CLIRunner.run(["compare", Self.before, Self.after, "--order", "size", "--locale", "en"])
        #expect(order.status == 64)
        #expect(order.refusal == "Error: unknown order \"size\"; accepted: date, given")
        let all = try await CLIRunner.run(["compare", "--all", "--locale", "en"])
        #expect(all.status == 64)
        #expect(all.refusal == "Error: --all needs --workshop ID: the workshop whose stored sessions to compare")
        let french = try await CLIRunner.run(["compare", Self.before, "--locale", "fr"])
        #expect(french.refusal.hasPrefix("Erreur : compare demande au moins deux sessions"))
    }

    /// Both examples imported into a store: the history and `compare --all`.
    @Test func trendsFromTheStore() async throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("s.sqlite").path
        for file in [Self.after, Self.before] {
            let imported = try await CLIRunner.run(["record", "import", file, "--store", store, "--locale", "en"])
            #expect(imported.status == 0, "\(imported.stderr)")
        }
        let sessions = try await CLIRunner.run(
            ["sessions", "--workshop", "coping-patterns", "--store", store, "--locale", "en"])
        #expect(sessions.status == 0, "\(sessions.stderr)")
        #expect(sessions.lines.first == "Facing social media: four reflexes and three brakes: 2 sessions over time")
        #expect(
            sessions.lines.contains {
                $0.hasPrefix("  Session ")
                    && $0.hasSuffix("ignore  status_quo  delegate  drift  control  understanding  strategy")
            })
        #expect(sessions.lines.contains("Informatique"))
        let all = try await CLIRunner.run(
            ["compare", "--all", "--workshop", "coping-patterns", "--store", store, "--locale", "en"])
        #expect(all.status == 0, "\(all.stderr)")
        #expect(all.lines.contains("## demo-2025-03-13 (2025-03-13) → demo-2025-09-18 (2025-09-18)"))
        let none = try await CLIRunner.run(
            ["compare", "--all", "--workshop", "barriers", "--store", store, "--locale", "en"])
        #expect(none.status == 1)
        #expect(
            none.stderr == "--all compares at least two sessions of the workshop barriers; \(store) holds 0\n")
    }
}
