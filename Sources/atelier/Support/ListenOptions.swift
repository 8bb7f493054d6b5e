import ArgumentParser
import AtelierCore
import AtelierFiles
import AtelierNet
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

    @ArgumentParser.Option(help: "The most participant connections at once.")
    var maxParticipants = 500

    /// The REPL extension serving participants, or nil without `--listen`;
    /// exits with a clear message on a bad option.
    func network(_ cli: CLI, paths: XDGPaths) -> ParticipantNetwork? {
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
        let configuration = NetConfiguration(
            host: address.host, port: address.port, code: code, maxParticipants: maxParticipants)
        let logPath = paths.stateDirectory + "/net.log"
        let logger = Logger(label: "atelier.net") { FileLogHandler(label: $0, path: logPath) }
        return ParticipantNetwork(configuration: configuration, catalogs: cli.locales.catalogs, logger: logger)
    }
}
