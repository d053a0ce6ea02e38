import Foundation
import NumericFlow

extension RunCheck {
    /// Another convention a run may have been made under (`check-run --help`, "Conventions"):
    /// the run's flow time times `timeScale` is ours (for gradient descent: its step is), at
    /// `epsilon` when that differs from the one declared.
    struct Convention {
        let timeScale: Double
        var epsilon: FlowEpsilon? = nil
        /// What the user's run then is, and what to give.
        let advice: String
    }

    /// The usual mismatches, most common first: the loss without the ½ (‖Xx − y‖²/n: the run
    /// at t is ours at 2t), a sum instead of a mean over the n samples (×n, ×2n) or the
    /// reverse (×1/n), the initialisation u(0) = ε·β (ours at ε², same t), the times doubled.
    static func conventions(_ reference: FlowReference, options: Options, epsilon: FlowEpsilon) -> [Convention] {
        // What to give for flow times × factor: the times, or gradient descent's step.
        func times(_ factor: Double, _ written: String) -> String {
            options.step.map { "--step \(String(format: "%.6g", $0 * factor))" } ?? "t_ours = \(written)"
        }
        var all = [Convention(timeScale: 2, advice: "a loss without the ½ (‖Xx − y‖²/n)? give \(times(2, "2·t"))")]
        if let data = reference.problem.data {
            let n = Double(data.X.rows)
            switch data.scaling {
            case .mean:
                all.append(Convention(timeScale: n, advice: "a loss summed over the \(data.X.rows) samples (‖Xx − y‖²/2)? give --scaling sum"))
                all.append(Convention(timeScale: 2 * n, advice: "a loss summed over the samples without the ½ (‖Xx − y‖²)? give --scaling sum and \(times(2, "2·t"))"))
            case .sum:
                all.append(Convention(timeScale: 1 / n, advice: "a loss averaged over the \(data.X.rows) samples (‖Xx − y‖²/(2n))? leave out --scaling sum"))
            }
        }
        if let e = try? FlowEpsilon(logInverse: 2 * epsilon.logInverse, label: decimalLabel(logInverse: 2 * epsilon.logInverse)) {
            all.append(Convention(timeScale: 1, epsilon: e, advice: "an initialisation u(0) = ε·β, not √ε·β? ε is the square of the initialisation scale: give --epsilon \(e.label)"))
        }
        all.append(Convention(timeScale: 0.5, advice: "times twice ours? give \(times(0.5, "t/2"))"))
        return all
    }

    /// e^(−logInverse) as "1e-12" or "3.16228e-401", a form `--epsilon` reads at any size.
    static func decimalLabel(logInverse: Double) -> String {
        let e = logInverse / log(10)
        let k = abs(e - e.rounded()) < 1e-9 ? e.rounded() : e.rounded(.up) // ε = m·10^(−k), 1 ≤ m < 10
        return "\(String(format: "%.6g", pow(10, k - e)))e-\(String(format: "%.0f", k))"
    }

    /// For an inconsistent run: the first usual convention under which it is consistent or
    /// inconclusive, in words with the deviation it then has; nil when none is. One more
    /// reference run per convention tried (a failed one is skipped).
    static func conventionHint(_ run: TrainingRun, against reference: FlowReference, options: Options, epsilon: FlowEpsilon) -> String? {
        for convention in conventions(reference, options: options, epsilon: epsilon) {
            guard let report = try? measure(run, against: reference, options: options, epsilon: convention.epsilon ?? epsilon,
                                            timeScale: convention.timeScale),
                  report.verdict != .inconsistent else { continue }
            return "\(convention.advice) (the run then agrees with the tool's own to \(g4(report.runDeviation.value)), \(report.verdict.rawValue))"
        }
        return nil
    }
}
