import AtelierCore
import AtelierTerminal

/// The lines that describe the session to a participant, in their language.
/// Each line starts with a keyword of the protocol (`stage`, `item`,
/// `option`, ...) and the id it concerns, then ` — ` and a text for people;
/// the caller adds the `* ` (push) or `- ` (reply) mark.
enum StageText {
    static let separator = " — "

    static func stage(_ state: SessionState, _ catalog: Catalog) -> [String] {
        guard let stage = state.stage else { return [] }
        let language = catalog.language
        let number = (state.workshop.stageIndex(stage.id) ?? 0) + 1
        var lines = [
            "stage \(stage.id)" + separator
                + catalog.text(
                    "net.stage.title",
                    [
                        "title": .text(stage.title.text(language)), "number": .count(number),
                        "total": .count(state.workshop.stages.count),
                    ]),
            "prompt" + separator + stage.prompt.text(language),
        ]
        switch stage.kind {
        case .rating:
            for item in stage.items {
                lines.append("item \(item.id)" + separator + item.label.text(language))
                // What the facilitator's screen shows under each item.
                if let description = item.description?.text(language) {
                    lines.append("about \(item.id)" + separator + description)
                }
                if let example = item.example?.text(language) {
                    lines.append("example \(item.id)" + separator + example)
                }
            }
            if let scale = state.workshop.scale(of: stage) {
                let labels = scale.points.map { "\($0) " + (scale.label($0)?.text(language) ?? "") }
                lines.append("scale \(scale.min)-\(scale.max)" + separator + labels.joined(separator: " · "))
            }
        case .pick:
            for option in stage.options {
                lines.append("option \(option.id)" + separator + option.label.text(language))
            }
        case .strategy:
            for department in state.departments {
                lines.append("department \(department.id)" + separator + department.name)
            }
        case .intro, .discussion:
            break
        }
        if state.locked.contains(stage.id) { lines.append(locked(stage, catalog)) }
        if state.revealed.contains(stage.id) { lines.append(revealed(stage, catalog)) }
        lines.append("hint" + separator + catalog.text("net.hint.\(stage.kind.rawValue)"))
        return lines
    }

    static func locked(_ stage: Stage, _ catalog: Catalog) -> String {
        "lock \(stage.id)" + separator
            + catalog.text("net.push.lock", ["title": .text(stage.title.text(catalog.language))])
    }

    static func unlocked(_ stage: Stage, _ catalog: Catalog) -> String {
        "unlock \(stage.id)" + separator
            + catalog.text("net.push.unlock", ["title": .text(stage.title.text(catalog.language))])
    }

    static func revealed(_ stage: Stage, _ catalog: Catalog) -> String {
        "reveal \(stage.id)" + separator
            + catalog.text("net.push.reveal", ["title": .text(stage.title.text(catalog.language))])
    }

    /// The stage reopened as its next round.
    static func round(_ stage: Stage, _ round: Int, _ catalog: Catalog) -> String {
        "round \(stage.id) \(round)" + separator
            + catalog.text(
                "net.push.round", ["title": .text(stage.title.text(catalog.language)), "round": .count(round)])
    }

    /// The facilitator took a round's start back (`undo`): `round` is the one that stands.
    static func roundBack(_ stage: Stage, _ round: Int, _ catalog: Catalog) -> String {
        "round \(stage.id) \(round)" + separator
            + catalog.text(
                "net.push.round_back", ["title": .text(stage.title.text(catalog.language)), "round": .count(round)])
    }

    /// The facilitator took a reveal back (`undo`).
    static func hidden(_ stage: Stage, _ catalog: Catalog) -> String {
        "hide \(stage.id)" + separator
            + catalog.text("net.push.hide", ["title": .text(stage.title.text(catalog.language))])
    }

    static func timer(_ timer: StageTimer, _ catalog: Catalog) -> String {
        "timer \(timer.stage) \(timer.seconds)" + separator
            + catalog.text("net.push.timer", ["count": .count(timer.seconds / 60)])
    }

    static func timeUp(_ timer: StageTimer, _ catalog: Catalog) -> String {
        "time-up \(timer.stage)" + separator + catalog.text("net.push.time_up")
    }

    static func ended(_ catalog: Catalog) -> String {
        "end" + separator + catalog.text("net.push.end")
    }

    /// The facilitator left a session that is not over (it may be resumed).
    static func paused(_ catalog: Catalog) -> String {
        "pause" + separator + catalog.text("net.push.pause")
    }

    static func kicked(_ catalog: Catalog) -> String {
        "kicked" + separator + catalog.text("net.push.kicked")
    }

    static func replaced(_ catalog: Catalog) -> String {
        "closing" + separator + catalog.text("net.push.replaced")
    }

    static func welcome(_ catalog: Catalog, languages: [String]) -> String {
        "welcome" + separator + catalog.text("net.push.welcome", ["languages": .list(languages)])
    }

    /// The width of `results` when the participant did not say theirs (`nc`).
    static let resultsWidth = 72

    /// The answers so far on a revealed stage: for a rating or pick stage,
    /// the facilitator's tally (bars, counts, medians and the scale's or
    /// options' labels) drawn `width` columns wide, a `tally` line each.
    static func results(_ state: SessionState, _ catalog: Catalog, width: Int) -> [String] {
        guard let stage = state.stage else { return [] }
        switch stage.kind {
        case .rating, .pick:
            let context = TerminalContext(catalog: catalog, style: .plain, width: width)
            let analysis = Analysis.of(state, language: catalog.language)
            return TallyView.lines(
                stage: stage, analysis: analysis, state: state, context: context, detailed: false, legend: true
            )
            .map { "tally" + separator + $0 }
        case .strategy:
            return state.departments.map { department in
                let knownBy = state.knows.filter { $0.to == department.id }.map(\.from)
                return "department \(department.id)" + separator
                    + catalog.text(
                        knownBy.isEmpty ? "net.results.strategy_unknown" : "net.results.strategy",
                        [
                            "name": .text(department.name),
                            "count": .count(state.strategies[department.id]?.count ?? 0),
                            "known": .list(knownBy.sorted()),
                        ])
            }
        case .intro, .discussion:
            return state.notes.filter { $0.stage == stage.id }.map { "note" + separator + $0.text }
        }
    }

    /// The commands a participant can send, one per line.
    static func help(_ catalog: Catalog) -> [String] {
        RequestParser.commands.map { "help \($0)" + separator + catalog.text("net.help.\($0)") }
    }
}
