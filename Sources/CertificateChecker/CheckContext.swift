import ExactArithmetic

/// A parsed certificate with the quantities every check needs computed once: the correlations
/// c = r − Mx at every knot and saddle, the running integral Z at every saddle time, and the box
/// radius b(s) = 1 + λwd·s (docs/math.md §3).
struct CheckContext {
    let certificate: ParsedCertificate
    let problem: ParsedCertificate.Problem
    let d: Int
    let weightDecay: Rational
    let signed: Bool
    let knotCorrelations: [[Rational]]
    let saddleCorrelations: [[Rational]]
    /// Z(s_k) = ∫₀^{s_k} x° at every saddle time (prefix sums, so `integral(at:)` is one step).
    let saddleIntegrals: [[Rational]]
    /// M's definiteness, found when first asked (after M is checked symmetric) and kept: two
    /// claims need it, and at d = 100 one elimination of long fractions takes seconds.
    private let memo = Memo()

    private final class Memo {
        var definiteness: SymmetricElimination.Outcome?
        var sides: (s: Rational, averaged: [Rational], lasso: [Rational])?
    }

    /// The gap's two sides at s > 0, Z(s)/s and x(λwd + 1/s). The last asked is kept: the
    /// common pieces are walked in order, and each one's end is the next one's start.
    func sides(at s: Rational) -> (averaged: [Rational], lasso: [Rational]) {
        if let known = memo.sides, known.s == s { return (known.averaged, known.lasso) }
        let averaged = Exact.scale(s.reciprocal, integral(at: s)), lasso = lasso(at: penalty(at: s))
        memo.sides = (s, averaged, lasso)
        return (averaged, lasso)
    }

    var definiteness: SymmetricElimination.Outcome {
        if let known = memo.definiteness { return known }
        let outcome = SymmetricElimination.definiteness(problem.M)
        memo.definiteness = outcome
        return outcome
    }

    init(_ certificate: ParsedCertificate) {
        self.certificate = certificate
        problem = certificate.problem
        d = problem.dimension
        weightDecay = problem.weightDecay
        signed = problem.variant == .signed
        knotCorrelations = certificate.knots.map { Exact.correlation(certificate.problem, $0.x) }
        saddleCorrelations = certificate.saddles.map { Exact.correlation(certificate.problem, $0.x) }
        var z = Exact.zeros(problem.dimension), integrals: [[Rational]] = []
        for (k, saddle) in certificate.saddles.enumerated() {
            if k > 0 { z = Exact.axpy(z, saddle.s - certificate.saddles[k - 1].s, certificate.saddles[k - 1].x) }
            integrals.append(z)
        }
        saddleIntegrals = integrals
    }

    var knots: [ParsedCertificate.Knot] { certificate.knots }
    var saddles: [ParsedCertificate.Saddle] { certificate.saddles }
    var verdict: ParsedCertificate.Verdict { certificate.verdict }

    /// b(s) = 1 + λwd·s: the bound on |q_i| (positive variant: on q_i) at time s.
    func bound(_ s: Rational) -> Rational { .one + weightDecay * s }

    /// b(s) − |q_i| (positive: b(s) − q_i): ≥ 0 inside the box, 0 on its face.
    func slack(_ q: Rational, at s: Rational) -> Rational { bound(s) - (signed ? q.magnitude : q) }

    /// The sign with which coordinate i sits on the face (positive variant: always +1).
    func faceSign(_ q: Rational) -> Int { signed ? q.signum : 1 }

    /// "knot 3 (λ = 4/3)", 1-based.
    func knotName(_ k: Int) -> String { "knot \(k + 1) (λ = \(knots[k].lambda))" }

    /// "saddle 2 (s = 1/3)", 1-based.
    func saddleName(_ k: Int) -> String { "saddle \(k + 1) (s = \(saddles[k].s))" }
}
