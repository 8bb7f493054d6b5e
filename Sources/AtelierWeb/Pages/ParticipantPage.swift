import AtelierCore

/// The participant's page: the join form, then the current stage.
public enum ParticipantPage {
    /// The whole page, for a GET or a form's POST.
    public static func document(_ model: ParticipantPageModel) -> String {
        PageShell.document(
            language: model.catalog.language, title: model.catalog.text("web.title"), script: PageRoutes.script,
            socket: PageRoutes.socket, catalog: model.catalog, bodyClass: "phone", main: fragment(model))
    }

    /// `<main id="room">…</main>`: what a push replaces.
    public static func fragment(_ model: ParticipantPageModel) -> String {
        "<main id=\"room\"></main>"
    }
}
