/// Something that happened in a session. Events are the session's only
/// truth: the state is their fold. Their encoding is stable and versioned
/// (`EventSchema`, docs/recording-format.md).
public enum Event: Sendable, Hashable {
    /// `criteria`: the consensus criteria in force (`ConsensusCriteria.recorded`);
    /// `workshopDigest`: the SHA-256 of the workshop definition as stored, in
    /// hexadecimal. Both absent in sessions started before rounds existed.
    /// `anonymous` and `minGroup`: the session's privacy (`Pseudonym`,
    /// `SmallGroups`), absent (false, nil) in sessions without it.
    case sessionStarted(
        workshop: String, version: Int, locale: String, criteria: String? = nil, workshopDigest: String? = nil,
        anonymous: Bool = false, minGroup: Int? = nil)
    case departmentAdded(id: String, name: String)
    case participantJoined(name: String, department: String)
    case participantLeft(name: String)
    case stageChanged(from: String, to: String)
    case stageLocked(stage: String)
    case stageUnlocked(stage: String)
    case stageRevealed(stage: String)
    case timerStarted(stage: String, seconds: Int)
    case rated(rater: Rater, stage: String, item: String, value: Int)
    case picked(rater: Rater, stage: String, option: String)
    case strategyDeclared(department: String, text: String)
    case knowsDeclared(department: String, other: String)
    case sharesDeclared(department: String, other: String)
    case noteAdded(stage: String, text: String)
    /// Compensates the event with this sequence number: the journal is never edited.
    case undone(seq: Int64)
    case sessionEnded
    /// The facilitator reopened a revealed stage as its next round (2, 3, ...).
    case roundStarted(stage: String, round: Int)

    /// The stable name written in the `type` field (`EventSchema`).
    public var type: String { EventSchema.kinds[kind].type }
}

/// An event as the journal holds it: its place in the session, its time and
/// who caused it.
public struct RecordedEvent: Sendable, Hashable {
    public static let schemaVersion = 1

    public let seq: Int64
    public let time: Timestamp
    public let actor: Actor
    public let event: Event

    public init(seq: Int64, time: Timestamp, actor: Actor, event: Event) {
        self.seq = seq
        self.time = time
        self.actor = actor
        self.event = event
    }
}
