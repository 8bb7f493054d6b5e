import NIOCore
import Synchronization

/// One participant's TCP connection as the room sees it: where it comes
/// from, its bounded outbox, and how to close it.
final class Connection: Sendable {
    let address: String
    let channel: any Channel
    let outbox: Outbox
    private let closing = Atomic<Bool>(false)
    private let seated = Atomic<Bool>(false)

    init(address: String, channel: any Channel, outboxBytes: Int) {
        self.address = address
        self.channel = channel
        self.outbox = Outbox(maxBytes: outboxBytes)
    }

    var id: ObjectIdentifier { ObjectIdentifier(self) }

    /// True once the server decided to close it: its further lines are ignored.
    var isClosing: Bool { closing.load(ordering: .acquiring) }

    /// True once the connection joined or resumed (the join timeout no longer applies).
    var isSeated: Bool { seated.load(ordering: .acquiring) }

    func markSeated() { seated.store(true, ordering: .releasing) }

    /// Queues lines without waiting; false when the client is too far
    /// behind, in which case the caller drops it.
    func deliver(_ lines: [String]) -> Bool {
        outbox.send(lines)
    }

    /// Sends these last lines, then closes; a client that does not read them
    /// within `grace` is closed anyway.
    func close(after lines: [String], grace: Duration) {
        closing.store(true, ordering: .releasing)
        outbox.send(lines)
        outbox.finish()
        let channel = channel
        channel.eventLoop.scheduleTask(in: TimeAmount(grace)) { channel.close(promise: nil) }
    }

    /// Closes at once, dropping whatever was not written.
    func drop() {
        closing.store(true, ordering: .releasing)
        outbox.finish()
        channel.close(promise: nil)
    }
}
