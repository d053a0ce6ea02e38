import JSONFormat
import ExactArithmetic
import NumericFlow

/// `flow`'s whole job: the ε sweep of the network's flow against the exact limit and path,
/// optionally gradient descent at each ε, and the exact facts beside them (docs/math.md §2–4).
public struct FlowSweep: Sendable {
    public let sMax: Rational
    /// True when `sMax` is `FlowReference.defaultSMax`.
    public let defaultHorizon: Bool
    public let gridPoints: Int
    public let report: EpsilonSweepReport
    public let summary: FlowSummary
    public let descent: [DescentComparison]
    /// Times at which gradient descent is compared with the flow.
    public let descentPoints: Int

    /// - Parameters:
    ///   - sMax: horizon; nil = `reference.defaultSMax`.
    ///   - gridPoints: 2…`EpsilonSweep.maxGridPoints`.
    ///   - step: also run gradient descent with this step at every ε.
    ///   - progress: (label, fraction) for the sweep, then for gradient descent.
    public static func run(_ reference: FlowReference, epsilons: [FlowEpsilon], sMax: Rational? = nil,
                           gridPoints: Int = 2000, options: FlowOptions = FlowOptions(), step: Double? = nil,
                           progress: ((String, Double) -> Void)? = nil) throws(RunCheckError) -> FlowSweep {
        guard (2...EpsilonSweep.maxGridPoints).contains(gridPoints) else {
            throw .badInput("--grid must be between 2 and \(EpsilonSweep.maxGridPoints), got \(gridPoints)")
        }
        let horizon = sMax ?? reference.defaultSMax, end = try reference.horizon(sMax)
        let report: EpsilonSweepReport
        do {
            report = try EpsilonSweep.run(reference.dln, epsilons: epsilons, exact: reference.exact, lasso: reference.lasso,
                                          sMax: end, gridPoints: gridPoints, options: options,
                                          apart: reference.divergenceIntervals(upTo: end),
                                          progress: { progress?("flow", $0) })
        } catch let error as FlowError {
            throw RunCheckError(error, context: "the ε sweep")
        } catch {
            throw .failed("the ε sweep: \(error)")
        }
        let points = min(gridPoints, 400)
        var descent: [DescentComparison] = []
        if let step {
            for (k, epsilon) in epsilons.enumerated() {
                do {
                    descent.append(try DescentComparison.run(reference.dln, epsilon: epsilon, stepSize: step, sMax: end,
                                                             points: points, exact: reference.exact, options: options) { f in
                        progress?("gradient descent", (Double(k) + f) / Double(epsilons.count))
                    })
                } catch let error as FlowError {
                    throw RunCheckError(error, context: "the flow at ε = \(epsilon.label)")
                } catch {
                    throw .failed("gradient descent at ε = \(epsilon.label): \(error)")
                }
            }
        }
        return FlowSweep(sMax: horizon, defaultHorizon: sMax == nil, gridPoints: gridPoints, report: report,
                         summary: FlowSummary(reference, sMax: horizon), descent: descent, descentPoints: points)
    }

    /// The verdict against the exact limit (what `--expect-consistent` checks).
    public var verdict: DeviationFit.Verdict { report.fitLimit.verdict }
}

extension FlowSweep {
    /// `flow --json`: floating-point measurements as JSON numbers, the exact facts as "p/q".
    public func json(file: String, reference: FlowReference, _ exact: ExactJSON = .exactStrings) -> JSONValue {
        let p = reference.problem
        func fitJSON(_ f: DeviationFit) -> JSONValue {
            .object(JSONObject([
                ("verdict", .string(f.verdict.rawValue)), ("criterion", .string(DeviationFit.criterion)),
                ("reading", .string(f.reading)),
                ("scaledExcess", .measured(f.scaledExcess)), ("exponent", .measured(f.exponent)),
                ("driftPerDoubling", .measured(f.driftPerDoubling)),
                ("decidableEpsilon", f.decidableEpsilon.map { .string($0) } ?? .null),
                ("intercept", .measured(f.intercept)), ("slope", .measured(f.slope)),
                ("residualRMS", .measured(f.residualRMS)), ("expectedIntercept", .measured(f.expectedIntercept)),
            ]))
        }
        let rows: [JSONValue] = report.rows.map { row in
            .object(JSONObject([
                ("epsilon", .string(row.epsilon)), ("logInverseEpsilon", .measured(row.logInverseEpsilon)),
                ("maxDeviationFromLimit", .measured(row.maxDeviationFromLimit)),
                ("sAtMaxDeviationFromLimit", .measured(row.sAtMaxDeviationFromLimit)),
                ("maxDeviationFromLasso", .measured(row.maxDeviationFromLasso)),
                ("sAtMaxDeviationFromLasso", .measured(row.sAtMaxDeviationFromLasso)),
                ("maxLassoGap", .measured(row.maxLassoGap)), ("sAtMaxLassoGap", .measured(row.sAtMaxLassoGap)),
                ("acceptedSteps", .integer(row.acceptedSteps)), ("rejectedSteps", .integer(row.rejectedSteps)),
                ("seconds", .measured(row.seconds)),
            ]))
        }
        var o: [(String, JSONValue)] = [
            ("file", .string(file)),
            ("variant", .string(p.variant.rawValue)),
            ("weightDecay", exact(p.weightDecay)),
            ("dimension", .integer(p.dimension)),
            ("sMax", .measured(report.sMax)),
            ("gridPoints", .integer(gridPoints)),
            ("evaluationPoints", .integer(report.evaluationPoints)),
            ("objectiveForm", .string(summary.objectiveForm)),
            ("exact", summary.json(exact)),
            ("limitDistanceFromLasso", .measured(report.limitDistanceFromLasso)),
            ("sAtLimitDistanceFromLasso", .measured(report.sAtLimitDistanceFromLasso)),
            ("rows", .array(rows)),
            ("fitLimit", fitJSON(report.fitLimit)),
            ("fitLasso", fitJSON(report.fitLasso)),
            ("reading", .string(report.reading)),
            ("verdict", .string(verdict.rawValue)),
            ("consistentWithLimit", .bool(verdict == .consistent)),
        ]
        if !descent.isEmpty { o.append(("gradientDescent", .array(descent.map(\.json)))) }
        return .object(JSONObject(o))
    }
}

extension DescentComparison {
    public var json: JSONValue {
        var o: [(String, JSONValue)] = [("epsilon", .string(epsilon)), ("stepSize", .measured(stepSize))]
        if let skipped {
            o.append(("skipped", .string(skipped)))
            return .object(JSONObject(o))
        }
        o += [
            ("iterations", .integer(iterations)),
            ("maxStepTimesCurvature", .measured(maxStepTimesCurvature)),
            ("maxDeviationFromFlow", .measured(maxDeviationFromFlow)),
            ("sAtMaxDeviationFromFlow", .measured(sAtMaxDeviationFromFlow)),
            ("maxDeviationFromLimit", .measured(maxDeviationFromLimit)),
            ("tracksFlow", .bool(tracksFlow)), ("diverged", .bool(diverged)),
            ("firstCurvatureViolationS", .measured(firstCurvatureViolationS)),
            ("firstLossIncreaseS", .measured(firstLossIncreaseS)),
            ("diagnosis", .string(diagnosis)),
        ]
        return .object(JSONObject(o))
    }
}
