import AtelierCore
import AtelierREPL
import AtelierTerminal
import Logging
import NIOCore
import Synchronization

/// The network in the facilitator's REPL: starts the participant server on
/// the REPL's live session, shows the join code large, prints the room's
/// activity above the prompt, and adds the commands `code`, `code new`,
/// `kick NAME`, `lock-joins`, `unlock-joins` and `quiet on|off`.
public final class ParticipantNetwork: REPLExtension {
    private let configuration: NetConfiguration
    private let catalogs: [String: Catalog]
    private let logger: Logger
    private let keeper: (any SeatKeeper)?
    private let running = Mutex<(server: ParticipantServer?, feed: Task<Void, Never>?)>((nil, nil))
    private let addresses = Mutex<[NetAddress]>([])
    private let interfaces: @Sendable () -> [SocketAddress]
    private let companions: [any RoomCompanion]
    private let started = Mutex<[any RoomCompanion]>([])

    /// - Parameters:
    ///   - keeper: where participants' seats are kept, so that they resume
    ///     after the facilitator's atelier restarts (nil: in memory only).
    ///   - interfaces: the machine's addresses, shown when listening on
    ///     every interface.
    ///   - companions: other ways into the same room (the browsers' side).
    public init(
        configuration: NetConfiguration, catalogs: [String: Catalog], logger: Logger, keeper: (any SeatKeeper)? = nil,
        interfaces: @escaping @Sendable () -> [SocketAddress] = JoinAddresses.machine,
        companions: [any RoomCompanion] = []
    ) {
        self.companions = companions
        self.configuration = configuration
        self.catalogs = catalogs
        self.logger = logger
        self.keeper = keeper
        self.interfaces = interfaces
    }

    public var commands: [CommandSpec] { Self.commands }

    /// The network's entries of the facilitator's command table.
    static var commands: [CommandSpec] {
        func spec(_ word: String, _ forms: [CommandForm]) -> CommandSpec {
            CommandSpec(
                word: word, groupKey: "net.repl.group",
                helpKey: "net.repl.help.\(word.replacingOccurrences(of: "-", with: "_"))", forms: forms)
        }
        return [
            spec("code", [CommandForm([]), CommandForm([.word("new")])]),
            spec("kick", [CommandForm([.slot(Slot("name", .participant))])]),
            spec("lock-joins", [CommandForm([])]),
            spec("unlock-joins", [CommandForm([])]),
            spec("quiet", [CommandForm([.slot(Slot("mode", .choice(["on", "off"])))])]),
        ]
    }

    public func started(in context: REPLContext) async {
        let console = context.console
        let server: ParticipantServer
        let port: Int
        do {
            server = try ParticipantServer(
                session: context.live, catalogs: catalogs, facilitator: context.catalog, configuration: configuration,
                logger: logger, keeper: keeper)
            port = try await server.start()
        } catch {
            console.error(
                context.catalog.text(
                    "net.repl.listen_failed",
                    ["address": .text("\(configuration.host):\(configuration.port)"), "reason": .text("\(error)")]))
            return
        }
        let feed = Task {
            // The count of who answered and the incidents show even when
            // quiet, which hides joins, leaves and answers one by one.
            for await line in await server.feed() {
                await context.shown(line.after)
                console.line(line.text)
            }
        }
        running.withLock { $0 = (server, feed) }
        let shown = JoinAddresses.shown(host: configuration.host, port: port, interfaces: interfaces())
        addresses.withLock { $0 = shown }
        var lines = [context.catalog.text("net.repl.listening", ["address": .list(shown.map(\.description))])]
        if JoinAddresses.isThisMachineOnly(configuration.host) {
            lines.append(context.catalog.text("net.repl.this_machine_only", ["port": .text(String(port))]))
        }
        if let door = server.door {
            for companion in companions {
                do {
                    lines += try await companion.start(door: door, catalog: context.catalog)
                    started.withLock { $0.append(companion) }
                } catch {
                    console.error(
                        context.catalog.text("web.repl.failed", ["reason": .text(String(describing: error))]))
                }
            }
        }
        if let awaited = await server.awaitedLine() { lines.append(awaited) }
        console.lines(lines + show(await server.currentCode(), context.catalog))
    }

    public func run(_ command: CustomCommand, in context: REPLContext) async -> Bool {
        let console = context.console
        guard let server = running.withLock({ $0.server }) else {
            console.error(context.catalog.text("net.repl.not_listening"))
            return false
        }
        switch command.word {
        case "code":
            let code = command.arguments.has(word: "new") ? await server.newCode() : await server.currentCode()
            console.lines(show(code, context.catalog))
        case "kick":
            let (done, text) = await server.kick(command.arguments.text("name"))
            guard done else {
                console.error(text)
                return false
            }
            console.line(text)
        case "lock-joins", "unlock-joins":
            console.line(await server.setJoinsLocked(command.word == "lock-joins"))
        default:
            let on = command.arguments["mode"] == "on"
            console.quiet = on
            console.line(context.catalog.text(on ? "net.repl.quiet_on" : "net.repl.quiet_off"))
        }
        return true
    }

    /// Closes every participant's connection; call when the REPL ends.
    public func stop() async {
        let (server, feed) = running.withLock { running in
            defer { running = (nil, nil) }
            return running
        }
        let companions = started.withLock { started in
            defer { started = [] }
            return started
        }
        for companion in companions { await companion.stop() }
        await server?.stop()
        feed?.cancel()
    }

    /// The code large, then how to join at the first address shown.
    private func show(_ code: String, _ catalog: Catalog) -> [String] {
        let address = addresses.withLock { $0.first } ?? NetAddress(host: configuration.host, port: configuration.port)
        return [""] + BigCode.lines(code).map { "    " + $0 } + [
            "",
            catalog.text("net.repl.code", ["code": .text(code)]),
            catalog.text("net.repl.how_to_join", ["address": .text(address.description), "code": .text(code)]),
            catalog.text(
                "net.repl.how_to_join_nc",
                ["code": .text(code), "host": .text(address.host), "port": .text(String(address.port))]),
            "",
        ] + started.withLock { $0 }.flatMap { $0.joinLines(code: code, catalog: catalog) }
    }
}
