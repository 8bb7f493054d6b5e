import ArgumentParser
import AtelierCore
import AtelierFiles
import AtelierNet
import AtelierStore
import Foundation
import Logging

/// `--listen`, `--code`, `--max-participants`: opening a session to
/// participants over the network (`atelier run`).
struct ListenOptions: ParsableArguments {
    @ArgumentParser.Option(
        help: "Let participants join on [HOST:]PORT (HOST 127.0.0.1 unless given; 0.0.0.0 for every interface).")
    var listen: String?

    @ArgumentParser.Option(help: "The join code, 6 characters without look-alikes (default: a random one).")
    var code: String?

    @ArgumentParser.Option(help: "The most participants joined at once (connections not joined yet are limited apart).")
    var maxParticipants = 500

    /// The network's settings, or nil without `--listen`; exits with a clear
    /// message on a bad option (before anything is written).
    func configuration(_ cli: CLI) -> NetConfiguration? {
        guard let listen else {
            if code != nil { cli.fail(LocalizedMessage("net.cli.code_without_listen"), code: CLI.usage) }
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

    /// The REPL extension serving participants; their seats are kept in the
    /// session's store, so that they resume after `atelier resume`.
    static func network(
        _ configuration: NetConfiguration, cli: CLI, paths: XDGPaths, store: SessionStore, session: String
    ) -> ParticipantNetwork {
        let logPath = paths.stateDirectory + "/net.log"
        let logger = Logger(label: "atelier.net") { FileLogHandler(label: $0, path: logPath) }
        return ParticipantNetwork(
            configuration: configuration, catalogs: cli.locales.catalogs, logger: logger,
            keeper: StoreSeats(store: store, session: session))
    }
}

/// The participants' seats in the session's store.
struct StoreSeats: SeatKeeper {
    let store: SessionStore
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
