/// A CSV table written after RFC 4180: a header row, CRLF line ends, a field
/// quoted when it holds a comma, a quote, a CR or an LF, quotes doubled.
struct CSVTable {
    let header: [String]
    private(set) var rows: [[String]] = []

    init(_ header: [String]) { self.header = header }

    mutating func append(_ row: [String]) {
        precondition(row.count == header.count, "a CSV row has one field per header column")
        rows.append(row)
    }

    func render() -> String {
        ([header] + rows).map { $0.map(Self.field).joined(separator: ",") + "\r\n" }.joined()
    }

    static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" })
        else { return value }
        return "\"" + String(value.flatMap { $0 == "\"" ? ["\"", "\""] : [$0] }) + "\""
    }

    /// Numbers as in the JSON export: a dot, at most four decimals; empty when undefined.
    static func number(_ value: Double?) -> String { value.map(JSONValue.format) ?? "" }
    static func flag(_ value: Bool?) -> String { value.map { $0 ? "true" : "false" } ?? "" }
}
