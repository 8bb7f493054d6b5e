import CQRencode

/// A QR code's modules, encoded by libqrencode: `width` × `width` cells,
/// true for a dark module. The quiet zone is not included.
public struct QRMatrix: Sendable, Equatable {
    public let width: Int
    private let cells: [Bool]

    /// Encodes `text` in byte mode with error correction level M (a projected
    /// code survives some glare); nil when libqrencode refuses it (too long).
    public init?(encoding text: String) {
        guard let code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else { return nil }
        defer { QRcode_free(code) }
        let side = Int(code.pointee.width)
        guard let data = code.pointee.data else { return nil }
        width = side
        cells = (0..<(side * side)).map { data[$0] & 1 == 1 }
    }

    /// True when the module at column `x`, row `y` is dark; cells outside
    /// the code (the quiet zone) are light.
    public func isDark(x: Int, y: Int) -> Bool {
        guard x >= 0, y >= 0, x < width, y < width else { return false }
        return cells[y * width + x]
    }
}
