/// The rules check of a recorded answer without building its command: a long
/// session is nearly all ratings and picks, and a recording's reader checks
/// every one against the rules (docs/performance.md). The workshop's stages,
/// items and scales are looked at in place, never copied.
extension SessionState {
    /// True when `decide`, given by `actor` the action that reproduces `event`
    /// (`action(reproducing:)`), would give back exactly `[event]`: the
    /// conditions of `decide`, tested in place, for a rating or a pick. False
    /// says only that this test does not settle it (another kind of event, or
    /// a condition not met); the caller then asks `decide`, which accepts or
    /// says what is wrong.
    public func surelyReproduces(_ event: Event, actor: Actor) -> Bool {
        guard endedAt == nil else { return false }
        switch event {
        case .rated(let rater, let stageID, let itemID, let value):
            guard let stage = openStage(stageID, kind: .rating), answers(rater, actor: actor),
                workshop.stages[stage].items.contains(where: { $0.id == itemID }),
                let scaleID = workshop.stages[stage].scale,
                let scale = workshop.scales.firstIndex(where: { $0.id == scaleID })
            else { return false }
            return workshop.scales[scale].points.contains(value)
        case .picked(let rater, let stageID, let optionID):
            guard let stage = openStage(stageID, kind: .pick), answers(rater, actor: actor) else { return false }
            return workshop.stages[stage].options.contains { $0.id == optionID }
        default:
            return false
        }
    }

    /// The index of the current stage when it is `id`, of this kind and not
    /// locked (`decide`'s `openStage`).
    private func openStage(_ id: String, kind: StageKind) -> Int? {
        guard id == currentStage, let index = workshop.stages.firstIndex(where: { $0.id == id }),
            workshop.stages[index].kind == kind, locked.isEmpty || !locked.contains(id)
        else { return nil }
        return index
    }

    /// Whether `decide`'s `resolveRater`, given this rater's id as typed by
    /// `actor`, finds this very rater.
    private func answers(_ rater: Rater, actor: Actor) -> Bool {
        if case .participant(let name) = actor, name != rater.id { return false }
        switch rater {
        case .participant(let name):
            guard let participant = participants[name] else { return false }
            return participant.present && participant.name == name
        case .department(let id):
            if let participant = participants[id], participant.present { return false }
            return departments.contains { $0.id == id }
        }
    }
}
