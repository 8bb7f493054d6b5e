import AtelierCore
import AtelierStore
import NIOPosix
import PostgresNIO

extension PostgresStore {
    /// Follows a session written elsewhere, read-only: LISTEN on the
    /// channel every append notifies (`atelier_events`, the session's id as
    /// payload), then the events after `seq` read once, then after each
    /// notification the events not seen yet. `body` gets each batch, in
    /// order, and returns false to stop; the watch also stops when the
    /// session ends. A connection of its own, closed at the end.
    public func watch(
        session: String, after seq: Int64, _ body: @Sendable ([RecordedEvent]) async -> Bool
    ) async throws(StoreError) {
        let address = address
        do {
            let connection = try await PostgresConnection.connect(
                on: MultiThreadedEventLoopGroup.singleton.next(), configuration: link.configuration(), id: -1,
                logger: link.logger)
            do {
                try await follow(connection, session: session, after: seq, body)
            } catch {
                try? await connection.close()
                throw error
            }
            // Closed before it goes (PostgresNIO requires it).
            try? await connection.close()
        } catch {
            throw PostgresFailure.message(error, address)
        }
    }

    private func follow(
        _ connection: PostgresConnection, session: String, after seq: Int64,
        _ body: @Sendable ([RecordedEvent]) async -> Bool
    ) async throws {
        try await connection.listen(on: "atelier_events") { notifications in
            var last = seq
            // What was written before the LISTEN took hold, then each write.
            if try await !deliver(session, after: &last, body) { return }
            for try await notification in notifications where notification.payload == session {
                if try await !deliver(session, after: &last, body) { return }
            }
        }
    }

    /// Hands on the events after `last`; false once the watch should stop.
    private func deliver(
        _ session: String, after last: inout Int64, _ body: @Sendable ([RecordedEvent]) async -> Bool
    ) async throws -> Bool {
        let events = try events(id: session, after: last)
        guard let newest = events.last else { return true }
        last = newest.seq
        let going = await body(events)
        return going && !events.contains { $0.event == .sessionEnded }
    }
}
