import AtelierCore

/// The first line of a recording: which session, on which workshop (held in
/// full), in which language, since when, and how many events follow.
public struct RecordingHeader: Sendable, Hashable {
    public static let format = "atelier.recording"
    public static let version = 1

    public let session: String
    public let workshop: Workshop
    public let locale: String
    public let startedAt: Timestamp
    /// The number of event lines after the header; a shorter file is truncated.
    public let eventCount: Int

    public init(session: String, workshop: Workshop, locale: String, startedAt: Timestamp, eventCount: Int) {
        self.session = session
        self.workshop = workshop
        self.locale = locale
        self.startedAt = startedAt
        self.eventCount = eventCount
    }

    /// The header of a session's recording; `startedAt` falls back to 0 for a
    /// state that holds no event.
    public init(_ state: SessionState) {
        self.init(
            session: state.id, workshop: state.workshop, locale: state.locale, startedAt: state.startedAt ?? 0,
            eventCount: state.eventCount)
    }
}
