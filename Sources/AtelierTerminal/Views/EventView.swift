import AtelierCore

/// One localized line per accepted event: who joined, who answered what.
/// A pure function of the event, the session as it was just before the
/// event, and the reader's catalog (the replay reuses it).
public enum EventView {
    public static func line(_ recorded: RecordedEvent, before state: SessionState, catalog: Catalog) -> String {
        catalog.render(
            message(recorded.event, by: recorded.actor, before: state, language: catalog.language, changes: true))
    }

    /// The lines of a batch of events, each read against the state it applies to.
    public static func lines(_ batch: [RecordedEvent], before state: SessionState, catalog: Catalog) -> [String] {
        var state = state
        return batch.map { recorded in
            defer { state.apply(recorded) }
            return line(recorded, before: state, catalog: catalog)
        }
    }

    static func message(_ event: Event, by actor: Actor, before state: SessionState, language: String, changes: Bool)
        -> LocalizedMessage
    {
        let workshop = state.workshop
        func who(_ rater: Rater) -> MessageValue { .text(raterName(rater, state)) }
        switch event {
        case .sessionStarted:
            return LocalizedMessage(
                "repl.event.session_started",
                ["session": .text(state.id), "title": .text(workshop.title.text(language))])
        case .departmentAdded(let id, let name):
            if name == id { return LocalizedMessage("repl.event.department_added", ["department": .text(id)]) }
            return LocalizedMessage(
                "repl.event.department_added_named", ["department": .text(id), "name": .text(name)])
        case .participantJoined(let name, let department):
            let key = state.participants[name] == nil ? "repl.event.participant_joined" : "repl.event.participant_back"
            return LocalizedMessage(key, ["name": .text(name), "department": .text(department)])
        case .participantLeft(let name):
            return LocalizedMessage("repl.event.participant_left", ["name": .text(name)])
        case .stageChanged(_, let to):
            let title = workshop.stage(to)?.title.text(language) ?? to
            return LocalizedMessage("repl.event.stage_changed", ["stage": .text(to), "title": .text(title)])
        case .stageLocked(let stage):
            return LocalizedMessage("repl.event.stage_locked", ["stage": .text(stage)])
        case .stageUnlocked(let stage):
            return LocalizedMessage("repl.event.stage_unlocked", ["stage": .text(stage)])
        case .stageRevealed(let stage):
            return LocalizedMessage("repl.event.stage_revealed", ["stage": .text(stage)])
        case .timerStarted(let stage, let seconds):
            return LocalizedMessage("repl.event.timer_started", ["stage": .text(stage), "count": .count(seconds / 60)])
        case .rated(let rater, let stageID, let item, let value):
            let label = workshop.stage(stageID).flatMap { workshop.scale(of: $0)?.label(value) }?.text(language)
            var args: [String: MessageValue] = [
                "who": who(rater), "item": .text(item), "value": .count(value), "label": .text(label ?? String(value)),
            ]
            if changes, let old = state.latestRatings(item: item)[rater] {
                args["old"] = .count(old)
                return LocalizedMessage("repl.event.rated_again", args)
            }
            return LocalizedMessage("repl.event.rated", args)
        case .picked(let rater, let stageID, let option):
            let label = workshop.stage(stageID)?.option(option)?.label.text(language) ?? option
            var args: [String: MessageValue] = ["who": who(rater), "option": .text(option), "label": .text(label)]
            if changes, let old = state.latestPicks(stage: stageID)[rater] {
                args["old"] = .text(old)
                return LocalizedMessage("repl.event.picked_again", args)
            }
            return LocalizedMessage("repl.event.picked", args)
        case .strategyDeclared(let department, let text):
            return LocalizedMessage(
                "repl.event.strategy_declared", ["department": .text(department), "text": .text(text)])
        case .knowsDeclared(let department, let other):
            return LocalizedMessage(
                "repl.event.knows_declared", ["department": .text(department), "other": .text(other)])
        case .sharesDeclared(let department, let other):
            return LocalizedMessage(
                "repl.event.shares_declared", ["department": .text(department), "other": .text(other)])
        case .noteAdded(let stage, let text):
            // A participant's note says whose it is; the facilitator's are the room's.
            guard let name = actor.participantName else {
                return LocalizedMessage("repl.event.note_added", ["stage": .text(stage), "text": .text(text)])
            }
            return LocalizedMessage(
                "repl.event.note_added_by",
                ["who": who(.participant(name)), "stage": .text(stage), "text": .text(text)])
        case .undone(let seq):
            guard let target = state.undoable.last(where: { $0.seq == seq }) else {
                return LocalizedMessage("repl.event.undone_unknown", ["seq": .count(Int(seq))])
            }
            let what = message(target.event, by: target.actor, before: state, language: language, changes: false)
            return LocalizedMessage("repl.event.undone", ["what": .message(what)])
        case .sessionEnded:
            return LocalizedMessage("repl.event.session_ended")
        case .roundStarted(let stage, let round):
            return LocalizedMessage("repl.event.round_started", ["stage": .text(stage), "round": .count(round)])
        }
    }

    /// A participant with their department (`Alice (marketing)`), or a department id.
    static func raterName(_ rater: Rater, _ state: SessionState) -> String {
        switch rater {
        case .department(let id): return id
        case .participant(let name):
            guard let department = state.participants[name]?.department else { return name }
            return "\(name) (\(department))"
        }
    }
}
