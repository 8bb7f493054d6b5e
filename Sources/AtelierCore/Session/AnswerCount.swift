/// How many have answered a stage, counted as the facilitator's `status`
/// counts them: each present participant, plus a department's own voice when
/// it answered or when nobody of it is present; on a strategy stage, one per
/// department (a strategy is the department's).
public struct AnswerCount: Sendable, Hashable {
    public let answered: Int
    public let expected: Int

    public init(answered: Int, expected: Int) {
        self.answered = answered
        self.expected = expected
    }
}

extension SessionState {
    /// The count on `stage`; nil on a stage that takes no answers (intro, discussion).
    public func answerCount(stage: Stage) -> AnswerCount? {
        guard [.rating, .pick, .strategy].contains(stage.kind) else { return nil }
        var answered = 0
        var expected = 0
        for department in departments {
            let voice = hasAnswered(.department(department.id), stage: stage)
            if stage.kind == .strategy {
                expected += 1
                if voice { answered += 1 }
                continue
            }
            let members = members(of: department.id).filter(\.present)
            for member in members {
                expected += 1
                if hasAnswered(.participant(member.name), stage: stage) { answered += 1 }
            }
            if voice || members.isEmpty {
                expected += 1
                if voice { answered += 1 }
            }
        }
        return AnswerCount(answered: answered, expected: expected)
    }

    /// Whether a rater answered the whole stage: every item rated, an option
    /// picked, or (strategy) their department stated a strategy.
    public func hasAnswered(_ rater: Rater, stage: Stage) -> Bool {
        switch stage.kind {
        case .rating:
            return stage.items.allSatisfy { latestRatings(item: $0.id)[rater] != nil }
        case .pick:
            return latestPicks(stage: stage.id)[rater] != nil
        case .strategy:
            return !(strategies[department(of: rater) ?? rater.id] ?? []).isEmpty
        case .intro, .discussion:
            return false
        }
    }
}
