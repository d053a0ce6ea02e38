import ExactArithmetic

/// The certificate's number syntax (proofs/certificate-format.md): a string `"p"` or `"p/q"`,
/// reduced, with a positive denominator other than 1, no sign but a leading `-`, no `-0`.
/// Exactly one spelling per rational, so a certificate has one canonical text.
enum ExactText {
    /// Digits accepted in one number. Honest certificates need many: an 8×8 problem with
    /// 20-digit entries of magnitude 10^±1000 (within the reader's default limits) has saddle
    /// times of 120,000 digits. Reading and checking cost polynomial time in the certificate's
    /// length (GMP parses and multiplies in quasi-linear time), so this only refuses absurd text.
    static let maximumLength = 10_000_000
    private static let limits = NumberLimits(maximumDigits: maximumLength, maximumExponent: maximumLength)

    /// The value of `text`, or nil if it is not a canonical exact number.
    static func rational(_ text: String) -> Rational? {
        guard !text.isEmpty, text.utf8.count <= maximumLength else { return nil }
        let body = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        let parts = body.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2,
              parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }),
              let value = try? Rational(parsing: text, limits: limits)
        else { return nil }
        // Canonical: reduced, denominator shown only when ≠ 1, no "-0", no leading zeros.
        return value.description == text ? value : nil
    }
}
