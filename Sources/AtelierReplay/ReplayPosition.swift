import AtelierCore

/// A moment of a session named on the command line (`--at`): a time
/// elapsed since its first event (`H:MM:SS` or `M:SS`), or an event number.
public enum ReplayPosition: Sendable, Equatable {
    case elapsed(milliseconds: Int64)
    case sequence(Int64)

    /// Nil when the text is neither a time nor a positive whole number.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count == 1 {
            guard let seq = Int64(text), seq >= 0 else { return nil }
            self = .sequence(seq)
            return
        }
        guard parts.count <= 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) }) else { return nil }
        let numbers = parts.map { Int64($0) }
        guard numbers.allSatisfy({ $0 != nil && $0! >= 0 }) else { return nil }
        let values = numbers.map { $0! }
        // Minutes and seconds after the first field stay below 60.
        guard values.dropFirst().allSatisfy({ $0 < 60 }) else { return nil }
        let seconds = values.reduce(0) { $0 * 60 + $1 }
        self = .elapsed(milliseconds: seconds * 1000)
    }

    /// How many of the events (in journal order) have happened at this moment.
    public func prefixLength(of events: [RecordedEvent]) -> Int {
        switch self {
        case .sequence(let seq):
            return events.prefix { $0.seq <= seq }.count
        case .elapsed(let milliseconds):
            guard let start = events.first?.time else { return 0 }
            return events.prefix { $0.time - start <= milliseconds }.count
        }
    }

    /// Whether this moment comes after the session's last event (`--at`
    /// beyond the end: the snapshot is then the end, and says so).
    public func isPastEnd(of events: [RecordedEvent]) -> Bool {
        guard let first = events.first, let last = events.last else { return false }
        switch self {
        case .sequence(let seq): return seq > last.seq
        case .elapsed(let milliseconds): return milliseconds > last.time - first.time
        }
    }
}
