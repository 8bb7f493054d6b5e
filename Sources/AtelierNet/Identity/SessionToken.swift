/// The secret a participant gets on joining and gives back with `resume`
/// after a dropped connection: 128 random bits from the system's CSPRNG,
/// written as 32 lowercase hex digits.
public enum SessionToken {
    public static let hexLength = 32

    public static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        return random(using: &generator)
    }

    public static func random<G: RandomNumberGenerator>(using generator: inout G) -> String {
        let high = generator.next() as UInt64
        let low = generator.next() as UInt64
        return hex(high) + hex(low)
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
