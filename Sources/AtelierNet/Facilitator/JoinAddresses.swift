import NIOCore

/// Where participants on other machines reach the session. Listening on
/// every interface (`0.0.0.0`, `::`) is not an address anyone can type: the
/// facilitator is shown the machine's own addresses instead.
public enum JoinAddresses {
    /// The addresses to show, most useful first: the host itself when it is
    /// one; else the addresses of the machine's interfaces that others can
    /// reach (no loopback, no IPv6 link-local), IPv4 first, and the
    /// loopback address when there is none.
    public static func shown(host: String, port: Int, interfaces: [SocketAddress]) -> [NetAddress] {
        let wildcard: Set<String> = ["0.0.0.0", "::"]
        guard wildcard.contains(host) else { return [NetAddress(host: host, port: port)] }
        let wantsIPv6 = host != "0.0.0.0"
        var v4: [String] = []
        var v6: [String] = []
        for address in interfaces {
            guard let ip = address.ipAddress else { continue }
            switch address {
            case .v4 where !ip.hasPrefix("127."):
                if !v4.contains(ip) { v4.append(ip) }
            case .v6 where wantsIPv6 && ip != "::1" && !ip.lowercased().hasPrefix("fe80:"):
                if !v6.contains(ip) { v6.append(ip) }
            default:
                continue
            }
        }
        let found = v4 + v6
        return (found.isEmpty ? ["127.0.0.1"] : found).map { NetAddress(host: $0, port: port) }
    }

    /// True when only this machine can reach a server listening on `host`.
    public static func isThisMachineOnly(_ host: String) -> Bool {
        ["127.0.0.1", "::1", "localhost"].contains(host)
    }

    /// The machine's interface addresses, as NIO lists them (none when the
    /// system refuses to list them).
    public static func machine() -> [SocketAddress] {
        ((try? System.enumerateDevices()) ?? []).compactMap(\.address)
    }
}

extension NetAddress: CustomStringConvertible {
    /// `HOST:PORT`, with an IPv6 host in brackets.
    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}
