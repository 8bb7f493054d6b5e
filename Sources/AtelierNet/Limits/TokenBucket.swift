import AtelierCore

/// Flood control for one connection: a burst of `capacity` lines, then
/// `perSecond` lines a second. The caller reads the clock and passes the
/// time in, so tests drive it with a clock of their own.
public struct TokenBucket: Sendable, Hashable {
    public let capacity: Int
    public let perSecond: Int
    /// Available tokens, in thousandths, so whole milliseconds refill exactly.
    private var milliTokens: Int64
    private var last: Timestamp?

    public init(capacity: Int = 10, perSecond: Int = 5) {
        self.capacity = capacity
        self.perSecond = perSecond
        self.milliTokens = Int64(capacity) * 1000
    }

    /// Takes one token at time `now`; false when the bucket is empty.
    public mutating func take(at now: Timestamp) -> Bool {
        if let last {
            if now > last {
                let refill = (now - last) * Int64(perSecond)
                milliTokens = min(Int64(capacity) * 1000, milliTokens + refill)
                self.last = now
            }
        } else {
            last = now
        }
        guard milliTokens >= 1000 else { return false }
        milliTokens -= 1000
        return true
    }
}
