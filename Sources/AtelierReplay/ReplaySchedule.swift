import AtelierCore

/// When each event of a recording is shown during a replay: the recorded
/// gap to the previous event, cut to `maxIdle` when longer, divided by the
/// speed. Pure: the player sleeps these delays at the edge.
public struct ReplaySchedule: Sendable, Equatable {
    /// How long to wait before showing event `index`, in milliseconds.
    public let delays: [Int64]

    public init(times: [Timestamp], speed: Double, maxIdle: Double?) {
        precondition(speed > 0, "the speed is checked by the command")
        let cap = maxIdle.map { Int64(($0 * 1000).rounded()) }
        var delays: [Int64] = []
        delays.reserveCapacity(times.count)
        var previous = times.first ?? 0
        for time in times {
            var gap = max(0, time - previous)
            if let cap { gap = min(gap, cap) }
            delays.append(Int64((Double(gap) / speed).rounded()))
            previous = time
        }
        self.delays = delays
    }

    public init(events: [RecordedEvent], speed: Double, maxIdle: Double?) {
        self.init(times: events.map(\.time), speed: speed, maxIdle: maxIdle)
    }

    /// The whole replay's length, in milliseconds.
    public var total: Int64 { delays.reduce(0, +) }
}
