/// A value filling a named placeholder of a message.
public enum MessageValue: Sendable, Hashable {
    case text(String)
    case count(Int)
    case decimal(Double, digits: Int)
    case list([String])
    /// A nested message, rendered in the same locale before it is inserted.
    case message(LocalizedMessage)
}

/// A message a person will read, not yet rendered: a catalog key and its
/// named arguments. The core produces these; adapters render them with the
/// reader's catalog, so a participant and the facilitator can read the same
/// event in two languages.
public struct LocalizedMessage: Sendable, Hashable {
    public let key: String
    public let args: [String: MessageValue]

    public init(_ key: String, _ args: [String: MessageValue] = [:]) {
        self.key = key
        self.args = args
    }
}
