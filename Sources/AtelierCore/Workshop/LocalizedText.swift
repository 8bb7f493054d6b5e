/// A text given in each of the workshop's languages.
public struct LocalizedText: Sendable, Hashable, Codable {
    public let values: [String: String]

    public init(_ values: [String: String]) {
        self.values = values
    }

    /// The text in `language`, else in French, else in any language.
    public func text(_ language: String) -> String {
        values[language] ?? values["fr"] ?? values.sorted { $0.key < $1.key }.first?.value ?? ""
    }

    public init(from decoder: any Decoder) throws {
        values = try [String: String](from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try values.encode(to: encoder)
    }
}
