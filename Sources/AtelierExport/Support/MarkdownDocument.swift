/// Markdown written line by line, as the summary and the comparison write
/// it: headings with a blank line around them, pipe tables, text from the
/// room escaped.
struct MarkdownDocument {
    private(set) var lines: [String] = []

    /// The document, each line ended by a line feed.
    var text: String { lines.joined(separator: "\n") + "\n" }

    mutating func add(_ line: String) { lines.append(line) }

    /// A heading of `level` (1 to 6), after a blank line unless the last line is one.
    mutating func heading(_ level: Int, _ text: String) {
        if let last = lines.last, last != "" { add("") }
        add(String(repeating: "#", count: level) + " " + Self.escape(text))
        add("")
    }

    /// A pipe table: the header escaped here, the rows as given (escaped by
    /// the caller, who may bold them); `align` true right-aligns a column.
    mutating func table(_ header: [String], align: [Bool] = [], _ rows: [[String]]) {
        add("| " + header.map(Self.escape).joined(separator: " | ") + " |")
        let rules = header.indices.map { index in index < align.count && align[index] ? "---:" : "---" }
        add("| " + rules.joined(separator: " | ") + " |")
        for row in rows { add("| " + row.joined(separator: " | ") + " |") }
    }

    /// Text from the room is shown as text: Markdown's active characters are
    /// escaped, line breaks become spaces.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", "|":
                out.append("\\")
                out.append(character)
            case "\n", "\r", "\r\n":
                out.append(" ")
            default:
                out.append(character)
            }
        }
        return out
    }
}
