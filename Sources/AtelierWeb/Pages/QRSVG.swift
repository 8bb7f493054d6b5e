/// A QR code as inline SVG: one path of unit squares for the dark modules,
/// on a light square with the standard quiet zone of four modules.
enum QRSVG {
    static let quietZone = 4

    static func svg(_ matrix: QRMatrix, title: String) -> String {
        let side = matrix.width + 2 * quietZone
        var path = ""
        for y in 0..<matrix.width {
            var x = 0
            while x < matrix.width {
                guard matrix.isDark(x: x, y: y) else {
                    x += 1
                    continue
                }
                var run = 1
                while matrix.isDark(x: x + run, y: y) { run += 1 }
                path += "M\(x + quietZone) \(y + quietZone)h\(run)v1h-\(run)z"
                x += run
            }
        }
        return HTML.el(
            "svg",
            [
                ("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 \(side) \(side)"), ("class", "qr"),
                ("shape-rendering", "crispEdges"), ("role", "img"), ("aria-label", title),
            ],
            HTML.el("title", [], HTML.text(title))
                + HTML.leaf("rect", [("width", String(side)), ("height", String(side)), ("fill", "#ffffff")])
                + HTML.leaf("path", [("d", path), ("fill", "#000000")]))
    }
}
