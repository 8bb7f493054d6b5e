import AtelierCore

/// The network's part of the facilitator's live view. The REPL already
/// prints each join, leave and answer (its event view); this adds how many
/// of those present have answered the current stage, each time that count
/// or the number present changes.
enum FeedText {
    /// Who has answered the current stage, out of who is present.
    struct Count: Equatable {
        let stage: String
        let answered: Int?
        let present: Int

        init(_ state: SessionState) {
            stage = state.currentStage
            answered = FeedText.answered(state)
            present = state.presentParticipants.count
        }
    }

    /// The count line, or nil when it did not change or the stage takes no answers.
    static func answeredLine(before: Count, after: Count, _ catalog: Catalog) -> String? {
        guard after != before, let answered = after.answered else { return nil }
        return catalog.text(
            "net.feed.answered",
            ["answered": .count(answered), "count": .count(after.present), "stage": .text(after.stage)])
    }

    /// How many present participants have answered the current stage: every
    /// item of a rating stage, the pick of a pick stage, a strategy of their
    /// department on a strategy stage. nil on stages that take no answers.
    static func answered(_ state: SessionState) -> Int? {
        guard let stage = state.stage else { return nil }
        let present = state.presentParticipants
        switch stage.kind {
        case .rating:
            return present.filter { participant in
                stage.items.allSatisfy { state.ratings[$0.id]?[.participant(participant.name)]?.isEmpty == false }
            }.count
        case .pick:
            return present.filter { state.picks[stage.id]?[.participant($0.name)]?.isEmpty == false }.count
        case .strategy:
            return present.filter { state.strategies[$0.department]?.isEmpty == false }.count
        case .intro, .discussion:
            return nil
        }
    }
}
