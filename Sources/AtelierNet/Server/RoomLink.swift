/// Why the room closes a participant's link. A terminal reads the last line;
/// a browser page shows each case its own way (and knows whether to come back).
public enum LinkClosing: Sendable, Hashable {
    /// It was waiting to join, and the lobby closed it to make room for a newer one.
    case crowded
    /// The facilitator removed the participant (`kick`).
    case kicked
    /// The seat was resumed over another link.
    case replaced
    /// The facilitator's atelier stopped; the session may be resumed.
    case paused
    /// The session ended.
    case ended
}

/// A participant's link to the room, whatever carries it: a terminal's TCP
/// connection, or a browser's seat (AtelierWeb). The room writes to it
/// without ever waiting, and closes it; it never reads from it.
public protocol RoomLink: AnyObject, Sendable {
    /// Where it comes from (an IP address): wrong codes are counted per address.
    var address: String { get }
    /// Lines for the participant (pushes: `* ` lines); false when the link is
    /// too far behind, in which case the room drops it.
    func deliver(_ lines: [String]) -> Bool
    /// Sends these last lines, then closes; `grace` bounds how long that may take.
    func close(after lines: [String], grace: Duration, because reason: LinkClosing)
    /// Closes at once, dropping whatever was not written.
    func drop()
}

extension RoomLink {
    /// Who the link is, for the room's tables.
    var id: ObjectIdentifier { ObjectIdentifier(self) }
}
