import NIOCore

/// What the line framer hands to a connection.
public enum InboundLine: Sendable, Hashable {
    /// One line, without its `\n` or `\r\n`.
    case line(String)
    /// A line longer than the limit: its bytes were dropped.
    case tooLong
    /// Too many bytes without a newline: the connection must be closed.
    /// Everything the peer sends afterwards is dropped.
    case unterminated
    /// A line that is not plain text: not UTF-8, or holding control
    /// characters (ESC, NUL, ...) that would reach other people's terminals.
    case notText
}

/// The hard limits of the line framing.
public struct LineLimits: Sendable, Hashable {
    /// The longest line accepted, in bytes, without its line ending.
    public var maxLineBytes: Int
    /// Bytes without a newline after which the connection is closed.
    public var maxUnterminatedBytes: Int
    /// Over-long lines a connection may send; the last one closes it.
    public var maxTooLongLines: Int

    public init(maxLineBytes: Int = 1024, maxUnterminatedBytes: Int = 64 * 1024, maxTooLongLines: Int = 3) {
        self.maxLineBytes = maxLineBytes
        self.maxUnterminatedBytes = maxUnterminatedBytes
        self.maxTooLongLines = maxTooLongLines
    }
}

/// Splits the byte stream into lines on `\n`. It never holds more than one
/// line's worth of bytes: a longer line is dropped as it arrives and
/// reported once its newline comes; past `maxUnterminatedBytes` without a
/// newline it reports `.unterminated` and drops everything after.
struct LineFrameDecoder: ByteToMessageDecoder {
    typealias InboundOut = InboundLine

    let limits: LineLimits
    /// Bytes dropped so far of the current over-long line.
    private var dropped = 0
    private var gaveUp = false

    init(limits: LineLimits) {
        self.limits = limits
    }

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        if gaveUp {
            buffer.moveReaderIndex(to: buffer.writerIndex)
            return .needMoreData
        }
        let view = buffer.readableBytesView
        guard let newline = view.firstIndex(of: UInt8(ascii: "\n")) else {
            // A line may legitimately end with `\r`, hence the one extra byte.
            if dropped > 0 || buffer.readableBytes > limits.maxLineBytes + 1 {
                dropped += buffer.readableBytes
                buffer.moveReaderIndex(to: buffer.writerIndex)
                if dropped >= limits.maxUnterminatedBytes {
                    gaveUp = true
                    context.fireChannelRead(wrapInboundOut(.unterminated))
                }
            }
            return .needMoreData
        }
        var length = newline - view.startIndex
        let consumed = length + 1
        if length > 0, view[newline - 1] == UInt8(ascii: "\r") { length -= 1 }
        if dropped > 0 || length > limits.maxLineBytes {
            if dropped + consumed >= limits.maxUnterminatedBytes + 1 {
                gaveUp = true
                buffer.moveReaderIndex(to: buffer.writerIndex)
                context.fireChannelRead(wrapInboundOut(.unterminated))
                return .needMoreData
            }
            dropped = 0
            buffer.moveReaderIndex(forwardBy: consumed)
            context.fireChannelRead(wrapInboundOut(.tooLong))
            return .continue
        }
        let line = Self.readText(&buffer, length: length)
        buffer.moveReaderIndex(forwardBy: consumed - length)
        context.fireChannelRead(wrapInboundOut(line))
        return .continue
    }

    /// Reads `length` bytes as a line of plain text, or `.notText`.
    static func readText(_ buffer: inout ByteBuffer, length: Int) -> InboundLine {
        let text = buffer.withUnsafeReadableBytes { raw -> String? in
            let bytes = UnsafeRawBufferPointer(rebasing: raw[..<length])
            var previous: UInt8 = 0
            for byte in bytes {
                // C0 controls but the tab, DEL, and C1 controls (0xC2 0x80...0x9F in UTF-8).
                if (byte < 0x20 && byte != 0x09) || byte == 0x7F || (previous == 0xC2 && byte < 0xA0) { return nil }
                previous = byte
            }
            return String(validating: bytes, as: UTF8.self)
        }
        buffer.moveReaderIndex(forwardBy: length)
        return text.map(InboundLine.line) ?? .notText
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws
        -> DecodingState
    {
        while try decode(context: context, buffer: &buffer) == .continue {}
        // A last line without its newline (e.g. `printf 'quit' | nc ...`).
        if !gaveUp, dropped == 0, buffer.readableBytes > 0 {
            var length = buffer.readableBytes
            if buffer.readableBytesView.last == UInt8(ascii: "\r") { length -= 1 }
            let line = Self.readText(&buffer, length: length)
            buffer.moveReaderIndex(to: buffer.writerIndex)
            context.fireChannelRead(wrapInboundOut(line))
        }
        buffer.moveReaderIndex(to: buffer.writerIndex)
        return .needMoreData
    }
}
