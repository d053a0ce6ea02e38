import DataFormats
import ExactArithmetic
import ExactLinearAlgebra
import ParallelWork
import ProblemDefinition
import ProgressReporting

extension DLNLimit {
    /// Runs the event loop of docs/math.md §3 with weight decay and hands each saddle to `visit`
    /// as soon as it is known, in order from (s = 0, x = 0, q = 0): q moves with velocity c(x°)
    /// until some coordinate reaches the growing box |q_i| = 1 + λwd·s (positive case:
    /// q_i = 1 + λwd·s); then one face problem over F(q) gives the next saddle. Ties need no rule:
    /// every coordinate on the box at that time is on the face. With `horizon` S > 0 the loop
    /// stops before the first saddle later than S. The loop keeps only what its next step needs
    /// (the last saddle, q and c over common denominators, the warm face solver), so a visitor
    /// that drops the saddles keeps memory flat in their number (`writeJSON`, `text(problem:…)`);
    /// `DLNLimit(problem:)` collects them. Throws `LimitError` if a guard trips (nothing is
    /// visited after it) or what `visit` throws.
    public static func forEachSaddle(of problem: Problem, warmStart: Bool = true, horizon: Rational? = nil,
                                     _ visit: (Saddle) throws -> Void) throws {
        precondition(horizon.map { $0.signum > 0 } ?? true, "the horizon must be > 0")
        try eventLoop(problem, scaled: ScaledQuadratic(problem), warmStart: warmStart, horizon: horizon, visit: visit)
    }

    /// The saddles of `forEachSaddle`, collected.
    static func saddles(of problem: Problem, scaled: ScaledQuadratic, warmStart: Bool, horizon: Rational? = nil) throws -> [Saddle] {
        var saddles: [Saddle] = []
        try eventLoop(problem, scaled: scaled, warmStart: warmStart, horizon: horizon) { saddles.append($0) }
        return saddles
    }

    private static func eventLoop(_ problem: Problem, scaled: ScaledQuadratic, warmStart: Bool, horizon: Rational?,
                                  visit: (Saddle) throws -> Void) throws {
        let d = problem.dimension
        let zeros = [Rational](repeating: .zero, count: d)
        var warm = warmStart ? WarmFaceSolver(scaled) : nil
        // q and c over common denominators (c = r = L·r / L at the start): the event search and
        // the update q += Δ·c are integer products; q is reduced only when read (`DualNumerators`).
        var dual = DualNumerators(zeros: d)
        var velocity = Velocity(numerators: scaled.r, denominator: scaled.scale)
        var previous = Saddle(s: .zero, x: zeros, q: zeros, correlation: problem.r, isUnique: true,
                              entering: [], face: [], faceSigns: [], objective: .zero)
        var count = 1 // saddles so far
        try visit(previous)
        while let event = nextEvent(dual, velocity, bound: problem.bound(at: previous.s), problem) {
            ProgressReport.note("ε → 0 limit: saddles", count, "s = \(previous.s.decimalString())")
            let s = time(after: previous.s, gap: event.gap, rate: event.rate, velocity, dual,
                         weightDecayDenominator: problem.weightDecay.denominator)
            if let horizon, s > horizon { break }
            let b = problem.bound(at: s)
            dual = dual.advanced(gap: event.gap, rate: event.rate, weightDecayDenominator: problem.weightDecay.denominator,
                                 velocity: velocity, x: previous.x, bound: b)
            let face = try DLNLimit.face(dual, bound: b, problem, at: s)

            var x: [Rational]
            var c: [Rational]
            var objective: Rational
            var isUnique = true
            if let result = warm?.solve(face: face.indices, sign: face.sign), result.isStrict {
                x = zeros
                for (a, i) in result.support.enumerated() { x[i] = result.x[a] }
                let cNumerators = scaled.correlationNumerators(support: result.support, numerators: result.numerators, denominator: result.denominator)
                let cDenominator = scaled.scale * result.denominator
                c = DLNLimit.correlation(cNumerators, over: cDenominator, support: result.support, weightDecay: problem.weightDecay)
                velocity = Velocity(numerators: cNumerators, denominator: cDenominator)
                objective = scaled.objective(support: result.support, numerators: result.numerators, denominator: result.denominator, correlation: cNumerators)
            } else {
                // Degenerate, non-unique or no warm state: the general exact solver decides.
                (x, isUnique) = try face.solve(problem, near: previous.x)
                c = problem.correlation(x)
                // ℓ(x) = −½xᵀ(r + c) since Mx = r − c; the ℓ1 term is λwd·Σσ_i x_i on the face.
                objective = .zero
                for i in face.indices where !x[i].isZero {
                    objective.subtractProduct(Rational(1, 2) * x[i], problem.r[i] + c[i])
                    objective.addProduct(problem.weightDecay, x[i].magnitude)
                }
                warm?.reset(support: x.indices.filter { !x[$0].isZero }, signs: face.sign, x: x)
                velocity = Velocity(c)
            }
            if let failure = face.kktFailure(x: x, correlation: c, weightDecay: problem.weightDecay) {
                throw LimitError("the face minimiser at saddle \(count) (s = \(s)) fails its exact KKT check: \(failure)")
            }
            guard objective < previous.objective else {
                throw LimitError("saddle \(count) at s = \(s) does not decrease ℓ + λwd‖x‖₁ (\(objective) after \(previous.objective)); stopping instead of looping")
            }
            previous = Saddle(
                s: s, x: x, dual: dual, bound: b, correlation: c, isUnique: isUnique, entering: event.entering,
                face: face.indices, faceSigns: face.indices.map { face.sign[$0] }, objective: objective)
            count += 1
            try visit(previous)
        }
    }

    /// c = C/den reduced. Off the support the C_i share one gcd (`Rational.reducing`);
    /// on it c_i = ±λwd, whose numerators share most of den, so they are reduced one by one.
    static func correlation(_ numerators: [BigInteger], over denominator: BigInteger, support: [Int], weightDecay: Rational) -> [Rational] {
        guard !weightDecay.isZero else { return Rational.reducing(numerators, over: denominator) }
        var off = numerators
        for i in support { off[i] = BigInteger(0) }
        var c = Rational.reducing(off, over: denominator)
        for i in support { c[i] = Rational(numerators[i], denominator) }
        return c
    }

    /// s + Δ reduced, for Δ = g·L·w/(D·ρ) (`nextEvent`). D, q's common denominator, usually
    /// carries s's (q = s·r − M·Z(s)): then s + Δ is one fraction over D·ρ and one gcd reduces
    /// it, where reducing Δ and adding it to s takes three gcds of that length; else Δ is added.
    static func time(after s: Rational, gap g: BigInteger, rate rho: BigInteger, _ c: Velocity, _ dual: DualNumerators,
                     weightDecayDenominator w: BigInteger) -> Rational {
        let step = g * c.denominator * w, denominator = dual.denominator * rho
        guard dual.denominator.isMultiple(of: s.denominator) else { return s + Rational(step, denominator) }
        var numerator = step
        numerator.addProduct(s.numerator * rho, dual.denominator.dividedExactly(by: s.denominator))
        return Rational(numerator, denominator)
    }

    /// The first time Δ > 0 at which a coordinate strictly inside the box reaches it, and every
    /// coordinate that does so then; nil when none ever will (|c_i| ≤ λwd for all i, signed case;
    /// c_i ≤ λwd, positive case). Solving q_i + Δc_i = ±(1 + λwd(s + Δ)) with q = Q/D, b = B/D,
    /// c = C/L and λwd = a/w gives Δ = g_i/ρ_i · Lw/D with integers g_i = B ∓ Q_i > 0 (the gap)
    /// and ρ_i = ±C_i·w − a·L > 0 (the rate): the factor Lw/D is shared, so arrivals compare as
    /// g_i·ρ_j against g_j·ρ_i, products of a long and a short integer. Returns the first
    /// arrival's g and ρ (Δ's and the dual update's integers: `time(after:…)`, `advanced`).
    ///
    /// Exact, with a floating-point filter (no exact comparison for a coordinate that provably
    /// arrives later): g and ρ are approximated from their leading limbs (relative error below
    /// 2⁻⁵² each), so the estimate of g/ρ is (g/ρ)(1 + θ) with |θ| < 2⁻⁵⁰. A coordinate whose
    /// estimate exceeds the smallest one by more than a factor 1 + 10⁻¹² therefore arrives
    /// strictly after the first event; every other one is decided exactly, in index order, so
    /// ties come out as without the filter.
    static func nextEvent(_ dual: DualNumerators, _ c: Velocity, bound b: Rational, _ problem: Problem)
        -> (entering: [Int], gap: BigInteger, rate: BigInteger)? {
        let lwd = problem.weightDecay
        let a = lwd.numerator, w = lwd.denominator, aL = lwd.isZero ? BigInteger(0) : a * c.denominator
        let big = dual.scaled(b)
        func rate(_ cw: BigInteger) -> BigInteger { lwd.isZero ? cw : cw * w - aL }
        var arrivals: [(i: Int, gap: BigInteger, rate: BigInteger, estimate: Estimate)] = []
        for i in dual.numerators.indices where !c.numerators[i].isZero || !lwd.isZero {
            let q = dual.numerators[i], cn = c.numerators[i]
            let up = rate(cn)
            if up.signum > 0, q < big {
                arrivals.append((i, big - q, up, Estimate(big - q, up)))
            }
            if problem.variant == .signed {
                let down = rate(-cn)
                if down.signum > 0, q > -big { arrivals.append((i, big + q, down, Estimate(big + q, down))) }
            }
        }
        guard let smallest = arrivals.map(\.estimate).min(by: { $0.ratio(to: $1) < 1 }) else { return nil }
        var best: (gap: BigInteger, rate: BigInteger)?
        var entering: [Int] = []
        for arrival in arrivals {
            if arrival.estimate.ratio(to: smallest) > 1 + 1e-12 { continue }
            if let current = best {
                let order = arrival.gap * current.rate, currentOrder = current.gap * arrival.rate
                if currentOrder < order { continue }
                if currentOrder == order { entering.append(arrival.i); continue }
            }
            best = (arrival.gap, arrival.rate)
            entering = [arrival.i]
        }
        return best.map { (entering, $0.gap, $0.rate) }
    }

    /// g/ρ for positive integers as significand · 2^exponent (significand in (1/2, 2)), from
    /// their leading limbs: relative error below 2⁻⁵⁰, for `nextEvent`'s filter only.
    struct Estimate {
        let significand: Double
        let exponent: Int

        init(_ gap: BigInteger, _ rate: BigInteger) {
            let g = gap.approximateMagnitude, r = rate.approximateMagnitude
            significand = g.significand / r.significand
            exponent = g.exponent - r.exponent
        }

        /// self / other, exact enough for comparisons with 1 ± 10⁻¹² (the power of two is
        /// clamped where the quotient is far from 1 anyway: beyond 2⁸ or below 2⁻⁸).
        func ratio(to other: Estimate) -> Double {
            Double(sign: .plus, exponent: max(-8, min(8, exponent - other.exponent)), significand: significand) / other.significand
        }
    }

    /// F(q) at time s: coordinates with q_i = ±b (positive case: q_i = b). A q outside the box
    /// would mean a missed event, so it is an error rather than silently clipped.
    static func face(_ q: DualNumerators, bound b: Rational, _ problem: Problem, at s: Rational) throws -> DLNFace {
        let big = q.scaled(b)
        var sign = [Int](repeating: 0, count: q.numerators.count)
        for (i, n) in q.numerators.enumerated() {
            if n == big {
                sign[i] = 1
            } else if problem.variant == .signed, n == -big {
                sign[i] = -1
            } else if n > big || (problem.variant == .signed && n < -big) {
                throw LimitError("q_\(i + 1) = \(q.value(i)) left the box ±\(b) at s = \(s) (a missed event)")
            }
        }
        return DLNFace(indices: q.numerators.indices.filter { sign[$0] != 0 }, sign: sign)
    }
}

extension Problem {
    /// The box 1 + λwd·s that |q_i| (positive case: q_i) may not exceed.
    func bound(at s: Rational) -> Rational { .one + weightDecay * s }
}
