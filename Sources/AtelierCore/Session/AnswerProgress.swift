/// Who of those present has answered the current stage: every item of a
/// rating stage, the pick of a pick stage, a strategy of their department on
/// a strategy stage. One definition for the facilitator's `status` and the
/// network's count line, so that the two never disagree.
public struct AnswerProgress: Sendable, Hashable {
    public let stage: String
    public let answered: Int
    public let present: Int

    public init(stage: String, answered: Int, present: Int) {
        self.stage = stage
        self.answered = answered
        self.present = present
    }
}

extension SessionState {
    /// The count on the current stage, or nil when it takes no answers.
    public var answerProgress: AnswerProgress? {
        guard let stage, [.rating, .pick, .strategy].contains(stage.kind) else { return nil }
        let present = presentParticipants
        return AnswerProgress(
            stage: stage.id, answered: present.filter { hasAnswered($0.name) }.count, present: present.count)
    }

    /// Whether the participant has answered the current stage.
    public func hasAnswered(_ name: String) -> Bool {
        guard let stage else { return false }
        let rater = Rater.participant(name)
        switch stage.kind {
        case .rating:
            // In the current round: a new round waits for everyone's answer again.
            let round = round(of: stage.id)
            return stage.items.allSatisfy { ratings[$0.id]?[rater]?.last?.round == round }
        case .pick:
            return picks[stage.id]?[rater]?.last?.round == round(of: stage.id)
        case .strategy:
            guard let department = participants[name]?.department else { return false }
            return strategies[department]?.isEmpty == false
        case .intro, .discussion:
            return false
        }
    }
}
