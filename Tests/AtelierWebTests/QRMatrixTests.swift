import AtelierTestFixtures
import Foundation
import Testing

@testable import AtelierWeb

@Suite struct QRMatrixTests {
    static let url = "http://192.168.1.20:4712/?code=ABCD23"
    static let zbarimg = "/usr/bin/zbarimg"

    @Test func aJoinURLIsAVersion3CodeWithItsFinderPatterns() throws {
        let matrix = try #require(QRMatrix(encoding: Self.url))
        // 37 bytes at level M: version 3, 29 modules wide; the finder patterns are dark at three corners,
        // with a light separator inside the code and the light quiet zone outside it.
        #expect(matrix.width == 29)
        for (x, y) in [(0, 0), (28, 0), (0, 28), (6, 6), (22, 0), (0, 22)] { #expect(matrix.isDark(x: x, y: y)) }
        for (x, y) in [(7, 0), (0, 7), (21, 0), (-1, 0), (29, 3)] { #expect(!matrix.isDark(x: x, y: y)) }
    }

    @Test func theHalfBlockDrawingHasTwoRowsALineAndAQuietZone() throws {
        let matrix = try #require(QRMatrix(encoding: Self.url))
        let lines = HalfBlockQR.lines(matrix)
        // 29 modules and 4 on each side: 37 columns, 19 lines (the last one's lower half is the terminal's).
        #expect(lines.count == 19)
        #expect(lines.allSatisfy { $0.count == 37 })
        #expect(lines[0] == String(repeating: "█", count: 37))
        #expect(lines[1] == String(repeating: "█", count: 37))
        // Rows 0 and 1: the finder's dark top edge over its light inside, "▄" where only the lower half is light.
        #expect(lines[2].hasPrefix("████ ▄▄▄▄▄ "))
        // The last line's lower half is past the code: the terminal's own background.
        #expect(lines[18] == String(repeating: "▀", count: 37))
    }

    /// The drawing as a phone's camera sees it on a dark terminal: each
    /// character is two modules, light where the block is drawn.
    static func image(of lines: [String], scale: Int = 6, border: Int = 4) -> Data {
        let columns = lines.map(\.count).max() ?? 0
        let width = (columns + 2 * border) * scale
        let height = (lines.count * 2 + 2 * border) * scale
        var pixels = [UInt8](repeating: 0, count: width * height)
        for (row, line) in lines.enumerated() {
            for (column, character) in line.enumerated() {
                let halves: (Bool, Bool) =
                    switch character {
                    case "█": (true, true)
                    case "▀": (true, false)
                    case "▄": (false, true)
                    default: (false, false)
                    }
                for (half, light) in [(0, halves.0), (1, halves.1)] where light {
                    let top = (border + row * 2 + half) * scale
                    let left = (border + column) * scale
                    for y in top..<(top + scale) {
                        for x in left..<(left + scale) { pixels[y * width + x] = 255 }
                    }
                }
            }
        }
        return Data("P5\n\(width) \(height)\n255\n".utf8) + Data(pixels)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: zbarimg), "needs zbar-tools"))
    func theDrawingDecodesBackToTheJoinURL() async throws {
        let matrix = try #require(QRMatrix(encoding: Self.url))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("atelier-qr-\(UUID().uuidString).pgm")
        try Self.image(of: HalfBlockQR.lines(matrix)).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let decoded = try await Program.run(URL(fileURLWithPath: Self.zbarimg), ["--quiet", "--raw", file.path])
        #expect(decoded.status == 0)
        #expect(decoded.stdout == Self.url + "\n")
    }
}
