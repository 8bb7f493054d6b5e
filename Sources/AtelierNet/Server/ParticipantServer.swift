import AtelierCore
import AtelierLive
import Logging
import NIOCore
import NIOPosix
import Synchronization

/// The server participants join with `atelier join` or `nc`: SwiftNIO for
/// the sockets and the line framing, Swift concurrency for the rest. Every
/// participant command goes to the same `LiveSession` as the facilitator's.
public final class ParticipantServer: Sendable {
    public enum SetupError: Error, Sendable {
        /// The `--code` given is not six characters of the join-code alphabet.
        case invalidCode(String)
    }

    private struct Running: Sendable {
        let server: any Channel
        let accepting: Task<Void, Never>
        let following: Task<Void, Never>
        /// Records as left, once the resume window is over, those who did not resume.
        let releasing: Task<Void, Never>
        /// Tells, once a window is over, the sums of repeated incidents that stopped.
        let summing: Task<Void, Never>
    }

    private let session: LiveSession
    private let catalogs: [String: Catalog]
    private let facilitator: Catalog
    private let configuration: NetConfiguration
    private let logger: Logger
    private let keeper: (any SeatKeeper)?
    private let code: String
    private let state = Mutex<(room: Room?, running: Running?, door: RoomDoor?)>((nil, nil, nil))

    /// A participant's connection: framed lines in; lines out are written
    /// straight to the channel by `Connection`.
    typealias Child = NIOAsyncChannel<InboundLine, Never>

    /// - Parameters:
    ///   - catalogs: the languages participants may choose, by code.
    ///   - facilitator: the language of the facilitator's view of the room.
    ///   - keeper: where seats are kept, so that participants resume after a
    ///     restart (nil: in memory only).
    public init(
        session: LiveSession, catalogs: [String: Catalog], facilitator: Catalog,
        configuration: NetConfiguration = NetConfiguration(), logger: Logger = Logger(label: "atelier.net"),
        keeper: (any SeatKeeper)? = nil
    ) throws(SetupError) {
        if let given = configuration.code {
            guard let code = JoinCode.normalized(given) else { throw .invalidCode(given) }
            self.code = code
        } else {
            self.code = JoinCode.random()
        }
        self.session = session
        self.catalogs = catalogs
        self.facilitator = facilitator
        self.configuration = configuration
        self.logger = logger
        self.keeper = keeper
    }

    /// Binds, starts accepting participants and following the session;
    /// returns the port it listens on.
    @discardableResult
    public func start() async throws -> Int {
        let (initial, writes) = session.followStates()
        // The seats of those still in the session when the facilitator's
        // atelier stopped without closing their connections: they resume.
        // Those recorded as having left join again (and get a new token).
        var saved: [Seat] = []
        do {
            saved = try keeper?.seats().filter { initial.participants[$0.name]?.present == true } ?? []
        } catch {
            logger.error("seats not read", metadata: ["reason": "\(error)"])
        }
        let room = Room(
            session: session, state: initial, catalogs: catalogs, facilitator: facilitator, code: code,
            configuration: configuration, logger: logger, keeper: keeper, seats: saved)
        let following = Task {
            for await write in writes { await room.absorb(write) }
        }
        let window = configuration.resumeWindow
        let releasing = Task {
            guard !saved.isEmpty else { return }
            do { try await Task.sleep(for: window) } catch { return }
            await room.releaseUnclaimed()
        }
        let summaryWindow = configuration.summaryWindow
        let summing = Task {
            while true {
                do { try await Task.sleep(for: summaryWindow) } catch { return }
                await room.flushSums()
            }
        }
        let confirmations = Confirmations(workshop: initial.workshop, catalogs: catalogs.values)
        let server: NIOAsyncChannel<Child, Never>
        do {
            server = try await bind()
        } catch {
            following.cancel()
            releasing.cancel()
            summing.cancel()
            throw error
        }
        let accepting = Task<Void, Never> { [self] in
            _ = try? await server.executeThenClose { inbound in
                await withDiscardingTaskGroup { group in
                    do {
                        for try await child in inbound {
                            let executor = EventLoopTaskExecutor(loop: child.channel.eventLoop)
                            group.addTask(executorPreference: executor) {
                                await self.serve(child, room: room, confirmations: confirmations)
                            }
                        }
                    } catch {
                        logger.error("accept failed", metadata: ["error": "\(error)"])
                    }
                }
            }
        }
        let door = RoomDoor(
            room: room, session: session, workshop: initial.workshop, confirmations: confirmations,
            configuration: configuration)
        state.withLock {
            $0 = (
                room,
                Running(
                    server: server.channel, accepting: accepting, following: following, releasing: releasing,
                    summing: summing),
                door
            )
        }
        logger.info(
            "listening",
            metadata: ["host": "\(configuration.host)", "port": "\(server.channel.localAddress?.port ?? 0)"])
        return server.channel.localAddress?.port ?? configuration.port
    }

    /// Stops accepting, tells every participant the session is over, and
    /// waits until every connection is closed.
    public func stop() async {
        guard
            let (room, running) = state.withLock({ state in
                defer { state.running = nil }
                return state.room.flatMap { room in state.running.map { (room, $0) } }
            })
        else { return }
        running.server.close(promise: nil)
        running.releasing.cancel()
        running.summing.cancel()
        await room.closeAll()
        await running.accepting.value
        // Every connection is closed and its participant recorded as left:
        // those who never came back after a restart leave too.
        await room.releaseUnclaimed()
        running.following.cancel()
        await room.finishFeeds()
    }

    private func bind() async throws -> NIOAsyncChannel<Child, Never> {
        let limits = configuration.lineLimits
        var bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .serverChannelOption(.backlog, value: 1024)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelOption(.allowRemoteHalfClosure, value: true)
            .childChannelOption(
                .writeBufferWaterMark,
                value: .init(low: configuration.outboxBytes / 2, high: configuration.outboxBytes))
        if let bytes = configuration.sendBufferBytes {
            bootstrap = bootstrap.childChannelOption(.socketOption(.so_sndbuf), value: SocketOptionValue(bytes))
        }
        return try await bootstrap.bind(host: configuration.host, port: configuration.port) { channel in
            channel.eventLoop.makeCompletedFuture {
                try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(LineFrameDecoder(limits: limits)))
                return try Child(wrappingChannelSynchronously: channel)
            }
        }
    }

    private func serve(_ child: Child, room: Room, confirmations: Confirmations) async {
        let connection = Connection(address: child.channel.remoteAddress?.ipAddress ?? "?", channel: child.channel)
        let admitted = await room.admit(connection)
        let loop = ConnectionLoop(
            connection: connection, room: room, session: session, workshop: await room.mirror.workshop,
            catalogs: catalogs, confirmations: confirmations, catalog: await room.catalog(room.defaultLocale),
            configuration: configuration)
        let configuration = configuration
        try? await child.executeThenClose { inbound, _ in
            if admitted {
                let timeout = Task {
                    do { try await Task.sleep(for: configuration.joinTimeout) } catch { return }
                    guard !connection.isSeated, !connection.isClosing else { return }
                    let catalog = await room.catalog(room.defaultLocale)
                    connection.close(
                        after: ["error " + catalog.text("net.join_timeout")], grace: configuration.closeGrace)
                }
                await loop.run(inbound)
                timeout.cancel()
                connection.close(after: [], grace: configuration.closeGrace)
            }
            // The last lines go out before the channel closes (at most `closeGrace`).
            try? await child.channel.closeFuture.get()
        }
        await room.disconnected(connection)
    }

    // MARK: - The facilitator's commands

    private var room: Room? { state.withLock { $0.room } }

    /// The current join code.
    public func currentCode() async -> String { await room?.code ?? code }

    /// Draws a new join code; the old one stops working. Participants already
    /// in keep their seats and tokens.
    public func newCode() async -> String { await room?.newCode() ?? code }

    /// `kick NAME`: closes the participant's connection and revokes their
    /// token; false with the reason when no such participant joined.
    public func kick(_ name: String) async -> (done: Bool, text: String) { await room?.kick(name) ?? (false, "") }

    /// The same room for another adapter (the browsers' side), once started.
    public var door: RoomDoor? { state.withLock { $0.door } }

    /// The port it listens on, once started.
    public var port: Int? { state.withLock { $0.running?.server.localAddress?.port } }

    /// `lock-joins` / `unlock-joins`; `resume` keeps working.
    public func setJoinsLocked(_ locked: Bool) async -> String { await room?.setJoinsLocked(locked) ?? "" }

    /// The network's lines for the facilitator's live view, in the
    /// facilitator's language: how many present have answered the current
    /// stage when that changes, and incidents (wrong codes, dropped clients).
    /// After `resume --listen`: who is expected back with their token, in
    /// the facilitator's language (nil when nobody).
    public func awaitedLine() async -> String? { await room?.awaitedLine() }

    public func feed() async -> AsyncStream<FeedLine> {
        guard let room else { return AsyncStream { $0.finish() } }
        return await room.feed()
    }
}
