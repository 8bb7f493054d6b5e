import AtelierCore

/// Text layout shared by the terminal views: padding, truncation and word
/// wrapping, measured in the columns a text takes on screen (colours' escape
/// codes take none).
public enum AnalysisLayout {
    /// The columns `text` takes on screen: its characters, escape codes aside.
    public static func visibleCount(_ text: String) -> Int {
        guard text.contains("\u{1B}") else { return text.count }
        var count = 0
        var escaped = false
        for character in text {
            if escaped {
                if character.isLetter { escaped = false }
            } else if character == "\u{1B}" {
                escaped = true
            } else {
                count += 1
            }
        }
        return count
    }

    /// `text` cut to `width` characters, an ellipsis marking the cut.
    public static func fit(_ text: String, _ width: Int) -> String {
        guard width > 0 else { return "" }
        guard visibleCount(text) > width else { return text }
        return String(text.prefix(width - 1)) + "…"
    }

    /// Left-aligned in `width` columns.
    public static func left(_ text: String, _ width: Int) -> String {
        let cut = fit(text, width)
        return cut + String(repeating: " ", count: max(0, width - visibleCount(cut)))
    }

    /// Right-aligned in `width` columns.
    public static func right(_ text: String, _ width: Int) -> String {
        let cut = fit(text, width)
        return String(repeating: " ", count: max(0, width - visibleCount(cut))) + cut
    }

    /// Words wrapped to lines of at most `width` characters, each line
    /// starting with `indent` spaces (`first` for the first line).
    public static func wrap(_ text: String, width: Int, indent: Int = 0, first: String? = nil) -> [String] {
        let lead = String(repeating: " ", count: indent)
        var lines: [String] = []
        var line = first ?? lead
        var empty = true
        for word in words(text) {
            if !empty, visibleCount(line) + 1 + visibleCount(String(word)) > width {
                lines.append(line)
                line = lead
                empty = true
            }
            line += (empty ? "" : " ") + word
            empty = false
        }
        if !empty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// The words to wrap: French punctuation set off by a space (`1 ;`,
    /// `« mot »`, `question ?`) stays with its word, as a non-breaking space
    /// would keep it, so that no line starts with `;` or ends with `«`; a
    /// comparison or an arrow stays with the number after it (`≤ 1`, `→ 3`).
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var opening = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if ["«", "“", "≤", "≥", "→"].contains(word) {
                opening += word + " "
            } else if [";", ":", "!", "?", "»", "”"].contains(word), let last = words.popLast() {
                words.append(last + " " + word)
            } else {
                words.append(opening + word)
                opening = ""
            }
        }
        if !opening.isEmpty { words.append(String(opening.dropLast())) }
        return words
    }

    /// A number for a table cell, or a dash when there is none.
    public static func number(_ value: Double?, _ catalog: Catalog, digits: Int) -> String {
        value.map { catalog.format($0, digits: digits) } ?? "–"
    }
}
