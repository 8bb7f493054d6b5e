import AtelierCore
import AtelierStore
import AtelierTerminal

/// What a replay shows, as the facilitator saw it: one line per event (the
/// REPL's `EventView`, stamped with the time elapsed since the start), the
/// tally of a stage when its results are revealed, the silo findings when
/// the room leaves a strategy stage, and maturity and findings at the end.
/// Pure: the lines of event `index` depend on the states around it only.
/// Every line fits the context's width: an event's line wraps under its
/// text, the views shown with it are indented within the width.
public struct ReplayTranscript: Sendable {
    public let session: LoadedSession
    public let context: TerminalContext

    public init(session: LoadedSession, context: TerminalContext) {
        self.session = session
        self.context = context
    }

    /// The same transcript for a terminal now `width` columns wide (a resize).
    public func fitting(width: Int) -> ReplayTranscript {
        width == context.width
            ? self
            : ReplayTranscript(
                session: session, context: TerminalContext(catalog: context.catalog, style: context.style, width: width)
            )
    }

    public var catalog: Catalog { context.catalog }
    public var style: Style { context.style }
    public var width: Int { context.width }
    /// The views shown with an event, indented under its text.
    static let indent = 4

    var start: Timestamp { session.events.first?.time ?? 0 }

    /// The lines shown when event `index` arrives; `before` is the state
    /// just before it and `after` the state once it is applied.
    public func lines(at index: Int, before: SessionState, after: SessionState) -> [String] {
        let recorded = session.events[index]
        let stamp = "[" + UTCTime.elapsed(milliseconds: recorded.time - start) + "]"
        var out: [String] = []
        if case .stageChanged = recorded.event { out.append("") }
        let text = EventView.line(recorded, before: before, catalog: catalog)
        let wrapped = context.wrap(text, indent: stamp.count + 1, first: stamp + " ")
        out += wrapped.enumerated().map { index, line in
            index == 0 ? style.dim(stamp) + String(line.dropFirst(stamp.count)) : line
        }
        let inner = context.indented(by: Self.indent)
        let lead = String(repeating: " ", count: Self.indent)
        switch recorded.event {
        case .stageRevealed(let stageID):
            guard let stage = after.workshop.stage(stageID) else { break }
            let tally = TallyView.lines(stage: stage, analysis: analysis(after), state: after, context: inner)
            out += tally.map { $0.isEmpty ? $0 : lead + $0 }
        case .stageChanged(let from, _) where after.workshop.stage(from)?.kind == .strategy:
            out += SilosView.lines(analysis: analysis(after), state: after, context: inner)
                .map { $0.isEmpty ? $0 : lead + $0 }
        case .sessionEnded:
            let analysis = analysis(after)
            out.append("")
            out += MaturityView.lines(analysis: analysis, state: after, context: context)
            out += SilosView.lines(analysis: analysis, state: after, context: context)
        default:
            break
        }
        return out
    }

    /// The whole transcript at once (stdout is not a terminal).
    public func all() -> [String] {
        var cursor = ReplayCursor(session)
        var out: [String] = []
        while let step = cursor.advance() { out += lines(at: step.index, before: step.before, after: cursor.state) }
        return out
    }

    /// The state and the analysis after the first `count` events (`--at`).
    public func snapshot(count: Int) -> [String] {
        var cursor = ReplayCursor(session)
        cursor.advance(to: count)
        let state = cursor.state
        let elapsed = (state.lastEventAt ?? start) - start
        var out = context.wrap(
            catalog.text(
                "replay.at",
                [
                    "elapsed": .text(UTCTime.elapsed(milliseconds: elapsed)), "count": .count(count),
                    "total": .count(session.events.count), "session": .text(session.id),
                ]))
        out.append("")
        out += RoomView.status(state: state, context: context)
        out.append("")
        let analysis = analysis(state)
        out += ConsensusView.lines(analysis: analysis, state: state, context: context)
        out += MaturityView.lines(analysis: analysis, state: state, context: context)
        out += SilosView.lines(analysis: analysis, state: state, context: context)
        return out
    }

    /// Said before the snapshot when `--at` (as typed: `asked`) is after the
    /// last event: when the session ended, or, still open, when it was left.
    public func pastEnd(asked: String) -> [String] {
        guard let last = session.events.last else { return [] }
        let ended = session.events.contains { if case .sessionEnded = $0.event { return true } else { return false } }
        let key = ended ? "replay.at_after_end" : "replay.at_after_last"
        return context.wrap(
            catalog.text(
                key,
                [
                    "asked": .text(asked), "session": .text(session.id),
                    "elapsed": .text(UTCTime.elapsed(milliseconds: last.time - start)), "seq": .count(Int(last.seq)),
                ]))
    }

    /// What `--step` shows while it waits before event `index`: the stage it
    /// moves to and the keys; nil when that event is not a stage change.
    public func stepPause(before index: Int) -> String? {
        guard index > 0, case .stageChanged(_, let to) = session.events[index].event else { return nil }
        let stages = session.workshop.stages
        let number = (stages.firstIndex { $0.id == to } ?? 0) + 1
        return style.dim(
            catalog.text(
                "replay.step_pause", ["stage": .text(to), "number": .count(number), "total": .count(stages.count)]))
    }

    func analysis(_ state: SessionState) -> Analysis { Analysis.shown(state, language: catalog.language) }
}

/// Walks a journal one event at a time, keeping the state as it was.
public struct ReplayCursor: Sendable {
    public let session: LoadedSession
    public private(set) var state: SessionState
    public private(set) var position = 0

    public init(_ session: LoadedSession) {
        self.session = session
        self.state = session.state(after: 0)
    }

    /// Applies the next event; returns its index and the state before it.
    public mutating func advance() -> (index: Int, before: SessionState)? {
        guard position < session.events.count else { return nil }
        let before = state
        state.apply(session.events[position])
        position += 1
        return (position - 1, before)
    }

    /// Applies events until `count` of them have happened.
    public mutating func advance(to count: Int) {
        while position < min(count, session.events.count) { _ = advance() }
    }
}
