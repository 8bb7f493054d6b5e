/// Draws a QR code in a terminal with half-block characters: each text line
/// holds two rows of modules, so the code stays square on a terminal whose
/// cells are about twice as tall as wide. Dark modules are drawn as the
/// terminal's background (spaces) on a light frame so that a phone reads it
/// off a dark or a light terminal alike: light is "█", the upper half "▀",
/// the lower half "▄".
public enum HalfBlockQR {
    /// The lines of the drawing, with a quiet zone of `margin` modules.
    public static func lines(_ matrix: QRMatrix, margin: Int = 4) -> [String] {
        let range = -margin..<(matrix.width + margin)
        var lines: [String] = []
        var y = range.lowerBound
        while y < range.upperBound {
            var line = ""
            for x in range {
                let topLight = !matrix.isDark(x: x, y: y)
                let bottomLight = y + 1 < range.upperBound ? !matrix.isDark(x: x, y: y + 1) : false
                switch (topLight, bottomLight) {
                case (true, true): line += "█"
                case (true, false): line += "▀"
                case (false, true): line += "▄"
                case (false, false): line += " "
                }
            }
            lines.append(line)
            y += 2
        }
        return lines
    }
}
