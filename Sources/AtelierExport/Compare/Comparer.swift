import AtelierCore

/// Renders the comparison of sessions of one workshop in one format
/// (`atelier compare`). Each session is compared with the one before it in
/// the order given. Pure, like `Exporter`.
public enum Comparer {
    /// The comparisons of each session with the one before it.
    public static func steps(_ sessions: [ComparedSession]) -> [Comparison] {
        zip(sessions, sessions.dropFirst()).map { Comparison.of(before: $0, after: $1) }
    }

    public static func render(format: ExportFormat, sessions: [ComparedSession], catalog: Catalog) -> ExportOutput {
        let context = CompareContext(sessions: sessions, steps: steps(sessions), catalog: catalog)
        switch format {
        case .md: return .file(Array(CompareMarkdown(context).render().utf8))
        case .json: return .file(Array(CompareJSON(context).render().utf8))
        case .csv: return .folder(CompareCSV(context).files())
        case .html: return .file(Array(CompareHTML(context).render().utf8))
        }
    }

    /// The file name a comparison gets when no path is given (csv only).
    public static func defaultName(format: ExportFormat, sessions: [ComparedSession]) -> String {
        let base = "compare-" + (sessions.first?.id ?? "") + "-" + (sessions.last?.id ?? "")
        return format.isFolder ? base + "-csv" : base + "." + format.rawValue
    }
}
