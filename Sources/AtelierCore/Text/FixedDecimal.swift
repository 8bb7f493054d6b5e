/// The program's one fixed-point formatter, without Foundation's locale
/// machinery: the catalog's decimals (`12.50`) and the exports' numbers
/// with their trailing zeros dropped (`12.5`).
public enum FixedDecimal {
    /// `value` rounded to `digits` decimals; `trimmingZeros` drops the
    /// trailing zeros of the fraction (and its point when none is left).
    /// Past 10^15 the fixed form has no meaning left: Swift's own form.
    public static func text(_ value: Double, digits: Int, trimmingZeros: Bool = false) -> String {
        var scale: Int64 = 1
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * Double(scale)).rounded()
        guard value.isFinite, abs(value) < 1e15, scaled < 9e18 else { return String(value) }
        let units = Int64(scaled)
        var whole = String(units / scale)
        if value < 0 && units > 0 { whole = "-" + whole }
        guard digits > 0 else { return whole }
        let fraction = String(units % scale)
        var digitsText = String(repeating: "0", count: digits - fraction.count) + fraction
        if trimmingZeros {
            while digitsText.hasSuffix("0") { digitsText.removeLast() }
        }
        return digitsText.isEmpty ? whole : whole + "." + digitsText
    }
}
