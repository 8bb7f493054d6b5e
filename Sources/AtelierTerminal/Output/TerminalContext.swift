import AtelierCore

/// What every terminal view reads besides the session: the reader's
/// catalog, the colours, and the columns it may fill.
public struct TerminalContext: Sendable {
    public let catalog: Catalog
    public let style: Style
    public let width: Int

    public init(catalog: Catalog, style: Style = .plain, width: Int = TerminalWidth.fallback) {
        self.catalog = catalog
        self.style = style
        self.width = width
    }

    public var language: String { catalog.language }

    /// The same, for a view printed `indent` columns further right.
    public func indented(by indent: Int) -> TerminalContext {
        TerminalContext(catalog: catalog, style: style, width: width - indent)
    }

    public func text(_ key: String, _ args: [String: MessageValue] = [:]) -> String { catalog.text(key, args) }

    public func render(_ message: LocalizedMessage) -> String { catalog.render(message) }

    /// Words wrapped to the width (see `AnalysisLayout.wrap`).
    public func wrap(_ text: String, indent: Int = 0, first: String? = nil) -> [String] {
        AnalysisLayout.wrap(text, width: width, indent: indent, first: first)
    }
}
