import Foundation
import Testing

/// `atelier workshops`: the workshops found, with their titles in the chosen language.
@Suite struct WorkshopsCommandTests {
    @Test func englishTitlesFromAClone() async throws {
        let output = try await CLIRunner.run(["workshops", "--locale", "en"])
        #expect(output.status == 0)
        #expect(output.stderr == "")
        #expect(output.lines.first == "4 workshops available:")
        #expect(
            output.lines.dropFirst() == [
                "  barriers         v1  Why are we not there yet? Four barriers              workshops/barriers.yaml",
                "  coping-patterns  v1  Facing social media: four reflexes and three brakes  "
                    + "workshops/coping-patterns.yaml",
                "  readiness        v1  Should we go there? Five reasons to hold back        workshops/readiness.yaml",
                "  sme-pitfalls     v1  Small firms: four traps on social media              workshops/sme-pitfalls.yaml",
            ])
    }

    @Test func frenchTitles() async throws {
        let output = try await CLIRunner.run(["workshops", "--locale", "fr"])
        #expect(output.status == 0)
        #expect(output.lines.first == "4 ateliers disponibles :")
        let titles = [
            "Pourquoi n'y sommes-nous pas encore ? Quatre obstacles",
            "Face aux médias sociaux : quatre réflexes et trois freins",
            "Faut-il y aller ? Cinq raisons de s'abstenir",
            "PME : quatre pièges sur les médias sociaux",
        ]
        #expect(output.lines.count == 5)
        for (line, title) in zip(output.lines.dropFirst(), titles) {
            #expect(line.contains("  " + title + " "))
        }
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
        #expect(output.lines[1].hasPrefix("  barriers         v7  Why are we not there yet? Four barriers"))
        #expect(output.lines[1].hasSuffix("  \(mine.path)/barriers.yaml (your workshops)"))
        #expect(output.lines[2].hasSuffix("  bundled with atelier"))
    }
}
