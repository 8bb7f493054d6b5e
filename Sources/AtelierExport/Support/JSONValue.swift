import AtelierCore

/// A JSON document whose objects keep their keys in the order given, written
/// by hand so the bytes are stable: two-space indentation, arrays of plain
/// values on one line, numbers at full precision (`format`).
indirect enum JSONValue: Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.render() == rhs.render() }

    static func optional(_ value: Double?) -> JSONValue { value.map { .number($0) } ?? .null }
    static func optional(_ value: Bool?) -> JSONValue { value.map { .bool($0) } ?? .null }
    static func optional(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }
    static func strings(_ values: [String]) -> JSONValue { .array(values.map { .string($0) }) }

    func render() -> String {
        var out = ""
        write(into: &out, indent: "")
        return out + "\n"
    }

    private var isPlain: Bool {
        switch self {
        case .array, .object: return false
        default: return true
        }
    }

    private func write(into out: inout String, indent: String) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .int(let value): out += String(value)
        case .number(let value): out += Self.format(value)
        case .string(let value): Self.quote(value, into: &out)
        case .array(let values):
            if values.isEmpty {
                out += "[]"
            } else if values.allSatisfy(\.isPlain) {
                out += "["
                for (index, value) in values.enumerated() {
                    if index > 0 { out += ", " }
                    value.write(into: &out, indent: indent)
                }
                out += "]"
            } else {
                let inner = indent + "  "
                out += "[\n"
                for (index, value) in values.enumerated() {
                    out += inner
                    value.write(into: &out, indent: inner)
                    out += index == values.count - 1 ? "\n" : ",\n"
                }
                out += indent + "]"
            }
        case .object(let pairs):
            guard !pairs.isEmpty else {
                out += "{}"
                return
            }
            let inner = indent + "  "
            out += "{\n"
            for (index, (key, value)) in pairs.enumerated() {
                out += inner
                Self.quote(key, into: &out)
                out += ": "
                value.write(into: &out, indent: inner)
                out += index == pairs.count - 1 ? "\n" : ",\n"
            }
            out += indent + "}"
        }
    }

    /// The shortest text that reads back as exactly the same double (Swift's
    /// round-trip form: `0.3333333333333333`, `2.5`, `1e-05`), without a
    /// trailing `.0` (`2`); zero is `0`. Not-a-number and infinities become
    /// null. What the JSON summary and the CSV files write, so that a figure
    /// recomputed from them is the one atelier computed.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        guard value != 0 else { return "0" }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }

    /// Fixed-point with at most `digits` decimals, trailing zeros dropped;
    /// no exponent below 10^14 (the coordinates of the HTML export's charts).
    static func fixed(_ value: Double, digits: Int) -> String {
        value.isFinite ? FixedDecimal.text(value, digits: digits, trimmingZeros: true) : "null"
    }

    static func quote(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar == "\u{2028}" || scalar == "\u{2029}" {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
