import NIOCore

/// Writes each outbound string as one line. A newline inside the text would
/// split it into two protocol lines, so any line break becomes a space.
struct LineEncoder: MessageToByteEncoder {
    typealias OutboundIn = String

    func encode(data: String, out: inout ByteBuffer) throws {
        if data.contains(where: \.isNewline) {
            out.writeString(String(data.map { $0.isNewline ? " " : $0 }))
        } else {
            out.writeString(data)
        }
        out.writeInteger(UInt8(ascii: "\n"))
    }
}
