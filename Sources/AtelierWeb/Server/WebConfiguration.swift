import AtelierNet
import NIOCore

/// The browsers' side of the room: where it listens and its limits; the
/// defaults are the documented ones (docs/web.md). The per-participant
/// limits (flood, `--max-participants`, wrong codes) are the room's own,
/// in `NetConfiguration`.
public struct WebConfiguration: Sendable {
    public var host: String
    /// 0 lets the system choose a free port (tests).
    public var port: Int
    /// What `/screen` asks for; nil draws a random one.
    public var screenKey: String?
    /// A request body or a socket message: the line protocol's line.
    public var maxMessageBytes: Int
    /// An HTTP connection that sends nothing for this long is closed.
    public var idleTimeout: Duration
    /// A socket is pinged this often and closed when no pong comes back in time.
    public var pingEvery: Duration
    /// After a seat's last socket closed, how long it may come back before
    /// the participant is recorded as having left.
    public var leaveGrace: Duration
    /// How long a browser keeps the seat cookie, in seconds.
    public var cookieMaxAge: Int
    /// The machine's addresses, shown when listening on every interface.
    public var interfaces: @Sendable () -> [SocketAddress]

    public init(
        host: String = "127.0.0.1", port: Int = 0, screenKey: String? = nil, maxMessageBytes: Int = 1024,
        idleTimeout: Duration = .seconds(30), pingEvery: Duration = .seconds(15), leaveGrace: Duration = .seconds(20),
        cookieMaxAge: Int = 12 * 3600, interfaces: @escaping @Sendable () -> [SocketAddress] = JoinAddresses.machine
    ) {
        self.host = host
        self.port = port
        self.screenKey = screenKey
        self.maxMessageBytes = maxMessageBytes
        self.idleTimeout = idleTimeout
        self.pingEvery = pingEvery
        self.leaveGrace = leaveGrace
        self.cookieMaxAge = cookieMaxAge
        self.interfaces = interfaces
    }

    /// The browsers' address when `--web` is not given: the host of
    /// `--listen` and the next port up (0 stays 0: the system chooses).
    public static func beside(_ listen: NetConfiguration) -> (host: String, port: Int) {
        (listen.host, listen.port == 0 ? 0 : listen.port + 1)
    }
}
