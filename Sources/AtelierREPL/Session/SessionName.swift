import AtelierCore

/// The id a new session gets when none is given: the workshop, the day (UTC)
/// and four letters (`coping-patterns-2026-11-22-kxqz`). Pure: the time and
/// the letters come in from the edge.
public enum SessionName {
    public static func make(workshop: String, time: Timestamp, letters: String) -> String {
        "\(workshop.prefix(40))-\(UTCTime.date(time))-\(letters)"
    }

    /// Four random lowercase letters.
    public static func letters(using generator: inout some RandomNumberGenerator) -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz")
        return String((0..<4).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }
}
