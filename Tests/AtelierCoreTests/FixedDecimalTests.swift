import AtelierCore
import Testing

/// The one fixed-point formatter: the catalog's decimals and the exports' numbers.
@Suite struct FixedDecimalTests {
    @Test func keepsItsDigitsOrDropsTrailingZeros() {
        #expect(FixedDecimal.text(12.5, digits: 2) == "12.50")
        #expect(FixedDecimal.text(12.5, digits: 2, trimmingZeros: true) == "12.5")
        #expect(FixedDecimal.text(3, digits: 2, trimmingZeros: true) == "3")
        #expect(FixedDecimal.text(2.0 / 3, digits: 4) == "0.6667")
        #expect(FixedDecimal.text(0.05, digits: 1) == "0.1")
        #expect(FixedDecimal.text(7.4, digits: 0) == "7")
    }

    @Test func signsAndLimits() {
        #expect(FixedDecimal.text(-1.25, digits: 1) == "-1.3")
        // Rounded to nothing: no minus sign.
        #expect(FixedDecimal.text(-0.00001, digits: 4) == "0.0000")
        #expect(FixedDecimal.text(-0.00001, digits: 4, trimmingZeros: true) == "0")
        #expect(FixedDecimal.text(2e15, digits: 2) == "2000000000000000.0")
        #expect(FixedDecimal.text(.infinity, digits: 2) == "inf")
    }
}
