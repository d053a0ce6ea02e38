import JSONFormat
import ExactArithmetic

extension RunCheckReport {
    /// `check-run --json`: deviations as JSON numbers (floating-point measurements), exact
    /// divergence intervals as "p/q" strings, and the per-time series. Indices are 0-based.
    public func json(_ exact: ExactJSON = .exactStrings) -> JSONValue {
        var o: [(String, JSONValue)] = [
            ("file", .string(file)),
            ("form", .string(form.rawValue)),
            ("epsilon", .string(epsilon)),
            ("logInverseEpsilon", .measured(logInverseEpsilon)),
            ("step", .measured(step)),
            ("samples", .integer(samples)),
            ("sFirst", .measured(sRange.0)), ("sLast", .measured(sRange.1)),
            ("runDeviation", .measured(runDeviation.value)), ("sAtRunDeviation", .measured(runDeviation.s)),
            ("limitDeviation", .measured(limitDeviation.value)), ("sAtLimitDeviation", .measured(limitDeviation.s)),
            ("lassoDeviation", .measured(lassoDeviation.value)), ("sAtLassoDeviation", .measured(lassoDeviation.s)),
            ("referenceLimitDeviation", .measured(referenceLimitDeviation.value)),
            ("sAtReferenceLimitDeviation", .measured(referenceLimitDeviation.s)),
            ("limitLassoDistance", .measured(limitLassoDistance.value)),
            ("sAtLimitLassoDistance", .measured(limitLassoDistance.s)),
            ("samplingError", .measured(samplingError.value)), ("sAtSamplingError", .measured(samplingError.s)),
            ("relativeTolerance", .measured(relativeTolerance)),
            ("tolerance", .measured(tolerance)),
            ("verdict", .string(verdict.rawValue)),
            ("criterion", .string(criterion)),
            ("reading", .string(reading)),
            ("denserBy", denserBy.map { .integer($0) } ?? .null),
            ("hint", hint.map { .string($0) } ?? .null),
        ]
        if let descentTracksFlow {
            o.append(("descentTracksFlow", .bool(descentTracksFlow)))
            o.append(("descentDiagnosis", .string(descentDiagnosis ?? "")))
        }
        o.append(("divergence", .array(divergence.map { d in
            .object(JSONObject([
                ("from", exact(d.from)), ("to", exact.optional(d.to)),
                ("fromApprox", .measured(d.from.doubleValue)), ("toApprox", .measured(d.to?.doubleValue)),
                ("coordinates", .indices(d.coordinates)),
            ]))
        })))
        o.append(("exact", summary.json(exact)))
        o.append(("series", .object(JSONObject([
            ("t", .measured(series.t)), ("s", .measured(series.s)),
            ("runDeviation", .measured(series.runDeviation)),
            ("limitDeviation", .measured(series.limitDeviation)),
            ("lassoDeviation", .measured(series.lassoDeviation)),
            ("runAverage", .array(series.runAverage.map { .measured($0) })),
            ("referenceAverage", .array(series.referenceAverage.map { .measured($0) })),
            ("limitAverage", .array(series.limitAverage.map { .measured($0) })),
            ("lassoPath", .array(series.lassoPath.map { .measured($0) })),
        ]))))
        return .object(JSONObject(o))
    }
}
