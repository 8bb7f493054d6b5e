import NIOCore
import Synchronization

/// One participant's TCP connection as the room sees it: where it comes
/// from, how to write to it without waiting, and how to close it.
///
/// Lines are written straight to the channel (NIO queues them on the
/// connection's event loop, in order), so neither the room's pushes nor the
/// replies ever wait for a client. What NIO could not hand to the kernel yet
/// stays in the channel's write buffer; past its high water mark (the
/// server sets it to `outboxBytes`: a client that stopped reading) the
/// channel is no longer writable and the caller drops the connection.
final class Connection: RoomLink {
    let address: String
    let channel: any Channel
    private let closing = Atomic<Bool>(false)
    private let seated = Atomic<Bool>(false)

    init(address: String, channel: any Channel) {
        self.address = address
        self.channel = channel
    }

    var id: ObjectIdentifier { ObjectIdentifier(self) }

    /// True once the server decided to close it: its further lines are ignored.
    var isClosing: Bool { closing.load(ordering: .acquiring) }

    /// True once the connection joined or resumed (the join timeout no longer applies).
    var isSeated: Bool { seated.load(ordering: .acquiring) }

    func markSeated() { seated.store(true, ordering: .releasing) }

    /// Writes lines without waiting; false when the client is too far behind
    /// (nothing written), in which case the caller drops it.
    func deliver(_ lines: [String]) -> Bool {
        guard !lines.isEmpty, !isClosing else { return true }
        return write(lines)
    }

    private func write(_ lines: [String]) -> Bool {
        var buffer = channel.allocator.buffer(capacity: lines.reduce(0) { $0 + $1.utf8.count + 1 })
        for line in lines { LineEncoder.write(line, into: &buffer) }
        guard channel.isWritable else { return false }
        channel.writeAndFlush(buffer, promise: nil)
        return true
    }

    /// Sends these last lines, then closes; a client that does not read them
    /// within `grace` is closed anyway.
    func close(after lines: [String], grace: Duration) {
        guard !closing.exchange(true, ordering: .acquiringAndReleasing) else { return }
        if !lines.isEmpty { _ = write(lines) }
        // Shuts the output once the queued lines are written.
        channel.close(mode: .output, promise: nil)
        let channel = channel
        channel.eventLoop.scheduleTask(in: TimeAmount(grace)) { channel.close(promise: nil) }
    }

    /// A terminal reads the last lines: the reason needs no more.
    func close(after lines: [String], grace: Duration, because _: LinkClosing) {
        close(after: lines, grace: grace)
    }

    /// Closes at once, dropping whatever was not written.
    func drop() {
        closing.store(true, ordering: .releasing)
        channel.close(promise: nil)
    }
}
