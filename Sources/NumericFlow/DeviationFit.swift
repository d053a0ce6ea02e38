import Foundation

/// How a sweep's deviations behave as ε → 0, and the three-way verdict read from them
/// (docs/math.md §2: the network's average approaches the limit only like 1/log(1/ε)).
///
/// ## The criterion
/// With L = log(1/ε) and the excess e = deviation − expected (expected = 0 against the exact
/// limit; the limit's own distance from the path against the lasso path), the theory says
/// e ≈ b/L + O(1/L²), so the scaled excess P = e·L settles to a constant. Over the smallest
/// three ε (two if only two are given), with e ∝ L^(−p) between the ends of that window:
/// - `consistent`: the deviations do not grow as ε decreases (5% slack for the finite
///   evaluation set), and P changes by at most `driftTolerance` (10%) per doubling of L
///   (p ≥ 0.86), or the excess is already below rounding (1e-9 relative);
/// - `inconsistent`: a deviation grows as ε decreases, or the excess does not shrink
///   (p ≤ `stallExponent` = 0.2: a run converging to something else keeps e ≈ constant, p ≈ 0);
/// - `inconclusive` otherwise: the excess shrinks, but ε is not yet small enough for the
///   1/log(1/ε) regime; `decidableEpsilon` then estimates the smallest ε needed, by extrapolating
///   the per-pair drift of P (log-log least squares over consecutive ε) to `driftTolerance`.
///
/// The least-squares fit e ≈ a + b/L is kept for display (a is the ε → 0 extrapolation) but
/// decides nothing: on data before the regime it extrapolates to a value that means nothing
/// (diabetes: a = 36.4 with P = 3009 … 7420 still growing).
public struct DeviationFit: Sendable, Codable, Equatable {
    public enum Verdict: String, Sendable, Codable { case consistent, inconsistent, inconclusive }
    public enum Against: String, Sendable, Codable { case limit, lasso }

    public static let driftTolerance = 0.10
    public static let stallExponent = 0.2
    /// The criterion in one sentence, printed with every verdict.
    public static let criterion = "consistent when the deviations do not grow as ε decreases and (deviation − expected)·log(1/ε) changes by at most 10% per doubling of log(1/ε) over the three smallest ε (the 1/log(1/ε) regime); inconsistent when a deviation grows or the excess shrinks slower than log(1/ε)^−0.2; inconclusive otherwise"

    /// a: the value extrapolated to ε → 0 by least squares a + b/L (display only).
    public let intercept: Double
    /// b.
    public let slope: Double
    public let residualRMS: Double
    /// What the deviation should tend to.
    public let expectedIntercept: Double
    /// `(deviation − expected)·log(1/ε)`, from the largest ε to the smallest.
    public let scaledExcess: [Double]
    /// p with excess ∝ log(1/ε)^(−p) over the window (nil when it cannot be read).
    public let exponent: Double?
    /// Relative change of the scaled excess per doubling of log(1/ε) over the window, 2^(1−p) − 1.
    public let driftPerDoubling: Double?
    /// When inconclusive: the estimated smallest ε at which the criterion can decide, e.g. "1e-185".
    public let decidableEpsilon: String?
    public let verdict: Verdict
    public let reading: String

    /// - Parameters:
    ///   - Ls: log(1/ε) per run; devs: the sup deviation per run (same order).
    ///   - sWhere: where the limit's own distance from the path is largest (for the reading).
    public init(_ Ls: [Double], _ devs: [Double], expected: Double, against: Against, where sWhere: Double = 0) {
        let order = Ls.indices.sorted { Ls[$0] < Ls[$1] }
        let L = order.map { Ls[$0] }, dev = order.map { devs[$0] }
        let excess = dev.map { $0 - expected }
        let n = L.count
        let what = against == .lasso ? "lasso path" : "exact limit"
        expectedIntercept = expected
        scaledExcess = zip(excess, L).map { $0 * $1 }
        // Least squares a + b/L, for display.
        let xs = L.map { 1 / $0 }
        var a = dev.last ?? 0, b = 0.0, rms = 0.0
        let distinct = Set(xs).count
        if distinct >= 2 {
            let mx = xs.reduce(0, +) / Double(n), my = dev.reduce(0, +) / Double(n)
            var sxy = 0.0, sxx = 0.0
            for i in 0..<n { sxy += (xs[i] - mx) * (dev[i] - my); sxx += (xs[i] - mx) * (xs[i] - mx) }
            b = sxy / sxx
            a = my - b * mx
            rms = sqrt(zip(xs, dev).map { let e = $1 - a - b * $0; return e * e }.reduce(0, +) / Double(n))
        }
        (intercept, slope, residualRMS) = (a, b, rms)
        let scaledText = "(deviation − \(g4(expected)))·log(1/ε) = " + scaledExcess.map(g4).joined(separator: ", ")
        let fitText = "fit \(g4(a)) + \(g4(b))/log(1/ε)"
        guard distinct >= 2 else {
            (exponent, driftPerDoubling, decidableEpsilon, verdict) = (nil, nil, nil, .inconclusive)
            reading = "inconclusive: need at least two different ε values to read a trend (deviation \(g4(a)))"
            return
        }
        let floor = 1e-9 * max(1, abs(expected), dev.max() ?? 0)
        let grows = zip(dev, dev.dropFirst()).contains { $1 > 1.05 * $0 + floor }
        // The window: the three smallest ε (two if only two).
        let first = max(0, n - 3)
        let (e0, e1) = (excess[first], excess[n - 1])
        var p: Double? = nil
        if e0 > floor, e1 > floor, L[n - 1] > L[first] { p = log(e0 / e1) / log(L[n - 1] / L[first]) }
        exponent = p
        driftPerDoubling = p.map { pow(2, 1 - $0) - 1 }
        if grows {
            verdict = .inconsistent
            reading = "inconsistent: the deviation grows as ε decreases (values \(dev.map(g4).joined(separator: ", ")) from the largest to the smallest ε), so the run does not approach the \(what) — check s_max, the tolerances or the exact data"
            decidableEpsilon = nil
            return
        }
        if e1 <= floor {
            verdict = .consistent
            decidableEpsilon = nil
            reading = expected > floor
                ? "consistent: the deviation from the lasso path has reached the exact limit's own distance \(g4(expected)) from the path (largest at s ≈ \(g4(sWhere))): the averaged flow leaves the lasso path, as docs/math.md §4 predicts when z is not monotone"
                : "consistent: the deviation is at rounding level (\(g4(dev[n - 1]))) at the smallest ε"
            return
        }
        guard let p else {
            // The excess was at rounding level and then rose above it.
            verdict = .inconsistent
            decidableEpsilon = nil
            reading = "inconsistent: the excess over \(g4(expected)) rises from rounding level as ε decreases (\(scaledText))"
            return
        }
        let drift = pow(2, 1 - p) - 1
        let window = "over ε = \(Self.epsilonText(L[first]))…\(Self.epsilonText(L[n - 1])) the excess shrinks like log(1/ε)^−\(g4(p)), i.e. its product with log(1/ε) changes by \(Self.percent(drift)) per doubling of log(1/ε)"
        if drift <= Self.driftTolerance {
            verdict = .consistent
            decidableEpsilon = nil
            if expected > floor {
                reading = "consistent: the deviation from the lasso path tends to the exact limit's own distance \(g4(expected)) from the path (largest at s ≈ \(g4(sWhere))), \(window) (\(scaledText)): the averaged flow leaves the lasso path, as docs/math.md §4 predicts when z is not monotone"
            } else {
                reading = "consistent: \(window) (\(scaledText); \(fitText)): the runs approach the \(what) like 1/log(1/ε)"
            }
        } else if p <= Self.stallExponent {
            verdict = .inconsistent
            decidableEpsilon = nil
            reading = "inconsistent: \(window) (\(scaledText)): the deviation does not shrink towards \(g4(expected)), so the runs do not approach the \(what) — check s_max, the tolerances or the exact data"
        } else {
            verdict = .inconclusive
            // Reached already at the smallest ε: the window of three still holds a larger one, so
            // one more doubling of log(1/ε) moves it out.
            let estimate = Self.decidableLogInverse(L: L, scaled: scaledExcess), last = L.last ?? 0
            let reached = estimate.map { $0 <= last } ?? false
            decidableEpsilon = estimate.map { "1e-\(Int((max($0, reached ? 2 * last : 0) / log(10)).rounded(.up)))" }
            let when = decidableEpsilon.map {
                reached ? "; the drift is within 10% towards the smallest ε already, so one more ε, about \($0), should decide"
                    : "; extrapolating the drift, ε down to about \($0) should decide"
            } ?? "; the drift does not decrease over these ε, so no estimate of the ε that would decide"
            reading = "inconclusive: \(window), more than 10% (\(scaledText)): ε is not yet small enough for the 1/log(1/ε) regime\(when)"
        }
    }

    /// log(1/ε) at which the per-doubling drift of `scaled` reaches `driftTolerance`, by a
    /// log-log least-squares line through the drifts of consecutive pairs (nil if not decreasing).
    static func decidableLogInverse(L: [Double], scaled: [Double]) -> Double? {
        var xs: [Double] = [], ys: [Double] = []
        for i in 0..<(L.count - 1) where scaled[i] > 0 && scaled[i + 1] > 0 && L[i + 1] > L[i] {
            let drift = pow(scaled[i + 1] / scaled[i], log(2) / log(L[i + 1] / L[i])) - 1
            guard drift > 0 else { continue }
            xs.append(0.5 * (log(L[i]) + log(L[i + 1])))
            ys.append(log(drift))
        }
        guard xs.count >= 2 else { return nil }
        let mx = xs.reduce(0, +) / Double(xs.count), my = ys.reduce(0, +) / Double(ys.count)
        var sxy = 0.0, sxx = 0.0
        for i in xs.indices { sxy += (xs[i] - mx) * (ys[i] - my); sxx += (xs[i] - mx) * (xs[i] - mx) }
        guard sxx > 0 else { return nil }
        let beta = sxy / sxx
        guard beta < -0.05 else { return nil }
        let x = mx + (log(driftTolerance) - my) / beta
        let target = exp(x)
        return target.isFinite ? target : nil
    }

    /// ε = e^(−L) as "1e-k" (k rounded), or the decimal for moderate ε.
    static func epsilonText(_ L: Double) -> String {
        let k = L / log(10)
        if abs(k - k.rounded()) < 1e-6 { return "1e-\(Int(k.rounded()))" }
        return k < 300 ? String(format: "%.3g", exp(-L)) : "1e-\(Int(k.rounded()))"
    }

    static func percent(_ x: Double) -> String { String(format: "%.1f%%", abs(x) < 5e-4 ? 0 : 100 * x) }
}
