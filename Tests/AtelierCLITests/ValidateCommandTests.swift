import Foundation
import Testing

/// `atelier validate`: exit codes and the exact lines printed.
@Suite struct ValidateCommandTests {
    @Test func theShippedFilesAreValid() async throws {
        let files = [
            "workshops/barriers.yaml", "workshops/coping-patterns.yaml", "workshops/readiness.yaml",
            "workshops/sme-pitfalls.yaml", "locales/en.yaml", "locales/fr.yaml",
        ]
        let output = try await CLIRunner.run(["validate", "--locale", "en"] + files)
        #expect(output.status == 0)
        #expect(output.stderr == "")
        #expect(output.lines.count == files.count)
        #expect(output.lines[0] == "workshops/barriers.yaml: ok, workshop \"barriers\" version 1, 5 stages")
        #expect(
            output.lines[1] == "workshops/coping-patterns.yaml: ok, workshop \"coping-patterns\" version 1, 9 stages")
        #expect(output.lines[4].hasPrefix("locales/en.yaml: ok, locale en (English), "))
        #expect(output.lines[5].hasPrefix("locales/fr.yaml: ok, locale fr (Français), "))
    }

    @Test func theOkLineSpeaksFrench() async throws {
        let output = try await CLIRunner.run(["validate", "--locale", "fr", "workshops/readiness.yaml"])
        #expect(output.status == 0)
        #expect(output.stdout == "workshops/readiness.yaml : ok, atelier « readiness » version 1, 5 étapes\n")
    }

    @Test func aBrokenWorkshopPrintsEveryProblemAndExits1() async throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = try String(
            contentsOf: CLIRunner.root.appendingPathComponent("workshops/coping-patterns.yaml"), encoding: .utf8)
        var lines = original.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let kind = try #require(lines.firstIndex(of: "    kind: pick"))
        lines[kind] = "    kind: choice"
        let rule = try #require(lines.firstIndex(of: "        - item: drift"))
        lines[rule] = "        - item: drifting"
        try lines.joined(separator: "\n").write(
            to: folder.appendingPathComponent("w.yaml"), atomically: true, encoding: .utf8)

        let output = try await CLIRunner.run(["validate", "--locale", "en", "w.yaml"], in: folder)
        #expect(output.status == 1)
        #expect(
            output.lines == [
                "w.yaml:\(kind + 1):11: unknown stage kind \"choice\"; accepted: intro, rating, pick, strategy, discussion",
                "w.yaml:\(rule + 1):17: the rule names unknown item \"drifting\"; rating items: ignore, status_quo, "
                    + "delegate, drift, control, understanding, strategy",
            ])
        #expect(output.stderr == "2 problems found\n")
    }

    @Test func aLocaleIsComparedWithItsReference() async throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let english = "language: en\nname: English\nmessages:\n  greet: \"Hello {name}\"\n  bye: \"Bye\"\n"
        let french = "language: fr\nname: Français\nmessages:\n  greet: \"Bonjour {nom}\"\n"
        try english.write(to: folder.appendingPathComponent("en.yaml"), atomically: true, encoding: .utf8)
        try french.write(to: folder.appendingPathComponent("fr.yaml"), atomically: true, encoding: .utf8)

        let output = try await CLIRunner.run(["validate", "--locale", "en", "en.yaml", "fr.yaml"], in: folder)
        #expect(output.status == 1)
        #expect(
            output.lines == [
                "en.yaml:4:3: placeholder {name} is unknown to message \"greet\"; accepted: nom",
                "en.yaml:5:3: message \"bye\" does not exist in the fr locale",
                "fr.yaml:4:3: message \"bye\" is missing (it exists in the en locale)",
                "fr.yaml:4:3: placeholder {nom} is unknown to message \"greet\"; accepted: name",
            ])
        #expect(output.stderr == "4 problems found\n")
    }

    @Test func aYAMLSyntaxErrorInALocale() async throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "language: en\nmessages:\n  a: \"x\n".write(
            to: folder.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        let output = try await CLIRunner.run(["validate", "--locale", "en", "broken.yaml"], in: folder)
        #expect(output.status == 1)
        #expect(
            output.stdout
                == "broken.yaml:4:1: YAML syntax error: found unexpected end of stream while scanning a quoted scalar\n"
        )
    }

    @Test func aMissingFileIsAProblemInTheChosenLanguage() async throws {
        let output = try await CLIRunner.run(["validate", "--locale", "fr", "absent.yaml"])
        #expect(output.status == 1)
        #expect(output.stdout == "impossible de lire absent.yaml : fichier ou dossier introuvable\n")
        #expect(output.stderr == "1 problème trouvé\n")
    }

    /// ArgumentParser itself refuses an empty file list, in our words.
    @Test func withoutAFileItIsAUsageError() async throws {
        let output = try await CLIRunner.run(["validate", "--locale", "en"])
        #expect(output.status == 64)
        #expect(output.stderr.hasPrefix("Error: <files> ... is missing\n"))
    }

    @Test func anUnknownLocaleIsRefused() async throws {
        let output = try await CLIRunner.run(["validate", "--locale", "de", "locales/en.yaml"])
        #expect(output.status == 64)
        #expect(output.stdout == "")
        #expect(output.refusal == "Erreur : langue inconnue « de » ; disponibles : en, fr")
    }
}
