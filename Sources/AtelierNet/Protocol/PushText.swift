import AtelierCore

/// What participants are told when the session changes: a new stage, a
/// lock, a reveal, a timer, the end. Computed from the state before and
/// after a batch of events, so an `undo` that moves the stage back is told
/// like any other change.
enum PushText {
    static func changes(from before: SessionState, to after: SessionState, _ catalog: Catalog) -> [String] {
        if after.isEnded, !before.isEnded { return [StageText.ended(catalog)] }
        guard let stage = after.stage else { return [] }
        if after.currentStage != before.currentStage { return StageText.stage(after, catalog) }
        var lines: [String] = []
        let locked = after.locked.contains(stage.id)
        if locked != before.locked.contains(stage.id) {
            lines.append(locked ? StageText.locked(stage, catalog) : StageText.unlocked(stage, catalog))
        }
        if after.revealed.contains(stage.id), !before.revealed.contains(stage.id) {
            lines.append(StageText.revealed(stage, catalog))
        }
        if let timer = after.timer, timer != before.timer, timer.stage == stage.id {
            lines.append(StageText.timer(timer, catalog))
        }
        return lines
    }
}
