/// A participant's place in the session, kept across connections by its token.
public struct Seat: Sendable, Hashable {
    public let name: String
    public let department: String
    public let token: String
    /// The language the participant reads, kept for their next connection.
    public var locale: String

    public init(name: String, department: String, token: String, locale: String) {
        self.name = name
        self.department = department
        self.token = token
        self.locale = locale
    }
}

/// Where the server keeps the seats, so that participants resume with their
/// token after the facilitator's atelier is restarted. Each call is durable
/// when it returns; the server gives a token only once it is kept.
public protocol SeatKeeper: Sendable {
    func seats() throws -> [Seat]
    /// Stores the seat, replacing the one of the same name.
    func save(_ seat: Seat) throws
    func remove(name: String) throws
}

/// The answer to `join` or `resume`.
enum Admission: Sendable {
    case seated(Seat)
    /// Refused: the reason, and how long to hold the reply back (wrong codes).
    case refused(String, delay: Duration)
}
