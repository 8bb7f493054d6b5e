import Foundation
import Testing

/// `atelier workshops`: the workshops found, with their titles in the chosen language.
@Suite struct WorkshopsCommandTests {
    /// Without a terminal the list fits 80 columns: the titles give way, never the ids
    /// (a terminal of 110 columns or more shows them whole: `TerminalWidthTests`).
    @Test func englishTitlesFromAClone() async throws {
        let output = try await CLIRunner.run(["workshops", "--locale", "en"])
        #expect(output.status == 0)
        #expect(output.stderr == "")
        #expect(output.lines.first == "4 workshops available:")
        #expect(
            output.lines.dropFirst() == [
                "  barriers         v1  Why are we not there yet…  workshops/barriers.yaml",
                "  coping-patterns  v1  Facing social media: fou…  workshops/coping-patterns.yaml",
                "  readiness        v1  Should we go there? Five…  workshops/readiness.yaml",
                "  sme-pitfalls     v1  Small firms: four traps …  workshops/sme-pitfalls.yaml",
            ])
    }

    @Test func frenchTitles() async throws {
        let output = try await CLIRunner.run(["workshops", "--locale", "fr"])
        #expect(output.status == 0)
        #expect(output.lines.first == "4 ateliers disponibles :")
        #expect(
            output.lines.dropFirst() == [
                "  barriers         v1  Pourquoi n'y sommes-nous…  workshops/barriers.yaml",
                "  coping-patterns  v1  Face aux médias sociaux …  workshops/coping-patterns.yaml",
                "  readiness        v1  Faut-il y aller ? Cinq r…  workshops/readiness.yaml",
                "  sme-pitfalls     v1  PME : quatre pièges sur …  workshops/sme-pitfalls.yaml",
            ])
    }

    @Test func theUsersFolderComesBeforeTheBundledCopy() async throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let mine = folder.appendingPathComponent("data/atelier/workshops")
        try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
        let original = try String(
            contentsOf: CLIRunner.root.appendingPathComponent("workshops/barriers.yaml"), encoding: .utf8)
        try original.replacingOccurrences(of: "version: 1", with: "version: 7")
            .write(to: mine.appendingPathComponent("barriers.yaml"), atomically: true, encoding: .utf8)
        try "id: [".write(to: mine.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        let here = folder.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: here, withIntermediateDirectories: true)

        let output = try await CLIRunner.run(
            ["workshops", "--locale", "en"], in: here,
            environment: ["XDG_DATA_HOME": folder.appendingPathComponent("data").path])
        #expect(output.status == 0)
        #expect(
            output.stderr
                == "\(mine.path)/broken.yaml has 1 problem; atelier validate \(mine.path)/broken.yaml shows it\n")
        #expect(output.lines.count == 5)
        // The long path is cut at 80 columns (no terminal), the id and version never.
        #expect(output.lines[1].hasPrefix("  barriers         v7  Why are we not …  " + mine.path.prefix(15)))
        #expect(output.lines[1].count == 80)
        #expect(output.lines[2].hasSuffix("  bundled with atelier"))
    }
}
