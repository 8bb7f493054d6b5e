/// A host and port as typed on the command line: `PORT`, `HOST:PORT`, or
/// `[IPv6]:PORT`.
public struct NetAddress: Sendable, Hashable {
    public let host: String
    public let port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// nil when the text is not an address; `defaultHost` fills a missing
    /// host (nil requires one).
    public static func parse(_ text: String, defaultHost: String?) -> NetAddress? {
        var host: Substring?
        var portText = Substring(text)
        if let colon = text.lastIndex(of: ":") {
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
        }
        if let bracketed = host, bracketed.hasPrefix("["), bracketed.hasSuffix("]") {
            host = bracketed.dropFirst().dropLast()
        }
        guard let port = Int(portText), (0...65535).contains(port) else { return nil }
        guard let name = host.map(String.init) ?? defaultHost, !name.isEmpty, !name.contains(" ") else { return nil }
        return NetAddress(host: name, port: port)
    }
}
