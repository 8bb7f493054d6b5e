/// The columns of a terminal table fitted to the width: each column as wide
/// as its header and its cells, separated by `gap` spaces. When the line is
/// too long, labels are cut first (down to their minimum); ids and numbers
/// are never cut, so a header never runs into its neighbour; the last text
/// column takes what is left. Spare room goes to the `fill` columns (bars).
public struct TableLayout: Sendable {
    public struct Column: Sendable {
        public enum Kind: Sendable, Equatable {
            /// Never cut: what the facilitator types (ids), or a number.
            case fixed
            /// Cut with an ellipsis when the line is too long, down to `minimum`.
            case label(minimum: Int)
            /// Grows into the spare room, from `minimum` up to `maximum`.
            case fill(minimum: Int, maximum: Int)
            /// The last column: the room that is left, cut at its end.
            case text(minimum: Int)
        }

        public let header: String
        public let kind: Kind
        public let rightAligned: Bool

        public init(_ header: String, _ kind: Kind = .fixed, rightAligned: Bool = false) {
            self.header = header
            self.kind = kind
            self.rightAligned = rightAligned
        }
    }

    public let columns: [Column]
    /// The width given to each column.
    public let widths: [Int]
    public let indent: Int
    public let gap: Int

    /// - Parameter cells: the rows' cells as they will print (plain text), to measure.
    public init(_ columns: [Column], cells: [[String]], width: Int, indent: Int = 2, gap: Int = 2) {
        self.columns = columns
        self.indent = indent
        self.gap = gap
        var widths = columns.indices.map { index in
            cells.reduce(AnalysisLayout.visibleCount(columns[index].header)) { widest, row in
                index < row.count ? max(widest, AnalysisLayout.visibleCount(row[index])) : widest
            }
        }
        for (index, column) in columns.enumerated() {
            if case .fill(let minimum, _) = column.kind { widths[index] = max(widths[index], minimum) }
        }
        let separators = indent + gap * max(0, columns.count - 1)
        var excess = separators + widths.reduce(0, +) - width
        // Labels give way first, the widest first, one column at a time.
        while excess > 0 {
            let shrinkable = columns.indices.filter { index in
                if case .label(let minimum) = columns[index].kind { return widths[index] > minimum }
                return false
            }
            guard let widest = shrinkable.max(by: { widths[$0] < widths[$1] }) else { break }
            widths[widest] -= 1
            excess -= 1
        }
        // Then the text column, down to its minimum.
        if excess > 0, let last = columns.indices.last, case .text(let minimum) = columns[last].kind {
            let cut = min(excess, max(0, widths[last] - minimum))
            widths[last] -= cut
            excess -= cut
        }
        // Room to spare: the fill columns share it, the narrowest growing
        // first, so that they end as wide as each other when they can.
        let fills = columns.indices.filter { if case .fill = columns[$0].kind { return true } else { return false } }
        var spare = -excess
        while spare > 0 {
            let growable = fills.filter { index in
                if case .fill(_, let maximum) = columns[index].kind { return widths[index] < maximum }
                return false
            }
            guard let narrowest = growable.map({ widths[$0] }).min() else { break }
            let growing = growable.filter { widths[$0] == narrowest }
            guard growing.count <= spare else { break }
            for index in growing { widths[index] += 1 }
            spare -= growing.count
        }
        self.widths = widths
    }

    /// The columns a full line takes, indent included.
    public var lineWidth: Int { indent + gap * max(0, columns.count - 1) + widths.reduce(0, +) }

    /// The header line.
    public var header: String { row(columns.map(\.header)) }

    /// One line: each cell cut to its column (labels and text) and padded,
    /// trailing spaces removed. Cells may carry colours when they need no
    /// cutting; `style` colours a cell once it is cut and padded.
    public func row(_ cells: [String], style: (Int, String) -> String = { $1 }) -> String {
        var line = String(repeating: " ", count: indent)
        for (index, column) in columns.enumerated() {
            let cell = index < cells.count ? cells[index] : ""
            if index > 0 { line += String(repeating: " ", count: gap) }
            let placed =
                column.rightAligned
                ? AnalysisLayout.right(cell, widths[index]) : AnalysisLayout.left(cell, widths[index])
            line += style(index, placed)
        }
        return String(line.reversed().drop { $0 == " " }.reversed())
    }

    /// A rule under the whole table.
    public var rule: String {
        String(repeating: " ", count: indent) + String(repeating: "─", count: lineWidth - indent)
    }
}
