import AtelierCore

/// The `<html>` around a page's `<main>`: style, script, and the few
/// sentences the script shows (in `data-` attributes: it has no words of its own).
enum PageShell {
    static func document(
        language: String, title: String, script: String, socket: String, catalog: Catalog, bodyClass: String,
        main: String
    ) -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"" + HTML.escape(language) + "\">\n<head>\n"
        out += "<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>" + HTML.escape(title) + "</title>\n"
        out += "<link rel=\"stylesheet\" href=\"" + PageRoutes.style + "\">\n"
        out += "<script src=\"" + script + "\" defer></script>\n"
        out += "</head>\n<body class=\"" + bodyClass + "\" data-socket=\"" + HTML.escape(socket) + "\""
        out += " data-offline=\"" + HTML.escape(catalog.text("web.offline")) + "\""
        out += " data-time-up=\"" + HTML.escape(catalog.text("web.time_up")) + "\">\n"
        out += main
        out += "\n</body>\n</html>\n"
        return out
    }
}
