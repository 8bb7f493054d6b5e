import AtelierCore
import AtelierStore
import Foundation

/// Where a PostgreSQL store is: `postgres://USER[:PASSWORD]@HOST[:PORT]/DB`
/// (`postgresql://` too). Without a password in the address, the one in
/// `PGPASSWORD` is used, if any. Messages show the address without its
/// password (`display`).
public struct PostgresAddress: Sendable, Hashable {
    public let user: String
    public let password: String?
    public let host: String
    public let port: Int
    public let database: String

    /// Whether a `--store` value names a PostgreSQL store rather than an SQLite file.
    public static func names(_ store: String) -> Bool {
        store.hasPrefix("postgres://") || store.hasPrefix("postgresql://")
    }

    public init(
        _ text: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(StoreError) {
        let refused = StoreError("store.postgres.bad_address", ["address": .text(Self.hidingPassword(text))])
        guard let parts = URLComponents(string: text), parts.scheme == "postgres" || parts.scheme == "postgresql",
            let host = parts.host, !host.isEmpty, let user = parts.user, !user.isEmpty,
            parts.query == nil, parts.fragment == nil
        else { throw refused }
        let database = String(parts.path.dropFirst())
        guard parts.path.hasPrefix("/"), !database.isEmpty, !database.contains("/") else { throw refused }
        let port = parts.port ?? 5432
        guard (1...65535).contains(port) else { throw refused }
        self.user = user
        self.password = parts.password ?? environment["PGPASSWORD"]
        self.host = host
        self.port = port
        self.database = database
    }

    /// The address as messages show it: no password.
    public var display: String { "postgres://\(user)@\(host):\(port)/\(database)" }

    /// `text` with any password between `USER:` and `@` replaced by `***`.
    static func hidingPassword(_ text: String) -> String {
        guard let scheme = text.range(of: "://") else { return text }
        let rest = text[scheme.upperBound...]
        let authority = rest.prefix { $0 != "/" }
        guard let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") else {
            return text
        }
        return String(text[..<text.index(after: colon)]) + "***" + String(text[at...])
    }
}
