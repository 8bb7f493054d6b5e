/// Chooses the language: an explicit choice, else LC_ALL, LC_MESSAGES, LANG,
/// else French. Pure: the environment comes in as a dictionary.
public enum LocaleChoice {
    public static let fallback = "fr"

    public static func resolve(
        explicit: String?, environment: [String: String], available: [String]
    ) -> String {
        if let explicit, let code = language(of: explicit, available: available) { return code }
        for variable in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[variable], !value.isEmpty else { continue }
            if let code = language(of: value, available: available) { return code }
            // The first variable that is set decides, as POSIX says.
            return available.contains(fallback) ? fallback : (available.first ?? fallback)
        }
        return available.contains(fallback) ? fallback : (available.first ?? fallback)
    }

    /// "fr_FR.UTF-8" → "fr"; "C" or "POSIX" → nil.
    public static func language(of value: String, available: [String]) -> String? {
        let code = value.split(whereSeparator: { "_.@-".contains($0) }).first.map(String.init)?.lowercased()
        guard let code, available.contains(code) else { return nil }
        return code
    }
}
