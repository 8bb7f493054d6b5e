import Testing

@testable import AtelierWeb

@Suite struct QRMatrixTests {
    @Test func aShortURLIsAVersion2Code() throws {
        let matrix = try #require(QRMatrix(encoding: "http://192.168.1.20:4712/?code=ABCD23"))
        // Version 2 is 25 modules wide; the three finder patterns are dark in their corners.
        #expect(matrix.width == 25)
        #expect(matrix.isDark(x: 0, y: 0))
        #expect(matrix.isDark(x: 24, y: 0))
        #expect(matrix.isDark(x: 0, y: 24))
        #expect(!matrix.isDark(x: -1, y: 0))
    }
}
