/// Milliseconds since 1970-01-01T00:00:00Z. The adapter that receives a
/// command reads the clock; the core never does.
public typealias Timestamp = Int64

/// Who does something: the facilitator, or a participant by name.
public enum Actor: Sendable, Hashable, Codable {
    case facilitator
    case participant(String)

    public var participantName: String? {
        if case .participant(let name) = self { return name }
        return nil
    }
}

/// Who an answer belongs to: a participant, or a department answering as one
/// voice (the facilitator typing for the room).
public enum Rater: Sendable, Hashable, Codable, Comparable {
    case participant(String)
    case department(String)

    public var id: String {
        switch self {
        case .participant(let name): return name
        case .department(let id): return id
        }
    }
}

/// What someone asks the session to do.
public enum Action: Sendable, Hashable {
    case addDepartment(id: String, name: String)
    case join(name: String, department: String)
    case leave(name: String)
    case next
    case previous
    case goTo(stage: String)
    case lock
    case unlock
    case reveal
    /// Reopens the current stage, after a reveal, as its next round.
    case round
    case timer(minutes: Int)
    /// `who` names a participant or a department; `item` may be left out
    /// when the current stage has a single item.
    case rate(who: String, item: String?, value: Int)
    case pick(who: String, option: String)
    case declareStrategy(department: String, text: String)
    case knows(department: String, other: String)
    case shares(department: String, other: String)
    case note(text: String)
    case undo
    case end
}

/// An action with its actor and the time it was received.
public struct Command: Sendable, Hashable {
    public let actor: Actor
    public let action: Action
    public let time: Timestamp

    public init(actor: Actor, action: Action, time: Timestamp) {
        self.actor = actor
        self.action = action
        self.time = time
    }
}
