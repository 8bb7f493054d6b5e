import AtelierCore

/// The id a new session gets when none is given: the workshop, the day and
/// four letters (`coping-patterns-2026-11-22-kxqz`). Pure: the time and the
/// letters come in from the edge.
public enum SessionName {
    public static func make(workshop: String, time: Timestamp, letters: String) -> String {
        let day = time >= 0 ? time / 86_400_000 : (time - 86_399_999) / 86_400_000
        let (year, month, date) = civil(days: day)
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let base = String(workshop.prefix(40))
        return "\(base)-\(year)-\(two(month))-\(two(date))-\(letters)"
    }

    /// Four random lowercase letters.
    public static func letters(using generator: inout some RandomNumberGenerator) -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz")
        return String((0..<4).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }

    /// Days since 1970-01-01 to (year, month, day), proleptic Gregorian
    /// (H. Hinnant's civil_from_days).
    static func civil(days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
