import AtelierCore

/// What participants are told when the session changes: a new stage, a
/// lock, a reveal, a timer, the end. Computed from the state before and
/// after a batch of events, so an `undo` that moves the stage back is told
/// like any other change.
enum PushText {
    /// The few facts of a state that pushes and the answered count depend on,
    /// taken before and after each batch (cheap: no copy of the answers).
    struct Snapshot: Equatable {
        let stage: String
        let locked: Bool
        let revealed: Bool
        let timer: StageTimer?
        let ended: Bool
        let round: Int

        init(_ state: SessionState) {
            stage = state.currentStage
            round = state.round(of: state.currentStage)
            locked = state.locked.contains(stage)
            revealed = state.revealed.contains(stage)
            timer = state.timer
            ended = state.isEnded
        }
    }

    static func changes(from before: Snapshot, to state: SessionState, _ catalog: Catalog) -> [String] {
        let after = Snapshot(state)
        guard after != before else { return [] }
        if after.ended, !before.ended { return [StageText.ended(catalog)] }
        guard let stage = state.stage else { return [] }
        if after.stage != before.stage { return StageText.stage(state, catalog) }
        var lines: [String] = []
        if after.round > before.round {
            // The stage reopens: one line says it, not an unlock and a hide.
            return [StageText.round(stage, after.round, catalog)]
        }
        if after.round < before.round { lines.append(StageText.roundBack(stage, after.round, catalog)) }
        if after.locked != before.locked {
            lines.append(after.locked ? StageText.locked(stage, catalog) : StageText.unlocked(stage, catalog))
        }
        if after.revealed != before.revealed {
            lines.append(after.revealed ? StageText.revealed(stage, catalog) : StageText.hidden(stage, catalog))
        }
        if let timer = after.timer, timer != before.timer, timer.stage == stage.id {
            lines.append(StageText.timer(timer, catalog))
        }
        return lines
    }

    /// A participant's answers of the round before a new one: a starting point.
    static func previous(_ name: String, before: Snapshot, state: SessionState, _ catalog: Catalog) -> [String] {
        let after = Snapshot(state)
        guard after.stage == before.stage, after.round > before.round, let stage = state.stage else { return [] }
        let rater = Rater.participant(name)
        let round = after.round - 1
        func line(_ id: String, _ value: String) -> String {
            "previous \(stage.id) \(id) \(value)" + StageText.separator
                + catalog.text("net.push.previous", ["round": .count(round), "value": .text(value)])
        }
        switch stage.kind {
        case .rating:
            return stage.items.compactMap { item in
                state.latestRatings(item: item.id, round: round)[rater].map { line(item.id, String($0)) }
            }
        case .pick:
            return state.latestPicks(stage: stage.id, round: round)[rater].map { [line("-", $0)] } ?? []
        case .intro, .strategy, .discussion:
            return []
        }
    }
}
