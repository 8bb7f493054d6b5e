import AtelierCore

/// Renders a session's summary in one format. Pure: the state, its analysis
/// and the reader's catalog are all it reads; no clock, no file, no random.
/// Everything is iterated in a defined order (workshop order, department
/// order, join order), so one session always gives the same bytes.
public enum Exporter {
    /// The summary with its analysis computed here, worded in the catalog's language.
    public static func render(format: ExportFormat, state: SessionState, catalog: Catalog) -> ExportOutput {
        render(
            format: format, state: state, analysis: Analysis.shown(state, language: catalog.language), catalog: catalog)
    }

    public static func render(
        format: ExportFormat, state: SessionState, analysis: Analysis, catalog: Catalog
    ) -> ExportOutput {
        let context = ExportContext(state: state, analysis: analysis, catalog: catalog)
        switch format {
        case .md:
            return .file(Array(MarkdownExport(context).render().utf8))
        case .json:
            return .file(Array(SummaryJSON(context).render().utf8))
        case .csv:
            return .folder(CSVExport(context).files())
        case .html:
            return .file(Array(HTMLExport(context).render().utf8))
        }
    }
}
