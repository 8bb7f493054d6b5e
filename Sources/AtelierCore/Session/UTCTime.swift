/// Journal times as UTC calendar text, computed without Foundation's
/// locale or time-zone machinery, so exports never depend on the machine.
public enum UTCTime {
    /// `2025-03-12T09:00:00Z` (ISO 8601, whole seconds, UTC).
    public static func iso8601(_ time: Timestamp) -> String {
        let parts = components(time)
        return "\(pad(parts.year, 4))-\(pad(parts.month))-\(pad(parts.day))T\(clock(time))Z"
    }

    /// `2025-03-12`.
    public static func date(_ time: Timestamp) -> String {
        let parts = components(time)
        return "\(pad(parts.year, 4))-\(pad(parts.month))-\(pad(parts.day))"
    }

    /// `09:00:00` (UTC).
    public static func clock(_ time: Timestamp) -> String {
        let seconds = floorDivide(time, 1000)
        let ofDay = seconds - floorDivide(seconds, 86_400) * 86_400
        return "\(pad(Int(ofDay / 3600))):\(pad(Int(ofDay / 60 % 60))):\(pad(Int(ofDay % 60)))"
    }

    /// An elapsed duration as `H:MM:SS` (hours unpadded).
    public static func elapsed(milliseconds: Int64) -> String {
        let seconds = max(0, milliseconds) / 1000
        return "\(seconds / 3600):\(pad(Int(seconds / 60 % 60))):\(pad(Int(seconds % 60)))"
    }

    static func components(_ time: Timestamp) -> (year: Int, month: Int, day: Int) {
        // Howard Hinnant's civil-from-days algorithm.
        let days = floorDivide(floorDivide(time, 1000), 86_400)
        let z = days + 719_468
        let era = floorDivide(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shifted = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shifted + 2) / 5 + 1
        let month = shifted < 10 ? shifted + 3 : shifted - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        let quotient = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient
    }

    private static func pad(_ value: Int, _ width: Int = 2) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
