import ExactArithmetic

/// The certificate's number syntax (proofs/certificate-format.md): a string `"p"` or `"p/q"`,
/// reduced, with a positive denominator other than 1, no sign but a leading `-`, no `-0`.
/// Exactly one spelling per rational, so a certificate has one canonical text.
enum ExactText {
    /// Digits accepted in one number: enough for any honest certificate, small enough that a
    /// hostile one cannot make the checker spend minutes parsing a single entry.
    static let maximumLength = 100_000

    /// The value of `text`, or nil if it is not a canonical exact number.
    static func rational(_ text: String) -> Rational? {
        guard !text.isEmpty, text.utf8.count <= maximumLength else { return nil }
        let body = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        let parts = body.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2,
              parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }),
              let value = try? Rational(parsing: text)
        else { return nil }
        // Canonical: reduced, denominator shown only when ≠ 1, no "-0", no leading zeros.
        return value.description == text ? value : nil
    }
}
