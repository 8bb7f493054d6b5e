import AtelierFiles
import Foundation

/// The participant's seat tokens, kept between runs of `atelier join` so that
/// a client that died (a closed laptop, a killed terminal) takes its seat
/// back: one file a seat, readable by its owner only, named after the
/// address, the join code and the name.
struct JoinTokens: Sendable {
    let folder: String
    let key: String

    init(folder: String, host: String, port: Int, code: String, name: String) {
        self.folder = folder
        let raw = "\(host)_\(port)_\(code.uppercased())_\(name)"
        // Host, port and code hold no `_`: the name, last, may.
        key = raw.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(["_", ".", "-"])) ?? raw
    }

    private var path: String { folder + "/" + key }

    /// The token kept for this seat, if any (a file that cannot be read is none).
    func read() -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return token.count == 32 && token.allSatisfy(\.isHexDigit) ? token : nil
    }

    /// Keeps the token, or forgets it (nil). Best effort: without the file the
    /// client still works, it only cannot take the seat back after dying.
    func keep(_ token: String?) {
        guard let token else {
            try? FileManager.default.removeItem(atPath: path)
            return
        }
        try? FileManager.default.createDirectory(
            atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try? AtomicFile.write(Array((token + "\n").utf8), to: path, replace: true, mode: 0o600)
    }
}
