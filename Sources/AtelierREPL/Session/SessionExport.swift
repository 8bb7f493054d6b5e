import AtelierCore

/// A refusal with its localized reason.
public struct Refusal: Error, Sendable, Hashable {
    public let message: LocalizedMessage

    public init(_ key: String, _ args: [String: MessageValue] = [:]) {
        message = LocalizedMessage(key, args)
    }

    public init(message: LocalizedMessage) {
        self.message = message
    }
}

/// How `export FORMAT [PATH] [force]` is carried out.
public protocol SessionExport: Sendable {
    /// The format names, for completion and for the error naming them.
    var formats: [String] { get }

    /// Exports the session; returns the lines to print (the summary itself
    /// when there is no path, else where it was written). Something already
    /// at the target is replaced only when `replace` is true.
    func export(format: String, path: String?, replace: Bool, state: SessionState, catalog: Catalog) throws(Refusal)
        -> [String]
}
