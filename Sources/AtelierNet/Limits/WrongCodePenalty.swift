/// How long the reply to a wrong join code or token is held back, by the
/// number of failures the address still holds (`WrongCodeLimiter`): `base`,
/// then twice as long each time, up to `cap`. The limiter bounds how fast an
/// address guesses; this only slows a single connection's retries.
public struct WrongCodePenalty: Sendable, Hashable {
    public var base: Duration
    public var cap: Duration

    public init(base: Duration = .milliseconds(250), cap: Duration = .seconds(2)) {
        self.base = base
        self.cap = cap
    }

    /// The delay after the `failures`-th failure (1 for the first).
    public func delay(failures: Int) -> Duration {
        guard failures > 0 else { return .zero }
        var delay = base
        for _ in 1..<failures {
            delay *= 2
            if delay >= cap { return cap }
        }
        return min(delay, cap)
    }
}
