import AtelierCore
import Crypto
import Foundation

/// The full workshop definition as JSON, kept with each session and in each
/// recording header, so a session replays where the workshop file is absent.
enum WorkshopJSON {
    static func encode(_ workshop: Workshop) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain structs of strings and numbers cannot fail.
        let data = (try? encoder.encode(workshop)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// The SHA-256 of the definition as `encode` writes it, in lowercase
    /// hexadecimal: what a session's first event records, so that anyone
    /// holding the recording can check the definition it was judged by.
    static func digest(_ workshop: Workshop) -> String {
        SHA256.hash(data: Data(encode(workshop).utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// The first event of a new session: the workshop, its version, the
    /// locale, the consensus criteria in force and the definition's digest,
    /// then the session's privacy (`--anonymous`, `--min-group`).
    static func opening(_ workshop: Workshop, locale: String, anonymous: Bool = false, minGroup: Int? = nil) -> Event {
        .sessionStarted(
            workshop: workshop.id, version: workshop.version, locale: locale,
            criteria: ConsensusCriteria.inForce(workshop).recorded, workshopDigest: digest(workshop),
            anonymous: anonymous, minGroup: minGroup)
    }

    /// The workshop, or the decoder's reason for refusing the text.
    static func decode(_ text: String) -> Result<Workshop, DecodingFailure> {
        do {
            return .success(try JSONDecoder().decode(Workshop.self, from: Data(text.utf8)))
        } catch {
            return .failure(DecodingFailure(error))
        }
    }
}

/// A JSONDecoder error, said in a few words: which field, what went wrong.
struct DecodingFailure: Error {
    /// The dotted path of the field at fault ("" for the whole line).
    let field: String
    let kind: Kind

    enum Kind { case notJSON, missing, wrongType }

    init(_ error: any Error) {
        guard let error = error as? DecodingError else {
            field = ""
            kind = .notJSON
            return
        }
        func path(_ keys: [any CodingKey], _ last: (any CodingKey)? = nil) -> String {
            (keys + (last.map { [$0] } ?? [])).map { $0.intValue.map(String.init) ?? $0.stringValue }
                .joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            field = path(context.codingPath, key)
            kind = .missing
        case .valueNotFound(_, let context):
            field = path(context.codingPath)
            kind = .missing
        case .typeMismatch(_, let context):
            field = path(context.codingPath)
            kind = .wrongType
        case .dataCorrupted(let context):
            field = path(context.codingPath)
            kind = context.codingPath.isEmpty ? .notJSON : .wrongType
        @unknown default:
            field = ""
            kind = .notJSON
        }
    }
}

extension Event {
    /// The first event of a new session of `workshop` (`SessionStore.create`
    /// writes it): the criteria in force and the definition's digest with it.
    public static func opening(
        _ workshop: Workshop, locale: String, anonymous: Bool = false, minGroup: Int? = nil
    ) -> Event {
        WorkshopJSON.opening(workshop, locale: locale, anonymous: anonymous, minGroup: minGroup)
    }
}
