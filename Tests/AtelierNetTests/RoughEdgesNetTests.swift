import AtelierCore
import AtelierLive
import AtelierNet
import AtelierStore
import Testing

/// What participants met in a real room (issue 18): names with spaces, the
/// items' descriptions, readable results, the facilitator's aliases, and
/// the facilitator told who came back after a restart.
@Suite("A real room's rough edges, participants' side", .timeLimit(.minutes(1)))
struct RoughEdgesNetTests {
    @Test func aQuotedNameWithASpaceJoinsAndAnswersUnderIt() async throws {
        let room = try await TestRoom.start()
        defer { Task { await room.stop() } }
        let client = try await room.client()
        let reply = try await client.ask("join \(TestRoom.code) \"Jean Dupont\" marketing en")
        #expect(reply.hasPrefix("ok ") && reply.count == 35)
        #expect(room.events.last?.event == .participantJoined(name: "Jean Dupont", department: "marketing"))
        #expect(try await client.ask("whoami") == "ok Jean Dupont for marketing, reading English")
        await room.goTo("ignore")
        _ = try await client.waitFor { $0.hasPrefix("* hint") }
        // The facilitator's form names the participant: the same quotes.
        #expect(try await client.ask("rate \"Jean Dupont\" ignore 2") == "ok ignore: 2 (Partly us) recorded")
    }

    @Test func aNameWithSpacesWithoutQuotesIsToldHowToWriteIt() async throws {
        let room = try await TestRoom.start()
        defer { Task { await room.stop() } }
        let client = try await room.client()
        let before = room.events.count
        // Four words: "it" reads as a language; the sentence is about the name.
        #expect(
            try await client.ask("join \(TestRoom.code) Frank Z it")
                == "error \"it\" is not a language (en, fr); a name with spaces is written in double quotes: join ABC234 \"Frank Z\" it"
        )
        #expect(
            try await client.ask("join \(TestRoom.code) Jean Dupont marketing fr")
                == "error a name with spaces is written in double quotes: join ABC234 \"Jean Dupont\" marketing fr")
        #expect(
            try await client.ask("join \(TestRoom.code) \"Jean Dupont marketing")
                == "error the quote \" is not closed; close it, or write \\\" for the character itself")
        #expect(room.events.count == before)
    }

    @Test func participantsReadEachItemsDescriptionAndTypicalSentence() async throws {
        let room = try await TestRoom.start()
        defer { Task { await room.stop() } }
        let (client, _) = try await room.joined("alice", "marketing")
        _ = try await client.waitFor { $0.hasPrefix("* hint") }
        await room.goTo("ignore")
        _ = try await client.waitFor { $0.hasPrefix("* stage ignore") }
        #expect(try await client.line() == "* prompt — How much does this reflex describe your department?")
        #expect(try await client.line() == "* item ignore — Flee and close our eyes")
        #expect(
            try await client.line()
                == "* about ignore — Customers talk about the company online, but we would rather not look or listen.")
        #expect(
            try await client.line()
                == "* example ignore — \"If we don't read what they write, it didn't really happen.\"")
        #expect(
            try await client.line()
                == "* scale 0-4 — 0 Not us at all · 1 A little like us · 2 Partly us · 3 Much like us · 4 Exactly us")
    }

    @Test func resultsAreTheFacilitatorsTallyWithinTheWidthAsked() async throws {
        let room = try await TestRoom.start()
        defer { Task { await room.stop() } }
        let (alice, _) = try await room.joined("alice", "marketing")
        let (bob, _) = try await room.joined("bob", "legal")
        await room.goTo("ignore")
        _ = try await alice.waitFor { $0.hasPrefix("* hint") }
        _ = try await bob.waitFor { $0.hasPrefix("* hint") }
        #expect(try await alice.ask("rate 1").hasPrefix("ok "))
        #expect(try await bob.ask("rate 3").hasPrefix("ok "))
        await room.facilitator(.reveal)
        _ = try await alice.waitFor { $0.hasPrefix("* reveal") }
        try await alice.send("results 60")
        let lines = try await alice.reply()
        #expect(lines.last == "ok")
        let shown = lines.dropLast().map { String($0.dropFirst("- tally — ".count)) }
        #expect(lines.dropLast().allSatisfy { $0.hasPrefix("- tally — ") })
        #expect(shown.allSatisfy { $0.count <= 60 })
        #expect(shown.contains("  Flee and close our eyes (ignore)"))
        #expect(shown.contains { $0.hasPrefix("  marketing") && $0.contains("█") })
        #expect(shown.contains { $0.contains("0 Not us at all") && $0.contains("1 A little like us") })
        #expect(!lines.contains { $0.contains("0:0 1:1") })
        // Without a width (nc), the server's own: 72 columns.
        try await bob.send("results")
        let plain = try await bob.reply().dropLast().map { String($0.dropFirst("- tally — ".count)) }
        #expect(plain.allSatisfy { $0.count <= 72 })
        #expect(plain.contains { $0.count > 60 })
        #expect(try await bob.ask("results 5").hasPrefix("error usage: results [WIDTH]"))
    }

    /// A phone's terminal, 40 columns: the tally without bars, the pick's options numbered under a key.
    @Test func resultsFitAFortyColumnTerminal() async throws {
        let room = try await TestRoom.start()
        defer { Task { await room.stop() } }
        let (alice, _) = try await room.joined("alice", "marketing")
        let (bob, _) = try await room.joined("bob", "legal")
        await room.goTo("position")
        _ = try await alice.waitFor { $0.hasPrefix("* hint") }
        _ = try await bob.waitFor { $0.hasPrefix("* hint") }
        #expect(try await alice.ask("pick status_quo").hasPrefix("ok "))
        #expect(try await bob.ask("pick drift").hasPrefix("ok "))
        await room.facilitator(.reveal)
        _ = try await alice.waitFor { $0.hasPrefix("* reveal") }
        try await alice.send("results 40")
        let lines = try await alice.reply()
        #expect(lines.last == "ok")
        let shown = lines.dropLast().map { String($0.dropFirst("- tally — ".count)) }
        #expect(
            shown == [
                "",
                "  The dominant reflex (position)",
                "            1 2 3 4 n most chosen",
                "  marketing · 1 · · 1 status_quo",
                "  legal     · · · 1 1 drift",
                "  ────────────────────────────────────",
                "  Company   · 1 · 1 2 status_quo/drift",
                "  1 ignore: Flee and close our eyes",
                "  2 status_quo: Change nothing",
                "  3 delegate: Delegate to an agency or a",
                "  guru",
                "  4 drift: Follow the wind and the",
                "  fashionable tools",
            ])
    }

    @Test func theFacilitatorsFrenchAliasesWorkForParticipants() async throws {
        let room = try await TestRoom.start()
        defer { Task { await room.stop() } }
        let (client, _) = try await room.joined("alice", "marketing", locale: "fr")
        _ = try await client.waitFor { $0.hasPrefix("* hint") }
        try await client.send("aide")
        let help = try await client.reply()
        #expect(help.first?.hasPrefix("- help join — join CODE NOM DÉPARTEMENT") == true)
        #expect(help.last == "ok")
        await room.goTo("ignore")
        _ = try await client.waitFor { $0.hasPrefix("* hint") }
        #expect(try await client.ask("noter 2") == "ok ignore : 2 (En partie nous) enregistré")
        #expect(try await client.ask("Quitter").hasPrefix("ok "))
    }

    @Test func afterARestartTheFacilitatorIsToldWhoCameBackAndWhoNotYet() async throws {
        let keeper = MemorySeats()
        let (first, journal, before, tokens) = try await RestartTests.joinedBeforeACrash(
            "feed", ["ana", "bob", "cleo"], keeper: keeper)
        let second = LiveSession(state: first.state, journal: journal)
        let (after, port) = try await RestartTests.server(second, keeper: keeper, resumeWindow: .seconds(120))
        #expect(
            await after.awaitedLine()
                == "3 participants to come back with their token: ana, bob, cleo (recorded as having left after 2 min)")
        let feed = await after.feed()
        var lines = feed.makeAsyncIterator()
        for (index, token) in tokens.prefix(2).enumerated() {
            let client = try await TestClient.connect(port: port)
            _ = try await client.waitFor { $0.hasPrefix("* welcome") }
            #expect(try await client.ask("resume \(token)") == "ok \(token)")
            let line = await lines.next()?.text
            #expect(
                line
                    == ["ana is back; still to come back (2): bob, cleo", "bob is back; still to come back: cleo"][
                        index])
        }
        #expect(
            await after.awaitedLine()
                == "1 participant to come back with their token: cleo (recorded as having left after 2 min)")
        await after.stop()
        await before.stop()
    }
}

extension RoughEdgesNetTests {
    @Test func thoseWhoDoNotComeBackInTimeAreNamedToTheFacilitator() async throws {
        let keeper = MemorySeats()
        let (first, journal, before, tokens) = try await RestartTests.joinedBeforeACrash(
            "late", ["ana", "bob"], keeper: keeper)
        let second = LiveSession(state: first.state, journal: journal)
        let (after, port) = try await RestartTests.server(second, keeper: keeper, resumeWindow: .milliseconds(400))
        var lines = await after.feed().makeAsyncIterator()
        let client = try await TestClient.connect(port: port)
        _ = try await client.waitFor { $0.hasPrefix("* welcome") }
        #expect(try await client.ask("resume \(tokens[0])") == "ok \(tokens[0])")
        #expect(await lines.next()?.text == "ana is back; still to come back: bob")
        var feed: [String] = []
        while let line = await lines.next()?.text {
            feed.append(line)
            if line.contains("did not come back") { break }
        }
        #expect(feed.last == "bob did not come back: recorded as having left (their token still works)")
        #expect(await after.awaitedLine() == nil)
        await after.stop()
        await before.stop()
    }
}

/// The client's side: a quoted name, wrapped lines, results at its width.
@Suite("A real room's rough edges, the participant's client", .timeLimit(.minutes(1)))
struct RoughEdgesClientTests {
    @Test func theClientJoinsUnderANameWithASpaceAndDrawsResultsAtItsWidth() async throws {
        let room = try await TestRoom.start()
        defer { Task { await room.stop() } }
        await room.goTo("ignore")
        let screen = ClientTests.Screen()
        let keyboard = ClientTests.Keyboard()
        let request = JoinRequest(
            address: NetAddress(host: "127.0.0.1", port: room.port), code: TestRoom.code, name: "Jean Dupont",
            department: "marketing", locale: "fr")
        let client = ParticipantClient(
            request: request, catalog: try Repository.catalogs()["fr"]!, languages: ["en", "fr"],
            retry: .init(delay: .milliseconds(50), attempts: 100), width: { 60 }, show: { screen.show($0) })
        let run = Task { await client.run { await keyboard.next() } }
        // The client's own sentence is wrapped to the screen too.
        try await eventually { screen.shown.contains("vous participez en tant que Jean Dupont pour marketing ;") }
        #expect(screen.shown.contains("tapez help pour les commandes, Tab complète"))
        #expect(room.events.last?.event == .participantJoined(name: "Jean Dupont", department: "marketing"))
        keyboard.type("noter 1")
        try await screen.waitFor("✓ ignore : 1 (Un peu nous) enregistré")
        await room.facilitator(.reveal)
        keyboard.type("résultats")
        try await eventually { screen.shown.contains { $0.contains("médiane") } }
        // Every line fits the 60 columns, and no wrapped line starts with the French colon.
        #expect(screen.shown.allSatisfy { $0.count <= 60 })
        #expect(!screen.shown.contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix(":") })
        #expect(screen.shown.contains { $0.hasPrefix("  marketing") && $0.contains("█") })
        keyboard.type("quitter")
        #expect(await run.value == .left)
    }
}

@Suite("Wrapping the client's lines")
struct ClientWrapTests {
    @Test func aWrappedLineGoesOnUnderItsTextAndKeepsFrenchPunctuationWithItsWord() {
        let line =
            "* about ignore — Les clients parlent de l'entreprise en ligne, mais on préfère ne pas regarder ni écouter."
        #expect(
            ClientText.lines(line, width: 40) == [
                "      Les clients parlent de",
                "      l'entreprise en ligne, mais on",
                "      préfère ne pas regarder ni",
                "      écouter.",
            ])
        let colon = "- item control — Vouloir garder le contrôle du message : une phrase assez longue pour couper"
        let wrapped = ClientText.lines(colon, width: 58)
        #expect(wrapped.allSatisfy { $0.count <= 58 })
        #expect(!wrapped.contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix(":") })
        #expect(wrapped.dropFirst().allSatisfy { $0.hasPrefix(String(repeating: " ", count: 11)) })
        #expect(
            ClientText.lines(
                "* example ignore — « Si on ne lit pas ce qu'ils écrivent, ce n'est pas arrivé. »", width: 30
            ).allSatisfy {
                !$0.trimmingCharacters(in: .whitespaces).hasPrefix("»")
            })
        // Without a width (a pipe), lines come as they are.
        #expect(ClientText.lines(line, width: nil).count == 1)
    }
}
