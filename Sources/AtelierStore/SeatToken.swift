import Crypto

/// A seat's resume token is kept only as its SHA-256 digest: who reads the
/// store (or a copy of it) learns no token that works. The token is 128
/// random bits, so a plain digest cannot be reversed by guessing.
public enum SeatToken {
    /// The digest of a token, as 64 lowercase hex digits.
    public static func digest(_ token: String) -> String {
        SHA256.hash(data: Array(token.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// Whether `token` is the one `digest` was made from; the digests are
    /// compared in constant time (every byte, whatever the first difference).
    public static func matches(_ token: String, digest: String) -> Bool {
        let computed = Array(Self.digest(token).utf8)
        let kept = Array(digest.utf8)
        guard computed.count == kept.count else { return false }
        var difference: UInt8 = 0
        for index in computed.indices { difference |= computed[index] ^ kept[index] }
        return difference == 0
    }
}
