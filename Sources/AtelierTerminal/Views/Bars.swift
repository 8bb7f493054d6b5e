/// Horizontal bars in eighths of a character: `███▍`.
enum Bars {
    private static let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// A bar `fraction` (0...1) of `width` characters long, padded with
    /// spaces to `width`. A non-zero fraction shows at least one eighth.
    static func bar(_ fraction: Double, width: Int) -> String {
        guard width > 0 else { return "" }
        let clamped = min(1, max(0, fraction))
        var eighths = Int((clamped * Double(width * 8)).rounded())
        if clamped > 0 && eighths == 0 { eighths = 1 }
        let text = String(repeating: "█", count: eighths / 8) + partial[eighths % 8]
        return text + String(repeating: " ", count: width - text.count)
    }
}
