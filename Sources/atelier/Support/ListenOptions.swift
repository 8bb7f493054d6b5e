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

    /// Where participants and browsers join, or nil without `--listen`; a
    /// bad option is refused (exit 64) before anything is written.
    func listening(_ cli: CLI) throws -> Listening? {
        guard let listen else {
            if code != nil { try cli.refuse(LocalizedMessage("net.cli.code_without_listen")) }
            if web != nil { try cli.refuse(LocalizedMessage("web.cli.web_without_listen")) }
            return nil
        }
        guard let address = NetAddress.parse(listen, defaultHost: "127.0.0.1") else {
            try cli.refuse(LocalizedMessage("net.cli.bad_listen", ["address": .text(listen)]))
        }
        if let code, JoinCode.normalized(code) == nil {
            try cli.refuse(
                LocalizedMessage(
                    "net.cli.bad_code", ["code": .text(code), "alphabet": .text(String(JoinCode.alphabet))]))
        }
        guard maxParticipants > 0 else {
            try cli.refuse(LocalizedMessage("net.cli.bad_max", ["max": .count(maxParticipants)]))
        }
        let net = NetConfiguration(
            host: address.host, port: address.port, code: code, maxParticipants: maxParticipants)
        return Listening(net: net, web: try webConfiguration(net, cli))
    }

    /// Where browsers join: `--web`, else beside `--listen` (the next port up).
    private func webConfiguration(_ listening: NetConfiguration, _ cli: CLI) throws -> WebConfiguration {
        guard let web else {
            let (host, port) = WebConfiguration.beside(listening)
            guard port <= 65535 else {
                try cli.refuse(LocalizedMessage("web.cli.no_next_port", ["port": .text(String(listening.port))]))
            }
            return WebConfiguration(host: host, port: port)
        }
        guard let address = NetAddress.parse(web, defaultHost: listening.host) else {
            try cli.refuse(LocalizedMessage("web.cli.bad_web", ["address": .text(web)]))
        }
        return WebConfiguration(host: address.host, port: address.port)
    }

    /// The REPL extension serving participants; their seats are kept in the
    /// session's store, so that they resume after `atelier resume`.
    /// Browsers join the same room (`web`).
    static func network(
        _ listening: Listening, cli: CLI, paths: XDGPaths, store: any JournalStore, session: String
    ) -> ParticipantNetwork {
        let logPath = paths.stateDirectory + "/net.log"
        let logger = Logger(label: "atelier.net") { FileLogHandler(label: $0, path: logPath) }
        let webLogger = Logger(label: "atelier.web") { FileLogHandler(label: $0, path: logPath) }
        return ParticipantNetwork(
            configuration: listening.net, catalogs: cli.locales.catalogs, logger: logger,
            keeper: StoreSeats(store: store, session: session),
            companions: [WebServer(configuration: listening.web, logger: webLogger)])
    }
}

/// The addresses a live session listens on: the line protocol's and the browsers'.
struct Listening {
    let net: NetConfiguration
    let web: WebConfiguration

    /// Stops with one sentence (exit 1), before any session is created or
    /// taken up, when an address cannot be listened on (a busy port, most often).
    func checkAvailable(_ cli: CLI) async throws {
        for (host, port) in [(net.host, net.port), (web.host, web.port)] {
            switch await PortCheck.check(host: host, port: port) {
            case .free:
                continue
            case .inUse:
                try cli.fail(LocalizedMessage("net.cli.port_in_use", ["port": .text(String(port))]))
            case .failed(let reason):
                try cli.fail(
                    LocalizedMessage(
                        "net.cli.cannot_listen", ["address": .text("\(host):\(port)"), "reason": .text(reason)]))
            }
        }
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
