/// The strategy stage as a graph over the departments present: who declared
/// a strategy, who knows whose, who believes they share theirs with whom.
/// Links naming a department that is no longer in the session are ignored.
struct StrategyGraph {
    let departments: [Department]
    /// Strategy items declared, per department index.
    let declared: [Int]
    /// How many other departments know each department's strategy.
    let knowers: [Int]
    /// (from, to) index pairs of `shares`, in the order they were said.
    let shares: [(from: Int, to: Int)]
    /// knowsMatrix[a * count + b]: department a knows b's strategy.
    private let knowsMatrix: [Bool]

    init(_ state: SessionState, groups: RaterGroups) {
        departments = groups.departments
        let count = departments.count
        declared = departments.map { state.strategies[$0.id]?.count ?? 0 }
        var matrix = [Bool](repeating: false, count: count * count)
        var knowers = [Int](repeating: 0, count: count)
        for link in state.knows {
            guard let from = groups.index(of: link.from), let to = groups.index(of: link.to), from != to,
                !matrix[from * count + to]
            else { continue }
            matrix[from * count + to] = true
            knowers[to] += 1
        }
        self.knowers = knowers
        knowsMatrix = matrix
        shares = state.shares.compactMap { link in
            guard let from = groups.index(of: link.from), let to = groups.index(of: link.to), from != to else {
                return nil
            }
            return (from, to)
        }
    }

    var count: Int { departments.count }

    /// Department `a` knows department `b`'s strategy.
    func knows(_ a: Int, _ b: Int) -> Bool { knowsMatrix[a * count + b] }

    func hasStrategy(_ index: Int) -> Bool { declared[index] > 0 }

    /// At least half of the other departments know its strategy (true when
    /// there is no other department).
    func isKnownByHalf(_ index: Int) -> Bool { 2 * knowers[index] >= count - 1 }

    /// The departments that declared a strategy, in connected groups: an edge
    /// joins two of them when either knows the other's strategy. Groups and
    /// their members in department order.
    func groupsOfDeclared() -> [[Int]] {
        var group = [Int](repeating: -1, count: count)
        var groups: [[Int]] = []
        for start in 0..<count where hasStrategy(start) && group[start] < 0 {
            var members: [Int] = []
            var stack = [start]
            group[start] = groups.count
            while let node = stack.popLast() {
                members.append(node)
                for other in 0..<count
                where hasStrategy(other) && group[other] < 0 && (knows(node, other) || knows(other, node)) {
                    group[other] = groups.count
                    stack.append(other)
                }
            }
            groups.append(members.sorted())
        }
        return groups
    }
}
