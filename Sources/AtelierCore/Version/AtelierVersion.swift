/// The version of this atelier: the one place it is written. `atelier
/// --version` prints it; recordings (header `generator`) and the JSON
/// summary (`generator`) carry it as `AtelierVersion.generator`.
public enum AtelierVersion {
    public static let number = "0.1.0"

    /// What wrote a file: `atelier 0.1.0`.
    public static var generator: String { "atelier \(number)" }
}
