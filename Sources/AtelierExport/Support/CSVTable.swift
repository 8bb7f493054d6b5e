/// A CSV table written after RFC 4180: a header row, CRLF line ends, a field
/// quoted when it holds a comma, a quote, a CR or an LF, quotes doubled.
///
/// Text is guarded against formula injection (the OWASP rule): a text field
/// that begins with `=`, `+`, `-`, `@`, a tab or a CR is quoted with a `'`
/// in front, so a spreadsheet shows it instead of running it. Values the
/// exporter formats itself (numbers, counts, booleans, times, ids) are
/// written as they are, so `-0.25` stays a number.
struct CSVTable {
    /// One field: words people typed or read (names, strategies, labels,
    /// sentences), or a value the exporter formatted.
    enum Cell: Equatable {
        case text(String)
        case value(String)
    }

    let header: [String]
    private(set) var rows: [[Cell]] = []

    init(_ header: [String]) { self.header = header }

    mutating func append(_ row: [Cell]) {
        precondition(row.count == header.count, "a CSV row has one field per header column")
        rows.append(row)
    }

    func render() -> String {
        ([header.map(Cell.value)] + rows).map { $0.map(Self.field).joined(separator: ",") + "\r\n" }.joined()
    }

    /// The first characters that make a spreadsheet read a field as a formula.
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r", "\r\n"]

    static func field(_ cell: Cell) -> String {
        switch cell {
        case .value(let value):
            return field(value)
        case .text(let text):
            guard let first = text.first, formulaStarts.contains(first) else { return field(text) }
            return quoted("'" + text)
        }
    }

    static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" })
        else { return value }
        return quoted(value)
    }

    private static func quoted(_ value: String) -> String {
        "\"" + String(value.flatMap { $0 == "\"" ? ["\"", "\""] : [$0] }) + "\""
    }

    /// Numbers as in the JSON export: full precision, a dot; empty when undefined.
    static func number(_ value: Double?) -> Cell { .value(value.map(JSONValue.format) ?? "") }
    static func count(_ value: Int) -> Cell { .value(String(value)) }
    static func flag(_ value: Bool?) -> Cell { .value(value.map { $0 ? "true" : "false" } ?? "") }
}
