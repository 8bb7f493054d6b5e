import AtelierCore

/// The `<html>` around a page's `<main>`: style, script, and the few
/// sentences the script shows (in `data-` attributes: it has no words of its own).
enum PageShell {
    /// The `<main id="room">` a page is made of: its language, and the
    /// sentences the script may show (the script has no words of its own),
    /// so a push in another language brings them along.
    static func main(catalog: Catalog, cls: String, _ inner: String) -> String {
        HTML.el(
            "main",
            [
                ("id", "room"), ("class", cls), ("lang", catalog.language),
                ("data-offline", catalog.text("web.offline")), ("data-time-up", catalog.text("net.push.time_up")),
            ], inner)
    }

    static func document(
        catalog: Catalog, title: String, scripts: [String], socket: String, bodyClass: String, main: String
    ) -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"" + HTML.escape(catalog.language) + "\">\n<head>\n"
        out += "<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>" + HTML.escape(title) + "</title>\n"
        out += "<link rel=\"stylesheet\" href=\"" + PageRoutes.style + "\">\n"
        for script in scripts { out += "<script src=\"" + script + "\" defer></script>\n" }
        out += "</head>\n"
        out += HTML.void(
            "body",
            [
                ("class", bodyClass), ("data-socket", socket),
            ])
        out += "\n" + HTML.el("p", [("id", "offline"), ("class", "offline"), ("role", "status"), ("hidden", "")])
        out += "\n" + main + "\n</body>\n</html>\n"
        return out
    }
}
