import AtelierCore
import AtelierLive
import AtelierTerminal
import Synchronization

/// How a REPL run ended.
public struct REPLSummary: Sendable, Hashable {
    /// Lines read (blank lines and comments included).
    public let lines: Int
    /// Commands refused (unparsable, refused by the session, or not stored).
    public let refused: Int
}

/// The facilitator's read-eval-print loop: reads command lines, submits
/// session changes to the live session (the acknowledgement prints only once
/// the events are stored), shows stages, tallies and results, and prints the
/// activity of others (participants) as it happens.
public final class REPL: Sendable {
    public struct Settings: Sendable {
        /// A person at a terminal: a banner, the stage shown on each change,
        /// timer alerts. Otherwise a script: results and errors only, each
        /// error naming its line.
        public var interactive: Bool
        /// Whether the session was taken up again (`atelier resume`).
        public var resumed: Bool
        /// The columns the views fill: the terminal's, followed through resizes.
        public var width: TerminalWidth
        /// The store named on the command line (`--store`), for the command
        /// that takes the session up again; nil: the default store.
        public var store: String?

        public init(
            interactive: Bool, resumed: Bool = false, width: TerminalWidth = TerminalWidth(fixed: 80),
            store: String? = nil
        ) {
            self.interactive = interactive
            self.resumed = resumed
            self.width = width
            self.store = store
        }
    }

    public let table: CommandTable
    let live: LiveSession
    let catalog: Catalog
    let console: Console
    let input: any LineSource
    let clock: @Sendable () -> Timestamp
    let extensions: [any REPLExtension]
    let settings: Settings
    let exporter: SessionExport?
    let mirror: Mirror
    private let completion = Mutex(CompletionContext())
    private let counts = Mutex((lines: 0, refused: 0))
    /// Participants' answers waiting to redraw the tally: the stage, its
    /// items answered (all of a pick stage: empty), whether a redraw is on its way.
    private let pendingTally = Mutex<(stage: String, items: Set<String>, scheduled: Bool)>(("", [], false))

    public init(
        live: LiveSession, initial: SessionState, catalog: Catalog, console: Console, input: any LineSource,
        settings: Settings, clock: @escaping @Sendable () -> Timestamp, extensions: [any REPLExtension] = [],
        exporter: SessionExport? = nil
    ) {
        self.live = live
        self.catalog = catalog
        self.console = console
        self.input = input
        self.settings = settings
        self.clock = clock
        self.extensions = extensions
        self.exporter = exporter
        self.table = CommandTable.builtin(adding: extensions.flatMap(\.commands))
        self.mirror = Mirror(initial)
        updateCompletion(initial)
    }

    var context: REPLContext {
        let mirror = mirror
        return REPLContext(
            live: live, console: console, catalog: catalog, clock: clock,
            shown: { _ = await mirror.state(after: $0) })
    }
    var style: Style { console.style }
    var width: Int { settings.width.current }
    /// What the views read: the catalog, the colours, the width now.
    var terminal: TerminalContext { TerminalContext(catalog: catalog, style: style, width: width) }

    /// Tab completion for the line typed up to the cursor (any thread).
    public func complete(_ line: String) -> CompletionAnswer {
        table.complete(line, context: completion.withLock { $0 })
    }

    /// The prompt for a state: `atelier[ignore]> `, with the time left
    /// while a timer runs on the stage: `atelier[ignore 2:31]> `.
    public func prompt(_ state: SessionState) -> String {
        var stage = style.prompt(state.currentStage, "1;36")
        if let left = Self.timeLeft(state, now: clock()) {
            stage += " " + style.prompt(left, left.hasPrefix("0:") ? "1;33" : "2")
        }
        return "atelier[" + stage + "]> "
    }

    /// `M:SS` left on the current stage's timer, rounded up; nil when none runs.
    static func timeLeft(_ state: SessionState, now: Timestamp) -> String? {
        guard let timer = state.timer, timer.stage == state.currentStage, now < timer.end else { return nil }
        let seconds = Int((timer.end - now + 999) / 1000)
        let padded = seconds % 60 < 10 ? "0\(seconds % 60)" : "\(seconds % 60)"
        return "\(seconds / 60):" + padded
    }

    /// What to say about a timer between two moments: that a minute is left
    /// (for a timer longer than one), then that time is up.
    static func timerAlert(_ timer: StageTimer, from before: Timestamp, to now: Timestamp) -> String? {
        if before < timer.end, now >= timer.end { return "repl.timer.done" }
        let minute = timer.end - 60_000
        if timer.seconds > 60, before < minute, now >= minute { return "repl.timer.minute_left" }
        return nil
    }

    /// Runs until `quit` or the end of the input.
    public func run() async -> REPLSummary {
        let (state, writes) = live.follow()
        await mirror.start(from: state)
        let follower = Task { await follow(writes) }
        if settings.interactive { console.lines(banner(await mirror.state)) }
        for item in extensions { await item.started(in: context) }
        while true {
            let state = await mirror.state
            guard let line = await input.next(prompt: prompt(state)) else { break }
            let number = counts.withLock { counts in
                counts.lines += 1
                return counts.lines
            }
            if await handle(line, number: number) == .quit { break }
        }
        for item in extensions { await item.stopped(in: context) }
        follower.cancel()
        if settings.interactive { console.lines(farewell(live.state)) }
        return counts.withLock { REPLSummary(lines: $0.lines, refused: $0.refused) }
    }

    // MARK: - Lines

    enum Step { case done, refused, quit }

    func handle(_ line: String, number: Int) async -> Step {
        let parsed: ParsedCommand?
        do {
            parsed = try table.parse(line)
        } catch {
            return refuse(error.render(catalog), line: number)
        }
        switch parsed {
        case nil:
            return .done
        case .submit(.end)?:
            if let step = await confirmEnd(live.state) { return step }
            return await submit(.end, line: number)
        case .submit(let action)?:
            return await submit(action, line: number)
        case .local(let command)?:
            return await local(command, line: number)
        case .custom(let command)?:
            guard let owner = extensions.first(where: { $0.commands.contains { $0.word == command.word } }) else {
                return refuse(ParseError.unknownCommand(command.word, suggestion: nil).render(catalog), line: number)
            }
            if await owner.run(command, in: context) { return .done }
            counts.withLock { $0.refused += 1 }
            return .refused
        }
    }

    /// Prints one error line (naming the script line) and counts it.
    func refuse(_ message: String, line: Int) -> Step {
        counts.withLock { $0.refused += 1 }
        if settings.interactive {
            console.error(message)
        } else {
            console.error(catalog.text("repl.script.line_error", ["line": .count(line), "message": .text(message)]))
        }
        return .refused
    }

    func submit(_ action: Action, line: Int) async -> Step {
        switch await live.submit(Command(actor: .facilitator, action: action, time: clock())) {
        case .refused(let error):
            return refuse(catalog.render(error.message), line: line)
        case .failed(let failure):
            return refuse(catalog.text("repl.error.store_failed", ["reason": .message(failure.message)]), line: line)
        case .accepted(let events):
            // The event lines are printed by `follow`, in the session's order.
            let state = await mirror.state(after: events.last?.seq ?? 0)
            await console.page(aftermath(of: events, state: state))
            return .done
        }
    }

    /// The analysis of `state` as the room may see it (the facilitator's
    /// terminal is often on the projector: small groups withheld), its
    /// workshop names in the facilitator's language (the catalog's).
    func analysis(of state: SessionState) -> Analysis {
        Analysis.shown(state, language: catalog.language)
    }

    /// What to show after an accepted change: the tally after an answer, the
    /// stage after a move, the results after a reveal.
    func aftermath(of events: [RecordedEvent], state: SessionState) -> [String] {
        var out: [String] = []
        for recorded in events {
            switch recorded.event {
            case .rated(_, let stageID, let item, _):
                guard let stage = state.workshop.stage(stageID) else { continue }
                out += TallyView.lines(
                    stage: stage, items: [item], analysis: analysis(of: state), state: state, context: terminal)
            case .picked(_, let stageID, _):
                guard let stage = state.workshop.stage(stageID) else { continue }
                out += TallyView.lines(stage: stage, analysis: analysis(of: state), state: state, context: terminal)
            case .stageChanged where settings.interactive:
                out += [""] + StageView.lines(state: state, table: table, context: terminal, now: clock())
            case .stageRevealed(let stageID):
                out += results(stageID, state: state)
            default:
                continue
            }
        }
        return out
    }

    // MARK: - Activity

    /// Folds every accepted batch into the mirror and prints its lines: ours
    /// as results, others' (participants) as activity above the prompt.
    private func follow(_ stream: AsyncStream<[[RecordedEvent]]>) async {
        for await write in stream {
            for batch in write { await show(batch) }
            await mirror.release()
        }
    }

    /// Folds the events of one command into the mirror and prints their lines.
    private func show(_ batch: [RecordedEvent]) async {
        let (before, events) = await mirror.fold(batch)
        guard !events.isEmpty else { return }
        let lines = EventView.lines(events, before: before, catalog: catalog)
        let state = await mirror.state
        updateCompletion(state)
        if events.first?.actor == .facilitator {
            // On a terminal, the stage view that follows a move says it already.
            let shown = zip(events, lines).filter { event, _ in
                guard settings.interactive, case .stageChanged = event.event else { return true }
                return false
            }
            console.lines(shown.map(\.1))
        } else {
            for line in lines { console.activity(line) }
            redrawTally(after: events, state: state)
        }
        if settings.interactive { watchTimer(events, state: state) }
    }

    /// Participants' answers redraw the current stage's tally, as the
    /// facilitator's own do: once for a burst of answers (those that arrive
    /// while the tally is on its way join it), as activity above the prompt.
    private func redrawTally(after events: [RecordedEvent], state: SessionState) {
        guard let stage = state.stage else { return }
        var items: Set<String> = []
        var answered = false
        for recorded in events {
            switch recorded.event {
            case .rated(.participant, stage.id, let item, _):
                items.insert(item)
                answered = true
            case .picked(.participant, stage.id, _):
                answered = true
            default:
                continue
            }
        }
        guard answered else { return }
        let schedule = pendingTally.withLock { pending -> Bool in
            if pending.stage != stage.id { pending = (stage.id, [], false) }
            pending.items.formUnion(items)
            defer { pending.scheduled = true }
            return !pending.scheduled
        }
        guard schedule else { return }
        Task { [self] in
            // Answers often come in bursts: let those of the next moment join.
            try? await Task.sleep(for: .milliseconds(200))
            let (stageID, items) = pendingTally.withLock { pending in
                defer { pending = (pending.stage, [], false) }
                return (pending.stage, pending.items)
            }
            let state = await mirror.state
            guard state.currentStage == stageID, let stage = state.stage else { return }
            let shown = stage.kind == .rating ? stage.items.map(\.id).filter(items.contains) : nil
            let lines = TallyView.lines(
                stage: stage, items: shown, analysis: analysis(of: state), state: state, context: terminal)
            if !lines.isEmpty { console.activity(lines.joined(separator: "\n")) }
        }
    }

    private func updateCompletion(_ state: SessionState) {
        let formats = exporter?.formats ?? []
        completion.withLock { $0 = CompletionContext(state: state, formats: formats) }
    }

    /// Follows a timer started by these events while it is the one running:
    /// the prompt counts down each second, a line says when a minute is
    /// left, and one when time is up.
    private func watchTimer(_ events: [RecordedEvent], state: SessionState) {
        guard events.contains(where: { if case .timerStarted = $0.event { return true } else { return false } }),
            let timer = state.timer
        else { return }
        Task { [self] in
            var before = clock()
            while before < timer.end {
                try? await Task.sleep(for: .milliseconds(min(1000, max(1, timer.end - before))))
                let state = await mirror.state
                guard state.timer == timer else { return }
                let now = clock()
                if let key = Self.timerAlert(timer, from: before, to: now) {
                    console.activity(style.yellow(catalog.text(key, ["stage": .text(timer.stage)])))
                }
                input.update(prompt: prompt(state))
                before = now
            }
        }
    }

    // MARK: - Banner

    func banner(_ state: SessionState) -> [String] {
        let workshop = state.workshop
        var out = [
            style.bold(catalog.text("repl.banner.title", ["title": .text(workshop.title.text(catalog.language))]))
        ]
        let key = settings.resumed ? "repl.banner.resumed" : "repl.banner.session"
        out.append(
            catalog.text(
                key,
                [
                    "session": .text(state.id), "workshop": .text(workshop.id),
                    "departments": .count(state.departments.count), "count": .count(state.presentParticipants.count),
                ]))
        out += AnalysisLayout.wrap(catalog.text("repl.banner.help"), width: width).map(style.dim)
        return out + [""] + StageView.lines(state: state, table: table, context: terminal, now: clock())
    }
}
