import AtelierCore
import AtelierStore
import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO

/// The store's one connection to PostgreSQL, used by one operation at a
/// time (a transaction holds it from BEGIN to COMMIT). The store's methods
/// are synchronous, like the SQLite store's: they wait for PostgresNIO's
/// futures, which complete on NIO's threads, so they must never be called
/// on an event loop (the live session writes on a thread of its own, the
/// room keeps seats on a queue of its own).
///
/// When the server goes away, the operation under way fails (nothing is
/// acknowledged) and the connection is dropped; the next operation
/// connects again, and `reconnected` runs first (the store takes back its
/// writer locks there).
final class PostgresLink: @unchecked Sendable {
    let address: PostgresAddress
    let logger: Logger
    private let lock = NSLock()
    // Guarded by `lock`.
    private var connection: PostgresConnection?
    private var connections = 0
    /// Runs on each new connection after the first, before the operation.
    var reconnected: (@Sendable (Query) throws -> Void)?

    init(address: PostgresAddress) {
        self.address = address
        var logger = Logger(label: "atelier.postgres")
        logger.logLevel = .critical
        self.logger = logger
    }

    deinit {
        guard let connection else { return }
        // Never wait on an event loop; the connection lives until it is closed.
        guard MultiThreadedEventLoopGroup.currentEventLoop == nil else {
            connection.close().whenComplete { _ in _ = connection }
            return
        }
        try? connection.close().wait()
    }

    /// Runs `body` with the connection (connecting first when there is none);
    /// any failure is the `StoreError` a person reads.
    func run<T>(_ body: (Query) throws -> T) throws(StoreError) -> T {
        lock.lock()
        defer { lock.unlock() }
        do {
            let query = try Query(connection: connect(), logger: logger)
            return try body(query)
        } catch {
            if PostgresFailure.isConnectionLost(error) { drop() }
            throw PostgresFailure.message(error, address)
        }
    }

    /// Runs `body` in one transaction, committed (durably: `synchronous_commit`
    /// is on) before it returns; rolled back on any failure.
    func transaction<T>(_ body: (Query) throws -> T) throws(StoreError) -> T {
        try run { query in
            try query.execute("BEGIN")
            do {
                let result = try body(query)
                try query.execute("COMMIT")
                return result
            } catch {
                try? query.execute("ROLLBACK")
                throw error
            }
        }
    }

    /// Closes the connection (the server releases its session locks).
    func close() {
        lock.lock()
        defer { lock.unlock() }
        drop()
    }

    private func drop() {
        if let connection { try? connection.close().wait() }
        connection = nil
    }

    /// How to connect: no TLS (a loopback or private network's server),
    /// commits durable (`synchronous_commit`), five seconds to connect.
    func configuration() -> PostgresConnection.Configuration {
        var configuration = PostgresConnection.Configuration(
            host: address.host, port: address.port, username: address.user, password: address.password,
            database: address.database, tls: .disable)
        configuration.options.connectTimeout = .seconds(5)
        configuration.options.additionalStartupParameters = [
            ("synchronous_commit", "on"), ("application_name", "atelier"),
        ]
        return configuration
    }

    private func connect() throws -> PostgresConnection {
        if let connection, !connection.isClosed { return connection }
        drop()
        let connection = try PostgresConnection.connect(
            on: MultiThreadedEventLoopGroup.singleton.next(), configuration: configuration(), id: connections,
            logger: logger
        ).wait()
        self.connection = connection
        connections += 1
        if connections > 1, let reconnected {
            do {
                try reconnected(Query(connection: connection, logger: logger))
            } catch {
                try? connection.close().wait()
                self.connection = nil
                throw error
            }
        }
        return connection
    }
}

/// Runs statements on the link's connection, waiting for each.
struct Query {
    let connection: PostgresConnection
    let logger: Logger

    @discardableResult
    func callAsFunction(_ query: PostgresQuery) throws -> PostgresQueryResult {
        try connection.query(query, logger: logger).wait()
    }

    func execute(_ sql: String) throws {
        _ = try connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).wait()
    }
}
