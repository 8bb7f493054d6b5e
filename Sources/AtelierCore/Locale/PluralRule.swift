/// Plural categories used by the locale files.
public enum PluralCategory: String, Sendable, CaseIterable {
    case one, other
}

/// How a language picks a plural form for a count.
public enum PluralRule: String, Sendable {
    /// French: 0 and 1 take the singular.
    case french
    /// English and most others: only 1 takes the singular.
    case english

    public func category(for count: Int) -> PluralCategory {
        switch self {
        case .french: return count == 0 || count == 1 ? .one : .other
        case .english: return count == 1 ? .one : .other
        }
    }

    public static func forLanguage(_ code: String) -> PluralRule {
        code == "fr" ? .french : .english
    }
}
