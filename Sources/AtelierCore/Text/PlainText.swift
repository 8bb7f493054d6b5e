/// What counts as plain text, for every text a person reads: from a
/// workshop file, a recording, the facilitator's line or a participant's.
///
/// Refused: control characters (C0 but the tab, DEL, C1), which terminals
/// and exports take as commands; bidirectional overrides, isolates and
/// direction marks, which turn the text around them; zero-width characters
/// that hide or split words (the joiners are kept between two visible
/// characters, where emoji and some scripts need them); and the line and
/// paragraph separators U+2028 and U+2029. A line break is accepted only
/// where a text may hold several lines (`allowingLineBreaks`).
public enum PlainText {
    /// True when the text holds nothing but plain text.
    public static func isPlain(_ text: String, allowingLineBreaks: Bool = false) -> Bool {
        firstForbidden(in: text, allowingLineBreaks: allowingLineBreaks) == nil
    }

    /// The first character that is not plain text, or nil.
    public static func firstForbidden(in text: String, allowingLineBreaks: Bool = false) -> Unicode.Scalar? {
        // Most texts are printable ASCII: one pass over the bytes says so.
        if text.utf8.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x09 || ($0 == 0x0A && allowingLineBreaks) }) {
            return nil
        }
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            if allowingLineBreaks, scalar == "\n" { continue }
            if isForbidden(scalar) { return scalar }
            if isJoiner(scalar) {
                let before = index > 0 ? scalars[index - 1] : nil
                let after = index + 1 < scalars.count ? scalars[index + 1] : nil
                guard let before, let after, isVisible(before) || isMark(before), isVisible(after) else {
                    return scalar
                }
            }
        }
        return nil
    }

    /// A character no text may hold, wherever it stands.
    public static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 { return scalar != "\t" }
        switch value {
        case 0x7F...0x9F,  // DEL, C1
            0x202A...0x202E, 0x2066...0x2069,  // bidi embeddings, overrides, isolates
            0x200E, 0x200F, 0x061C,  // direction marks
            0x200B, 0x2060, 0xFEFF, 0x180E,  // zero-width space, word joiner, BOM, Mongolian separator
            0x2028, 0x2029:  // line and paragraph separators
            return true
        default:
            return false
        }
    }

    /// The zero-width joiner and non-joiner: plain between two visible characters only.
    static func isJoiner(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0x200C || scalar.value == 0x200D
    }

    /// A combining mark (an accent, a variation selector is not one).
    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return scalar.properties.isVariationSelector
        }
    }

    /// A letter, digit, punctuation or symbol that draws a glyph of its own
    /// (the blank-looking ones, such as U+2800 or the Hangul fillers, do not).
    public static func isVisible(_ scalar: Unicode.Scalar) -> Bool {
        if isBlankLooking(scalar) { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber,
            .letterNumber, .otherNumber, .connectorPunctuation, .dashPunctuation, .openPunctuation,
            .closePunctuation, .initialPunctuation, .finalPunctuation, .otherPunctuation, .mathSymbol,
            .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    /// Characters classed as letters or symbols that draw nothing: the
    /// Braille blank, the Hangul fillers, and the like.
    public static func isBlankLooking(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2800, 0x3164, 0x115F, 0x1160, 0xFFA0, 0x17B4, 0x17B5, 0x1D159, 0x1D173...0x1D17A: return true
        default: return false
        }
    }

    /// True when the text shows at least one visible character.
    public static func showsSomething(_ text: String) -> Bool {
        text.unicodeScalars.contains(where: isVisible)
    }

    /// The text with every character that is not plain text (or looks
    /// blank) written as an escape (`\x1b`, `\u{200F}`, `\u{2800}`), so a
    /// refused line can be shown as typed without acting on the terminal.
    public static func escaped(_ text: String, keepingLineBreaks: Bool = false) -> String {
        guard
            firstForbidden(in: text, allowingLineBreaks: keepingLineBreaks) != nil
                || text.unicodeScalars.contains(where: isBlankLooking)
        else { return text }
        var out = ""
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            let joinerOK: Bool
            if isJoiner(scalar) {
                let before = index > 0 ? scalars[index - 1] : nil
                let after = index + 1 < scalars.count ? scalars[index + 1] : nil
                joinerOK = before.map { isVisible($0) || isMark($0) } == true && after.map(isVisible) == true
            } else {
                joinerOK = true
            }
            if (isForbidden(scalar) && !(keepingLineBreaks && scalar == "\n")) || !joinerOK || isBlankLooking(scalar) {
                out += name(scalar)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// How a character that is not plain text is written in a message: `\x1b`, `\u{200F}`.
    public static func name(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16)
        if scalar.value < 0x100 { return "\\x" + String(repeating: "0", count: 2 - hex.count) + hex }
        return "\\u{" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex.uppercased() + "}"
    }
}
