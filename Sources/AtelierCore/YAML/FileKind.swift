/// Whether a text is a workshop definition or a locale file. A locale file has
/// the top-level keys `language:` and `messages:`; anything else is read as a
/// workshop. The test looks at lines, not at parsed YAML, so a file with a
/// syntax error is still sent to the right parser, which then reports it.
public enum FileKind: String, Sendable, CaseIterable {
    case workshop, locale

    public static func detect(_ text: String) -> FileKind {
        var hasLanguage = false
        var hasMessages = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("language:") { hasLanguage = true }
            if line.hasPrefix("messages:") { hasMessages = true }
        }
        return hasLanguage && hasMessages ? .locale : .workshop
    }
}
