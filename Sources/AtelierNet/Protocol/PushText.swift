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

        init(_ state: SessionState) {
            stage = state.currentStage
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
}
