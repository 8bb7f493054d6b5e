import AtelierCore
import AtelierLive
import Foundation

/// Everything the participant server can be told; the defaults are the
/// documented limits (docs/protocol.md). Tests shorten the times and inject
/// the clock.
public struct NetConfiguration: Sendable {
    public var host: String
    /// 0 lets the system choose a free port (tests).
    public var port: Int
    /// The join code; nil draws a fresh one.
    public var code: String?
    /// Joined participants connected at most (connections that have not
    /// joined yet are not counted: see `lobbyPerAddress`, `lobbyOverall`).
    public var maxParticipants: Int
    /// A connection that has not joined (or resumed) after this is closed.
    public var joinTimeout: Duration
    /// Connections not joined yet, from one address and overall, past which
    /// an older waiting one is closed to make room (`Lobby`): from the same
    /// address, one that waited at least `lobbyGrace`; overall, the oldest
    /// from the address holding the most.
    public var lobbyPerAddress: Int
    public var lobbyOverall: Int
    public var lobbyGrace: Duration
    /// Wrong codes and tokens an address may make in a row, and how often
    /// one is forgiven (`WrongCodeLimiter`).
    public var wrongCodeBurst: Int
    public var wrongCodeForgiveness: Duration
    /// Repeated incidents (wrong codes, connections closed to make room) are
    /// told once, then summed at most once per this window, on the
    /// facilitator's screen and in the log.
    public var summaryWindow: Duration
    public var lineLimits: LineLimits
    /// Flood control: a burst of `floodBurst` lines, then `floodPerSecond` a second.
    public var floodBurst: Int
    public var floodPerSecond: Int
    /// Lines refused in a row for flooding after which the connection is closed.
    public var floodRefusalsBeforeClose: Int
    /// Bytes waiting for a client that does not read, after which it is dropped.
    public var outboxBytes: Int
    /// How long a closing connection may take to read its last lines.
    public var closeGrace: Duration
    public var penalty: WrongCodePenalty
    /// The time of each received line, in milliseconds since the epoch.
    public var clock: @Sendable () -> Timestamp
    /// How the penalty is waited for (tests record it instead).
    public var penaltySleep: @Sendable (Duration) async -> Void
    /// How a stage timer is waited for before its time-up push (tests shorten it).
    public var timerSleep: @Sendable (Duration) async throws -> Void
    /// The kernel send buffer of each connection (tests make it small); nil keeps the system's.
    public var sendBufferBytes: Int?
    /// After a restart, how long the participants still in the session have
    /// to resume before they are recorded as having left (the client retries
    /// for two minutes).
    public var resumeWindow: Duration

    public init(
        host: String = "127.0.0.1", port: Int = 0, code: String? = nil, maxParticipants: Int = 500,
        joinTimeout: Duration = .seconds(20), lobbyPerAddress: Int = 16, lobbyOverall: Int = 512,
        lobbyGrace: Duration = .seconds(2),
        wrongCodeBurst: Int = 10, wrongCodeForgiveness: Duration = .seconds(3), summaryWindow: Duration = .seconds(60),
        lineLimits: LineLimits = LineLimits(), floodBurst: Int = 10,
        floodPerSecond: Int = 5, floodRefusalsBeforeClose: Int = 30, outboxBytes: Int = 256 * 1024,
        closeGrace: Duration = .seconds(2), penalty: WrongCodePenalty = WrongCodePenalty(),
        clock: @escaping @Sendable () -> Timestamp = WallClock.now,
        penaltySleep: @escaping @Sendable (Duration) async -> Void = { try? await Task.sleep(for: $0) },
        timerSleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
        sendBufferBytes: Int? = nil, resumeWindow: Duration = .seconds(120)
    ) {
        self.host = host
        self.port = port
        self.code = code
        self.maxParticipants = maxParticipants
        self.joinTimeout = joinTimeout
        self.lobbyPerAddress = lobbyPerAddress
        self.lobbyOverall = lobbyOverall
        self.lobbyGrace = lobbyGrace
        self.wrongCodeBurst = wrongCodeBurst
        self.wrongCodeForgiveness = wrongCodeForgiveness
        self.summaryWindow = summaryWindow
        self.lineLimits = lineLimits
        self.floodBurst = floodBurst
        self.floodPerSecond = floodPerSecond
        self.floodRefusalsBeforeClose = floodRefusalsBeforeClose
        self.outboxBytes = outboxBytes
        self.closeGrace = closeGrace
        self.penalty = penalty
        self.clock = clock
        self.penaltySleep = penaltySleep
        self.timerSleep = timerSleep
        self.sendBufferBytes = sendBufferBytes
        self.resumeWindow = resumeWindow
    }

    /// A duration in whole milliseconds, for the limits that count in the clock's unit.
    static func milliseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
