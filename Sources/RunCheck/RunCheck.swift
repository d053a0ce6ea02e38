import ExactArithmetic
import Foundation
import NumericFlow
import ProblemDefinition
import LimitVerdict
import SaddleToSaddle

/// Checks a user's training run against the tool's own accurate integration at the same ε,
/// initialisation and (for gradient descent) step, against the exact ε → 0 limit and against
/// the exact lasso path (docs/math.md §2–4).
///
/// ## Averages and the criterion
/// The run's time average x̄(t) = (1/t)∫₀ᵗ x is formed from the samples by the trapezoid rule
/// (with x(0) = ε β∘γ, resp. ε α², prepended when the first time is positive). The reference —
/// the flow, or gradient descent with the same step — is sampled at the same times and averaged
/// the same way, so `runDeviation` = sup_k ‖x̄_run(t_k) − x̄_ref(t_k)‖∞ measures the run, not the
/// sampling. The sampling error σ = sup_k ‖x̄_ref,trapezoid(t_k) − x̄_ref(t_k)‖∞ is known exactly
/// from the reference's dense output (or its exact iteration sums). With the tolerance
/// τ = rtol · max_k ‖x̄_ref(t_k)‖∞:
/// - `inconsistent` when runDeviation > τ (the samples disagree with the reference: another
///   problem, ε, initialisation, parametrisation or step, or an inaccurate solver);
/// - `consistent` when runDeviation ≤ τ and σ ≤ τ/2 (the samples are dense enough that
///   agreement at them means agreement of the averages in between);
/// - `inconclusive` otherwise, with how many times denser to sample (σ of an unresolved jump
///   shrinks about linearly with the spacing).
public enum RunCheck {
    public static let criterion = "consistent when runDeviation ≤ tolerance = rtol·max‖x̄_ref‖∞ and the sampling error σ ≤ tolerance/2 (σ: the trapezoid average of the tool's own run from these sample times against its exact average); inconsistent when runDeviation > tolerance; inconclusive otherwise (sample more densely)"

    public struct Options: Sendable {
        /// ε; nil = the one stored in the run file.
        public var epsilon: FlowEpsilon?
        /// Gradient-descent step η: the run's times are iteration numbers, t = kη.
        public var step: Double?
        /// rtol of the criterion.
        public var relativeTolerance: Double
        public var flow: FlowOptions

        public init(epsilon: FlowEpsilon? = nil, step: Double? = nil, relativeTolerance: Double = 1e-3,
                    flow: FlowOptions = FlowOptions(relativeTolerance: 1e-9, absoluteTolerance: 1e-11)) {
            self.epsilon = epsilon; self.step = step
            self.relativeTolerance = relativeTolerance; self.flow = flow
        }
    }

    /// `check-run`'s whole job: reads the run (`TrainingRunReader.read`, with its files), computes
    /// the exact reference of `problem` and checks the run against it.
    public static func check(runFile: String, x: String? = nil, u: String? = nil, v: String? = nil, problem: Problem,
                             options: Options, progress: ((Double) -> Void)? = nil) throws(RunCheckError) -> (RunCheckReport, FlowReference) {
        let run = try TrainingRunReader.read(runFile, x: x, u: u, v: v, dimension: problem.dimension, positive: problem.variant == .positive)
        let reference = try FlowReference(problem)
        return (try check(run, against: reference, options: options, progress: progress), reference)
    }

    public static func check(_ run: TrainingRun, against reference: FlowReference, options: Options,
                             progress: ((Double) -> Void)? = nil) throws(RunCheckError) -> RunCheckReport {
        guard let epsilon = options.epsilon ?? run.epsilon else {
            throw .badInput("\(run.file): no ε: the file stores none (key 'epsilon'), so give --epsilon")
        }
        if let step = options.step, !(step > 0 && step.isFinite) {
            throw .badInput("--step must be a positive number, got \(step)")
        }
        guard options.relativeTolerance > 0, options.relativeTolerance < 1 else {
            throw .badInput("--tolerance must lie in (0, 1), got \(options.relativeTolerance)")
        }
        var report = try measure(run, against: reference, options: options, epsilon: epsilon, progress: progress)
        if report.verdict == .inconsistent { report.hint = conventionHint(run, against: reference, options: options, epsilon: epsilon) }
        return report
    }

    /// The check with the run's flow times multiplied by `timeScale` (for gradient descent: its
    /// step), which is how a run made under another convention of loss or scaling reads
    /// (`conventionHint`).
    static func measure(_ run: TrainingRun, against reference: FlowReference, options: Options, epsilon: FlowEpsilon,
                        timeScale: Double = 1, progress: ((Double) -> Void)? = nil) throws(RunCheckError) -> RunCheckReport {
        let dln = reference.dln
        let L = epsilon.logInverse
        // s = (2 or 4)·t/L; flow time t = k·η for gradient descent.
        let sPerTime = dln.variant == .signed ? 2 / L : 4 / L
        let step = options.step.map { $0 * timeScale }
        let flowTimes = run.times.map { $0 * (step ?? timeScale) }
        var s = flowTimes.map { $0 * sPerTime }
        var runX = run.x
        let x0 = initialPredictor(dln, epsilon: epsilon)
        let prepended = s[0] > 0
        if prepended { s.insert(0, at: 0); runX.insert(x0, at: 0) }
        guard let sEnd = s.last, sEnd > 0, sEnd.isFinite else {
            throw .badInput("\(run.file): t: the run spans no time (last time \(run.times.last ?? 0))")
        }

        // The reference at the same times: instantaneous x and its exact average.
        var refX: [[Double]] = [], refExactAverage: [[Double]] = []
        var descentNote: (tracks: Bool, diagnosis: String)? = nil
        do {
            if let eta = step {
                let result = try GradientDescent.run(dln, epsilon: epsilon, stepSize: eta, sMax: sEnd, sampleAt: s,
                                                     progress: progress)
                guard result.samples.count == s.count, !result.diverged else {
                    throw RunCheckError.failed("the tool's gradient descent at the run's step cannot be the reference: \(result.diagnosis)")
                }
                refX = result.samples.map(\.iterate)
                // GD's own average is the left sum of its iterates; its trapezoid through every
                // iterate adds ½·η_s·(x_k − x₀)/s_k, so a run holding every iteration has σ = 0.
                let sStep = eta * sPerTime
                refExactAverage = zip(result.samples, s).map { sample, sk in
                    sk > 0 ? zip(sample.averaged, zip(sample.iterate, x0)).map { $0 + 0.5 * sStep * ($1.0 - $1.1) / sk } : sample.iterate
                }
                descentNote = (result.tracksFlow, result.diagnosis)
            } else {
                let trajectory = try ZFlow.solve(dln, epsilon: epsilon, sMax: sEnd, options: options.flow, progress: progress)
                refX = s.map(trajectory.iterate(at:))
                refExactAverage = s.map(trajectory.averaged(at:))
            }
        } catch let error as RunCheckError {
            throw error
        } catch let error as FlowError {
            throw RunCheckError(error, context: "the reference run at ε = \(epsilon.label)")
        } catch {
            throw .failed("the reference run: \(error)")
        }
        let runAverage = trapezoidAverages(s, runX)
        let refAverage = trapezoidAverages(s, refX)
        let lambda = dln.weightDecay

        var series = RunCheckReport.Series()
        var dev = RunCheckReport.Sup(), lim = RunCheckReport.Sup(), las = RunCheckReport.Sup()
        var refLim = RunCheckReport.Sup(), limLas = RunCheckReport.Sup(), sampling = RunCheckReport.Sup()
        var scale = 0.0
        let apart = reference.divergenceIntervals(upTo: sEnd)
        for k in s.indices where s[k] > 0 {
            let limit = reference.exact.averaged(at: s[k])
            let path = reference.lasso.solution(atS: s[k], weightDecay: lambda)
            let dRun = EpsilonSweep.supDistance(runAverage[k], refAverage[k])
            let dLim = EpsilonSweep.supDistance(runAverage[k], limit)
            let dLas = EpsilonSweep.supDistance(runAverage[k], path)
            dev.consider(dRun, s[k]); lim.consider(dLim, s[k]); las.consider(dLas, s[k])
            refLim.consider(EpsilonSweep.supDistance(refExactAverage[k], limit), s[k])
            limLas.consider(EpsilonSweep.limitDistance(limit, path, at: s[k], apart: apart), s[k])
            sampling.consider(EpsilonSweep.supDistance(refAverage[k], refExactAverage[k]), s[k])
            scale = max(scale, refExactAverage[k].reduce(0) { max($0, abs($1)) })
            let index = prepended ? k - 1 : k
            series.append(t: index >= 0 ? run.times[index] : 0, s: s[k], runDeviation: dRun, limitDeviation: dLim,
                          lassoDeviation: dLas, runAverage: runAverage[k], referenceAverage: refAverage[k],
                          limitAverage: limit, lassoPath: path)
        }
        let tolerance = options.relativeTolerance * max(scale, .leastNormalMagnitude)
        let verdict: RunCheckReport.Verdict
        var denser: Int? = nil
        if dev.value > tolerance {
            verdict = .inconsistent
        } else if sampling.value > tolerance / 2 {
            verdict = .inconclusive
            denser = Int((2 * sampling.value / tolerance).rounded(.up)) + 1
        } else {
            verdict = .consistent
        }
        let sMax = Rational(exactly: sEnd) ?? reference.defaultSMax
        return RunCheckReport(
            file: run.file, form: run.form, epsilon: epsilon.label, logInverseEpsilon: L, step: step,
            samples: run.times.count, sRange: (s[prepended ? 1 : 0], sEnd),
            runDeviation: dev, limitDeviation: lim, lassoDeviation: las,
            referenceLimitDeviation: refLim, limitLassoDistance: limLas, samplingError: sampling,
            relativeTolerance: options.relativeTolerance, tolerance: tolerance, scale: scale,
            verdict: verdict, denserBy: denser, descentTracksFlow: descentNote?.tracks, descentDiagnosis: descentNote?.diagnosis,
            divergence: reference.verdict.divergence, summary: FlowSummary(reference, sMax: sMax), series: series)
    }

    /// x(0) = ε β∘γ (u∘v) or ε α² (u∘u).
    static func initialPredictor(_ p: DLNProblem, epsilon: FlowEpsilon) -> [Double] {
        let e = epsilon.value
        return p.variant == .signed ? zip(p.beta, p.gamma).map { e * $0 * $1 } : p.alpha.map { e * $0 * $0 }
    }

    /// (1/s_k)∫₀^{s_k} x by the trapezoid rule through the samples (s₀ = 0 gives x₀ itself).
    static func trapezoidAverages(_ s: [Double], _ x: [[Double]]) -> [[Double]] {
        var integral = [Double](repeating: 0, count: x.first?.count ?? 0)
        var out: [[Double]] = [x[0]]
        for k in 1..<s.count {
            let h = s[k] - s[k - 1]
            for i in integral.indices { integral[i] += 0.5 * h * (x[k - 1][i] + x[k][i]) }
            out.append(integral.map { $0 / s[k] })
        }
        return out
    }
}
