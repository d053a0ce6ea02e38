import NumericFlow

/// Samples of one training run a user made (docs/math.md §2): times and the predictor at each,
/// given directly (`x`, T × d) or through the factors (`u`, `v`; `u` alone for x = u∘u).
///
/// Conventions (stated in `check-run --help`): `t` is gradient-flow time of the loss
/// ℓ(x) = ½xᵀMx − rᵀx (+ weight decay ½λwd(‖u‖² + ‖v‖²), or λwd‖u‖² for u∘u), or iteration
/// numbers when a gradient-descent step η is given (t = kη); u(0) = √ε β, v(0) = √ε γ
/// (u(0) = √ε α); s = 2t/log(1/ε) for u∘v and 4t/log(1/ε) for u∘u.
public struct TrainingRun: Sendable {
    public enum Form: String, Sendable { case predictor = "x", factors = "u, v", factor = "u" }

    public let file: String
    /// As given: flow times, or iteration numbers (with a step).
    public let times: [Double]
    /// x at each time (computed from the factors when those were given).
    public let x: [[Double]]
    public let form: Form
    /// The ε stored in the file, if any (used when none is given on the command line).
    public let epsilon: FlowEpsilon?

    /// The largest run accepted: samples × d (the check is linear in it, the JSON series too).
    public static let maxValues = 10_000_000

    /// Validates what the readers assembled. `where(k)` names sample k in messages (e.g. "row 5"
    /// for numpy, "line 7" for CSV); `names` the time and value keys.
    init(file: String, times: [Double], x: [[Double]], form: Form, epsilon: FlowEpsilon?, dimension d: Int,
         place: (Int) -> String, timeKey: String = "t", valueKey: String = "x") throws(RunCheckError) {
        guard times.count >= 2 else {
            throw .badInput("\(file): \(timeKey): a run needs at least 2 samples, got \(times.count)")
        }
        guard times.count == x.count else {
            throw .badInput("\(file): \(timeKey) has \(times.count) samples but \(valueKey) has \(x.count) rows")
        }
        for (k, t) in times.enumerated() {
            guard t.isFinite else { throw .badInput("\(file): \(timeKey), \(place(k)): time \(t) is not finite") }
            guard t >= 0 else { throw .badInput("\(file): \(timeKey), \(place(k)): time \(t) is negative") }
            if k > 0, t <= times[k - 1] {
                throw .badInput("\(file): \(timeKey), \(place(k)): times must increase, but \(t) follows \(times[k - 1])")
            }
        }
        for (k, row) in x.enumerated() {
            guard row.count == d else {
                throw .badInput("\(file): \(valueKey), \(place(k)): \(row.count) values but the problem has d = \(d) coordinates")
            }
            if let i = row.firstIndex(where: { !$0.isFinite }) {
                throw .badInput("\(file): \(valueKey), \(place(k)), coordinate \(i) (0-based): \(row[i]) is not finite")
            }
        }
        self.file = file
        self.times = times
        self.x = x
        self.form = form
        self.epsilon = epsilon
    }

    /// A run of x samples built in code (rows named "row k" in messages).
    public init(times: [Double], x: [[Double]], epsilon: FlowEpsilon? = nil, dimension d: Int,
                file: String = "(run)") throws(RunCheckError) {
        try self.init(file: file, times: times, x: x, form: .predictor, epsilon: epsilon, dimension: d,
                      place: { "row \($0)" })
    }

    /// x = u∘v, or u∘u when `v` is nil.
    static func predictor(u: [[Double]], v: [[Double]]?) -> [[Double]] {
        guard let v else { return u.map { $0.map { $0 * $0 } } }
        return zip(u, v).map { zip($0, $1).map { $0 * $1 } }
    }
}
