extension TableLayout {
    /// A table whose columns cannot all fit, even with its labels cut: the
    /// columns named in `optional` (the least needed first) are left out one
    /// by one until the line fits the width or none is left to leave out.
    /// The ids and the numbers that stay are never cut.
    public struct Fitted: Sendable {
        public let layout: TableLayout
        /// The indices of the columns kept, in order.
        public let kept: [Int]

        /// The header line of the columns kept.
        public var header: String { layout.header }

        /// One line of the columns kept (`cells`: every column's cell).
        public func row(_ cells: [String]) -> String {
            layout.row(kept.map { $0 < cells.count ? cells[$0] : "" })
        }
    }

    public static func fitting(
        _ columns: [Column], cells: [[String]], width: Int, leavingOut optional: [Int], indent: Int = 2,
        gap: Int = 2
    ) -> Fitted {
        var kept = Array(columns.indices)
        var optional = optional[...]
        while true {
            let layout = TableLayout(
                kept.map { columns[$0] }, cells: cells.map { row in kept.map { $0 < row.count ? row[$0] : "" } },
                width: width, indent: indent, gap: gap)
            guard layout.lineWidth > width, let next = optional.popFirst() else {
                return Fitted(layout: layout, kept: kept)
            }
            kept.removeAll { $0 == next }
        }
    }
}
