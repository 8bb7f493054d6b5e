import AtelierCore

/// Why the store refused or failed: one localized sentence (keys `store.*`).
public struct StoreError: Error, Sendable, Hashable {
    public let message: LocalizedMessage

    public init(_ key: String, _ args: [String: MessageValue] = [:]) {
        message = LocalizedMessage(key, args)
    }

    public init(message: LocalizedMessage) {
        self.message = message
    }

    /// An SQLite failure, with the path and SQLite's own words.
    static func database(_ path: String, _ error: any Error) -> StoreError {
        StoreError("store.database_failed", ["path": .text(path), "reason": .text(String(describing: error))])
    }
}
