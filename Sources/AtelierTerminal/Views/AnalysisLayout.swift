import AtelierCore

/// Plain-text layout shared by the analysis views: padding, truncation and
/// word wrapping, measured in characters (the views print no escape codes).
public enum AnalysisLayout {
    /// `text` cut to `width` characters, an ellipsis marking the cut.
    public static func fit(_ text: String, _ width: Int) -> String {
        guard width > 0 else { return "" }
        guard text.count > width else { return text }
        return String(text.prefix(width - 1)) + "…"
    }

    /// Left-aligned in `width` columns.
    public static func left(_ text: String, _ width: Int) -> String {
        let cut = fit(text, width)
        return cut + String(repeating: " ", count: width - cut.count)
    }

    /// Right-aligned in `width` columns.
    public static func right(_ text: String, _ width: Int) -> String {
        let cut = fit(text, width)
        return String(repeating: " ", count: width - cut.count) + cut
    }

    /// Words wrapped to lines of at most `width` characters, each line
    /// starting with `indent` spaces (`first` for the first line).
    public static func wrap(_ text: String, width: Int, indent: Int = 0, first: String? = nil) -> [String] {
        let lead = String(repeating: " ", count: indent)
        var lines: [String] = []
        var line = first ?? lead
        var empty = true
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if !empty, line.count + 1 + word.count > width {
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

    /// A number for a table cell, or a dash when there is none.
    public static func number(_ value: Double?, _ catalog: Catalog, digits: Int) -> String {
        value.map { catalog.format($0, digits: digits) } ?? "–"
    }
}
