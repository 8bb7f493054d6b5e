import AtelierCore
import AtelierLive
import AtelierTerminal
import Testing

@testable import AtelierREPL

@Suite struct REPLLiveTests {
    @Test func othersActivityPrintsAsItHappensUnlessQuiet() async throws {
        let harness = try REPLHarness()
        let run = Task { await harness.repl.run() }
        harness.input.push("dept add marketing")
        #expect(await harness.waitFor("department marketing added"))
        let joined = await harness.live.submit(
            Command(actor: .participant("Zoe"), action: .join(name: "Zoe", department: "marketing"), time: 1))
        guard case .accepted = joined else {
            Issue.record("join refused")
            return
        }
        #expect(await harness.waitFor("Zoe joined marketing"))
        harness.console.quiet = true
        _ = await harness.live.submit(Command(actor: .participant("Zoe"), action: .leave(name: "Zoe"), time: 2))
        harness.input.push("participants")
        #expect(await harness.waitFor("  Zoe  marketing  left"))
        harness.input.end()
        _ = await run.value
        #expect(!harness.console.transcript.contains("Zoe left"))
        #expect(
            harness.console.transcript == [
                "department marketing added", "Zoe joined marketing", "  Zoe  marketing  left",
            ])
    }

    @Test func completionFollowsTheSession() async throws {
        let harness = try REPLHarness()
        harness.input.push("dept add marketing")
        harness.input.push("dept add legal")
        harness.input.push("join Alice marketing")
        harness.input.push("next")
        harness.input.end()
        _ = await harness.repl.run()
        let repl = harness.repl
        #expect(repl.complete("") == .words(CommandTable.builtin.specs.map(\.word)))
        #expect(repl.complete("re") == .words(["reveal", "results"]))
        #expect(repl.complete("ra") == .words(["rate"]))
        #expect(repl.complete("sui") == .words(["suivant", "suivante"]))
        #expect(repl.complete("rate ") == .words(["Alice", "marketing", "legal"]))
        #expect(repl.complete("rate Alice ") == .words(["ignore", "0", "1", "2", "3", "4"]))
        #expect(repl.complete("rate Alice ignore ") == .words(["0", "1", "2", "3", "4"]))
        #expect(
            repl.complete("goto st")
                == .words([
                    "intro", "ignore", "status_quo", "delegate", "drift", "position", "brakes", "strategy", "closing",
                ]))
        #expect(repl.complete("dept ") == .words(["add", "list"]))
        #expect(repl.complete("dept add ") == .words([]))
        #expect(repl.complete("strategy ") == .words(["marketing", "legal"]))
        #expect(repl.complete("strategy legal ") == .words(["add", "list"]))
        #expect(repl.complete("strategy legal add some ") == .words([]))
        #expect(repl.complete("knows marketing ") == .words(["marketing", "legal"]))
        #expect(repl.complete("help ") == .words(CommandTable.builtin.specs.map(\.word)))
        #expect(repl.complete("export md ") == .files)
        #expect(repl.complete("export md out.md ") == .words(["force"]))
        #expect(repl.complete("nothing ") == .words([]))
        #expect(repl.complete(#"note "half "#) == .words([]))
    }

    @Test func pickStageCompletesItsOptions() async throws {
        let harness = try REPLHarness()
        harness.input.push("dept add hr")
        harness.input.push("goto position")
        harness.input.end()
        _ = await harness.repl.run()
        #expect(harness.repl.complete("pick hr ") == .words(["ignore", "status_quo", "delegate", "drift"]))
    }

    @Test func thePromptNamesTheStage() throws {
        let harness = try REPLHarness()
        var state = SessionState(id: "s", workshop: try TestFiles.workshop(), locale: "en")
        #expect(harness.repl.prompt(state) == "atelier[intro]> ")
        state.apply(
            RecordedEvent(seq: 1, time: 0, actor: .facilitator, event: .stageChanged(from: "intro", to: "drift")))
        #expect(harness.repl.prompt(state) == "atelier[drift]> ")
        let coloured = REPL(
            live: harness.live, initial: state, catalog: TestFiles.catalog("en"),
            console: Console(.memory, style: Style(colour: true)), input: LineQueue(),
            settings: .init(interactive: true), clock: { 0 })
        #expect(coloured.prompt(state) == "atelier[\u{1}\u{1B}[1;36m\u{2}drift\u{1}\u{1B}[0m\u{2}]> ")
    }

    @Test func anInteractiveSessionOpensWithABannerAndShowsEachStage() async throws {
        let harness = try REPLHarness(interactive: true)
        harness.input.push("next")
        harness.input.end()
        _ = await harness.repl.run()
        let lines = harness.console.transcript
        #expect(lines.first == "atelier · Facing social media: four reflexes and three brakes")
        #expect(lines[1] == "session test · workshop coping-patterns · 0 departments · 0 present")
        #expect(lines.contains("stage 1/9 · intro · Welcome"))
        #expect(lines.contains("stage 2/9 · ignore · Looking away"))
        #expect(lines.contains("answer with: rate WHO VALUE"))
        #expect(lines.contains("  0 Not us at all · 1 A little like us · 2 Partly us · 3 Much like us"))
    }

    @Test func coloursOnlyWhenAllowed() {
        #expect(Style.forTerminal(isTerminal: true, environment: [:]).colour)
        #expect(!Style.forTerminal(isTerminal: false, environment: [:]).colour)
        #expect(!Style.forTerminal(isTerminal: true, environment: ["NO_COLOR": "1"]).colour)
        #expect(!Style.forTerminal(isTerminal: true, environment: ["TERM": "dumb"]).colour)
        #expect(Style.plain.red("x") == "x")
        #expect(Style(colour: true).red("x") == "\u{1B}[31mx\u{1B}[0m")
    }

    @Test func sessionNames() {
        // 2026-11-22T02:00:00Z
        #expect(
            SessionName.make(workshop: "coping-patterns", time: 1_795_312_800_000, letters: "kxqz")
                == "coping-patterns-2026-11-22-kxqz")
        #expect(SessionName.make(workshop: "w", time: 0, letters: "abcd") == "w-1970-01-01-abcd")
        #expect(SessionName.make(workshop: "w", time: 951_782_400_000, letters: "abcd") == "w-2000-02-29-abcd")
        #expect(Slug.isValid(SessionName.make(workshop: "coping-patterns", time: 1_795_312_800_000, letters: "kxqz")))
        var generator = SystemRandomNumberGenerator()
        let letters = SessionName.letters(using: &generator)
        #expect(letters.count == 4 && letters.allSatisfy { ("a"..."z").contains($0) })
    }

    @Test func aParticipantsAnswerRedrawsTheTallyAndStatusCountsLikeTheFeed() async throws {
        let harness = try REPLHarness()
        let run = Task { await harness.repl.run() }
        harness.input.push("dept add marketing")
        harness.input.push("next")
        #expect(await harness.waitFor("stage ignore: Looking away"))
        for name in ["Zoe", "Yan"] {
            _ = await harness.live.submit(
                Command(actor: .participant(name), action: .join(name: name, department: "marketing"), time: 1))
        }
        let rated = await harness.live.submit(
            Command(
                actor: .participant("Zoe"), action: .rate(who: "Zoe", item: nil, value: 2), time: 2))
        guard case .accepted = rated else {
            Issue.record("rating refused: \(rated)")
            return
        }
        #expect(await harness.waitFor("  Company"))
        harness.input.push("status")
        #expect(await harness.waitFor("1 of 2 present answered ignore"))
        harness.input.end()
        _ = await run.value
        let transcript = harness.console.transcript
        let rating = try #require(transcript.firstIndex(of: "Zoe (marketing) rated ignore: 2 (Partly us)"))
        #expect(
            Array(transcript[(rating + 1)...].prefix(6)) == [
                "",
                "  Flee and close our eyes (ignore)",
                "             0          1          2          3          4          n  median",
                "  marketing  ·          ·          ██████  1  ·          ·          1     2.0",
                "  ───────────────────────────────────────────────────────────────────────────",
                "  Company    ·          ·          ██████  1  ·          ·          1     2.0",
            ])
    }

    @Test func theTimersCountdownAndAlerts() throws {
        let workshop = try TestFiles.workshop()
        var state = SessionState(id: "t", workshop: workshop, locale: "en")
        for (seq, event) in [
            Event.departmentAdded(id: "marketing", name: "marketing"), .stageChanged(from: "intro", to: "ignore"),
            .timerStarted(stage: "ignore", seconds: 180),
        ].enumerated() {
            state.apply(RecordedEvent(seq: Int64(seq + 1), time: 10_000, actor: .facilitator, event: event))
        }
        let timer = try #require(state.timer)
        #expect(REPL.timeLeft(state, now: 10_000) == "3:00")
        #expect(REPL.timeLeft(state, now: 10_001) == "3:00")
        #expect(REPL.timeLeft(state, now: 141_000) == "0:49")
        #expect(REPL.timeLeft(state, now: 190_000) == nil)
        #expect(REPL.timerAlert(timer, from: 128_000, to: 129_000) == nil)
        #expect(REPL.timerAlert(timer, from: 129_500, to: 130_500) == "repl.timer.minute_left")
        #expect(REPL.timerAlert(timer, from: 130_500, to: 131_500) == nil)
        #expect(REPL.timerAlert(timer, from: 189_900, to: 190_100) == "repl.timer.done")
        state.apply(
            RecordedEvent(
                seq: 4, time: 200_000, actor: .facilitator, event: .timerStarted(stage: "ignore", seconds: 45)))
        // A timer of a minute or less says nothing before time is up.
        let short = try #require(state.timer)
        #expect(REPL.timerAlert(short, from: 200_000, to: 244_000) == nil)
        let harness = try REPLHarness()
        #expect(harness.repl.prompt(state) == "atelier[ignore]> ")
    }

}

extension CompletionAnswer {
    var words: [String] {
        if case .words(let words) = self { return words }
        return []
    }
}
