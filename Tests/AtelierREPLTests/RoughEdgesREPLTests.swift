import Foundation
import Testing

/// What a facilitator met in a real room (issue 18), through the real binary:
/// names with spaces, the pager and `clear`, and a demo that works anywhere.
extension ProgramTests {
    @Suite struct RoughEdgesTests {
        @Test func aQuotedNameWithASpaceJoinsAndAnUnquotedOneIsToldHowToWriteIt() async throws {
            let atelier = try AtelierBinary()
            defer { atelier.remove() }
            let script = """
                dept add marketing
                join Jean Dupont marketing
                join "Jean Dupont" marketing
                next
                rate "Jean Dupont" 2
                leave Jean Dupont
                """
            let result = try await atelier.run(
                ["run", "--store", atelier.store, "--session", "names", "--locale", "en"], input: script, merge: true)
            #expect(result.status == 0)
            #expect(
                Array(result.lines.prefix(5)) == [
                    "department marketing added",
                    #"line 2: a name with spaces is written in double quotes: join "Jean Dupont" marketing"#,
                    "Jean Dupont joined marketing",
                    "stage ignore: Looking away",
                    "Jean Dupont (marketing) rated ignore: 2 (Partly us)",
                ])
            #expect(
                result.lines.last == #"line 6: a name with spaces is written in double quotes: leave "Jean Dupont""#)
            let french = try await atelier.run(
                ["run", "--store", atelier.store, "--session", "noms", "--locale", "fr"],
                input: "dept add marketing\njoin Jean Dupont marketing\njoin \"Jean  Dupont\" marketing", merge: true)
            #expect(
                french.lines == [
                    "département marketing ajouté",
                    #"ligne 2 : un nom avec des espaces s'écrit entre guillemets droits : join "Jean Dupont" marketing"#,
                    "ligne 3 : « Jean  Dupont » n'est pas un nom valide : 40 caractères au plus, des mots séparés par une seule espace, sans guillemet ni caractère invisible",
                ])
        }

        /// A pane of 20 rows, a pager that marks each line it shows.
        func pane(_ atelier: AtelierBinary, session: String) throws -> Tmux {
            let environment = (atelier.environment.map { "\($0.key)='\($0.value)'" } + ["PAGER='sed s/^/P:/'"])
                .sorted().joined(separator: " ")
            let arguments = ["run", "--store", atelier.store, "--session", session, "--locale", "en"]
                .map { "'\($0)'" }.joined(separator: " ")
            let command =
                "cd '\(atelier.folder.path)' && env -i \(environment) '\(try AtelierBinary.path())' \(arguments)"
            return try Tmux("\(command); echo EXIT=$?; sleep 60", width: 100, height: 20)
        }

        @Test func outputTallerThanTheScreenGoesThroughThePagerUntilPagerOff() async throws {
            let atelier = try AtelierBinary()
            defer { atelier.remove() }
            let tmux = try pane(atelier, session: "pager")
            defer { tmux.kill() }
            #expect(await tmux.wait(for: "atelier[intro]>").0)
            // Short output is printed as it is.
            try await tmux.type("status")
            try await tmux.keys("Enter")
            let (status, shortScreen) = await tmux.wait(for: "stage intro (an introduction)")
            #expect(status, "\(shortScreen)")
            #expect(!shortScreen.contains { $0.hasPrefix("P:") })
            // `help` is taller than 20 rows: the pager shows it.
            try await tmux.type("help")
            try await tmux.keys("Enter")
            let (paged, screen) = await tmux.wait { $0.contains { $0.hasPrefix("P:") && $0.contains("quit") } }
            #expect(paged, "\(screen)")
            #expect(await tmux.wait(for: "atelier[intro]>").0)
            try await tmux.type("pager off")
            try await tmux.keys("Enter")
            #expect(await tmux.wait(for: "the pager is off: everything prints straight to the screen").0)
            try await tmux.type("clear")
            try await tmux.keys("Enter")
            let (cleared, clearScreen) = await tmux.wait { $0.first == "atelier[intro]>" }
            #expect(cleared, "\(clearScreen)")
            try await tmux.type("help")
            try await tmux.keys("Enter")
            let (printed, straight) = await tmux.wait { $0.contains { $0.hasPrefix("  quit") } }
            #expect(printed, "\(straight)")
            #expect(!straight.contains { $0.hasPrefix("P:") })
            try await tmux.type("quit")
            try await tmux.keys("Enter")
            #expect(await tmux.wait(for: "EXIT=0").0)
        }

        @Test func tabCompletesANameWithASpaceInQuotes() async throws {
            let atelier = try AtelierBinary()
            defer { atelier.remove() }
            let tmux = try pane(atelier, session: "tabname")
            defer { tmux.kill() }
            #expect(await tmux.wait(for: "atelier[intro]>").0)
            try await tmux.type("dept add marketing")
            try await tmux.keys("Enter")
            try await tmux.type("join \"Jean Dupont\" marketing")
            try await tmux.keys("Enter")
            #expect(await tmux.wait(for: "Jean Dupont joined marketing").0)
            try await tmux.type("next")
            try await tmux.keys("Enter")
            #expect(await tmux.wait(for: "atelier[ignore]>").0)
            try await tmux.type("rate Je")
            try await tmux.keys("Tab")
            let (completed, screen) = await tmux.wait {
                $0.last { !$0.isEmpty }?.hasPrefix("atelier[ignore]> rate \"Jean Dupont\"") == true
            }
            #expect(completed, "\(screen)")
            try await tmux.keys("End")
            let line = screen.last { !$0.isEmpty } ?? ""
            try await tmux.type(line.hasSuffix(" ") ? "2" : " 2")
            try await tmux.keys("Enter")
            #expect(await tmux.wait(for: "Jean Dupont (marketing) rated ignore: 2 (Partly us)").0)
        }

        @Test func aScriptIsNeverPaged() async throws {
            let atelier = try AtelierBinary()
            defer { atelier.remove() }
            // The same PAGER, a long output, no terminal: straight out.
            let result = try await atelier.run(
                ["run", "--store", atelier.store, "--session", "script", "--locale", "en"], input: "help\npager on")
            #expect(result.status == 0)
            #expect(result.lines.count > 30)
            #expect(!result.lines.contains { $0.hasPrefix("P:") })
            #expect(result.lines.last == "the pager is on: output taller than the screen goes through it")
        }

        @Test func theDemoSavesItsRecordingAndPlaysInTheReadersLanguage() async throws {
            let atelier = try AtelierBinary()
            defer { atelier.remove() }
            let saved = try await atelier.run(["demo", "--save", "demo.jsonl", "--locale", "en"])
            #expect(saved.status == 0)
            #expect(
                saved.output
                    == "demo recording written to demo.jsonl: atelier replay demo.jsonl replays it, atelier export demo.jsonl --format html -o summary.html exports it\n"
            )
            let written = try String(contentsOf: atelier.folder.appendingPathComponent("demo.jsonl"), encoding: .utf8)
            #expect(
                written
                    == (try String(
                        contentsOf: TestFiles.root.appendingPathComponent("recordings/coping-patterns-demo-en.jsonl"),
                        encoding: .utf8)))
            let again = try await atelier.run(["demo", "--save", "demo.jsonl", "--locale", "en"])
            #expect(again.status != 0)
            #expect(again.errors.contains("demo.jsonl"))
            // What it suggests works from here.
            let exported = try await atelier.run(["export", "demo.jsonl", "--format", "md", "--locale", "en"])
            #expect(exported.status == 0, "\(exported.errors)")
            #expect(exported.output.contains("Customer service"))
            #expect(!exported.output.contains("Service client"))

            let english = try await atelier.run(["demo", "--speed", "10000", "--locale", "en"])
            #expect(english.status == 0)
            #expect(english.output.contains("Customer service"))
            #expect(!english.output.contains("Service client"))
            #expect(
                english.lines.last
                    == "Next: atelier demo --save demo.jsonl, then atelier replay demo.jsonl --at 0:40:00 or atelier export demo.jsonl --format html -o summary.html"
            )
            let french = try await atelier.run(["demo", "--save", "demo-fr.jsonl", "--locale", "fr"])
            #expect(french.status == 0)
            let frenchText = try String(
                contentsOf: atelier.folder.appendingPathComponent("demo-fr.jsonl"), encoding: .utf8)
            #expect(
                frenchText
                    == (try String(
                        contentsOf: TestFiles.root.appendingPathComponent("recordings/coping-patterns-demo.jsonl"),
                        encoding: .utf8)))
        }
    }
}
