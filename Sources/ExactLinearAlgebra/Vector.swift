import ExactArithmetic

// Vectors are plain `[Rational]`; these free functions keep call sites close to the maths.

public func dot(_ a: [Rational], _ b: [Rational]) -> Rational {
    precondition(a.count == b.count, "dimension mismatch")
    var s = Rational.zero
    for i in a.indices where !a[i].isZero { s.addProduct(a[i], b[i]) }
    return s
}

public func + (a: [Rational], b: [Rational]) -> [Rational] {
    precondition(a.count == b.count, "dimension mismatch")
    return zip(a, b).map { $0 + $1 }
}

public func - (a: [Rational], b: [Rational]) -> [Rational] {
    precondition(a.count == b.count, "dimension mismatch")
    return zip(a, b).map { $0 - $1 }
}

public func * (s: Rational, a: [Rational]) -> [Rational] { a.map { s * $0 } }

/// ‖a‖∞, 0 for the empty vector.
public func maxNorm(_ a: [Rational]) -> Rational { a.reduce(.zero) { Rational.max($0, $1.magnitude) } }

/// ‖a‖₁.
public func oneNorm(_ a: [Rational]) -> Rational { a.reduce(.zero) { $0 + $1.magnitude } }
