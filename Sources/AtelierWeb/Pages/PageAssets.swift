import AtelierResources

/// The pages' style sheet and scripts, embedded in the binary (folder `web`
/// of `BundledFiles`): nothing is read from the disk at run time.
public enum PageAssets {
    public struct Asset: Sendable {
        public let contentType: String
        public let bytes: [UInt8]
    }

    /// The asset served at `path` (`/style.css`, `/app.js`, `/screen.js`), or nil.
    public static func asset(at path: String) -> Asset? { assets[path] }

    static let assets: [String: Asset] = {
        var out: [String: Asset] = [:]
        for (path, name, type) in [
            (PageRoutes.style, "style.css", "text/css; charset=utf-8"),
            (PageRoutes.script, "app.js", "text/javascript; charset=utf-8"),
            (PageRoutes.screenScript, "screen.js", "text/javascript; charset=utf-8"),
        ] {
            if let file = BundledFiles.web.first(where: { $0.name == name }) {
                out[path] = Asset(contentType: type, bytes: file.bytes)
            }
        }
        return out
    }()
}
