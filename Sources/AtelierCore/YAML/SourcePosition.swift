/// A place in a text file: 1-based line and column (columns count Unicode scalars).
public struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let line: Int
    public let column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static let start = SourcePosition(line: 1, column: 1)

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// One problem found in a workshop or locale file: where, and a message to localize.
public struct FileProblem: Sendable, Hashable {
    public let position: SourcePosition
    public let message: LocalizedMessage

    public init(_ position: SourcePosition, _ message: LocalizedMessage) {
        self.position = position
        self.message = message
    }
}
