import AtelierCore

/// Wrong join codes and resume tokens, counted per address across all its
/// connections, and forgotten with time: each failure adds one, and one is
/// forgiven every `forgiveMilliseconds`. While an address holds `burst`
/// failures, its attempts are not even checked (so parallel connections
/// guess no faster than one): it is told how long to wait. A typo made after
/// an attack from the same address waits seconds, not minutes.
///
/// Shared by every adapter that checks codes (the line protocol, the browser).
public struct WrongCodeLimiter: Sendable {
    public let burst: Int
    public let forgiveMilliseconds: Int64
    public let penalty: WrongCodePenalty
    /// Addresses remembered at most; those with nothing left to forgive go first.
    public let maxAddresses: Int
    /// Per address: failures in thousandths, at the time they were last counted.
    private var failures: [String: (milli: Int64, at: Timestamp)] = [:]

    public init(
        burst: Int = 10, forgiveMilliseconds: Int64 = 3000, penalty: WrongCodePenalty = WrongCodePenalty(),
        maxAddresses: Int = 4096
    ) {
        self.burst = max(1, burst)
        self.forgiveMilliseconds = max(1, forgiveMilliseconds)
        self.penalty = penalty
        self.maxAddresses = max(1, maxAddresses)
    }

    /// The failures an address still holds at `now`, in thousandths.
    private func held(_ address: String, at now: Timestamp) -> Int64 {
        guard let entry = failures[address] else { return 0 }
        let forgiven = max(0, now - entry.at) * 1000 / forgiveMilliseconds
        return max(0, entry.milli - forgiven)
    }

    /// The failures an address still holds at `now`, rounded up.
    public func failures(from address: String, at now: Timestamp) -> Int {
        Int((held(address, at: now) + 999) / 1000)
    }

    /// Nil when an attempt from this address may be checked now; else how long it must wait.
    public func wait(for address: String, at now: Timestamp) -> Duration? {
        let over = held(address, at: now) - Int64(burst - 1) * 1000
        guard over > 0 else { return nil }
        return .milliseconds(over * forgiveMilliseconds / 1000)
    }

    /// Counts a wrong code or token; returns how long to hold the reply back.
    public mutating func failed(from address: String, at now: Timestamp) -> Duration {
        let milli = held(address, at: now) + 1000
        if failures[address] == nil, failures.count >= maxAddresses { forget(at: now) }
        failures[address] = (milli, now)
        return penalty.delay(failures: Int((milli + 999) / 1000))
    }

    /// Forgets the addresses that hold no failure any more; if none, the one counted longest ago.
    private mutating func forget(at now: Timestamp) {
        let before = failures.count
        failures = failures.filter { held($0.key, at: now) > 0 }
        if failures.count == before, let oldest = failures.min(by: { $0.value.at < $1.value.at }) {
            failures[oldest.key] = nil
        }
    }
}
