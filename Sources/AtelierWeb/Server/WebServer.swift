import AtelierCore
import AtelierNet
import Hummingbird
import HummingbirdWebSocket
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization

/// The room in a browser: a Hummingbird server (HTTP/1.1 with a WebSocket
/// upgrade) beside the line protocol's, on the same room. Started and
/// stopped with it by the facilitator's `ParticipantNetwork`.
public final class WebServer: RoomCompanion {
    private struct Running: Sendable {
        let group: ServiceGroup
        let task: Task<Void, any Error>
        let following: Task<Void, Never>
        let room: WebRoom
        let port: Int
    }

    public let configuration: WebConfiguration
    /// What `/screen?key=` asks for.
    public let screenKey: String
    private let logger: Logger
    private let running = Mutex<Running?>(nil)

    public init(configuration: WebConfiguration, logger: Logger = Logger(label: "atelier.web")) {
        self.configuration = configuration
        self.screenKey = configuration.screenKey ?? SessionToken.random()
        self.logger = logger
    }

    /// The port it listens on, once started.
    public var port: Int? { running.withLock { $0?.port } }

    // MARK: - RoomCompanion

    public func start(door: RoomDoor, catalog: Catalog) async throws -> [String] {
        let room = WebRoom(door: door, configuration: configuration)
        let routes = WebRoutes(room: room, configuration: configuration, screenKey: screenKey, logger: logger)
        let router = routes.router()
        let (ports, portsIn) = AsyncStream<Int>.makeStream()
        let app = Application(
            router: router,
            server: .http1WebSocketUpgrade(
                webSocketRouter: router,
                configuration: .init(
                    http1: .init(idleTimeout: TimeAmount(configuration.idleTimeout)),
                    ws: .init(
                        maxFrameSize: configuration.maxMessageBytes,
                        autoPing: .enabled(timePeriod: configuration.pingEvery),
                        closeTimeout: .seconds(5)))),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in
                portsIn.yield(channel.localAddress?.port ?? 0)
                portsIn.finish()
            },
            logger: logger)
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], logger: logger))
        let task = Task {
            defer { portsIn.finish() }
            try await group.run()
        }
        var bound: Int?
        for await port in ports { bound = port }
        guard let port = bound else {
            // It stopped before listening: the reason is the run's error.
            try await task.value
            throw WebServerError.notListening
        }
        let shown = JoinAddresses.shown(host: configuration.host, port: port, interfaces: configuration.interfaces())
        await room.setOrigin("http://" + (shown.first?.description ?? "\(configuration.host):\(port)"))
        let following = Task {
            for await batches in await door.live.events() {
                await room.pushScreens()
                await room.pushStatements(batches)
            }
        }
        running.withLock { $0 = Running(group: group, task: task, following: following, room: room, port: port) }
        logger.info("listening", metadata: ["host": "\(configuration.host)", "port": "\(port)"])
        var lines = [catalog.text("web.repl.listening", ["address": .list(shown.map { "http://\($0)/" })])]
        if JoinAddresses.isThisMachineOnly(configuration.host) {
            lines.append(
                catalog.text(
                    "web.repl.this_machine_only",
                    [
                        "url": .text("http://\(shown.first?.description ?? "")/"),
                        "port": .text(door.limits.port == 0 ? "PORT" : String(door.limits.port)),
                    ]))
        }
        return lines
    }

    public func joinLines(code: String, catalog: Catalog) -> [String] {
        guard let port else { return [] }
        let shown = JoinAddresses.shown(host: configuration.host, port: port, interfaces: configuration.interfaces())
        guard let first = shown.first else { return [] }
        let url = "http://\(first)/?code=\(code)"
        var lines = [catalog.text("web.repl.join_url", ["url": .text(url)])]
        if let room = running.withLock({ $0?.room }) { Task { await room.pushScreens() } }
        if !JoinAddresses.isThisMachineOnly(configuration.host), let matrix = QRMatrix(encoding: url) {
            lines += [""] + HalfBlockQR.lines(matrix).map { "    " + $0 } + [""]
        }
        lines.append(catalog.text("web.repl.screen", ["url": .text("http://\(first)/screen?key=\(screenKey)")]))
        return lines
    }

    public func stop() async {
        guard
            let running = running.withLock({ running in
                defer { running = nil }
                return running
            })
        else { return }
        await running.room.stop()
        running.following.cancel()
        await running.group.triggerGracefulShutdown()
        _ = try? await running.task.value
    }
}

public enum WebServerError: Error, Sendable {
    /// The server stopped before it listened.
    case notListening
}
