import AtelierCore
import AtelierNet
import Synchronization

/// What one browser socket is sent: the fragment to swap in, or a last one
/// before the socket is closed with a code (docs/web.md).
enum SocketMessage: Sendable, Equatable {
    case page(String)
    case close(code: UInt16, page: String?)
}

/// The WebSocket close codes the page's script reads (docs/web.md).
enum CloseCode {
    /// The session ended: the script does not come back.
    static let ended: UInt16 = 4000
    /// No seat (none, unknown, kicked, given up): the script does not come back.
    static let noSeat: UInt16 = 4001
    /// The facilitator's atelier stopped: the script comes back (`resume --listen`).
    static let goingAway: UInt16 = 1001
}

/// A browser participant in the room: one seat, held by any number of the
/// browser's sockets (tabs), or by none (forms only). The room writes to it
/// like to a terminal's connection; a write re-renders the page of each of
/// its sockets, later, from the session as it is then. Each socket keeps
/// only the newest fragment not yet sent, so a slow phone never holds the
/// room back and never reads an outdated page.
final class WebLink: RoomLink {
    struct State {
        var seat: Seat?
        /// The seat's token (the cookie's value).
        var token: String?
        var sockets: [Int: AsyncStream<SocketMessage>.Continuation] = [:]
        /// The stamp of the newest page given to each socket.
        var sent: [Int: UInt64] = [:]
        var nextSocket = 0
        /// Why the room closed it, once it did.
        var closing: LinkClosing?
        /// The last sentence the room gave on closing it (a full room).
        var farewell: String?
        var bucket: TokenBucket
        /// Bumped by each socket's close: a release waits for no socket to come back.
        var generation = 0
    }

    let address: String
    private let state: Mutex<State>
    /// Called when the room pushed something: the pages are to be rendered again.
    private let changed: @Sendable (WebLink) -> Void
    /// Called when the room closed the link.
    private let closed: @Sendable (WebLink, LinkClosing) -> Void

    init(
        address: String, bucket: TokenBucket, changed: @escaping @Sendable (WebLink) -> Void,
        closed: @escaping @Sendable (WebLink, LinkClosing) -> Void
    ) {
        self.address = address
        self.state = Mutex(State(bucket: bucket))
        self.changed = changed
        self.closed = closed
    }

    var seat: Seat? { state.withLock { $0.seat } }
    var token: String? { state.withLock { $0.token } }
    var closing: LinkClosing? { state.withLock { $0.closing } }
    var farewell: String? { state.withLock { $0.farewell } }
    var socketCount: Int { state.withLock { $0.sockets.count } }
    var generation: Int { state.withLock { $0.generation } }

    func seated(_ seat: Seat, token: String) {
        state.withLock {
            $0.seat = seat
            $0.token = token
        }
    }

    func setLocale(_ locale: String) { state.withLock { $0.seat?.locale = locale } }

    /// Flood control: the line protocol's bucket, per seat.
    func take(at now: Timestamp) -> Bool { state.withLock { $0.bucket.take(at: now) } }

    /// A socket of this seat opened: its messages, and its number.
    func open() -> (id: Int, messages: AsyncStream<SocketMessage>) {
        let (stream, continuation) = AsyncStream<SocketMessage>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let id = state.withLock { state in
            defer { state.nextSocket += 1 }
            state.sockets[state.nextSocket] = continuation
            return state.nextSocket
        }
        return (id, stream)
    }

    /// The socket closed; the number of sockets left.
    func shut(_ id: Int) -> Int {
        state.withLock { state in
            state.sockets.removeValue(forKey: id)?.finish()
            state.sent[id] = nil
            state.generation += 1
            return state.sockets.count
        }
    }

    /// Sends to one socket.
    func send(_ message: SocketMessage, to id: Int) {
        state.withLock { $0.sockets[id] }?.yield(message)
    }

    /// Sends a page rendered from the room's snapshot stamped `ticket` to one
    /// socket, unless it was given a page of a later snapshot already
    /// (renders finish in any order).
    func send(_ message: SocketMessage, to id: Int, ticket: UInt64) {
        state.withLock { state in
            guard let socket = state.sockets[id], state.sent[id, default: 0] < ticket else { return }
            state.sent[id] = ticket
            socket.yield(message)
        }
    }

    /// Sends to every socket but `skipped`; with a `ticket`, only to those
    /// not given a page of a later snapshot already.
    func send(_ message: SocketMessage, except skipped: Int? = nil, ticket: UInt64? = nil) {
        state.withLock { state in
            for (id, socket) in state.sockets where id != skipped {
                if let ticket {
                    guard state.sent[id, default: 0] < ticket else { continue }
                    state.sent[id] = ticket
                }
                socket.yield(message)
            }
        }
    }

    /// Sends a last message to every socket, and forgets them.
    func closeSockets(_ message: SocketMessage) {
        let targets = state.withLock { state in
            defer {
                state.sockets = [:]
                state.sent = [:]
            }
            return Array(state.sockets.values)
        }
        for target in targets {
            target.yield(message)
            target.finish()
        }
    }

    // MARK: - RoomLink

    func deliver(_ lines: [String]) -> Bool {
        let open = state.withLock { $0.closing == nil && $0.seat != nil }
        if open { changed(self) }
        return true
    }

    func close(after lines: [String], grace: Duration, because reason: LinkClosing) {
        let first = state.withLock { state -> Bool in
            guard state.closing == nil else { return false }
            state.closing = reason
            state.farewell = lines.last.map(Self.sentence)
            return true
        }
        if first { closed(self, reason) }
    }

    func drop() {
        close(after: [], grace: .zero, because: .paused)
    }

    /// A protocol line without its `error ` or `* ` mark.
    static func sentence(_ line: String) -> String {
        for mark in ["error ", "* ", "ok "] where line.hasPrefix(mark) { return String(line.dropFirst(mark.count)) }
        return line
    }
}
