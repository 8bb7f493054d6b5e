import AtelierCore

/// A line of the facilitator's view of the room, in the facilitator's
/// language, and the last event of the session it follows: a REPL prints
/// it after that event's own line.
public struct FeedLine: Sendable, Hashable {
    public let text: String
    public let after: Int64

    public init(text: String, after: Int64) {
        self.text = text
        self.after = after
    }
}

/// The network's part of the facilitator's live view. The REPL already
/// prints each join, leave and answer (its event view); this adds how many
/// of those present have answered the current stage, each time that count
/// or the number present changes.
enum FeedText {
    /// Who has answered the current stage, out of who is present.
    struct Count: Equatable {
        let stage: String
        /// nil on stages that take no answers.
        let answered: Int?
        let present: Int
        /// Whether anyone has joined the session, present or not.
        var joined = true
    }

    /// The count line, or nil when it did not change or the stage takes no answers.
    static func answeredLine(before: Count, after: Count, _ catalog: Catalog) -> String? {
        guard after != before, let answered = after.answered else { return nil }
        // Nobody is there to answer (not "0 of 0 present answered"): none
        // has joined yet, or the last one left.
        if after.present == 0 {
            let key = after.joined ? "net.feed.nobody_present" : "net.feed.nobody_joined"
            return catalog.text(key, ["stage": .text(after.stage)])
        }
        return catalog.text(
            "net.feed.answered",
            ["answered": .count(answered), "count": .count(after.present), "stage": .text(after.stage)])
    }

    /// Who is present and who of them has answered the current stage
    /// (`SessionState.hasAnswered`, as `status` counts), kept up to date batch by batch: an
    /// answer, a join or a leave rechecks only the participants it concerns,
    /// so a room of hundreds is not recounted after every write. Anything
    /// else that may change the count (a stage change, an undo) counts again
    /// from the state.
    struct Tally {
        private(set) var stage: String
        private var present: Set<String> = []
        private var answered: Set<String> = []

        init(_ state: SessionState) {
            stage = state.currentStage
            for participant in state.presentParticipants {
                present.insert(participant.name)
                if state.hasAnswered(participant.name) { answered.insert(participant.name) }
            }
        }

        func count(_ state: SessionState) -> Count {
            let takesAnswers = state.stage.map { [.rating, .pick, .strategy].contains($0.kind) } ?? false
            return Count(
                stage: stage, answered: takesAnswers ? answered.count : nil, present: present.count,
                joined: !state.participantOrder.isEmpty)
        }

        /// Follows `events`, already applied to `state`.
        mutating func update(_ events: some Sequence<RecordedEvent>, _ state: SessionState) {
            guard state.currentStage == stage else {
                self = Tally(state)
                return
            }
            for recorded in events {
                switch recorded.event {
                case .participantJoined(let name, _):
                    present.insert(name)
                    recheck(name, state)
                case .participantLeft(let name):
                    present.remove(name)
                    answered.remove(name)
                case .rated(.participant(let name), _, _, _), .picked(.participant(let name), _, _):
                    // An answer only adds: one who has answered stays so
                    // (an undo takes answers back, and counts again).
                    if !answered.contains(name) { recheck(name, state) }
                case .strategyDeclared(let department, _):
                    for name in present
                    where !answered.contains(name) && state.participants[name]?.department == department {
                        recheck(name, state)
                    }
                case .stageChanged, .undone, .sessionStarted, .roundStarted:
                    self = Tally(state)
                    return
                case .departmentAdded, .stageLocked, .stageUnlocked, .stageRevealed, .timerStarted, .rated, .picked,
                    .knowsDeclared, .sharesDeclared, .noteAdded, .sessionEnded:
                    continue
                }
            }
        }

        private mutating func recheck(_ name: String, _ state: SessionState) {
            guard present.contains(name) else { return }
            if state.hasAnswered(name) {
                answered.insert(name)
            } else {
                answered.remove(name)
            }
        }
    }
}
