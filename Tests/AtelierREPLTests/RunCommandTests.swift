import Foundation
import Testing

extension ProgramTests {
    /// `atelier run` and `atelier resume` as a script drives them, through the real program and a real store.
    @Suite struct RunCommandTests {
        @Test func aScriptGetsItsTranscript() async throws {
            let atelier = try AtelierBinary()
            defer { atelier.remove() }
            let script = """
                # the room
                dept add marketing
                dept add legal "Legal affairs"
                join Alice marketing
                next
                rate Alice 3
                rate markting 1
                pick Alice drift
                undo
                stage
                """
            let result = try await atelier.run(
                ["run", "--store", atelier.store, "--session", "demo", "--locale", "en"], input: script, merge: true)
            #expect(result.status == 0)
            let expected: [String] =
                REPLHarness.firstAnswer + [
                    #"line 7: "markting" is neither a participant nor a department; did you mean "marketing"? participants: Alice; departments: marketing, legal"#,
                    #"line 8: the current stage "ignore" takes ratings, not a pick"#,
                    "undone: Alice (marketing) rated ignore: 3 (Much like us)",
                    "stage 2/9 · ignore · Looking away",
                    "How much does this reflex describe your department?",
                    "  ignore      Flee and close our eyes",
                    "              Customers talk about the company online, but we would rather not",
                    "              look or listen.",
                    #"              "If we don't read what they write, it didn't really happen.""#,
                    "scale:",
                    "  0 Not us at all · 1 A little like us · 2 Partly us · 3 Much like us",
                    "  4 Exactly us",
                    "answer with: rate WHO VALUE",
                ]
            #expect(result.lines == expected)
        }

        @Test func aWholeWorkshopRunsCleanWithStrict() async throws {
            let atelier = try AtelierBinary()
            defer { atelier.remove() }
            let script = try AtelierBinary.example("coping-patterns.atl")
            let result = try await atelier.run(
                ["run", "--store", atelier.store, "--session", "demo", "--strict", "--locale", "en"], input: script)
            #expect(result.errors == "")
            #expect(result.status == 0)
            #expect(result.lines.contains("Gil (it) rated delegate: 4 (Exactly us)"))
            #expect(
                result.lines.contains(
                    "  Company            ·       ▊   2       ▊   2     ▍   1  5  status_quo/delegate"))
            #expect(result.lines.contains("Maturity levels"))
            #expect(result.lines.contains("  Information technology  Reactive"))
            let french = try await atelier.run(
                ["run", "--store", atelier.store, "--session", "demo-fr", "--strict", "--locale", "fr"],
                input: try AtelierBinary.example("coping-patterns.fr.atl"))
            #expect(french.errors == "")
            #expect(french.status == 0)
            #expect(french.lines.contains("  Entreprise           Réactif"))
        }

        @Test func oneTypoFailsTheStrictRunAndNamesItsLine() async throws {
            let atelier = try AtelierBinary()
            defer { atelier.remove() }
            var lines = try AtelierBinary.example("coping-patterns.atl").split(
                separator: "\n", omittingEmptySubsequences: false)
            #expect(lines[11] == "join Zoe marketing")
            lines[11] = "join Zoe markting"
            let result = try await atelier.run(
                ["run", "--store", atelier.store, "--session", "demo", "--strict", "--locale", "en"],
                input: lines.joined(separator: "\n"))
            #expect(result.status == 1)
            // Zoe never joined, so her rating is refused too: each error names its line.
            let expected = """
                line 12: unknown department "markting"; did you mean "marketing"? known: marketing, legal, hr
                line 21: "Zoe" is neither a participant nor a department; participants: Alice, Bob, Chloe, David, \
                Emma, Farid, Gil; departments: marketing, legal, hr, it, leadership

                """
            #expect(result.errors == expected)
            let lenient = try await atelier.run(
                ["run", "--store", atelier.store, "--session", "lenient", "--locale", "en"],
                input: lines.joined(separator: "\n"))
            #expect(lenient.status == 0)
        }

        @Test func anExistingSessionIsNotMixedWith() async throws {
            let atelier = try AtelierBinary()
            defer { atelier.remove() }
            let first = try await atelier.run(
                ["run", "--store", atelier.store, "--session", "demo", "--locale", "en"], input: "dept add hr")
            #expect(first.status == 0)
            let second = try await atelier.run(
                ["run", "--store", atelier.store, "--session", "demo", "--locale", "en"], input: "dept add it")
            #expect(second.status == 1)
            #expect(
                second.errors
                    == "a session \"demo\" already exists in the session store; take it up again with atelier resume demo, or choose another id\n"
            )
            #expect(second.output == "")
        }

        @Test func resumeTakesUpWhereTheSessionWasLeft() async throws {
            let atelier = try AtelierBinary()
            defer { atelier.remove() }
            let first = try await atelier.run(
                ["run", "--store", atelier.store, "--session", "demo", "--locale", "en"],
                input: "dept add hr\njoin Emma hr\ngoto brakes\nrate Emma control 3\nquit\nnext\n")
            #expect(first.status == 0)
            #expect(!first.output.contains("stage strategy"))
            let second = try await atelier.run(
                ["resume", "demo", "--store", atelier.store, "--locale", "en", "--strict"],
                input: "rate Emma understanding 1\nresults\n")
            #expect(second.errors == "")
            #expect(second.status == 0)
            #expect(second.lines.first == "Emma (hr) rated understanding: 1 (A slight brake)")
            #expect(
                second.lines.contains(
                    "  hr       ·       ·       ·       ███  1  ·       1     3.0  0.0  1.00        ✓"))
            let ended = try await atelier.run(
                ["run", "--store", atelier.store, "--session", "over", "--locale", "en"], input: "end\n")
            #expect(ended.lines == ["the session has ended; results and export remain available"])
            let refused = try await atelier.run(["resume", "over", "--store", atelier.store, "--locale", "en"])
            #expect(refused.status == 1)
            #expect(
                refused.errors
                    == "session \"over\" has ended; read it with atelier replay over or export it with "
                    + "atelier export over --format md\n"
            )
            let unknown = try await atelier.run(["resume", "nowhere", "--store", atelier.store, "--locale", "en"])
            #expect(unknown.status == 1)
            #expect(unknown.errors == "no session \"nowhere\" in the store; sessions: demo, over\n")
        }

        @Test func exportWritesTheSummary() async throws {
            let atelier = try AtelierBinary()
            defer { atelier.remove() }
            let result = try await atelier.run(
                ["run", "--store", atelier.store, "--session", "demo", "--locale", "en"],
                input:
                    "dept add hr\nexport md\nexport json summary.json\nexport pdf\nexport html no/such/folder.html\n",
                merge: true)
            let expected = [
                "department hr added",
                "md summary written to \(atelier.folder.path)/demo.md",
                "json summary written to summary.json",
                #"line 4: unknown format "pdf"; formats: md, json, csv, html"#,
                "line 5: cannot write no/such/folder.html: no such file or folder; nothing was written",
            ]
            #expect(result.lines == expected)
            let markdown = try String(contentsOf: atelier.folder.appendingPathComponent("demo.md"), encoding: .utf8)
            #expect(markdown.contains("hr"))
            #expect(FileManager.default.fileExists(atPath: atelier.folder.appendingPathComponent("summary.json").path))
        }
    }
}
