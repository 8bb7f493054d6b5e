/// A participant's place in the session, kept across connections by its token.
struct Seat: Sendable, Hashable {
    let name: String
    let department: String
    let token: String
    /// The language the participant reads, kept for their next connection.
    var locale: String
}

/// The answer to `join` or `resume`.
enum Admission: Sendable {
    case seated(Seat)
    /// Refused: the reason, and how long to hold the reply back (wrong codes).
    case refused(String, delay: Duration)
}
