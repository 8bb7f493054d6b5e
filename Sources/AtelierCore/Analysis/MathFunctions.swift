// The C library's complementary error function, and nothing else from it
// (see BinaryLogarithm.swift).
#if canImport(Glibc)
    import func Glibc.erfc
#elseif canImport(Musl)
    import func Musl.erfc
#elseif canImport(Darwin)
    import func Darwin.erfc
#endif

/// erfc(x) = 1 − erf(x); for a standard normal z, P(|Z| ≥ z) = erfc(z / √2).
func complementaryError(_ x: Double) -> Double { erfc(x) }
