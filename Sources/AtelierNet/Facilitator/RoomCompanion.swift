import AtelierCore

/// Another way into the same room, started and stopped with the participant
/// server: the browsers' side (AtelierWeb). The facilitator's terminal shows
/// its lines when the room opens and beside the join code.
public protocol RoomCompanion: Sendable {
    /// Starts serving through `door`; the lines to show the facilitator once
    /// (where it listens, the projector's address). Throws when it cannot listen.
    func start(door: RoomDoor, catalog: Catalog) async throws -> [String]
    /// The lines shown with the join code (when the room opens, and on `code`).
    func joinLines(code: String, catalog: Catalog) -> [String]
    /// Closes its connections; the participant server stops after it.
    func stop() async
}
