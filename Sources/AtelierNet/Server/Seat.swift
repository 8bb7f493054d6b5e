/// A participant's place in the session, kept across connections by its
/// token, of which only the digest is kept (`SeatToken`): the token itself
/// is given to the participant once, and never stored.
public struct Seat: Sendable, Hashable {
    public let name: String
    public let department: String
    /// `SeatToken.digest` of the resume token.
    public let tokenDigest: String
    /// The language the participant reads, kept for their next connection.
    public var locale: String

    public init(name: String, department: String, tokenDigest: String, locale: String) {
        self.name = name
        self.department = department
        self.tokenDigest = tokenDigest
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
    /// Seated, with the token to give back (`ok TOKEN`).
    case seated(Seat, token: String)
    /// Refused: the reason, and how long to hold the reply back (wrong codes).
    case refused(String, delay: Duration)
}
