import ArgumentParser
import AtelierCore
import AtelierFiles
import AtelierNet
import AtelierStore
import AtelierWeb
import Foundation
import Logging

/// `--listen`, `--code`, `--max-participants`: opening a session to
/// participants over the network (`atelier run`).
struct ListenOptions: ParsableArguments {
    @ArgumentParser.Option(
        help: "Let participants join on [HOST:]PORT (HOST 127.0.0.1 unless given; 0.0.0.0 for every interface).")
    var listen: String?

    @ArgumentParser.Option(
        help: "Let browsers join on [HOST:]PORT (default: the host of --listen and the next port up).")
    var web: String?

    @ArgumentParser.Option(help: "The join code, 6 characters without look-alikes (default: a random one).")
    var code: String?

    @ArgumentParser.Option(help: "The most participants joined at once (connections not joined yet are limited apart).")
    var maxParticipants = 500

    /// The network's settings, or nil without `--listen`; exits with a clear
    /// message on a bad option (before anything is written).
    func configuration(_ cli: CLI) -> NetConfiguration? {
        guard let listen else {
            if code != nil { cli.fail(LocalizedMessage("net.cli.code_without_listen"), code: CLI.usage) }
            if web != nil { cli.fail(LocalizedMessage("web.cli.web_without_listen"), code: CLI.usage) }
            return nil
        }
        guard let address = NetAddress.parse(listen, defaultHost: "127.0.0.1") else {
            cli.fail(LocalizedMessage("net.cli.bad_listen", ["address": .text(listen)]), code: CLI.usage)
        }
        if let code, JoinCode.normalized(code) == nil {
            cli.fail(
                LocalizedMessage(
                    "net.cli.bad_code", ["code": .text(code), "alphabet": .text(String(JoinCode.alphabet))]),
                code: CLI.usage)
        }
        guard maxParticipants > 0 else {
            cli.fail(LocalizedMessage("net.cli.bad_max", ["max": .count(maxParticipants)]), code: CLI.usage)
        }
        return NetConfiguration(host: address.host, port: address.port, code: code, maxParticipants: maxParticipants)
    }

    /// Where browsers join: `--web`, else beside `--listen` (the next port
    /// up); exits with a clear message on a bad address.
    func webConfiguration(_ listening: NetConfiguration, _ cli: CLI) -> WebConfiguration {
        guard let web else {
            let (host, port) = WebConfiguration.beside(listening)
            guard port <= 65535 else {
                cli.fail(
                    LocalizedMessage("web.cli.no_next_port", ["port": .text(String(listening.port))]), code: CLI.usage)
            }
            return WebConfiguration(host: host, port: port)
        }
        guard let address = NetAddress.parse(web, defaultHost: listening.host) else {
            cli.fail(LocalizedMessage("web.cli.bad_web", ["address": .text(web)]), code: CLI.usage)
        }
        return WebConfiguration(host: address.host, port: address.port)
    }

    /// Stops with one sentence, before any session is created or taken up,
    /// when the address cannot be listened on (a busy port, most often).
    static func checkAvailable(_ configuration: NetConfiguration?, cli: CLI) async {
        guard let configuration else { return }
        switch await PortCheck.check(host: configuration.host, port: configuration.port) {
        case .free:
            return
        case .inUse:
            cli.fail(LocalizedMessage("net.cli.port_in_use", ["port": .text(String(configuration.port))]))
        case .failed(let reason):
            cli.fail(
                LocalizedMessage(
                    "net.cli.cannot_listen",
                    ["address": .text("\(configuration.host):\(configuration.port)"), "reason": .text(reason)]))
        }
    }

    /// The same for the line protocol's address and the browsers'.
    static func checkAvailable(_ listening: (NetConfiguration, WebConfiguration)?, cli: CLI) async {
        guard let (net, web) = listening else { return }
        await checkAvailable(net, cli: cli)
        await checkAvailable(NetConfiguration(host: web.host, port: web.port), cli: cli)
    }

    /// The REPL extension serving participants; their seats are kept in the
    /// session's store, so that they resume after `atelier resume`.
    /// Browsers join the same room (`web`).
    static func network(
        _ configuration: NetConfiguration, web: WebConfiguration, cli: CLI, paths: XDGPaths, store: any JournalStore,
        session: String
    ) -> ParticipantNetwork {
        let logPath = paths.stateDirectory + "/net.log"
        let logger = Logger(label: "atelier.net") { FileLogHandler(label: $0, path: logPath) }
        let webLogger = Logger(label: "atelier.web") { FileLogHandler(label: $0, path: logPath) }
        return ParticipantNetwork(
            configuration: configuration, catalogs: cli.locales.catalogs, logger: logger,
            keeper: StoreSeats(store: store, session: session),
            companions: [WebServer(configuration: web, logger: webLogger)])
    }
}

/// The participants' seats in the session's store.
struct StoreSeats: SeatKeeper {
    let store: any JournalStore
    let session: String

    func seats() throws -> [Seat] {
        try store.seats(session: session).map {
            Seat(name: $0.name, department: $0.department, tokenDigest: $0.tokenDigest, locale: $0.locale)
        }
    }

    func save(_ seat: Seat) throws {
        let stored = StoredSeat(
            name: seat.name, department: seat.department, locale: seat.locale, tokenDigest: seat.tokenDigest)
        try store.saveSeat(stored, session: session)
    }

    func remove(name: String) throws {
        try store.removeSeat(name: name, session: session)
    }
}
