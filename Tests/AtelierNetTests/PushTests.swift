import AtelierCore
import AtelierLive
import AtelierNet
import Testing

@Suite("Pushes and the facilitator's view", .timeLimit(.minutes(1)))
struct PushTests {
    @Test func everyParticipantReadsThePushesInTheirOwnLanguage() async throws {
        let room = try await TestRoom.start()
        defer { Task { await room.stop() } }
        let (alice, _) = try await room.joined("alice", "marketing", locale: "en")
        let (bob, _) = try await room.joined("bob", "legal", locale: "fr")
        await room.goTo("position")
        #expect(
            try await alice.waitFor { $0.hasPrefix("* stage position") }
                == "* stage position — The dominant reflex (stage 6 of 9)")
        #expect(
            try await bob.waitFor { $0.hasPrefix("* stage position") }
                == "* stage position — Le réflexe dominant (étape 6 sur 9)")
        #expect(try await alice.waitFor { $0.hasPrefix("* option ") } == "* option ignore — Flee and close our eyes")
        await room.facilitator(.lock)
        #expect(
            try await alice.waitFor { $0.hasPrefix("* lock") }
                == "* lock position — answers to \"The dominant reflex\" are closed")
        #expect(
            try await bob.waitFor { $0.hasPrefix("* lock") }
                == "* lock position — les réponses à « Le réflexe dominant » sont closes")
        #expect(
            try await alice.ask("pick drift") == "error stage \"position\" is locked; the facilitator can unlock it")
        await room.facilitator(.unlock)
        #expect(
            try await alice.waitFor { $0.hasPrefix("* unlock") }
                == "* unlock position — answers to \"The dominant reflex\" are open again")
        await room.facilitator(.timer(minutes: 5))
        #expect(
            try await bob.waitFor { $0.hasPrefix("* timer") } == "* timer position 300 — 5 minutes pour cette étape")
        await room.facilitator(.end)
        #expect(try await alice.readUntilClosed().last == "* end — the session has ended; thank you for taking part")
        #expect(try await bob.readUntilClosed().last == "* end — la séance est terminée ; merci de votre participation")
    }

    @Test func aTimerThatRunsOutIsPushed() async throws {
        let room = try await TestRoom.start { $0.timerSleep = { _ in try await Task.sleep(for: .milliseconds(50)) } }
        defer { Task { await room.stop() } }
        let (alice, _) = try await room.joined("alice", "marketing")
        await room.facilitator(.timer(minutes: 1))
        #expect(try await alice.waitFor { $0.hasPrefix("* timer") } == "* timer intro 60 — 1 minute for this stage")
        #expect(try await alice.waitFor { $0.hasPrefix("* time-up") } == "* time-up intro — time is up for this stage")
    }

    @Test func resultsOnlyOnceRevealed() async throws {
        let room = try await TestRoom.start()
        defer { Task { await room.stop() } }
        let (alice, _) = try await room.joined("alice", "marketing")
        let (bob, _) = try await room.joined("bob", "legal")
        await room.goTo("brakes")
        #expect(try await alice.ask("rate control 3") == "ok control: 3 (A strong brake) recorded")
        #expect(try await bob.ask("rate control 1") == "ok control: 1 (A slight brake) recorded")
        #expect(
            try await alice.ask("rate 2")
                == "error stage \"brakes\" has several items; name one of: control, understanding, strategy")
        #expect(
            try await alice.ask("rate control 9")
                == "error 9 is off the scale of stage \"brakes\"; give a whole number from 0 to 4")
        #expect(
            try await alice.ask("rate control three")
                == "error \"three\" is not a whole number; give a point of the stage's scale")
        #expect(try await alice.ask("results") == "error the results of \"brakes\" are not revealed yet")
        await room.facilitator(.reveal)
        _ = try await alice.waitFor { $0.hasPrefix("* reveal") }
        try await alice.send("results")
        // The facilitator's tally, bars and labels, 72 columns wide (issue 18: was `0:0 1:1 2:0 3:1 4:0`).
        let tally = try await alice.reply()
        #expect(
            Array(tally.prefix(9)) == [
                "- tally — ",
                "- tally —   Wanting to keep control of the message (control)",
                "- tally —              0         1         2         3         4         n  median",
                "- tally —   marketing  ·         ·         ·         █████  1  ·         1     3.0",
                "- tally —   legal      ·         █████  1  ·         ·         ·         1     1.0",
                "- tally —   ──────────────────────────────────────────────────────────────────────",
                "- tally —   Company    ·         ██▌    1  ·         ██▌    1  ·         2     2.0",
                "- tally —   0 No brake at all · 1 A slight brake · 2 A real brake",
                "- tally —   3 A strong brake · 4 It stops us",
            ])
        #expect(tally.count == 3 * 9 + 1 && tally.last == "ok")
        // The facilitator takes the reveal back: participants are told, and the results close again.
        await room.facilitator(.undo)
        #expect(
            try await alice.waitFor { $0.hasPrefix("* hide") }
                == "* hide brakes — the results of \"The three brakes\" are hidden again")
        #expect(try await alice.ask("results") == "error the results of \"brakes\" are not revealed yet")
    }

    @Test func theResultsOfANotesStageAreItsNotes() async throws {
        let room = try await TestRoom.start()
        defer { Task { await room.stop() } }
        let (alice, _) = try await room.joined("alice", "marketing")
        let (bob, _) = try await room.joined("bob", "legal", locale: "fr")
        await room.goTo("closing")
        await room.facilitator(.reveal)
        _ = try await alice.waitFor { $0.hasPrefix("* reveal") }
        #expect(
            try await alice.ask("results") == "error no note on stage closing yet; add one with note \"TEXT\"")
        #expect(try await bob.ask("note \"Une charte avant tout direct\"") == "ok remarque enregistrée")
        try await alice.send("results")
        #expect(try await alice.reply() == ["- note — Une charte avant tout direct", "ok"])
    }

    @Test func theResultsOfTheStrategyStageSayWhoKnowsWhose() async throws {
        let room = try await TestRoom.start()
        defer { Task { await room.stop() } }
        let (alice, _) = try await room.joined("alice", "marketing")
        let (bob, _) = try await room.joined("bob", "legal", locale: "fr")
        await room.goTo("strategy")
        #expect(try await alice.ask("strategy add \"A live Q&A each month\"") == "ok strategy of marketing recorded")
        #expect(try await bob.ask("knows marketing") == "ok noté : legal connaît la stratégie de marketing")
        await room.facilitator(.reveal)
        _ = try await alice.waitFor { $0.hasPrefix("* reveal") }
        _ = try await bob.waitFor { $0.hasPrefix("* reveal") }
        try await alice.send("results")
        #expect(
            try await alice.reply() == [
                "- department marketing — marketing: 1 strategy stated; known by legal",
                "- department legal — legal: 0 strategies stated; known by no other department", "ok",
            ])
        try await bob.send("results")
        #expect(
            try await bob.reply() == [
                "- department marketing — marketing : 1 stratégie énoncée ; connue de legal",
                "- department legal — legal : 0 stratégie énoncée, que les autres départements ne connaissent pas",
                "ok",
            ])
    }

    @Test func stageAnswersTheCurrentStageInFull() async throws {
        let room = try await TestRoom.start()
        defer { Task { await room.stop() } }
        let (bob, _) = try await room.joined("bob", "legal", locale: "fr")
        await room.goTo("brakes")
        _ = try await bob.waitFor { $0.hasPrefix("* stage brakes") }
        _ = try await bob.waitFor { $0.hasPrefix("* hint") }
        try await bob.send("stage")
        #expect(
            try await bob.reply() == [
                "- stage brakes — Les trois freins (étape 7 sur 9)",
                "- prompt — Combien chacun de ces freins retient-il votre département ?",
                "- item control — Vouloir garder le contrôle du message",
                "- about control — Sur les plateformes, la marque suit les règles et les usages d'autrui ; on y va à petits pas, ou pas du tout.",
                "- item understanding — Ne pas comprendre ces médias",
                "- about understanding — Ce qu'on ne comprend pas fait peur ; chacun juge à travers son usage personnel.",
                "- item strategy — Manquer de stratégie et d'engagement",
                "- about strategy — On ouvre une page par mimétisme, sans objectifs reliés à la stratégie de l'entreprise.",
                "- scale 0-4 — 0 Aucun frein · 1 Frein léger · 2 Frein réel · 3 Frein fort · 4 Frein bloquant",
                "- hint — répondez avec rate ÉLÉMENT VALEUR (ÉLÉMENT peut être omis si l'étape n'en a qu'un)",
                "ok",
            ])
        #expect(try await bob.ask("locale en") == "ok you now read English")
        await room.goTo("strategy")
        #expect(
            try await bob.waitFor { $0.hasPrefix("* stage strategy") }
                == "* stage strategy — Who has a strategy, and who knows it? (stage 8 of 9)")
        #expect(try await bob.waitFor { $0.hasPrefix("* department") } == "* department marketing — marketing")
        #expect(
            try await bob.ask("strategy add \"Answer every legal question within a day\"")
                == "ok strategy of legal recorded")
        #expect(try await bob.ask("shares marketing") == "ok recorded: legal shares its strategy with marketing")
        #expect(try await bob.ask("note we should meet monthly") == "ok note recorded")
        #expect(
            room.events.suffix(3).map(\.event) == [
                .strategyDeclared(department: "legal", text: "Answer every legal question within a day"),
                .sharesDeclared(department: "legal", other: "marketing"),
                .noteAdded(stage: "strategy", text: "we should meet monthly"),
            ])
    }

    @Test func theSameAnswerIsConfirmedInTheLanguageReadNow() async throws {
        let room = try await TestRoom.start()
        defer { Task { await room.stop() } }
        let (zoe, _) = try await room.joined("zoe", "marketing", locale: "fr")
        await room.goTo("brakes")
        _ = try await zoe.waitFor { $0.hasPrefix("* ") }
        #expect(try await zoe.ask("rate control 3") == "ok control : 3 (Frein fort) enregistré")
        #expect(try await zoe.ask("rate control 3") == "ok control : 3 (Frein fort) enregistré")
        #expect(try await zoe.ask("locale en") == "ok you now read English")
        #expect(try await zoe.ask("rate control 3") == "ok control: 3 (A strong brake) recorded")
        #expect(try await zoe.ask("rate control 4") == "ok control: 4 (It stops us) recorded")
        #expect(try await zoe.ask("pick drift").hasPrefix("error "))
        #expect(room.events.filter { if case .rated = $0.event { true } else { false } }.count == 4)
    }

    @Test func theFacilitatorSeesHowManyOfThosePresentHaveAnswered() async throws {
        let room = try await TestRoom.start()
        defer { Task { await room.stop() } }
        var lines = await room.server.feed().map(\.text).makeAsyncIterator()
        let (alice, _) = try await room.joined("alice", "marketing")
        let (bob, _) = try await room.joined("bob", "legal")
        await room.goTo("brakes")
        #expect(await lines.next() == "0 of 2 present answered brakes")
        #expect(try await alice.ask("rate control 3").hasPrefix("ok"))
        #expect(try await alice.ask("rate understanding 3").hasPrefix("ok"))
        #expect(try await alice.ask("rate strategy 3").hasPrefix("ok"))
        #expect(await lines.next() == "1 of 2 present answered brakes")
        await bob.close()
        #expect(await lines.next() == "1 of 1 present answered brakes")
        let intruder = try await room.client()
        _ = try await intruder.ask("join QQQQQQ eve legal")
        #expect(await lines.next() == "! wrong join code from 127.0.0.1 (1 attempt)")
        _ = try await intruder.ask("resume 0123456789abcdef0123456789abcdef")
        #expect(await lines.next() == "! unknown resume token from 127.0.0.1 (2 attempts)")
    }
}
