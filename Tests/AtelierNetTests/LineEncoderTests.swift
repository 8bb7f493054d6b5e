import NIOCore
import Testing

@testable import AtelierNet

@Suite("Line encoder")
struct LineEncoderTests {
    func encoded(_ line: String) -> String {
        var buffer = ByteBuffer()
        LineEncoder.write(line, into: &buffer)
        return buffer.readString(length: buffer.readableBytes) ?? ""
    }

    @Test func everyLineBreakInsideALineBecomesASpace() {
        #expect(encoded("ok control: 4 (It stops us)") == "ok control: 4 (It stops us)\n")
        #expect(encoded("- « Écouter » — l’équipe · 3…") == "- « Écouter » — l’équipe · 3…\n")
        #expect(encoded("a\nb\r\nc\u{0B}d\u{0C}e\u{85}f\u{2028}g\u{2029}h") == "a b c d e f g h\n")
    }
}
