import NIOCore

/// Writes each outbound string as one line. A newline inside the text would
/// split it into two protocol lines, so any line break becomes a space.
struct LineEncoder: MessageToByteEncoder {
    typealias OutboundIn = String

    func encode(data: String, out: inout ByteBuffer) throws {
        Self.write(data, into: &out)
    }

    static func write(_ line: String, into buffer: inout ByteBuffer) {
        if line.utf8.contains(where: mayStartNewline), line.contains(where: \.isNewline) {
            buffer.writeString(String(line.map { $0.isNewline ? " " : $0 }))
        } else {
            buffer.writeString(line)
        }
        buffer.writeInteger(UInt8(ascii: "\n"))
    }

    /// False for every byte that cannot begin a line break: they are
    /// `\n`, `\v`, `\f`, `\r`, U+0085 (0xC2 0x85) and U+2028, U+2029 (0xE2 ...),
    /// so most lines are checked without reading them as characters.
    private static func mayStartNewline(_ byte: UInt8) -> Bool {
        (0x0A...0x0D).contains(byte) || byte == 0xC2 || byte == 0xE2
    }
}
