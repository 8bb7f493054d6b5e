import AtelierTestFixtures
import Foundation
import Testing

/// One way to fail: a command line is refused before anything runs (exit 64,
/// the sentence in the reader's language, then ArgumentParser's usage); a
/// failure while running is one localized sentence on stderr (exit 1).
@Suite struct FailureCommandTests {
    @Test(arguments: [
        (
            "en", "Error: unknown format \"pdf\"; accepted: md, json, csv, html", "Usage: ",
            "  See 'atelier export --help' for more information."
        ),
        (
            "fr", "Erreur : format « pdf » inconnu ; formats acceptés : md, json, csv, html", "Usage : ",
            "  Voir « atelier export --help » pour en savoir plus."
        ),
    ])
    func anUnknownFormatIsRefusedWithTheFormatsAccepted(
        language: String, sentence: String, usage: String, help: String
    ) async throws {
        let output = try await CLIRunner.run([
            "export", "docs/examples/compare-before.jsonl", "--format", "pdf", "--locale", language,
        ])
        #expect(output.status == 64)
        #expect(output.stdout == "")
        #expect(
            output.stderr
                == sentence + "\n" + usage
                + "atelier export <session> [--store <store>] --format <format> [--output <output>] [--force] "
                + "[--locale <locale>]\n" + help + "\n")
    }

    /// A French reader (LANG, no --locale) reads no English when the command
    /// line is refused, by our checks or by ArgumentParser's own.
    @Test(arguments: [
        (
            ["export", "docs/examples/compare-before.jsonl", "--format", "pdf"],
            "Erreur : format « pdf » inconnu ; formats acceptés : md, json, csv, html",
            "Usage : atelier export <session> [--store <store>] --format <format> [--output <output>] [--force] [--locale <locale>]",
            "export"
        ),
        (
            ["sessions", "--limit", "3"], "Erreur : l'option --limit n'existe pas",
            "Usage : atelier sessions [--store <store>] [--locale <locale>] [--workshop <workshop>]", "sessions"
        ),
        (
            ["validate"], "Erreur : il manque <files> ...", "Usage : atelier validate [--locale <locale>] <files> ...",
            "validate"
        ),
        (
            ["workshops", "a", "b"], "Erreur : en trop : a, b", "Usage : atelier workshops [--locale <locale>]",
            "workshops"
        ),
        (
            ["export", "demo", "--format"], "Erreur : --format <format> attend une valeur",
            "Usage : atelier export <session> [--store <store>] --format <format> [--output <output>] [--force] [--locale <locale>]",
            "export"
        ),
    ])
    func aFrenchReaderSeesNoEnglishInARefusal(
        arguments: [String], sentence: String, usage: String, command: String
    ) async throws {
        let output = try await CLIRunner.run(arguments, environment: ["LANG": "fr_FR.UTF-8"])
        #expect(output.status == 64)
        #expect(output.stdout == "")
        #expect(
            output.stderr.split(separator: "\n").map(String.init) == [
                sentence, usage, "  Voir « atelier \(command) --help » pour en savoir plus.",
            ])
    }

    @Test func theHelpListsTheFormatsAndSaysNoRefusal() async throws {
        let help = try await CLIRunner.run(["export", "x", "--format", "pdf", "--help"])
        #expect(help.status == 0)
        #expect(help.stderr == "")
        #expect(help.stdout.contains("--format <format>       The summary's format. (values: md, json, csv, html)"))
        let compare = try await CLIRunner.run(["compare", "--help"])
        #expect(compare.stderr == "")
        #expect(compare.stdout.contains("(values: date, given; default: date)"))
    }

    @Test func aFileThatIsNoStoreIsLeftUntouched() async throws {
        let folder = try Program.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("notes.txt").path
        try "my notes\n".write(toFile: path, atomically: true, encoding: .utf8)
        for command in [["sessions"], ["record", "export", "demo", "-o", "out.jsonl"], ["resume", "demo"]] {
            let output = try await CLIRunner.run(command + ["--store", path, "--locale", "en"], in: folder)
            #expect(output.status == 1, "\(command)")
            #expect(output.stdout == "")
            #expect(
                output.stderr
                    == "\(path) is not an atelier store; it was left untouched; give another file with --store PATH\n")
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "my notes\n")
    }

    @Test func aMissingStoreIsNamedAndNotCreated() async throws {
        let folder = try Program.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("absent.sqlite").path
        let resume = try await CLIRunner.run(["resume", "demo", "--store", path, "--locale", "fr"])
        #expect(resume.status == 1)
        #expect(resume.stderr == "il n'y a pas de fichier de séances à \(path) ; indiquez-le avec --store CHEMIN\n")
        let export = try await CLIRunner.run(["export", "demo", "--format", "md", "--store", path, "--locale", "en"])
        #expect(export.status == 1)
        #expect(
            export.stderr
                == "there is no session store at \(path); give a recording FILE.jsonl or another store with --store PATH\n"
        )
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
