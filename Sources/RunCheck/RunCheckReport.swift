import Foundation
import ExactArithmetic
import LimitVerdict
import SaddleToSaddle

/// What `check-run` found (see `RunCheck` for the definitions and the criterion).
public struct RunCheckReport: Sendable {
    public enum Verdict: String, Sendable { case consistent, inconsistent, inconclusive }

    /// A supremum over the sample times and where it is attained.
    public struct Sup: Sendable {
        public var value = 0.0
        public var s = 0.0
        mutating func consider(_ v: Double, _ at: Double) {
            if v > value || v.isNaN { value = v; s = at }
        }
    }

    /// Per-time series at the run's sample times with s > 0.
    public struct Series: Sendable {
        public var t: [Double] = []
        public var s: [Double] = []
        public var runDeviation: [Double] = []
        public var limitDeviation: [Double] = []
        public var lassoDeviation: [Double] = []
        /// `[sample][coordinate]`.
        public var runAverage: [[Double]] = []
        public var referenceAverage: [[Double]] = []
        public var limitAverage: [[Double]] = []
        public var lassoPath: [[Double]] = []

        mutating func append(t: Double, s: Double, runDeviation: Double, limitDeviation: Double, lassoDeviation: Double,
                             runAverage: [Double], referenceAverage: [Double], limitAverage: [Double], lassoPath: [Double]) {
            self.t.append(t); self.s.append(s)
            self.runDeviation.append(runDeviation); self.limitDeviation.append(limitDeviation)
            self.lassoDeviation.append(lassoDeviation)
            self.runAverage.append(runAverage); self.referenceAverage.append(referenceAverage)
            self.limitAverage.append(limitAverage); self.lassoPath.append(lassoPath)
        }
    }

    public let file: String
    public let form: TrainingRun.Form
    public let epsilon: String
    public let logInverseEpsilon: Double
    /// Gradient-descent step, if the run is gradient descent.
    public let step: Double?
    public let samples: Int
    /// First and last sample time in s.
    public let sRange: (Double, Double)
    /// sup ‖x̄_run − x̄_ref‖∞: the solver check.
    public let runDeviation: Sup
    /// sup ‖x̄_run − x̄₀‖∞ against the exact ε → 0 limit.
    public let limitDeviation: Sup
    /// sup ‖x̄_run − x_lasso(λwd + 1/s)‖∞ against the exact lasso path.
    public let lassoDeviation: Sup
    /// The tool's own run against the limit at the same times: the part of `limitDeviation`
    /// that is the theory at this finite ε.
    public let referenceLimitDeviation: Sup
    /// The exact limit against the lasso path at the same times: the part of `lassoDeviation`
    /// that is the theory where z is not monotone (zero when the limit is the path).
    public let limitLassoDistance: Sup
    /// σ: the trapezoid average of the reference from these times against its exact average.
    public let samplingError: Sup
    public let relativeTolerance: Double
    /// τ = rtol · `scale`.
    public let tolerance: Double
    /// max_k ‖x̄_ref(t_k)‖∞.
    public let scale: Double
    public let verdict: Verdict
    /// When inconclusive: sample about this many times more densely.
    public let denserBy: Int?
    /// For gradient descent: whether the step tracks the flow (`GradientDescent`'s diagnosis).
    public let descentTracksFlow: Bool?
    public let descentDiagnosis: String?
    /// The exact intervals where the limit leaves the lasso path (docs/math.md §4).
    public let divergence: [Divergence]
    public let summary: FlowSummary
    public let series: Series
    /// When inconsistent: the usual convention (loss, scaling, ε) under which the run is not,
    /// and what to give (`RunCheck.conventionHint`); nil when none explains it.
    public internal(set) var hint: String? = nil

    public var criterion: String { RunCheck.criterion }

    /// The verdict in plain words.
    public var reading: String {
        switch verdict {
        case .inconsistent:
            return "inconsistent: the run's average differs from the tool's own \(step == nil ? "integration" : "gradient descent") at ε = \(epsilon) by \(g4(runDeviation.value)) at s ≈ \(g4(runDeviation.s)), more than the tolerance \(g4(tolerance)): a run of another problem, ε, initialisation or parametrisation\(step == nil ? "" : ", or another step"), or an inaccurate solver"
        case .inconclusive:
            return "inconclusive: the run agrees with the tool's own at its \(samples) samples (deviation \(g4(runDeviation.value)) ≤ \(g4(tolerance))), but they are too coarse to average: the sampling error σ = \(g4(samplingError.value)) at s ≈ \(g4(samplingError.s)) exceeds tolerance/2; sample about \(denserBy ?? 2)× more densely (≈ \(samples * (denserBy ?? 2)) samples)"
        case .consistent:
            return "consistent: the run's average is within \(g4(runDeviation.value)) of the tool's own \(step == nil ? "integration" : "gradient descent") at ε = \(epsilon) (tolerance \(g4(tolerance)); sampling error \(g4(samplingError.value)))"
        }
    }
}

func g4(_ x: Double) -> String {
    x.isFinite ? String(format: "%.4g", x) : (x.isNaN ? "nan" : (x > 0 ? "∞" : "−∞"))
}
