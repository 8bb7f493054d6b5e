import AtelierCore
import AtelierTerminal

/// How the participant's client shows the protocol's lines to a person:
/// pushes and reply bodies without their marks and ids where the words say
/// it all, replies as ✓ or ✗.
public enum ClientText {
    /// The line to show, or nil for lines a person need not see.
    public static func display(_ line: String) -> String? {
        if line == "ok" { return nil }
        if line.hasPrefix("ok ") { return "✓ " + line.dropFirst(3) }
        if line.hasPrefix("error ") { return "✗ " + line.dropFirst(6) }
        guard line.hasPrefix("* ") || line.hasPrefix("- ") else { return line }
        let body = line.dropFirst(2)
        guard let separator = body.range(of: StageText.separator) else { return "» " + body }
        let head = body[..<separator.lowerBound].split(separator: " ")
        let text = body[separator.upperBound...]
        switch head.first {
        case "welcome": return nil
        // The client joins and resumes by itself: those two are for people typing the protocol.
        case "help" where head.count > 1 && (head[1] == "join" || head[1] == "resume"): return nil
        case "stage": return "▶ " + text
        case "prompt", "scale", "help": return "  " + text
        case "item", "option", "department":
            // The id goes first unless the words already start with it (a department named by its id).
            guard head.count > 1 else { return "  " + text }
            let id = head[1]
            let startsWithID = text == id || text.hasPrefix(id + ":") || text.hasPrefix(id + " :")
            return "  " + (startsWithID ? "" : id + ": ") + text
        case "about", "example": return "      " + text
        case "tally": return String(text)
        case "hint": return "  → " + text
        default: return "» " + text
        }
    }

    /// The line to show, wrapped to `width` columns (nil: as it is, for a
    /// pipe): a wrapped line goes on under its text, not under its mark or id,
    /// and French punctuation that follows a space (` :`, ` ;`, ` ?`, ` !`,
    /// ` »`) stays with the word before it. Tally lines are drawn to the
    /// width already and are never wrapped.
    public static func lines(_ line: String, width: Int?) -> [String] {
        guard let shown = display(line) else { return [] }
        guard let width, width > 20, AnalysisLayout.visibleCount(shown) > width, !isTally(line) else { return [shown] }
        let indent = hangingIndent(shown)
        let words = glued(shown.dropFirst(indent).split(separator: " ").map(String.init))
        let lead = String(shown.prefix(indent))
        let hanging = min(indent + firstWordWidth(shown, after: indent), width / 2)
        return AnalysisLayout.wrap(words.joined(separator: " "), width: width, indent: hanging, first: lead)
            .map { $0.replacingOccurrences(of: "\u{1}", with: " ") }
    }

    private static func isTally(_ line: String) -> Bool {
        line.dropFirst(2).hasPrefix("tally" + StageText.separator)
    }

    /// The columns before the text: the spaces and the mark (`✓ `, `▶ `, `→ `).
    private static func hangingIndent(_ shown: String) -> Int {
        var count = shown.prefix { $0 == " " }.count
        let rest = shown.dropFirst(count)
        for mark in ["✓ ", "✗ ", "▶ ", "» ", "→ "] where rest.hasPrefix(mark) { count += 2 }
        return count
    }

    /// `id: ` after the indent of an item or option line: the wrapped lines go under the label.
    private static func firstWordWidth(_ shown: String, after indent: Int) -> Int {
        let rest = shown.dropFirst(indent)
        guard let first = rest.split(separator: " ").first, first.hasSuffix(":"), first.count < 24 else { return 0 }
        return first.count + 1
    }

    /// Words joined to their neighbour by a non-space mark (U+0001, put back
    /// as a space) where French typography puts a space inside: `« mot »`, `mot :`.
    private static func glued(_ words: [String]) -> [String] {
        var out: [String] = []
        var openQuote = false
        for word in words {
            if openQuote, let last = out.popLast() {
                out.append(last + "\u{1}" + word)
                openQuote = false
            } else if [":", ";", "?", "!", "»", "—"].contains(word), let last = out.popLast() {
                out.append(last + "\u{1}" + word)
            } else {
                out.append(word)
            }
            if word == "«" { openQuote = true }
        }
        return out
    }
}

/// What the client completes with Tab: the participant's commands, and the
/// items, scale points, options and departments of the current stage, as
/// the server described it in its last `stage` lines.
public struct ClientCompletion: Sendable, Hashable {
    public private(set) var stage = ""
    public private(set) var items: [String] = []
    public private(set) var points: [String] = []
    public private(set) var options: [String] = []
    public private(set) var departments: [String] = []
    public let languages: [String]
    /// The participant's own department: not offered after `knows` and `shares`.
    public let department: String

    public init(languages: [String], department: String = "") {
        self.languages = languages
        self.department = department
    }

    /// Reads a pushed or reply line; a `stage` line starts a new description.
    public mutating func absorb(_ line: String) {
        guard line.hasPrefix("* ") || line.hasPrefix("- ") else { return }
        let words = line.dropFirst(2).split(separator: " ", maxSplits: 2)
        guard words.count >= 2 else { return }
        let id = String(words[1])
        switch words[0] {
        case "stage":
            self = ClientCompletion(languages: languages, department: department)
            stage = id
        case "item": if !items.contains(id) { items.append(id) }
        case "option": if !options.contains(id) { options.append(id) }
        case "department": if !departments.contains(id) { departments.append(id) }
        case "scale":
            let bounds = id.split(separator: "-").compactMap { Int($0) }
            if bounds.count == 2, bounds[0] <= bounds[1] { points = (bounds[0]...bounds[1]).map(String.init) }
        default: break
        }
    }

    /// The words that may stand where the cursor is, at the end of `line`.
    public func words(for line: String) -> [String] {
        let words = line.split(separator: " ").map(String.init)
        let index = line.hasSuffix(" ") || line.isEmpty ? words.count : words.count - 1
        if index == 0 { return RequestParser.commands.filter { $0 != "join" && $0 != "resume" } }
        switch (words[0], index) {
        case ("rate", 1): return items.count == 1 ? items + points : items
        case ("rate", 2): return points
        case ("pick", 1): return options
        case ("knows", 1), ("shares", 1): return departments.filter { $0.lowercased() != department.lowercased() }
        case ("strategy", 1): return ["add"]
        case ("locale", 1): return languages
        default: return []
        }
    }
}
