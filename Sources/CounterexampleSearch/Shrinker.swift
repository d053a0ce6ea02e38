import ExactArithmetic

/// Reduces an instance while a property keeps holding, as property-based testing tools do
/// (QuickCheck, Hypothesis): try simpler candidates in a fixed order, take the first that still
/// has the property, start over; stop when none does.
///
/// Candidates, in order: drop a row (a sample), drop a column (a feature), then entry by entry
/// (X row-major, then y) the simpler values of `simplerValues` — 0, the nearest integer, fewer
/// significant digits or a simpler fraction, integers toward 0. A candidate is taken only if it is
/// strictly simpler (`Complexity`: n + d, then total text length, then numerator and denominator
/// sizes), which makes shrinking terminate; everything is exact and the order fixed, so the result
/// depends only on the instance and the property.
public struct Shrinker {
    /// Whether a candidate still has the property (false also when it cannot be analysed).
    public let holds: (SearchInstance) -> Bool
    /// A bound on accepted steps, as a safety net (never reached in practice).
    public var maximumSteps = 10_000

    public init(holds: @escaping (SearchInstance) -> Bool) {
        self.holds = holds
    }

    /// The shrunk instance and the number of simplifications taken.
    public func shrink(_ start: SearchInstance) -> (instance: SearchInstance, steps: Int) {
        var current = start
        var complexity = Complexity(current)
        var steps = 0
        search: while steps < maximumSteps {
            for candidate in candidates(current) {
                let c = Complexity(candidate)
                guard c < complexity, holds(candidate) else { continue }
                current = candidate
                complexity = c
                steps += 1
                continue search
            }
            break
        }
        return (current, steps)
    }

    /// The candidates of one round, in the fixed order described above.
    func candidates(_ s: SearchInstance) -> [SearchInstance] {
        var out: [SearchInstance] = []
        if s.samples > 1 {
            for i in 0..<s.samples {
                var c = s
                c.X.remove(at: i)
                c.y.remove(at: i)
                out.append(c)
            }
        }
        if s.features > 1 {
            for j in 0..<s.features {
                var c = s
                for i in c.X.indices { c.X[i].remove(at: j) }
                out.append(c)
            }
        }
        for i in 0..<s.samples {
            for j in 0..<s.features {
                for v in simplerValues(s.X[i][j]) {
                    var c = s
                    c.X[i][j] = v
                    out.append(c)
                }
            }
        }
        for i in 0..<s.samples {
            for v in simplerValues(s.y[i]) {
                var c = s
                c.y[i] = v
                out.append(c)
            }
        }
        return out
    }
}
