import NIOCore
import NIOPosix

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Whether the address `--listen` names can be listened on, tried with the
/// server's own socket options before anything else happens, so that a busy
/// port stops `atelier run` before a session is created.
public enum PortCheck {
    public enum Answer: Sendable, Equatable {
        case free
        case inUse
        /// Any other reason the address cannot be listened on.
        case failed(String)
    }

    public static func check(host: String, port: Int) async -> Answer {
        do {
            let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .bind(host: host, port: port).get()
            try await channel.close()
            return .free
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            return .inUse
        } catch {
            return .failed(String(describing: error))
        }
    }
}
