/// Colours for the terminal, or none: scripts, pipes and NO_COLOR get plain
/// text. Colours wrap text that is already padded, so widths stay right.
public struct Style: Sendable, Hashable {
    public let colour: Bool

    public init(colour: Bool) {
        self.colour = colour
    }

    public static let plain = Style(colour: false)

    /// Colour on a terminal only, and never when NO_COLOR is set to anything
    /// (https://no-color.org).
    public static func forTerminal(isTerminal: Bool, environment: [String: String]) -> Style {
        Style(colour: isTerminal && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb")
    }

    public func bold(_ text: String) -> String { wrap(text, "1") }
    public func dim(_ text: String) -> String { wrap(text, "2") }
    public func red(_ text: String) -> String { wrap(text, "31") }
    public func green(_ text: String) -> String { wrap(text, "32") }
    public func yellow(_ text: String) -> String { wrap(text, "33") }
    public func cyan(_ text: String) -> String { wrap(text, "36") }

    /// The same, marked for readline as taking no room (`\001...\002`), for prompts.
    public func prompt(_ text: String, _ code: String) -> String {
        colour ? "\u{1}\u{1B}[\(code)m\u{2}\(text)\u{1}\u{1B}[0m\u{2}" : text
    }

    private func wrap(_ text: String, _ code: String) -> String {
        colour && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
