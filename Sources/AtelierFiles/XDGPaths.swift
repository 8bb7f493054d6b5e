import Foundation

/// Where atelier keeps its files, after the XDG base directory conventions.
public struct XDGPaths: Sendable {
    public let environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    private var home: String { environment["HOME"] ?? NSHomeDirectory() }

    private func base(_ variable: String, fallback: String) -> String {
        if let value = environment[variable], value.hasPrefix("/") { return value }
        return home + "/" + fallback
    }

    /// `$XDG_DATA_HOME/atelier`, else `~/.local/share/atelier`.
    public var dataDirectory: String { base("XDG_DATA_HOME", fallback: ".local/share") + "/atelier" }
    /// `$XDG_STATE_HOME/atelier`, else `~/.local/state/atelier`.
    public var stateDirectory: String { base("XDG_STATE_HOME", fallback: ".local/state") + "/atelier" }

    /// The default session store.
    public var store: String { dataDirectory + "/atelier.sqlite" }
    /// The facilitator's readline history.
    public var history: String { stateDirectory + "/history" }
    /// Workshops installed for this user.
    public var workshops: String { dataDirectory + "/workshops" }
    /// The participant's client keeps its seat tokens here, one file a seat.
    public var joinTokens: String { stateDirectory + "/join" }
}
