/// The command behind an event, so that an event read from outside (a
/// recording) can be checked against the rules: `decide` on this action,
/// with the event's actor and time, must give back exactly the event.
extension SessionState {
    /// The action that produces `event`; nil for `session_started`, which no
    /// command produces (it opens the journal).
    public static func action(reproducing event: Event) -> Action? {
        switch event {
        case .sessionStarted: return nil
        case .departmentAdded(let id, let name): return .addDepartment(id: id, name: name)
        case .participantJoined(let name, let department): return .join(name: name, department: department)
        case .participantLeft(let name): return .leave(name: name)
        case .stageChanged(_, let to): return .goTo(stage: to)
        case .stageLocked: return .lock
        case .stageUnlocked: return .unlock
        case .stageRevealed: return .reveal
        case .timerStarted(_, let seconds): return .timer(minutes: seconds / 60)
        case .rated(let rater, _, let item, let value): return .rate(who: rater.id, item: item, value: value)
        case .picked(let rater, _, let option): return .pick(who: rater.id, option: option)
        case .strategyDeclared(let department, let text): return .declareStrategy(department: department, text: text)
        case .knowsDeclared(let department, let other): return .knows(department: department, other: other)
        case .sharesDeclared(let department, let other): return .shares(department: department, other: other)
        case .noteAdded(_, let text): return .note(text: text)
        case .undone: return .undo
        case .sessionEnded: return .end
        case .roundStarted: return .round
        }
    }
}
