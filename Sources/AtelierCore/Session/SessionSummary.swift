/// What `atelier sessions` shows of a session: the store keeps it with each
/// session, updated with every write of its events (`EventJournal.append`).
public struct SessionSummary: Sendable, Hashable {
    public let id: String
    public let workshopID: String
    public let workshopVersion: Int
    public let startedAt: Timestamp?
    public let lastEventAt: Timestamp?
    public let eventCount: Int
    /// Departments taking part (undone ones left out).
    public let departments: Int
    /// Participants who joined (undone joins left out), present or not.
    public let participants: Int
    public let endedAt: Timestamp?

    public var isOpen: Bool { endedAt == nil }

    public init(_ state: SessionState) {
        self.init(
            id: state.id, workshopID: state.workshop.id, workshopVersion: state.workshop.version,
            startedAt: state.startedAt, lastEventAt: state.lastEventAt, eventCount: state.eventCount,
            departments: state.departments.count, participants: state.participantOrder.count, endedAt: state.endedAt)
    }

    public init(
        id: String, workshopID: String, workshopVersion: Int, startedAt: Timestamp?, lastEventAt: Timestamp?,
        eventCount: Int, departments: Int, participants: Int, endedAt: Timestamp?
    ) {
        self.id = id
        self.workshopID = workshopID
        self.workshopVersion = workshopVersion
        self.startedAt = startedAt
        self.lastEventAt = lastEventAt
        self.eventCount = eventCount
        self.departments = departments
        self.participants = participants
        self.endedAt = endedAt
    }
}
