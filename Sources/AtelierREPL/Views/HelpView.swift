import AtelierCore
import AtelierTerminal

/// `help` and `help COMMAND`, from the command table.
public enum HelpView {
    static let usageWidth = 29

    public static func lines(table: CommandTable, context: TerminalContext) -> [String] {
        let catalog = context.catalog
        let style = context.style
        let width = context.width
        var groups: [String] = []
        for spec in table.specs where !groups.contains(spec.groupKey) { groups.append(spec.groupKey) }
        var out: [String] = []
        for group in groups {
            if !out.isEmpty { out.append("") }
            out.append(style.bold(catalog.text(group)))
            for spec in table.specs where spec.groupKey == group {
                let usage = table.usages(spec).first?.render(catalog) ?? spec.word
                let help = catalog.text(spec.helpKey)
                let indent = 2 + usageWidth + 1
                if usage.count > usageWidth {
                    out.append("  " + usage)
                    out += AnalysisLayout.wrap(help, width: width, indent: indent)
                } else {
                    let first = "  " + AnalysisLayout.left(usage, usageWidth) + " "
                    out += AnalysisLayout.wrap(help, width: width, indent: indent, first: first)
                }
            }
        }
        out.append("")
        out += AnalysisLayout.wrap(catalog.text("repl.help.footer"), width: width).map(style.dim)
        return out
    }

    /// The help of one command, or nil when the word is no command.
    public static func lines(command word: String, table: CommandTable, context: TerminalContext) -> [String]? {
        let catalog = context.catalog
        let width = context.width
        guard let spec = table.spec(word) else { return nil }
        var out = table.usages(spec).map { $0.render(catalog) }
        out += AnalysisLayout.wrap(catalog.text(spec.helpKey), width: width, indent: 2)
        if !spec.aliases.isEmpty {
            out.append("  " + catalog.text("repl.help.aliases", ["aliases": .list(spec.aliases)]))
        }
        return out
    }
}
