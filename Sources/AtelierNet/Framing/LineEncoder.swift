import NIOCore

/// Writes each outbound string as one line. A newline inside the text would
/// split it into two protocol lines, so any line break becomes a space.
struct LineEncoder: MessageToByteEncoder {
    typealias OutboundIn = String

    func encode(data: String, out: inout ByteBuffer) throws {
        Self.write(data, into: &out)
    }

    static func write(_ line: String, into buffer: inout ByteBuffer) {
        if line.contains(where: \.isNewline) {
            buffer.writeString(String(line.map { $0.isNewline ? " " : $0 }))
        } else {
            buffer.writeString(line)
        }
        buffer.writeInteger(UInt8(ascii: "\n"))
    }
}
