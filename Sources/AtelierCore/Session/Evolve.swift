/// How each event changes the state. Pure and total: the journal holds only
/// events that `decide` accepted, so replaying it never fails.
extension SessionState {
    public mutating func apply(_ recorded: RecordedEvent) {
        lastSeq = recorded.seq
        eventCount += 1
        if startedAt == nil { startedAt = recorded.time }
        lastEventAt = recorded.time
        let seq = recorded.seq
        let time = recorded.time
        switch recorded.event {
        case .sessionStarted(_, _, let locale, let criteria, let digest, let anonymous, let minGroup):
            self.locale = locale
            recordedCriteria = criteria
            workshopDigest = digest
            self.anonymous = anonymous
            self.minGroup = minGroup
        case .departmentAdded(let id, let name):
            departments.append(Department(id: id, name: name))
        case .participantJoined(let name, let department):
            if participants[name] == nil { participantOrder.append(name) }
            let joins = (participants[name]?.joins ?? 0) + 1
            participants[name] = Participant(name: name, department: department, present: true, joins: joins)
        case .participantLeft(let name):
            participants[name]?.present = false
        case .stageChanged(_, let to):
            currentStage = to
        case .stageLocked(let stage):
            locked.insert(stage)
        case .stageUnlocked(let stage):
            locked.remove(stage)
        case .stageRevealed(let stage):
            revealed.insert(stage)
        case .timerStarted(let stage, let seconds):
            timer = StageTimer(stage: stage, start: time, seconds: seconds)
        case .rated(let rater, let stage, let item, let value):
            let answer = Answer(seq: seq, time: time, value: value, round: round(of: stage))
            ratings[item, default: [:]][rater, default: []].append(answer)
            setLatestValue(value, item: item, rater: rater)
        case .picked(let rater, let stage, let option):
            let answer = PickAnswer(seq: seq, time: time, option: option, round: round(of: stage))
            picks[stage, default: [:]][rater, default: []].append(answer)
        case .strategyDeclared(let department, let text):
            strategies[department, default: []].append(StrategyItem(seq: seq, text: text))
        case .knowsDeclared(let department, let other):
            knows.append(Link(seq: seq, from: department, to: other))
        case .sharesDeclared(let department, let other):
            shares.append(Link(seq: seq, from: department, to: other))
        case .noteAdded(let stage, let text):
            notes.append(Note(seq: seq, time: time, actor: recorded.actor, stage: stage, text: text))
        case .undone(let target):
            if let index = undoable.lastIndex(where: { $0.seq == target }) {
                revert(undoable.remove(at: index))
            }
            return
        case .sessionEnded:
            endedAt = time
        case .roundStarted(let stage, let round):
            lockedAtRoundStart[seq] = locked.contains(stage)
            rounds[stage] = round
            revealed.remove(stage)
            locked.remove(stage)
            // The new round starts with no answer: the analysis reads this round's.
            for item in workshop.stage(stage)?.items ?? [] where latestValues[item.id] != nil {
                latestValues[item.id] = latestValues[item.id]!.map { _ in Self.noAnswer }
            }
        }
        if recorded.actor == .facilitator, Self.isUndoable(recorded.event) {
            undoable.append(recorded)
            if undoable.count > Self.undoDepth { undoable.removeFirst(undoable.count - Self.undoDepth) }
        }
    }

    /// How many of the facilitator's actions `undo` can take back, newest first.
    /// Bounded so a long session's state stays small; part of the rules, so
    /// a replay folds to the same state.
    public static let undoDepth = 100

    static func isUndoable(_ event: Event) -> Bool {
        switch event {
        case .sessionStarted, .sessionEnded, .undone: return false
        default: return true
        }
    }

    /// Takes back one of the facilitator's events.
    private mutating func revert(_ recorded: RecordedEvent) {
        let seq = recorded.seq
        switch recorded.event {
        case .departmentAdded(let id, _):
            departments.removeAll { $0.id == id }
        case .participantJoined(let name, _):
            if let participant = participants[name], participant.joins > 1 {
                participants[name]?.joins -= 1
                participants[name]?.present = false
            } else {
                participants[name] = nil
                participantOrder.removeAll { $0 == name }
            }
        case .participantLeft(let name):
            participants[name]?.present = true
        case .stageChanged(let from, _):
            currentStage = from
        case .stageLocked(let stage):
            locked.remove(stage)
        case .stageUnlocked(let stage):
            locked.insert(stage)
        case .stageRevealed(let stage):
            revealed.remove(stage)
        case .timerStarted:
            // Back to the timer started before, if `undo` can still see it.
            timer = undoable.last { $0.event.type == "timer_started" }.flatMap { earlier in
                guard case .timerStarted(let stage, let seconds) = earlier.event else { return nil }
                return StageTimer(stage: stage, start: earlier.time, seconds: seconds)
            }
        case .rated(let rater, _, let item, _):
            ratings[item]?[rater]?.removeAll { $0.seq == seq }
            if ratings[item]?[rater]?.isEmpty == true { ratings[item]?[rater] = nil }
            if ratings[item]?.isEmpty == true { ratings[item] = nil }
            updateLatestValue(item: item, rater: rater)
        case .picked(let rater, let stage, _):
            picks[stage]?[rater]?.removeAll { $0.seq == seq }
            if picks[stage]?[rater]?.isEmpty == true { picks[stage]?[rater] = nil }
            if picks[stage]?.isEmpty == true { picks[stage] = nil }
        case .strategyDeclared(let department, _):
            strategies[department]?.removeAll { $0.seq == seq }
            if strategies[department]?.isEmpty == true {
                strategies[department] = nil
                // Nobody knows a strategy no longer declared (`knows` needs one).
                knows.removeAll { $0.to == department }
            }
        case .knowsDeclared:
            knows.removeAll { $0.seq == seq }
        case .sharesDeclared:
            shares.removeAll { $0.seq == seq }
        case .noteAdded:
            notes.removeAll { $0.seq == seq }
        case .roundStarted(let stage, let round):
            rounds[stage] = round > 2 ? round - 1 : nil
            revealed.insert(stage)
            if lockedAtRoundStart.removeValue(forKey: seq) == true { locked.insert(stage) }
            for item in workshop.stage(stage)?.items ?? [] {
                for rater in ratings[item.id]?.keys.sorted() ?? [] { updateLatestValue(item: item.id, rater: rater) }
            }
        case .sessionStarted, .sessionEnded, .undone:
            break
        }
    }
}
