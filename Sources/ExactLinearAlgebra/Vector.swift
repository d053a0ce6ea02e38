import ExactArithmetic

// Vectors are plain `[Rational]`; these free functions keep call sites close to the maths.

public func dot(_ a: [Rational], _ b: [Rational]) -> Rational {
    precondition(a.count == b.count, "dimension mismatch")
    var s = Rational.zero
    for i in a.indices where !a[i].isZero { s.addProduct(a[i], b[i]) }
    return s
}

extension Array where Element == Rational {
    /// Entrywise sum. A named method, not `+`: on arrays `+` means concatenation, and an
    /// overload that silently added instead would turn `(r, −r)`-style liftings into sums.
    public func adding(_ b: [Rational]) -> [Rational] {
        precondition(count == b.count, "dimension mismatch")
        return zip(self, b).map { $0 + $1 }
    }

    /// Entrywise difference.
    public func subtracting(_ b: [Rational]) -> [Rational] {
        precondition(count == b.count, "dimension mismatch")
        return zip(self, b).map { $0 - $1 }
    }
}

public func * (s: Rational, a: [Rational]) -> [Rational] { a.map { s * $0 } }

/// ‖a‖∞, 0 for the empty vector.
public func maxNorm(_ a: [Rational]) -> Rational { a.reduce(.zero) { Rational.max($0, $1.magnitude) } }

/// ‖a‖₁.
public func oneNorm(_ a: [Rational]) -> Rational { a.reduce(.zero) { $0 + $1.magnitude } }

/// `+` between two `[Rational]` reads as either a sum or a concatenation, so no code may use it:
/// write `a.adding(b)`, or `append(contentsOf:)` to concatenate. Marking it `unavailable` would
/// not do that — Swift then silently picks the standard library's concatenation instead — so it
/// stays deprecated, and Package.swift turns every use of a deprecated declaration into an error.
@available(*, deprecated, message: "ambiguous: use a.adding(b) for the entrywise sum, or append(contentsOf:) to concatenate")
public func + (a: [Rational], b: [Rational]) -> [Rational] { a.adding(b) }

@available(*, unavailable, message: "use a.subtracting(b) for the entrywise difference")
public func - (a: [Rational], b: [Rational]) -> [Rational] { a.subtracting(b) }
