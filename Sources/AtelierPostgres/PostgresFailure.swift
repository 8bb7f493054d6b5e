import AtelierCore
import AtelierStore
import NIOCore
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
        guard let error = error as? PSQLError else { return unreachable(address, String(describing: error)) }
        if error.code == .server, let info = error.serverInfo {
            let state = info[.sqlState] ?? ""
            let text = info[.message] ?? ""
            switch state {
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
        default:
            return unreachable(address, reason(error))
        }
    }

    static func unreachable(_ address: PostgresAddress, _ reason: String) -> StoreError {
        StoreError("store.postgres.unreachable", ["address": .text(address.display), "reason": .text(reason)])
    }

    /// NIO's own words for a failed connection, else the error's code.
    private static func reason(_ error: PSQLError) -> String {
        if let underlying = error.underlying {
            if let io = underlying as? IOError { return io.description }
            return String(describing: underlying)
        }
        return error.code.description
    }
}
