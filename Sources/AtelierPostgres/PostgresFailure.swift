import AtelierCore
import AtelierStore
import NIOCore
import NIOPosix
import PostgresNIO

/// A failure of PostgreSQL or of the way to it, as the one sentence a
/// person reads (`StoreError`).
enum PostgresFailure {
    /// Whether the connection is gone with this error (the next use reconnects).
    static func isConnectionLost(_ error: any Error) -> Bool {
        guard let error = error as? PSQLError else { return !(error is StoreError) }
        switch error.code {
        case .server, .queryCancelled, .tooManyParameters, .invalidCommandTag: return false
        default: return true
        }
    }

    static func message(_ error: any Error, _ address: PostgresAddress) -> StoreError {
        if let error = error as? StoreError { return error }
        guard let error = error as? PSQLError else { return unreachable(address, reason(error, address)) }
        if error.code == .server, let info = error.serverInfo {
            let state = info[.sqlState] ?? ""
            let text = info[.message] ?? ""
            switch state {
            case "57P01", "57P02":
                return unreachable(address, .message(LocalizedMessage("store.postgres.reason.closed")))
            case "57P03":
                return unreachable(address, .message(LocalizedMessage("store.postgres.reason.starting")))
            case "28P01", "28000":
                return StoreError(
                    "store.postgres.bad_login", ["user": .text(address.user), "address": .text(address.display)])
            case "3D000":
                return StoreError(
                    "store.postgres.no_database",
                    ["database": .text(address.database), "host": .text("\(address.host):\(address.port)")])
            default:
                return StoreError("store.database_failed", ["path": .text(address.display), "reason": .text(text)])
            }
        }
        switch error.code {
        case .authMechanismRequiresPassword, .saslError, .unsupportedAuthMechanism:
            return StoreError(
                "store.postgres.bad_login", ["user": .text(address.user), "address": .text(address.display)])
        case .serverClosedConnection, .uncleanShutdown:
            return unreachable(address, .message(LocalizedMessage("store.postgres.reason.closed")))
        default:
            return unreachable(address, error.underlying.map { reason($0, address) } ?? .text(error.code.description))
        }
    }

    static func unreachable(_ address: PostgresAddress, _ reason: MessageValue) -> StoreError {
        StoreError("store.postgres.unreachable", ["address": .text(address.display), "reason": reason])
    }

    /// Why the server could not be reached, in the reader's words for what
    /// happens (nothing listening, no such host, no answer in time), else
    /// NIO's own.
    private static func reason(_ error: any Error, _ address: PostgresAddress) -> MessageValue {
        let server: [String: MessageValue] = ["host": .text(address.host), "port": .text("\(address.port)")]
        if let failure = error as? NIOConnectionError {
            if failure.connectionErrors.isEmpty, failure.dnsAError != nil || failure.dnsAAAAError != nil {
                return .message(LocalizedMessage("store.postgres.reason.unknown_host", server))
            }
            if let first = failure.connectionErrors.first { return reason(first.error, address) }
        }
        if let io = error as? IOError, io.errnoCode == ECONNREFUSED {
            return .message(LocalizedMessage("store.postgres.reason.refused", server))
        }
        if case ChannelError.connectTimeout = error {
            return .message(LocalizedMessage("store.postgres.reason.timeout", server))
        }
        if let error = error as? PSQLError, error.code == .serverClosedConnection || error.code == .uncleanShutdown {
            return .message(LocalizedMessage("store.postgres.reason.closed"))
        }
        return .text(String(describing: error))
    }
}
