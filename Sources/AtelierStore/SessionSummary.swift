import AtelierCore

/// One line of `atelier sessions`.
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
        id = state.id
        workshopID = state.workshop.id
        workshopVersion = state.workshop.version
        startedAt = state.startedAt
        lastEventAt = state.lastEventAt
        eventCount = state.eventCount
        departments = state.departments.count
        participants = state.participantOrder.count
        endedAt = state.endedAt
    }
}
