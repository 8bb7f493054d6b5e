/// The code a participant types to join: six characters from an alphabet
/// without look-alikes (no 0/O, no 1/I/L), drawn from the system's CSPRNG.
public enum JoinCode {
    public static let alphabet: [Character] = Array("ABCDEFGHJKMNPQRSTUVWXYZ23456789")
    public static let length = 6

    /// A fresh code from `SystemRandomNumberGenerator` (the system's CSPRNG).
    public static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        return random(using: &generator)
    }

    public static func random<G: RandomNumberGenerator>(using generator: inout G) -> String {
        String((0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }

    /// The code in its canonical form (upper case), or nil when it is not
    /// six characters of the alphabet. Participants may type it in lower case.
    public static func normalized(_ text: String) -> String? {
        let upper = text.uppercased()
        guard upper.count == length, upper.allSatisfy({ alphabet.contains($0) }) else { return nil }
        return upper
    }
}
