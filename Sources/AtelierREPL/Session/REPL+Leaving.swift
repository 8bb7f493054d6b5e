import AtelierCore
import Foundation

/// Leaving the REPL and ending the session: what a facilitator at a
/// terminal is told and asked.
extension REPL {
    /// The answers that confirm `end`, in every locale (like the command words).
    static let confirming: Set<String> = ["y", "yes", "o", "oui"]

    /// On a terminal, `end` cannot be undone: it asks first. A script is not asked.
    /// Returns whether to go on; `.quit` when the input ended while asking.
    func confirmEnd(_ state: SessionState) async -> Step? {
        guard settings.interactive, !state.isEnded else { return nil }
        console.lines([style.yellow(catalog.text("repl.end.confirm", ["session": .text(state.id)]))])
        guard let answer = await input.next(prompt: catalog.text("repl.end.prompt")) else { return .quit }
        if Self.confirming.contains(answer.trimmingCharacters(in: .whitespaces).lowercased()) { return nil }
        console.lines([catalog.text("repl.end.kept", ["session": .text(state.id)])])
        return .done
    }

    /// What a facilitator leaving a terminal is told: how to come back to an
    /// open session, or how to read an ended one.
    func farewell(_ state: SessionState) -> [String] {
        let store = settings.store.map { " --store " + Self.shellWord($0) } ?? ""
        let session = Self.shellWord(state.id)
        if state.isEnded {
            return [
                catalog.text(
                    "repl.quit.ended",
                    [
                        "session": .text(state.id), "replay": .text("atelier replay \(session)\(store)"),
                        "export": .text("atelier export \(session)\(store) --format md"),
                    ])
            ]
        }
        return [
            catalog.text(
                "repl.quit.open",
                ["session": .text(state.id), "command": .text("atelier resume \(session)\(store)")])
        ]
    }

    /// A word a shell reads back as it is: quoted when it holds anything but
    /// letters, digits and `-_./:@+,=`.
    static func shellWord(_ word: String) -> String {
        let plain =
            !word.isEmpty
            && word.unicodeScalars.allSatisfy {
                ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)))
                    || "-_./:@+,=".unicodeScalars.contains($0)
            }
        return plain ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
