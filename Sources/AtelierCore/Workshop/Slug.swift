/// Identifiers in workshops and sessions: lowercase ASCII letters, digits,
/// `-` and `_`, starting with a letter (`marketing`, `service-client`).
public enum Slug {
    public static func isValid(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first), text.count <= 64 else {
            return false
        }
        return text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
        }
    }
}
