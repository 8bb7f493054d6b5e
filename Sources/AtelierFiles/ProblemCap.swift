import AtelierCore

/// At most `perKind` problems of one kind (one message key) are shown for a
/// file; the others are counted, so a file with thousands of the same
/// mistake reads as a few lines and a sum.
public struct ProblemCap: Sendable {
    public static let perKind = 10

    /// The problems to show, in file order.
    public let shown: [FileProblem]
    /// How many of each kind were left out, by message key, in the order first met.
    public let hidden: [(key: String, count: Int)]

    public init(_ problems: [FileProblem], perKind: Int = ProblemCap.perKind) {
        var counts: [String: Int] = [:]
        var shown: [FileProblem] = []
        var order: [String] = []
        for problem in problems {
            let key = problem.message.key
            let count = counts[key, default: 0]
            counts[key] = count + 1
            if count < perKind {
                shown.append(problem)
            } else if count == perKind {
                order.append(key)
            }
        }
        self.shown = shown
        self.hidden = order.map { ($0, counts[$0, default: 0] - perKind) }
    }
}
