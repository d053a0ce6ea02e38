import DataFormats
import ExactArithmetic
import ExactLinearAlgebra
import ProblemDefinition
import ProgressReporting

extension DLNLimit {
    /// The event loop of docs/math.md §3 with weight decay: q moves with velocity c(x°) until some
    /// coordinate reaches the growing box |q_i| = 1 + λwd·s (positive case: q_i = 1 + λwd·s);
    /// then one face problem over F(q) gives the next saddle. Ties need no rule: every coordinate
    /// on the box at that time is on the face.
    /// With `horizon` S the loop stops before the first saddle later than S.
    static func saddles(of problem: Problem, scaled: ScaledQuadratic, warmStart: Bool, horizon: Rational? = nil) throws -> [Saddle] {
        let d = problem.dimension
        let zeros = [Rational](repeating: .zero, count: d)
        var warm = warmStart ? WarmFaceSolver(scaled) : nil
        // The previous saddle's c as integers over one denominator when known (c = r = L·r / L at
        // the start): then Δ·c_i = (Δ/den)·num_i, one small gcd per coordinate instead of two.
        var integerC: (numerators: [BigInteger], denominator: BigInteger)? = (scaled.r, scaled.scale)
        var saddles = [Saddle(s: .zero, x: zeros, q: zeros, correlation: problem.r, isUnique: true,
                              entering: [], face: [], faceSigns: [], objective: .zero)]
        while let event = nextEvent(after: saddles[saddles.count - 1], problem) {
            let previous = saddles[saddles.count - 1]
            ProgressReport.note("ε → 0 limit: saddles", saddles.count, "s = \(previous.s.decimalString())")
            let s = previous.s + event.delta
            if let horizon, s > horizon { break }
            let b = Rational.one + problem.weightDecay * s
            // Where x ≠ 0, c_i = λwd σ_i keeps q_i on the box exactly (docs/math.md §3): no arithmetic.
            let factor = integerC.map { event.delta / Rational($0.denominator) }
            let q = previous.q.indices.map { i in
                let xi = previous.x[i]
                if !xi.isZero { return xi.signum > 0 ? b : -b }
                let ci = previous.correlation[i]
                if ci.isZero { return previous.q[i] }
                if let factor, let integerC { return previous.q[i] + factor * Rational(integerC.numerators[i]) }
                return previous.q[i] + event.delta * ci
            }
            let face = try DLNLimit.face(q: q, bound: b, problem, at: s)

            var x: [Rational]
            var c: [Rational]
            var objective: Rational
            var isUnique = true
            if let result = warm?.solve(face: face.indices, sign: face.sign), result.isStrict {
                x = zeros
                for (a, i) in result.support.enumerated() { x[i] = result.x[a] }
                let cNumerators = scaled.correlationNumerators(support: result.support, numerators: result.numerators, denominator: result.denominator)
                let cDenominator = scaled.scale * result.denominator
                c = cNumerators.map { Rational($0, cDenominator) }
                integerC = (cNumerators, cDenominator)
                objective = scaled.objective(support: result.support, numerators: result.numerators, denominator: result.denominator, correlation: cNumerators)
            } else {
                // Degenerate, non-unique or no warm state: the general exact solver decides.
                (x, isUnique) = try face.solve(problem)
                c = problem.correlation(x)
                // ℓ(x) = −½xᵀ(r + c) since Mx = r − c; the ℓ1 term is λwd·Σσ_i x_i on the face.
                objective = .zero
                for i in face.indices where !x[i].isZero {
                    objective.subtractProduct(Rational(1, 2) * x[i], problem.r[i] + c[i])
                    objective.addProduct(problem.weightDecay, x[i].magnitude)
                }
                warm?.reset(support: x.indices.filter { !x[$0].isZero }, signs: face.sign, x: x)
                integerC = nil
            }
            if let failure = face.kktFailure(x: x, correlation: c, weightDecay: problem.weightDecay) {
                throw LimitError("the face minimiser at saddle \(saddles.count) (s = \(s)) fails its exact KKT check: \(failure)")
            }
            guard objective < previous.objective else {
                throw LimitError("saddle \(saddles.count) at s = \(s) does not decrease ℓ + λwd‖x‖₁ (\(objective) after \(previous.objective)); stopping instead of looping")
            }
            saddles.append(Saddle(
                s: s, x: x, q: q, correlation: c, isUnique: isUnique, entering: event.entering,
                face: face.indices, faceSigns: face.indices.map { face.sign[$0] }, objective: objective))
        }
        return saddles
    }

    /// The first time Δ > 0 at which a coordinate strictly inside the box reaches it, and every
    /// coordinate that does so then; nil when none ever will (|c_i| ≤ λwd for all i, signed case;
    /// c_i ≤ λwd, positive case). Solving q_i + Δc_i = ±(1 + λwd(s + Δ)) gives
    /// Δ = (b − q_i)/(c_i − λwd) or (b + q_i)/(−c_i − λwd), with b = 1 + λwd·s.
    ///
    /// Exact, with a floating-point filter (no exact division or comparison for a coordinate that
    /// provably arrives later): gap and rate are exact and correctly rounded to doubles, so their
    /// quotient is Δ(1 + θ) with |θ| < 4·2⁻⁵³ when both doubles are normal. A coordinate whose
    /// quotient exceeds the smallest one by more than a factor 1 + 10⁻¹² therefore arrives strictly
    /// after the first event; every other one (and any coordinate whose doubles are not normal) is
    /// decided exactly, in index order, so ties come out as without the filter.
    static func nextEvent(after saddle: Saddle, _ problem: Problem) -> (delta: Rational, entering: [Int])? {
        let lwd = problem.weightDecay
        let b = Rational.one + lwd * saddle.s
        var arrivals: [(i: Int, gap: Rational, rate: Rational, estimate: Double?)] = []
        for i in saddle.q.indices {
            let c = saddle.correlation[i], q = saddle.q[i]
            if c > lwd, q < b {
                arrivals.append((i, b - q, c - lwd, nil))
            }
            if problem.variant == .signed, -c > lwd, q > -b {
                arrivals.append((i, b + q, -c - lwd, nil))
            }
        }
        var smallest = Double.infinity
        for a in arrivals.indices {
            let gap = arrivals[a].gap.doubleValue, rate = arrivals[a].rate.doubleValue
            guard gap.isNormal, rate.isNormal else { continue }
            let estimate = gap / rate
            guard estimate.isNormal else { continue }
            arrivals[a].estimate = estimate
            smallest = min(smallest, estimate)
        }
        let cutoff = smallest * (1 + 1e-12)
        var best: Rational?
        var entering: [Int] = []
        for arrival in arrivals {
            if let estimate = arrival.estimate, estimate > cutoff { continue }
            let delta = arrival.gap / arrival.rate
            if let current = best, current < delta { continue }
            if let current = best, current == delta { entering.append(arrival.i); continue }
            best = delta
            entering = [arrival.i]
        }
        return best.map { ($0, entering) }
    }

    /// F(q) at time s: coordinates with q_i = ±b (positive case: q_i = b). A q outside the box
    /// would mean a missed event, so it is an error rather than silently clipped.
    static func face(q: [Rational], bound b: Rational, _ problem: Problem, at s: Rational) throws -> DLNFace {
        var sign = [Int](repeating: 0, count: q.count)
        for i in q.indices {
            if q[i] == b {
                sign[i] = 1
            } else if problem.variant == .signed, q[i] == -b {
                sign[i] = -1
            } else if q[i] > b || (problem.variant == .signed && q[i] < -b) {
                throw LimitError("q_\(i + 1) = \(q[i]) left the box ±\(b) at s = \(s) (a missed event)")
            }
        }
        return DLNFace(indices: q.indices.filter { sign[$0] != 0 }, sign: sign)
    }
}
