import AtelierCore

/// The projector's page (`/screen`).
public enum ProjectorPage {
    public static func document(_ model: ProjectorPageModel) -> String {
        PageShell.document(
            language: model.catalog.language, title: model.catalog.text("web.title"),
            script: PageRoutes.screenScript, socket: PageRoutes.screenSocket, catalog: model.catalog,
            bodyClass: "screen", main: fragment(model))
    }

    /// `<main id="room">…</main>`: what a push replaces.
    public static func fragment(_ model: ProjectorPageModel) -> String {
        "<main id=\"room\"></main>"
    }
}
