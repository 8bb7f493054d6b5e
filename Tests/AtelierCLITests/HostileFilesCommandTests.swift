import Foundation
import Testing

/// The commands given hostile files: each says what is wrong about the file
/// and changes nothing.
@Suite struct HostileFilesCommandTests {
    /// Was: `max: 1000000` printed 999,996 lines (one per missing label), and
    /// a file with thousands of the same mistake printed each of them.
    @Test func validateShowsTenProblemsOfAKindThenTheirCount() async throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let stages = (1...15).map { "  - { id: s\($0), kind: vote, title: { en: \"S\" } }" }
        let text = """
            id: many
            version: 1
            languages: [en]
            title: { en: "Many" }
            scales: []
            stages:
            \(stages.joined(separator: "\n"))
            maturity:
              levels:
                - { id: low, label: { en: "Low" }, description: { en: "Low" } }
                - { id: high, label: { en: "High" }, description: { en: "High" }, when: [ { strategy: declared } ] }

            """
        try text.write(to: folder.appendingPathComponent("many.yaml"), atomically: true, encoding: .utf8)
        let output = try await CLIRunner.run(["validate", "--locale", "en", "many.yaml"], in: folder)
        #expect(output.status == 1)
        let accepted = "accepted: intro, rating, pick, strategy, discussion"
        #expect(
            output.lines
                == (7...16).map { "many.yaml:\($0):\($0 < 16 ? 21 : 22): unknown stage kind \"vote\"; \(accepted)" } + [
                    "many.yaml:25:91: a strategy rule needs a stage of kind strategy",
                    "many.yaml: 5 more problems of the same kind (workshop.unknown_kind) not shown",
                ])
        #expect(output.stderr == "16 problems found\n")
    }

    /// Was: blamed the store, and left an empty store file behind.
    @Test func importingAFolderSaysSoAndCreatesNothing() async throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("s/atelier.sqlite").path
        let output = try await CLIRunner.run(
            ["record", "import", folder.path, "--store", store, "--locale", "en"], in: folder)
        #expect(output.status == 1)
        #expect(
            output.stderr
                == "\(folder.path) is not a file that can be read (Is a directory); give a recording file (FILE.jsonl)\n"
        )
        #expect(!FileManager.default.fileExists(atPath: store))
    }

    /// Was: "attempt to write a readonly database" for sessions, record export and export.
    @Test func aReadOnlyStoreIsListedAndExported() async throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("atelier.sqlite").path
        let recording = CLIRunner.root.appendingPathComponent("recordings/coping-patterns-demo.jsonl").path
        let imported = try await CLIRunner.run(["record", "import", recording, "--store", store], in: folder)
        #expect(imported.status == 0)
        #expect(chmod(store, 0o400) == 0)
        let listed = try await CLIRunner.run(["sessions", "--store", store, "--locale", "en"], in: folder)
        #expect(listed.status == 0)
        #expect(listed.lines.count == 2)
        let exported = try await CLIRunner.run(
            ["record", "export", "demo-2025-03-13", "-o", "back.jsonl", "--store", store, "--locale", "en"], in: folder)
        #expect(exported.stderr == "")
        #expect(exported.status == 0)
        let back = try String(contentsOf: folder.appendingPathComponent("back.jsonl"), encoding: .utf8)
        #expect(back == (try String(contentsOfFile: recording, encoding: .utf8)))
        let markdown = try await CLIRunner.run(
            ["export", "demo-2025-03-13", "--format", "md", "-o", "demo.md", "--store", store, "--locale", "en"],
            in: folder)
        #expect(markdown.stderr == "")
        #expect(markdown.status == 0)
    }
}
